{# Number series and date spines. #}

{#-- The smallest n with 2^n >= upper_bound (at least 1): how many doubling cross joins cover the range. --#}
{% macro get_powers_of_two(upper_bound) %}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{% endmacro %}

{% macro default__get_powers_of_two(upper_bound) %}
    {% if upper_bound <= 0 %}
        {{ exceptions.raise_compiler_error("upper bound must be positive") }}
    {% endif %}
    {% set state = namespace(power=1) %}
    {% for _ in range(64) %}
        {% if 2 ** state.power < upper_bound %}{% set state.power = state.power + 1 %}{% endif %}
    {% endfor %}
    {{ return(state.power) }}
{% endmacro %}

{#-- One column, generated_number, holding 1 … upper_bound. --#}
{% macro generate_series(upper_bound) %}
    {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{% endmacro %}

{% macro default__generate_series(upper_bound) -%}
    {%- set n = dbt.get_powers_of_two(upper_bound) -%}
    with bit as (
        select 0 as b union all select 1
    ),
    numbers as (
        select
        {% for i in range(n) %}
            b{{ i }}.b * {{ 2 ** i }}{% if not loop.last %} +{% endif %}
        {% endfor %}
            + 1 as generated_number
        from
        {% for i in range(n) %}
            bit as b{{ i }}{% if not loop.last %} cross join{% endif %}
        {% endfor %}
    )
    select generated_number
    from numbers
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro %}

{% macro duckdb__generate_series(upper_bound) -%}
    select generate_series as generated_number from generate_series(1, {{ upper_bound }})
{%- endmacro %}

{#-- How many dateparts lie between two date expressions; asks the warehouse, so it needs execute. --#}
{% macro get_intervals_between(start_date, end_date, datepart) %}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{% endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) %}
    {% if execute %}
        {% set result = run_query("select " ~ dbt.datediff(start_date, end_date, datepart) ~ " as n") %}
        {% set n = result.columns[0].values()[0] if result is not none else none %}
        {% if n is none %}
            {{ exceptions.raise_compiler_error("Could not compute the intervals between " ~ start_date ~ " and " ~ end_date) }}
        {% endif %}
        {{ return(n) }}
    {% else %}
        {{ return(1) }}
    {% endif %}
{% endmacro %}

{#-- Every datepart from start_date up to, but not including, end_date; one column date_<datepart>. --#}
{% macro date_spine(datepart, start_date, end_date) %}
    {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{% endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
    {%- set intervals = dbt.get_intervals_between(start_date, end_date, datepart) -%}
    with spine_numbers as (
        {{ dbt.generate_series(intervals if intervals > 0 else 1) }}
    ),
    spine_periods as (
        select {{ dbt.dateadd(datepart, 'generated_number - 1', start_date) }} as date_{{ datepart }}
        from spine_numbers
    )
    select date_{{ datepart }}
    from spine_periods
    where date_{{ datepart }} < {{ end_date }}
{%- endmacro %}
