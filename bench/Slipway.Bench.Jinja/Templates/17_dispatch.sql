{%- macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro -%}
{%- macro duckdb__datediff(first_date, second_date, datepart) -%}
    date_diff('{{ datepart }}', {{ first_date }}::timestamp, {{ second_date }}::timestamp)
{%- endmacro -%}
{%- macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- if datepart == 'day' -%}
        ({{ second_date }}::date - {{ first_date }}::date)
    {%- else -%}
        extract({{ datepart }} from age({{ second_date }}, {{ first_date }}))
    {%- endif -%}
{%- endmacro -%}
{%- macro datediff(first_date, second_date, datepart) -%}
    {%- if target.type == 'duckdb' -%}{{ duckdb__datediff(first_date, second_date, datepart) }}
    {%- elif target.type == 'postgres' -%}{{ postgres__datediff(first_date, second_date, datepart) }}
    {%- else -%}{{ default__datediff(first_date, second_date, datepart) }}{%- endif -%}
{%- endmacro -%}
select
    order_id,
    {{ datediff('ordered_at', 'shipped_at', 'day') }} as days_to_ship,
    {{ datediff('ordered_at', 'delivered_at', 'hour') }} as hours_to_deliver,
    {{ datediff('created_at', run_started_at ~ '', 'minute') }} as age_minutes
from {{ ref('orders') }}
