{# Incremental models. The first run (or --full-refresh / full_refresh config, or a view in the way) builds the
   whole table; later runs select the new rows into a temporary relation and apply them with the configured
   incremental_strategy after reconciling columns as on_schema_change says. #}

{% materialization incremental, default -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {#-- A microbatch batch's rows get a temp relation of their own, so batches may run side by side. --#}
    {%- set temp_relation = make_temp_relation(target_relation, '__dbt_tmp' ~ ('_' ~ model.batch.id if model.batch else '')) -%}
    {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
    {%- set backup_relation_type = 'table' if existing_relation is none else existing_relation.type -%}
    {%- set backup_relation = make_backup_relation(target_relation, backup_relation_type) -%}
    {%- set preexisting_intermediate_relation = load_cached_relation(intermediate_relation) -%}
    {%- set preexisting_backup_relation = load_cached_relation(backup_relation) -%}

    {%- set unique_key = config.get('unique_key') -%}
    {%- set full_refresh_mode = should_full_refresh() -%}
    {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}

    {{ drop_relation_if_exists(preexisting_intermediate_relation) }}
    {{ drop_relation_if_exists(preexisting_backup_relation) }}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- set to_drop = [] -%}
    {%- set need_swap = existing_relation is not none and (full_refresh_mode or not existing_relation.is_table) -%}

    {% if existing_relation is none %}
        {%- set build_sql = get_create_table_as_sql(False, target_relation, sql) -%}
    {% elif need_swap %}
        {%- set build_sql = get_create_table_as_sql(False, intermediate_relation, sql) -%}
    {% else %}
        {{ drop_relation_if_exists(temp_relation) }}
        {% call statement('create_incremental_temp_relation') -%}
            {{ get_create_table_as_sql(True, temp_relation, sql) }}
        {%- endcall %}
        {% do to_drop.append(temp_relation) %}
        {%- set dest_columns = process_schema_changes(on_schema_change, temp_relation, existing_relation) -%}
        {% if not dest_columns %}
            {%- set dest_columns = adapter.get_columns_in_relation(existing_relation) -%}
        {% endif %}
        {%- set incremental_predicates = config.get('predicates', none) or config.get('incremental_predicates', none) -%}
        {%- set strategy_arg_dict = {
            'target_relation': target_relation,
            'temp_relation': temp_relation,
            'unique_key': unique_key,
            'dest_columns': dest_columns,
            'incremental_predicates': incremental_predicates,
        } -%}
        {%- set build_sql = get_incremental_strategy_sql(config.get('incremental_strategy') or 'default', strategy_arg_dict) -%}
    {% endif %}

    {% call statement('main') -%}
        {{ build_sql }}
    {%- endcall %}

    {% if need_swap %}
        {{ adapter.rename_relation(existing_relation, backup_relation) }}
        {{ adapter.rename_relation(intermediate_relation, target_relation) }}
        {% do to_drop.append(backup_relation) %}
    {% endif %}

    {% if existing_relation is none or need_swap %}
        {% do create_indexes(target_relation) %}
    {% endif %}
    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=need_swap)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}

    {{ adapter.commit() }}

    {% for relation in to_drop %}
        {{ drop_relation_if_exists(relation) }}
    {% endfor %}

    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}

{#-- The strategy's SQL: the macro get_incremental_<strategy>_sql (delete+insert → delete_insert), which a project
     may define for a strategy of its own. Built-in strategies must be ones the adapter supports. --#}
{% macro get_incremental_strategy_sql(strategy, arg_dict) %}
    {% set macro_name = 'get_incremental_' ~ (strategy | replace('+', '_')) ~ '_sql' %}
    {% set builtin = ['append', 'delete+insert', 'merge', 'insert_overwrite', 'microbatch'] %}
    {% if strategy in builtin and strategy not in adapter.valid_incremental_strategies() %}
        {{ exceptions.raise_compiler_error("The incremental strategy '" ~ strategy ~ "' is not valid for this adapter; expected one of: "
            ~ adapter.valid_incremental_strategies() | join(', ')) }}
    {% endif %}
    {% if strategy == 'default' %}
        {{ return(get_incremental_default_sql(arg_dict)) }}
    {% elif strategy == 'append' %}
        {{ return(get_incremental_append_sql(arg_dict)) }}
    {% elif strategy == 'delete+insert' %}
        {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
    {% elif strategy == 'merge' %}
        {{ return(get_incremental_merge_sql(arg_dict)) }}
    {% elif strategy == 'insert_overwrite' %}
        {{ return(get_incremental_insert_overwrite_sql(arg_dict)) }}
    {% elif context is defined and context[macro_name] is defined %}
        {{ return(context[macro_name](arg_dict)) }}
    {% else %}
        {{ exceptions.raise_compiler_error("Unknown incremental strategy '" ~ strategy ~ "': define a macro named " ~ macro_name
            ~ " or use one of: " ~ adapter.valid_incremental_strategies() | join(', ')) }}
    {% endif %}
{% endmacro %}
