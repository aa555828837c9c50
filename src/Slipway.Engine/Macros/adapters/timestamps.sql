{# The warehouse's clock. #}

{% macro current_timestamp() -%}
    {{ adapter.dispatch('current_timestamp', 'dbt')() }}
{%- endmacro %}

{% macro default__current_timestamp() -%}
    current_timestamp
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
    now()
{%- endmacro %}

{#-- Snapshots record naive timestamps. --#}
{% macro snapshot_get_time() -%}
    {{ adapter.dispatch('snapshot_get_time', 'dbt')() }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp
{%- endmacro %}

{% macro current_timestamp_backcompat() -%}
    {{ adapter.dispatch('current_timestamp_backcompat', 'dbt')() }}
{%- endmacro %}

{% macro default__current_timestamp_backcompat() -%}
    current_timestamp::timestamp
{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() -%}
    {{ adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')() }}
{%- endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() -%}
    (current_timestamp at time zone 'utc')::timestamp
{%- endmacro %}
