{# PostgreSQL's versions of the cross-database utilities where its SQL differs from the default spelling. #}

{#-- PostgreSQL has no datediff. Like dbt's other adapters this counts datepart boundaries crossed (Dec 31 → Jan 1
     is one year), built from date_part differences of the coarser parts. --#}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'year' -%}
        cast(date_part('year', ({{ second_date }})::date) - date_part('year', ({{ first_date }})::date) as bigint)
    {%- elif part == 'quarter' -%}
        ({{ postgres__datediff(first_date, second_date, 'year') }} * 4 + cast(date_part('quarter', ({{ second_date }})::date) - date_part('quarter', ({{ first_date }})::date) as bigint))
    {%- elif part == 'month' -%}
        ({{ postgres__datediff(first_date, second_date, 'year') }} * 12 + cast(date_part('month', ({{ second_date }})::date) - date_part('month', ({{ first_date }})::date) as bigint))
    {%- elif part == 'day' -%}
        cast(({{ second_date }})::date - ({{ first_date }})::date as bigint)
    {%- elif part == 'week' -%}
        {#-- Whole weeks, plus one more when the second date's weekday comes earlier in the week than the first's. --#}
        ({{ postgres__datediff(first_date, second_date, 'day') }} / 7 + case
            when date_part('dow', ({{ first_date }})::timestamp) <= date_part('dow', ({{ second_date }})::timestamp)
                then case when {{ first_date }} <= {{ second_date }} then 0 else -1 end
            else case when {{ first_date }} <= {{ second_date }} then 1 else 0 end
        end)
    {%- elif part == 'hour' -%}
        ({{ postgres__datediff(first_date, second_date, 'day') }} * 24 + cast(date_part('hour', ({{ second_date }})::timestamp) - date_part('hour', ({{ first_date }})::timestamp) as bigint))
    {%- elif part == 'minute' -%}
        ({{ postgres__datediff(first_date, second_date, 'hour') }} * 60 + cast(date_part('minute', ({{ second_date }})::timestamp) - date_part('minute', ({{ first_date }})::timestamp) as bigint))
    {%- elif part == 'second' -%}
        ({{ postgres__datediff(first_date, second_date, 'minute') }} * 60 + cast(floor(date_part('second', ({{ second_date }})::timestamp)) - floor(date_part('second', ({{ first_date }})::timestamp)) as bigint))
    {%- elif part == 'millisecond' -%}
        ({{ postgres__datediff(first_date, second_date, 'minute') }} * 60000 + cast(floor(date_part('millisecond', ({{ second_date }})::timestamp)) - floor(date_part('millisecond', ({{ first_date }})::timestamp)) as bigint))
    {%- elif part == 'microsecond' -%}
        ({{ postgres__datediff(first_date, second_date, 'minute') }} * 60000000 + cast(floor(date_part('microsecond', ({{ second_date }})::timestamp)) - floor(date_part('microsecond', ({{ first_date }})::timestamp)) as bigint))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in postgres: " ~ datepart) }}
    {%- endif -%}
{%- endmacro %}

{#-- PostgreSQL intervals know no quarter: three months (so last_day by quarter works too). --#}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- if datepart | lower == 'quarter' -%}
    {{ from_date_or_timestamp }} + ((interval '3 month') * ({{ interval }}))
    {%- else -%}
    {{ default__dateadd(datepart, interval, from_date_or_timestamp) }}
    {%- endif -%}
{%- endmacro %}

{#-- any_value arrived only in PostgreSQL 16; min() picks one of the values on every version. --#}
{% macro postgres__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}
