{{ config(materialized='incremental', unique_key='id') }}
{%- set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] -%}
with payments as (
    select
        order_id,
        {% for payment_method in payment_methods -%}
        sum(case when payment_method = '{{ payment_method }}' then amount else 0 end) as {{ payment_method }}_amount
        {%- if not loop.last %},{% endif %}
        {% endfor -%}
    from {{ ref('stg_payments') }}
    {{ incremental_filter() }}
    group by 1
),
keyed as (
    select {{ surrogate_key(['order_id', 'customer_id']) }} as id, {{ star(source_rel, except=['amount']) }}
    from {{ source('shop', 'orders') }}
)
{% call statement('main') %}select count(*) from keyed{% endcall %}
{%- set cols = get_columns(source_rel) %}
select * from keyed /* {{ cols | length }} columns: {{ cols | join(', ') }} */
{%- if var('debug', false) %} -- debug {% endif %}
{{ create_table_as(false, this, 'select 1') }}
