{# Date helpers for macros that build partition lists (dbt's etc/datetime). Dates are strings in a strftime
   format, '%Y%m%d' unless said otherwise. #}

{% macro convert_datetime(date_str, date_fmt) %}
    {{ return(modules.datetime.datetime.strptime(date_str.strip(), date_fmt)) }}
{% endmacro %}

{#-- Every day from start to end, both included, formatted with out_fmt. --#}
{% macro dates_in_range(start_date_str, end_date_str=none, in_fmt="%Y%m%d", out_fmt="%Y%m%d") %}
    {% set end_date_str = start_date_str if end_date_str is none else end_date_str %}
    {% set start_date = convert_datetime(start_date_str, in_fmt) %}
    {% set end_date = convert_datetime(end_date_str, in_fmt) %}
    {% set day_count = (end_date - start_date).days %}
    {% if day_count < 0 %}
        {{ exceptions.raise_compiler_error("Partition start date is after the end date (" ~ start_date_str ~ ", " ~ end_date_str ~ ")") }}
    {% endif %}
    {% set date_list = [] %}
    {% for i in range(0, day_count + 1) %}
        {% do date_list.append((start_date + modules.datetime.timedelta(days=i)).strftime(out_fmt)) %}
    {% endfor %}
    {{ return(date_list) }}
{% endmacro %}

{#-- 'YYYYMMDD' or 'YYYYMMDD,YYYYMMDD' → the list of days it names. --#}
{% macro partition_range(raw_partition_date, date_fmt='%Y%m%d') %}
    {% set partition_range = (raw_partition_date | string).split(",") %}
    {% if (partition_range | length) == 1 %}
        {% set start_date = partition_range[0] %}
        {% set end_date = none %}
    {% elif (partition_range | length) == 2 %}
        {% set start_date = partition_range[0] %}
        {% set end_date = partition_range[1] %}
    {% else %}
        {{ exceptions.raise_compiler_error("Invalid partition time. Expected format: {Start Date}[,{End Date}]. Got: " ~ raw_partition_date) }}
    {% endif %}
    {{ return(dates_in_range(start_date, end_date, in_fmt=date_fmt)) }}
{% endmacro %}

{% macro py_current_timestring() %}
    {% set dt = modules.datetime.datetime.now() %}
    {% do return(dt.strftime("%Y%m%d%H%M%S%f")) %}
{% endmacro %}
