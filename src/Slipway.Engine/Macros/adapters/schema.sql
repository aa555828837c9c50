{# Schemas. relation names the database and schema (its identifier is ignored). #}

{% macro create_schema(relation) -%}
    {{ adapter.dispatch('create_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__create_schema(relation) -%}
    {% do adapter.create_schema(relation) %}
{%- endmacro %}

{% macro drop_schema(relation) -%}
    {{ adapter.dispatch('drop_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__drop_schema(relation) -%}
    {% do adapter.drop_schema(relation) %}
{%- endmacro %}
