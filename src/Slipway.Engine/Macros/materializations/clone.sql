{# dbt clone: this node's relation is made to point at the relation another environment's manifest records for it
   (defer_relation). Where the warehouse clones a table without copying it (can_clone_table), a table clone;
   otherwise — DuckDB and PostgreSQL — a view through the adapter's view materialization, whose sql is
   `select * from <defer_relation>`. A relation that already exists is left alone unless --full-refresh. #}

{%- materialization clone, default -%}
    {%- if not defer_relation -%}
        {{ log("No relation found in state manifest for " ~ model.unique_id, info=True) }}
        {{ return({'relations': []}) }}
    {%- endif -%}

    {%- set existing_relation = load_cached_relation(this) -%}
    {%- if existing_relation and not flags.FULL_REFRESH -%}
        {{ log("Relation " ~ existing_relation ~ " already exists", info=True) }}
        {{ return({'relations': []}) }}
    {%- endif -%}

    {%- set other_existing_relation = load_cached_relation(defer_relation) -%}
    {%- if other_existing_relation and other_existing_relation.is_table and can_clone_table() -%}
        {%- set target_relation = this.incorporate(type='table') -%}
        {%- if existing_relation is not none and not existing_relation.is_table -%}
            {{ drop_relation_if_exists(existing_relation) }}
        {%- endif -%}
        {% call statement('main') -%}
            {{ create_or_replace_clone(target_relation, defer_relation) }}
        {%- endcall %}
        {% do apply_grants(target_relation, config.get('grants'), should_revoke=should_revoke(existing_relation, full_refresh_mode=True)) %}
        {% do persist_docs(target_relation, model) %}
        {{ return({'relations': [target_relation]}) }}
    {%- else -%}
        {#-- The adapter's own view materialization when it has one, else the default one. --#}
        {%- set search_name = "materialization_view_" ~ adapter.type() -%}
        {%- if search_name not in context -%}
            {%- set search_name = "materialization_view_default" -%}
        {%- endif -%}
        {{ return(context[search_name]()) }}
    {%- endif -%}
{%- endmaterialization -%}

{#-- True where the warehouse copies a table by reference (Snowflake, BigQuery, Databricks); neither DuckDB nor PostgreSQL does. --#}
{% macro can_clone_table() %}
    {{ return(adapter.dispatch('can_clone_table', 'dbt')()) }}
{% endmacro %}

{% macro default__can_clone_table() %}
    {{ return(False) }}
{% endmacro %}

{% macro create_or_replace_clone(this_relation, defer_relation) %}
    {{ return(adapter.dispatch('create_or_replace_clone', 'dbt')(this_relation, defer_relation)) }}
{% endmacro %}

{% macro default__create_or_replace_clone(this_relation, defer_relation) %}
    create or replace table {{ this_relation }} clone {{ defer_relation }}
{% endmacro %}
