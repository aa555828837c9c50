{# Snapshots (type-2 slowly changing dimensions). The first run copies the query's rows with dbt_scd_id,
   dbt_updated_at, dbt_valid_from and dbt_valid_to (null, or dbt_valid_to_current, for the current version).
   Later runs stage the changes — new keys and changed rows to insert, replaced versions to close, and with
   hard_deletes: invalidate (or invalidate_hard_deletes) versions whose key left the source — then apply them.
   hard_deletes: new_record also records a deletion as a new version whose dbt_is_deleted is 'True'. #}

{% materialization snapshot, default %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {% if existing_relation is not none and not existing_relation.is_table %}
        {{ exceptions.raise_compiler_error("The snapshot target " ~ existing_relation ~ " is a " ~ existing_relation.type ~ ", not a table") }}
    {% endif %}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% set strategy = snapshot_strategy(config.get('strategy')) %}

    {% if existing_relation is none %}
        {% call statement('main') -%}
            {{ get_create_table_as_sql(False, target_relation, snapshot_build_sql(strategy, sql)) }}
        {%- endcall %}
    {% else %}
        {% set source_columns = get_columns_in_query(sql) %}
        {% set target_columns = adapter.get_columns_in_relation(existing_relation) %}
        {% set target_names = target_columns | map(attribute='name') | map('lower') | list %}
        {% set staging_relation = make_temp_relation(target_relation, '__dbt_snapshot_staging') %}
        {{ drop_relation_if_exists(staging_relation) }}
        {% call statement('snapshot_staging') -%}
            {{ get_create_table_as_sql(True, staging_relation, snapshot_staging_sql(strategy, sql, existing_relation, source_columns, target_names)) }}
        {%- endcall %}

        {#-- Columns the query gained since the last run are added to the snapshot table. --#}
        {% set new_columns = [] %}
        {% for column in adapter.get_columns_in_relation(staging_relation) %}
            {% if column.name | lower in source_columns | map('lower') | list and column.name | lower not in target_names %}
                {% do new_columns.append(column) %}
            {% endif %}
        {% endfor %}
        {% if new_columns %}
            {% do alter_relation_add_remove_columns(target_relation, new_columns, none) %}
        {% endif %}

        {% call statement('main') -%}
            {{ snapshot_merge_sql(target_relation, staging_relation, source_columns) }}
        {%- endcall %}
        {{ drop_relation_if_exists(staging_relation) }}
    {% endif %}

    {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=False)) %}
    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#-- What a current version has in dbt_valid_to: null, or the dbt_valid_to_current expression. --#}
{% macro snapshot_valid_to_current(updated_at) -%}
    {%- set current = config.get('dbt_valid_to_current') -%}
    {%- if current -%}cast({{ current }} as timestamp){%- else -%}nullif({{ updated_at }}, {{ updated_at }}){%- endif -%}
{%- endmacro %}

{% macro snapshot_is_current(alias) -%}
    {%- set current = config.get('dbt_valid_to_current') -%}
    {%- if current -%}({{ alias }}.dbt_valid_to = cast({{ current }} as timestamp) or {{ alias }}.dbt_valid_to is null)
    {%- else -%}{{ alias }}.dbt_valid_to is null{%- endif -%}
{%- endmacro %}

