{# DuckDB's view and table materializations. DuckDB's DDL is transactional, so `create or replace` inside the
   node's transaction replaces the relation atomically: a failing build rolls back and leaves the previous
   relation, as the default swap through __dbt_tmp/__dbt_backup does, in one statement instead of four. A relation
   of the other type in the way is dropped in the same transaction. When `create or replace` is the node's only
   statement it runs on its own, autocommitted: one statement is atomic in DuckDB, and begin/commit around it
   would triple the statements (each a round trip through DuckDB's scheduler) for nothing. #}

{%- materialization view, adapter='duckdb' -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='view') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- set create_sql = get_create_view_as_sql(target_relation, sql) -%}
    {%- set alone = duckdb__runs_alone(existing_relation, 'view', create_sql) -%}
    {%- set replaced = duckdb__drop_if_other_type(existing_relation, 'view') -%}
    {% call statement('main', auto_begin=not alone) -%}
        {{ create_sql }}
    {%- endcall %}

    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=True)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {% if replaced %}{% do adapter.cache_dropped(existing_relation) %}{% endif %}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization -%}

{%- materialization table, adapter='duckdb' -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- set create_sql = get_create_table_as_sql(False, target_relation, sql) -%}
    {%- set alone = duckdb__runs_alone(existing_relation, 'table', create_sql) -%}
    {%- set replaced = duckdb__drop_if_other_type(existing_relation, 'table') -%}
    {% call statement('main', auto_begin=not alone) -%}
        {{ create_sql }}
    {%- endcall %}

    {% do create_indexes(target_relation) %}
    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=True)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {% if replaced %}{% do adapter.cache_dropped(existing_relation) %}{% endif %}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization -%}

{#-- Drops (inside the node's transaction) a relation that is not of the wanted type; true when it did. The cache
     learns of the drop only after commit, so a rollback leaves it right. --#}
{% macro duckdb__drop_if_other_type(existing_relation, wanted_type) %}
    {% if existing_relation is not none and existing_relation.type != wanted_type %}
        {% call statement('drop_' ~ existing_relation.type) -%}
            {{ get_drop_sql(existing_relation) }}
        {%- endcall %}
        {{ return(true) }}
    {% endif %}
    {{ return(false) }}
{% endmacro %}

{#-- True when `create or replace` will be the node's only statement: one statement of SQL (a contract's create
     and insert, or an sql_header, make several), no hooks, nothing of another type to drop, no grants, docs to
     persist or indexes to create after it. --#}
{% macro duckdb__runs_alone(existing_relation, wanted_type, create_sql) %}
    {{ return(';' not in create_sql.strip().rstrip(';')
        and not pre_hooks and not post_hooks
        and (existing_relation is none or existing_relation.type == wanted_type)
        and not config.get('grants')
        and not config.persist_relation_docs() and not config.persist_column_docs()
        and not (wanted_type == 'table' and config.get('indexes'))) }}
{% endmacro %}
