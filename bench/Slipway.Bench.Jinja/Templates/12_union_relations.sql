{%- macro union_relations(relations, column_names, source_column_name='_dbt_source_relation') -%}
    {%- for relation in relations %}
    select
        cast('{{ relation }}' as varchar) as {{ source_column_name }},
        {% for col in column_names -%}
        {{ col }}{{ ',' if not loop.last }}
        {% endfor %}
    from {{ relation }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor -%}
{%- endmacro -%}
{%- set relations = [ref('orders_2022'), ref('orders_2023'), ref('orders_2024'), source('legacy', 'orders')] -%}
{{ union_relations(relations, ['order_id', 'customer_id', 'order_date', 'status', 'amount']) }}
