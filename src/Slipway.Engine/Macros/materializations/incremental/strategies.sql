{# Incremental strategies. Each takes one dict: target_relation, temp_relation, unique_key, dest_columns,
   incremental_predicates; and returns the SQL that applies the new rows. #}

{% macro get_incremental_append_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_append_sql(arg_dict) %}
    {% do return(get_insert_into_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["dest_columns"])) %}
{% endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_delete_insert_sql(arg_dict) %}
    {% do return(get_delete_insert_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["unique_key"],
        arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{% endmacro %}

{% macro get_incremental_merge_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) %}
    {% do return(get_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["unique_key"],
        arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{% endmacro %}

{% macro get_incremental_insert_overwrite_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_insert_overwrite_sql(arg_dict) %}
    {% do return(get_insert_overwrite_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"],
        arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{% endmacro %}

{#-- Without an incremental_strategy config: append. --#}
{% macro get_incremental_default_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_default_sql(arg_dict) %}
    {% do return(get_incremental_append_sql(arg_dict)) %}
{% endmacro %}

{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) %}
    {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
    insert into {{ target_relation }} ({{ dest_cols_csv }})
    (
        select {{ dest_cols_csv }}
        from {{ temp_relation }}
    )
{% endmacro %}

{#-- microbatch: one batch replaces its [event_time_start, event_time_end) window of the table — the rows of the
     window are deleted, then the batch's rows inserted — so a batch run again (lookback, a backfill) leaves no
     duplicates. Plain delete and insert work on every adapter; one with a better statement dispatches its own. --#}
{% macro get_incremental_microbatch_sql(arg_dict) %}
    {{ return(adapter.dispatch('get_incremental_microbatch_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_microbatch_sql(arg_dict) %}
    {%- set target = arg_dict["target_relation"] -%}
    {%- set event_time = model.config.event_time -%}
    {%- if not event_time or not model.batch -%}
        {{ exceptions.raise_compiler_error("The microbatch strategy of model " ~ model.name ~ " runs only batch by batch, with an 'event_time' config.") }}
    {%- endif -%}
    {%- set predicates = [
        event_time ~ " >= " ~ microbatch_time_literal(model.batch.event_time_start),
        event_time ~ " < " ~ microbatch_time_literal(model.batch.event_time_end),
    ] + (arg_dict["incremental_predicates"] or []) -%}
    delete from {{ target }}
    where {{ predicates | join(' and ') }};
    {{ get_insert_into_sql(target, arg_dict["temp_relation"], arg_dict["dest_columns"]) }}
{% endmacro %}

{#-- A batch bound ('2024-01-01 00:00:00+00:00') as a timestamp literal the warehouse compares with the column. --#}
{% macro microbatch_time_literal(value) %}
    {{ return(adapter.dispatch('microbatch_time_literal', 'dbt')(value)) }}
{% endmacro %}

{% macro default__microbatch_time_literal(value) %}
    {{ return("'" ~ value ~ "'") }}
{% endmacro %}
