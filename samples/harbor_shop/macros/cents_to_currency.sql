{#- Prices and payments are stored in cents; reports want the currency amount. -#}
{% macro cents_to_currency(column_name, scale=2) -%}
    round(cast({{ column_name }} as numeric(16, {{ scale }})) / 100, {{ scale }})
{%- endmacro %}