{#-- ignore (default), invalidate, or new_record. --#}
{% macro snapshot_hard_deletes() %}
    {% set mode = config.get('hard_deletes') %}
    {% if mode in ['invalidate', 'new_record', 'ignore'] %}{{ return(mode) }}{% endif %}
    {% if mode %}
        {{ exceptions.raise_compiler_error("hard_deletes must be ignore, invalidate or new_record, not '" ~ mode ~ "'") }}
    {% endif %}
    {{ return('invalidate' if config.get('invalidate_hard_deletes') in [true, 'true', 'True'] else 'ignore') }}
{% endmacro %}

{% macro snapshot_invalidates_hard_deletes() %}
    {{ return(snapshot_hard_deletes() in ['invalidate', 'new_record']) }}
{% endmacro %}

{% macro snapshot_records_deletes() %}
    {{ return(snapshot_hard_deletes() == 'new_record') }}
{% endmacro %}

{#-- The first run: every row of the query is the current version. --#}
{% macro snapshot_build_sql(strategy, sql) -%}
    select
        snapshot_query.*,
        {{ strategy.scd_id }} as dbt_scd_id,
        {{ strategy.updated_at }} as dbt_updated_at,
        {{ strategy.updated_at }} as dbt_valid_from,
        {{ snapshot_valid_to_current(strategy.updated_at) }} as dbt_valid_to
        {%- if snapshot_records_deletes() %},
        'False' as dbt_is_deleted
        {%- endif %}
    from (
        {{ sql }}
    ) as snapshot_query
{%- endmacro %}

{% macro snapshot_key_join(left, right, keys) -%}
    {%- for key in keys -%}
        {{ left }}.dbt_unique_key_{{ loop.index }} = {{ right }}.dbt_unique_key_{{ loop.index }}{% if not loop.last %} and {% endif %}
    {%- endfor -%}
{%- endmacro %}

{#-- The key columns of a staged row, as expressions on alias. --#}
{% macro snapshot_key_columns_list(alias, keys) %}
    {% set result = [] %}
    {% for key in keys %}{% do result.append(alias ~ '.dbt_unique_key_' ~ loop.index) %}{% endfor %}
    {{ return(result) }}
{% endmacro %}

{% macro snapshot_key_columns(keys) -%}
    {%- for key in keys -%}
        {{ key }} as dbt_unique_key_{{ loop.index }}{% if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}

{#-- One row per change: dbt_change_type insert (a new version), update (close the current version: its
     dbt_scd_id gets dbt_valid_to) or delete (close a version whose key left the source). --#}
{% macro snapshot_staging_sql(strategy, sql, target_relation, source_columns, target_names) -%}
    {%- set keys = strategy.unique_key -%}
    with snapshot_query as (
        {{ sql }}
    ),
    snapshotted_data as (
        select *, {{ snapshot_key_columns(keys) }}
        from {{ target_relation }} as target_rows
        where {{ snapshot_is_current('target_rows') }}
    ),
    source_data as (
        select
            snapshot_query.*,
            {{ snapshot_key_columns(keys) }},
            {{ strategy.updated_at }} as dbt_updated_at,
            {{ strategy.scd_id }} as dbt_scd_id
        from snapshot_query
    ),
    insertions as (
        select
            'insert' as dbt_change_type,
            {% for column in source_columns %}source_data.{{ adapter.quote(column) }},{% endfor %}
            source_data.dbt_updated_at,
            source_data.dbt_updated_at as dbt_valid_from,
            {{ snapshot_valid_to_current('source_data.dbt_updated_at') }} as dbt_valid_to,
            source_data.dbt_scd_id
            {%- if snapshot_records_deletes() %},
            'False' as dbt_is_deleted
            {%- endif %}
        from source_data
        left join snapshotted_data on {{ snapshot_key_join('snapshotted_data', 'source_data', keys) }}
        where snapshotted_data.dbt_unique_key_1 is null
           or {{ strategy.row_changed }}
           {%- if snapshot_records_deletes() %}
           or snapshotted_data.dbt_is_deleted = 'True'
           {%- endif %}
    ),
    updates as (
        select
            'update' as dbt_change_type,
            {% for column in source_columns %}source_data.{{ adapter.quote(column) }},{% endfor %}
            source_data.dbt_updated_at,
            source_data.dbt_updated_at as dbt_valid_from,
            source_data.dbt_updated_at as dbt_valid_to,
            snapshotted_data.dbt_scd_id
            {%- if snapshot_records_deletes() %},
            'False' as dbt_is_deleted
            {%- endif %}
        from source_data
        join snapshotted_data on {{ snapshot_key_join('snapshotted_data', 'source_data', keys) }}
        where {{ strategy.row_changed }}
        {%- if snapshot_records_deletes() %}
           or snapshotted_data.dbt_is_deleted = 'True'
        {%- endif %}
    )
    {%- if snapshot_invalidates_hard_deletes() %},
    deletes as (
        select
            'delete' as dbt_change_type,
            {% for column in source_columns -%}
            {% if column | lower in target_names %}snapshotted_data.{{ adapter.quote(column) }}{% else %}null{% endif %} as {{ adapter.quote(column) }},
            {%- endfor %}
            {{ snapshot_get_time() }} as dbt_updated_at,
            {{ snapshot_get_time() }} as dbt_valid_from,
            {{ snapshot_get_time() }} as dbt_valid_to,
            snapshotted_data.dbt_scd_id
            {%- if snapshot_records_deletes() %},
            'False' as dbt_is_deleted
            {%- endif %}
        from snapshotted_data
        left join source_data on {{ snapshot_key_join('snapshotted_data', 'source_data', keys) }}
        where source_data.dbt_unique_key_1 is null
        {%- if snapshot_records_deletes() %}
          and snapshotted_data.dbt_is_deleted = 'False'
        {%- endif %}
    )
    {%- if snapshot_records_deletes() %},
    deletion_records as (
        select
            'insert' as dbt_change_type,
            {% for column in source_columns -%}
            {% if column | lower in target_names %}snapshotted_data.{{ adapter.quote(column) }}{% else %}null{% endif %} as {{ adapter.quote(column) }},
            {%- endfor %}
            {{ snapshot_get_time() }} as dbt_updated_at,
            {{ snapshot_get_time() }} as dbt_valid_from,
            {{ snapshot_valid_to_current(snapshot_get_time()) }} as dbt_valid_to,
            {{ snapshot_hash_arguments(snapshot_key_columns_list('snapshotted_data', keys) + [snapshot_get_time(), "'deleted'"]) }} as dbt_scd_id,
            'True' as dbt_is_deleted
        from snapshotted_data
        left join source_data on {{ snapshot_key_join('snapshotted_data', 'source_data', keys) }}
        where source_data.dbt_unique_key_1 is null
          and snapshotted_data.dbt_is_deleted = 'False'
    )
    {%- endif %}
    {%- endif %}
    select * from insertions
    union all
    select * from updates
    {%- if snapshot_invalidates_hard_deletes() %}
    union all
    select * from deletes
    {%- endif %}
    {%- if snapshot_records_deletes() %}
    union all
    select * from deletion_records
    {%- endif %}
{%- endmacro %}

{% macro snapshot_merge_sql(target, source, insert_cols) -%}
    {{ adapter.dispatch('snapshot_merge_sql', 'dbt')(target, source, insert_cols) }}
{%- endmacro %}

{#-- Close the replaced versions, then add the new ones. --#}
{% macro default__snapshot_merge_sql(target, source, insert_cols) -%}
    {%- set columns = [] -%}
    {%- for column in insert_cols -%}{%- do columns.append(adapter.quote(column)) -%}{%- endfor -%}
    {%- do columns.extend(['dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to']) -%}
    {%- if snapshot_records_deletes() -%}{%- do columns.append('dbt_is_deleted') -%}{%- endif -%}
    update {{ target }}
    set dbt_valid_to = snapshot_changes.dbt_valid_to
    from {{ source }} as snapshot_changes
    where snapshot_changes.dbt_scd_id = {{ target }}.dbt_scd_id
      and snapshot_changes.dbt_change_type in ('update', 'delete')
      and {{ snapshot_is_current(target) }};

    insert into {{ target }} ({{ columns | join(', ') }})
    select {{ columns | join(', ') }}
    from {{ source }}
    where dbt_change_type = 'insert';
{%- endmacro %}
