{# Relations beside a model's own: temp, intermediate (__dbt_tmp) and backup (__dbt_backup), and cached lookups. #}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') %}
    {{ return(adapter.dispatch('make_intermediate_relation', 'dbt')(base_relation, suffix)) }}
{% endmacro %}

{% macro default__make_intermediate_relation(base_relation, suffix) %}
    {{ return(default__make_temp_relation(base_relation, suffix)) }}
{% endmacro %}

{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') %}
    {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{% endmacro %}

{% macro default__make_temp_relation(base_relation, suffix) %}
    {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix})) }}
{% endmacro %}

{#-- DuckDB keeps temporary tables in the catalog "temp", schema "main": the name alone addresses them in SQL,
     and the path says where information_schema lists them. --#}
{% macro duckdb__make_temp_relation(base_relation, suffix) %}
    {% set temp_relation = base_relation.incorporate(path={"database": "temp", "schema": "main", "identifier": base_relation.identifier ~ suffix}) %}
    {{ return(temp_relation.include(database=false, schema=false)) }}
{% endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') %}
    {{ return(adapter.dispatch('make_backup_relation', 'dbt')(base_relation, backup_relation_type, suffix)) }}
{% endmacro %}

{% macro default__make_backup_relation(base_relation, backup_relation_type, suffix) %}
    {% set backup_relation = default__make_temp_relation(base_relation, suffix) %}
    {{ return(backup_relation.incorporate(type=backup_relation_type)) }}
{% endmacro %}

{#-- The relation as the warehouse has it (with its real type), or none: answered from the adapter's cache. --#}
{% macro load_cached_relation(relation) %}
    {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{% endmacro %}

{% macro load_relation(relation) %}
    {{ return(load_cached_relation(relation)) }}
{% endmacro %}

{#-- (true, relation) when it exists, else (false, a new relation with that name and type). --#}
{% macro get_or_create_relation(database, schema, identifier, type) %}
    {{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{% endmacro %}

{% macro default__get_or_create_relation(database, schema, identifier, type) %}
    {% set existing = adapter.get_relation(database=database, schema=schema, identifier=identifier) %}
    {% if existing %}
        {{ return([true, existing]) }}
    {% endif %}
    {{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{% endmacro %}
