{# create table as / create view as. A model's sql_header config (set_sql_header) precedes the statement. #}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
    {{ adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql) }}
{%- endmacro %}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
    {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
    {{ adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code) }}
{%- endmacro %}

{% macro default__create_table_as(temporary, relation, sql) -%}
    {{ table_as_statements(temporary, relation, sql, 'create') }}
{%- endmacro %}

{#-- The statements of create_table_as; `create` is the DDL verb ('create', or 'create or replace' on DuckDB). --#}
{% macro table_as_statements(temporary, relation, sql, create) -%}
    {%- set sql_header = config.get('sql_header', none) -%}
    {{ sql_header if sql_header is not none }}
    {%- if contract_enforced() and not temporary %}
    {{ get_assert_columns_equivalent(sql) }}
    {{ create }} table {{ relation }} {{ get_table_columns_and_constraints() }};
    insert into {{ relation }} ({{ get_contract_column_csv() }})
    select {{ get_contract_column_csv() }}
    from (
        {{ sql }}
    ) as model_subq;
    {%- else %}
    {{ create }} {% if temporary %}temporary {% endif %}table
        {{ relation.include(database=(not temporary), schema=(not temporary)) }}
    as (
        {{ sql }}
    );
    {%- endif %}
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
    {{ adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
    {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
    {{ adapter.dispatch('create_view_as', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
    {{ view_as_statements(relation, sql, 'create') }}
{%- endmacro %}

{% macro view_as_statements(relation, sql, create) -%}
    {%- set sql_header = config.get('sql_header', none) -%}
    {{ sql_header if sql_header is not none }}
    {%- if contract_enforced() %}
    {{ get_assert_columns_equivalent(sql) }}
    {%- endif %}
    {{ create }} view {{ relation }} as (
        {{ sql }}
    );
{%- endmacro %}

{#-- DuckDB replaces in one statement (its DDL is transactional, so a failure leaves the old relation). --#}
{% macro duckdb__create_table_as(temporary, relation, sql) -%}
    {{ table_as_statements(temporary, relation, sql, 'create or replace') }}
{%- endmacro %}

{% macro duckdb__create_view_as(relation, sql) -%}
    {{ view_as_statements(relation, sql, 'create or replace') }}
{%- endmacro %}
