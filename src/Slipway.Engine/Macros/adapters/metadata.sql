{# Catalog questions macros ask: which schemas exist, which relations a schema holds. #}

{#-- A one-column table (schema_name) of the database's schemas. --#}
{% macro list_schemas(database) -%}
    {{ return(adapter.dispatch('list_schemas', 'dbt')(database)) }}
{%- endmacro %}

{% macro default__list_schemas(database) -%}
    {% set sql %}
        select distinct schema_name
        from information_schema.schemata
        where lower(catalog_name) = lower('{{ database }}')
    {% endset %}
    {{ return(run_query(sql)) }}
{%- endmacro %}

{#-- A one-row table whose single value counts the schemas named information_schema (0 or 1). --#}
{% macro check_schema_exists(information_schema, schema) -%}
    {{ return(adapter.dispatch('check_schema_exists', 'dbt')(information_schema, schema)) }}
{%- endmacro %}

{% macro default__check_schema_exists(information_schema, schema) -%}
    {% set database = information_schema.database if information_schema.database is defined else information_schema %}
    {% set sql -%}
        select count(*)
        from information_schema.schemata
        where lower(catalog_name) = lower('{{ database }}')
          and lower(schema_name) = lower('{{ schema }}')
    {%- endset %}
    {{ return(run_query(sql)) }}
{%- endmacro %}

{% macro list_relations_without_caching(schema_relation) %}
    {{ return(adapter.dispatch('list_relations_without_caching', 'dbt')(schema_relation)) }}
{% endmacro %}

{% macro default__list_relations_without_caching(schema_relation) %}
    {{ return(adapter.list_relations_without_caching(schema_relation)) }}
{% endmacro %}
