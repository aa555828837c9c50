{# on_schema_change for incremental models: ignore (default), fail, append_new_columns, sync_all_columns. #}

{% macro incremental_validate_on_schema_change(on_schema_change, default='ignore') %}
    {% if on_schema_change not in ['sync_all_columns', 'append_new_columns', 'fail', 'ignore'] %}
        {% if on_schema_change is not none %}
            {% do log("on_schema_change '" ~ on_schema_change ~ "' is not one of ignore, fail, append_new_columns, sync_all_columns; using '" ~ default ~ "'", info=true) %}
        {% endif %}
        {{ return(default) }}
    {% else %}
        {{ return(on_schema_change) }}
    {% endif %}
{% endmacro %}

{% macro check_for_schema_changes(source_relation, target_relation) %}
    {% set source_columns = adapter.get_columns_in_relation(source_relation) %}
    {% set target_columns = adapter.get_columns_in_relation(target_relation) %}
    {% set source_not_in_target = diff_columns(source_columns, target_columns) %}
    {% set target_not_in_source = diff_columns(target_columns, source_columns) %}
    {% set new_target_types = diff_column_data_types(source_columns, target_columns) %}
    {% set schema_changed = (source_not_in_target | length > 0) or (target_not_in_source | length > 0) or (new_target_types | length > 0) %}
    {{ return({
        'schema_changed': schema_changed,
        'source_not_in_target': source_not_in_target,
        'target_not_in_source': target_not_in_source,
        'source_columns': source_columns,
        'target_columns': target_columns,
        'new_target_types': new_target_types,
    }) }}
{% endmacro %}

{% macro sync_column_schemas(on_schema_change, target_relation, schema_changes_dict) %}
    {%- set add_to_target_arr = schema_changes_dict['source_not_in_target'] -%}
    {%- if on_schema_change == 'append_new_columns' -%}
        {%- if add_to_target_arr | length > 0 -%}
            {%- do alter_relation_add_remove_columns(target_relation, add_to_target_arr, none) -%}
        {%- endif -%}
    {%- elif on_schema_change == 'sync_all_columns' -%}
        {%- set remove_from_target_arr = schema_changes_dict['target_not_in_source'] -%}
        {%- set new_target_types = schema_changes_dict['new_target_types'] -%}
        {%- if add_to_target_arr | length > 0 or remove_from_target_arr | length > 0 -%}
            {%- do alter_relation_add_remove_columns(target_relation, add_to_target_arr, remove_from_target_arr) -%}
        {%- endif -%}
        {%- for ntt in new_target_types -%}
            {%- do alter_column_type(target_relation, ntt['column_name'], ntt['new_type']) -%}
        {%- endfor -%}
    {%- endif -%}
    {% do log('Schema of ' ~ target_relation ~ ' reconciled (' ~ on_schema_change ~ ')', info=true) %}
{% endmacro %}

{#-- Reconciles the target with the new rows' columns; returns the columns to insert, or none to use the target's. --#}
{% macro process_schema_changes(on_schema_change, source_relation, target_relation) %}
    {% if on_schema_change == 'ignore' %}
        {{ return(none) }}
    {% endif %}
    {% set schema_changes_dict = check_for_schema_changes(source_relation, target_relation) %}
    {% if schema_changes_dict['schema_changed'] %}
        {% if on_schema_change == 'fail' %}
            {% set fail_msg -%}
The new rows of incremental model {{ target_relation }} do not have the columns of the existing table, and on_schema_change is 'fail'
(new columns: {{ schema_changes_dict['source_not_in_target'] | map(attribute='name') | list }};
missing columns: {{ schema_changes_dict['target_not_in_source'] | map(attribute='name') | list }};
changed types: {{ schema_changes_dict['new_target_types'] }}).
Set on_schema_change to append_new_columns or sync_all_columns, or rebuild the table with --full-refresh.
            {%- endset %}
            {% do exceptions.raise_compiler_error(fail_msg) %}
        {% endif %}
        {% do sync_column_schemas(on_schema_change, target_relation, schema_changes_dict) %}
        {{ return(schema_changes_dict['source_columns']) }}
    {% endif %}
    {{ return(none) }}
{% endmacro %}
