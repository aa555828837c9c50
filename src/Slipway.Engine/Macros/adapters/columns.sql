{# Columns of relations and queries, and column DDL. #}

{% macro get_columns_in_relation(relation) -%}
    {{ return(adapter.dispatch('get_columns_in_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_columns_in_relation(relation) -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{#-- A query with the columns of select_sql and no rows. --#}
{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}

{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    {%- if select_sql_header is not none -%}
    {{ select_sql_header }}
    {% endif -%}
    select * from (
        {{ select_sql }}
    ) as __dbt_sbq
    where false
    limit 0
{%- endmacro %}

{#-- api.Column objects for what a query returns, found without reading its rows. --#}
{% macro get_column_schema_from_query(select_sql, select_sql_header=none) -%}
    {{ return(adapter.get_column_schema_from_query(select_sql)) }}
{%- endmacro %}

{#-- The column names a query returns. --#}
{% macro get_columns_in_query(select_sql) -%}
    {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}

{% macro default__get_columns_in_query(select_sql) %}
    {% call statement('get_columns_in_query', fetch_result=True, auto_begin=False) -%}
        {{ get_empty_subquery_sql(select_sql) }}
    {%- endcall %}
    {% set result = load_result('get_columns_in_query') %}
    {{ return(result.table.columns | map(attribute='name') | list if result is not none else []) }}
{% endmacro %}

{% macro alter_column_type(relation, column_name, new_column_type) -%}
    {{ return(adapter.dispatch('alter_column_type', 'dbt')(relation, column_name, new_column_type)) }}
{%- endmacro %}

{#-- Portable: add a column of the new type, copy the values across, drop the old one, take its name. --#}
{% macro default__alter_column_type(relation, column_name, new_column_type) -%}
    {%- set tmp_column = column_name ~ "__dbt_alter" -%}
    {% call statement('alter_column_type') %}
        alter table {{ relation }} add column {{ adapter.quote(tmp_column) }} {{ new_column_type }};
        update {{ relation }} set {{ adapter.quote(tmp_column) }} = cast({{ adapter.quote(column_name) }} as {{ new_column_type }});
        alter table {{ relation }} drop column {{ adapter.quote(column_name) }} cascade;
        alter table {{ relation }} rename column {{ adapter.quote(tmp_column) }} to {{ adapter.quote(column_name) }}
    {% endcall %}
{%- endmacro %}

{% macro duckdb__alter_column_type(relation, column_name, new_column_type) -%}
    {% call statement('alter_column_type') %}
        alter table {{ relation }} alter column {{ adapter.quote(column_name) }} set data type {{ new_column_type }}
    {% endcall %}
{%- endmacro %}

{% macro alter_relation_add_remove_columns(relation, add_columns=none, remove_columns=none) -%}
    {{ return(adapter.dispatch('alter_relation_add_remove_columns', 'dbt')(relation, add_columns, remove_columns)) }}
{%- endmacro %}

{#-- One statement per column: DuckDB takes a single action per alter table. --#}
{% macro default__alter_relation_add_remove_columns(relation, add_columns, remove_columns) %}
    {% for column in add_columns or [] %}
        {% call statement('alter_relation_add_remove_columns') -%}
            alter {{ relation_ddl_keyword(relation) }} {{ relation }} add column {{ column.quoted }} {{ column.data_type }}
        {%- endcall %}
    {% endfor %}
    {% for column in remove_columns or [] %}
        {% call statement('alter_relation_add_remove_columns') -%}
            alter {{ relation_ddl_keyword(relation) }} {{ relation }} drop column {{ column.quoted }}
        {%- endcall %}
    {% endfor %}
{% endmacro %}
