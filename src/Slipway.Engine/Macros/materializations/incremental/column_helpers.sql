{# Column lists for the incremental strategies. #}

{#-- "a", "b", "c" — each name quoted. --#}
{% macro get_quoted_csv(column_names) %}
    {% set quoted = [] %}
    {% for col in column_names -%}
        {%- do quoted.append(adapter.quote(col)) -%}
    {%- endfor %}
    {%- set dest_cols_csv = quoted | join(', ') -%}
    {{ return(dest_cols_csv) }}
{% endmacro %}

{#-- The columns of source_columns whose names (case-insensitively) are not among target_columns. --#}
{% macro diff_columns(source_columns, target_columns) %}
    {% set result = [] %}
    {% set target_names = target_columns | map(attribute='name') | map('lower') | list %}
    {% for sc in source_columns %}
        {% if sc.name | lower not in target_names %}
            {% do result.append(sc) %}
        {% endif %}
    {% endfor %}
    {{ return(result) }}
{% endmacro %}

{#-- {column_name, new_type} for each column both have whose type changed (a string column that only grew is not a change). --#}
{% macro diff_column_data_types(source_columns, target_columns) %}
    {% set result = [] %}
    {% for sc in source_columns %}
        {% set tc = target_columns | selectattr('name', 'equalto', sc.name) | list | first %}
        {% if tc is defined and tc and sc.data_type != tc.data_type and not sc.can_expand_to(other_column=tc) %}
            {% do result.append({'column_name': tc.name, 'new_type': sc.data_type}) %}
        {% endif %}
    {% endfor %}
    {{ return(result) }}
{% endmacro %}

{#-- The quoted columns a merge updates: merge_update_columns if set, else every column less merge_exclude_columns. --#}
{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) %}
    {{ return(adapter.dispatch('get_merge_update_columns', 'dbt')(merge_update_columns, merge_exclude_columns, dest_columns)) }}
{% endmacro %}

{% macro default__get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) %}
    {%- set default_cols = dest_columns | map(attribute="quoted") | list -%}
    {%- if merge_update_columns and merge_exclude_columns -%}
        {{ exceptions.raise_compiler_error('Model cannot specify merge_update_columns and merge_exclude_columns. Please update model to use only one config') }}
    {%- elif merge_update_columns -%}
        {%- set update_columns = merge_update_columns -%}
    {%- elif merge_exclude_columns -%}
        {%- set excluded = merge_exclude_columns | map('lower') | list -%}
        {%- set update_columns = [] -%}
        {%- for column in dest_columns -%}
            {% if column.column | lower not in excluded %}
                {%- do update_columns.append(column.quoted) -%}
            {% endif %}
        {%- endfor -%}
    {%- else -%}
        {%- set update_columns = default_cols -%}
    {%- endif -%}
    {{ return(update_columns) }}
{% endmacro %}
