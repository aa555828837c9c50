{#- A custom materialization: a table like `materialized='table'`, plus one row per build in `build_audit`
    (model, row count, time), so a team can see how each mart grew from run to run.
    Use it with {{ config(materialized='audited_table') }}. `adapter='default'` makes it work on every adapter;
    a version declared with adapter='duckdb' or 'postgres' would win on that adapter. -#}
{% materialization audited_table, default %}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set audit_relation = this.incorporate(path={'identifier': 'build_audit'}) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {#- Inside the transaction: a failing build rolls back and keeps the previous table. -#}
    {{ drop_relation_if_exists(existing_relation) }}
    {% call statement('main') -%}
        {{ get_create_table_as_sql(False, target_relation, sql) }}
    {%- endcall %}

    {% call statement('audit') -%}
        create table if not exists {{ audit_relation }} (model varchar(200), row_count bigint, built_at timestamp);
        insert into {{ audit_relation }}
        select '{{ model.name }}', count(*), {{ current_timestamp() }} from {{ target_relation }}
    {%- endcall %}

    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=True)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
