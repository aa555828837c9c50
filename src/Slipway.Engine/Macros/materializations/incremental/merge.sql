{# The SQL of the delete+insert and merge strategies. unique_key is one column (or expression) or a list. #}

{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {{ adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{#-- Rows matching on the key update the merge_update_columns (default: all, less merge_exclude_columns);
     others are inserted. Without a key nothing matches and every row is inserted. --#}
{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {%- set predicates = [] if incremental_predicates is none else [] + incremental_predicates -%}
    {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
    {%- set merge_update_columns = config.get('merge_update_columns') -%}
    {%- set merge_exclude_columns = config.get('merge_exclude_columns') -%}
    {%- set update_columns = get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
    {%- set sql_header = config.get('sql_header', none) -%}

    {%- if unique_key -%}
        {%- set keys = unique_key if unique_key is sequence and unique_key is not mapping and unique_key is not string else [unique_key] -%}
        {%- for key in keys -%}
            {%- do predicates.append("DBT_INTERNAL_SOURCE." ~ key ~ " = DBT_INTERNAL_DEST." ~ key) -%}
        {%- endfor -%}
    {%- else -%}
        {%- do predicates.append('FALSE') -%}
    {%- endif -%}

    {{ sql_header if sql_header is not none }}

    merge into {{ target }} as DBT_INTERNAL_DEST
        using {{ source }} as DBT_INTERNAL_SOURCE
        on {{ "(" ~ predicates | join(") and (") ~ ")" }}

    {% if unique_key and update_columns | length > 0 %}
    when matched then update set
        {% for column_name in update_columns -%}
            {{ column_name }} = DBT_INTERNAL_SOURCE.{{ column_name }}{% if not loop.last %}, {% endif %}
        {%- endfor %}
    {% endif %}

    when not matched then insert
        ({{ dest_cols_csv }})
    values
        ({% for column in dest_columns -%}
            DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{% if not loop.last %}, {% endif %}
        {%- endfor %})
{%- endmacro %}

{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {{ adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{#-- Delete the target rows whose key appears among the new rows, then insert all new rows. --#}
{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
    {%- if unique_key -%}
        {%- if unique_key is sequence and unique_key is not string -%}
    delete from {{ target }}
        using {{ source }}
        where (
            {% for key in unique_key -%}
            {{ source }}.{{ key }} = {{ target }}.{{ key }}{% if not loop.last %} and {% endif %}
            {%- endfor %}
            {%- if incremental_predicates %}
            {% for predicate in incremental_predicates %} and {{ predicate }}{% endfor %}
            {%- endif %}
        );
        {%- else -%}
    delete from {{ target }}
        where (
            {{ unique_key }}) in (
            select ({{ unique_key }})
            from {{ source }}
        )
        {%- if incremental_predicates %}
        {% for predicate in incremental_predicates %} and {{ predicate }}{% endfor %}
        {%- endif %};
        {%- endif %}
    {%- endif %}

    insert into {{ target }} ({{ dest_cols_csv }})
    (
        select {{ dest_cols_csv }}
        from {{ source }}
    )
{%- endmacro %}

{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
    {{ adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) }}
{%- endmacro %}

{#-- Replace the target rows the predicates select (all rows without predicates) by the new rows. --#}
{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header) -%}
    {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
    delete from {{ target }}
    {%- if predicates %} where {{ predicates | join(' and ') }}{% endif %};
    insert into {{ target }} ({{ dest_cols_csv }})
    (
        select {{ dest_cols_csv }}
        from {{ source }}
    )
{%- endmacro %}
