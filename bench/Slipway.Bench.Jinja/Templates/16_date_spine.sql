{%- macro generate_series(upper_bound) -%}
    {%- set n = 1 -%}
    {%- set ns = namespace(power=1) -%}
    {%- for i in range(1, 12) -%}
        {%- if 2 ** i < upper_bound -%}{%- set ns.power = i + 1 -%}{%- endif -%}
    {%- endfor %}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
    select
    {% for i in range(ns.power) %}
    p{{ i }}.generated_number * power(2, {{ i }})
    {{ ' + ' if not loop.last }}
    {% endfor %}
    + 1
    as generated_number
    from
    {% for i in range(ns.power) %}
    p as p{{ i }}
    {{ ' cross join ' if not loop.last }}
    {% endfor %}
    )
    select * from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro -%}
with rawdata as (
    {{ generate_series(365) }}
),
all_periods as (
    select (date '{{ var('start_date') }}' + (generated_number - 1) * interval '1 day') as date_day
    from rawdata
)
select * from all_periods
