{# Seeds: the CSV becomes a table with the inferred (or column_types) column types, loaded in bulk by the
   adapter (load_seed, which applies column_types, quote_columns and delimiter). --full-refresh (or full_refresh config) drops and recreates it; otherwise an existing table is
   emptied and reloaded, keeping its columns. #}

{% materialization seed, default %}
    {%- set full_refresh_mode = should_full_refresh() -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set agate_table = load_agate_table() -%}
    {%- do store_result('agate_table', response='OK', agate_table=agate_table) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% if existing_relation is not none and existing_relation.is_view %}
        {{ exceptions.raise_compiler_error("Cannot seed to '" ~ existing_relation ~ "': it is a view") }}
    {% endif %}

    {% if existing_relation is none or full_refresh_mode %}
        {% if existing_relation is not none %}
            {% do adapter.drop_relation(existing_relation) %}
        {% endif %}
        {% set response = load_seed(target_relation, create=true) %}
    {% else %}
        {% do adapter.truncate_relation(existing_relation) %}
        {% set response = load_seed(target_relation, create=false) %}
    {% endif %}

    {% set rows_affected = response.rows_affected if response is not none and response.rows_affected is not none else 0 %}
    {% call noop_statement('main', 'INSERT ' ~ rows_affected, 'INSERT', rows_affected) %}
        {{ get_seed_load_description(target_relation, agate_table) }}
    {% endcall %}

    {% if existing_relation is none or full_refresh_mode %}
        {% do create_indexes(target_relation) %}
    {% endif %}
    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=full_refresh_mode)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}

    {{ adapter.commit() }}

    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#-- What target/run/ shows for a seed: the load happens in bulk, so there is no insert statement to write. --#}
{% macro get_seed_load_description(relation, agate_table) -%}
    -- seed loaded in bulk into {{ relation }}
{%- endmacro %}

{% macro get_batch_size() -%}
    {{ return(adapter.dispatch('get_batch_size', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_batch_size() %}
    {{ return(10000) }}
{% endmacro %}

{% macro get_binding_char() -%}
    {{ adapter.dispatch('get_binding_char', 'dbt')() }}
{%- endmacro %}

{% macro default__get_binding_char() %}
    {{ return(adapter.get_binding_char()) }}
{% endmacro %}
