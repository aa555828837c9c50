{# Config helpers materializations share (dbt's documented behaviour: the node's config wins over the CLI flag). #}

{% macro should_full_refresh() %}
    {% set config_full_refresh = config.get('full_refresh') %}
    {% if config_full_refresh is none %}
        {% set config_full_refresh = flags.FULL_REFRESH %}
    {% endif %}
    {% do return(config_full_refresh) %}
{% endmacro %}

{#-- store_failures_as, when set, wins over store_failures and --store-failures (dbt 1.7+): table and view store,
     ephemeral does not. --#}
{% macro should_store_failures() %}
    {% set store_failures_as = config.get('store_failures_as') %}
    {% if store_failures_as in ['table', 'view'] %}
        {% do return(true) %}
    {% elif store_failures_as == 'ephemeral' %}
        {% do return(false) %}
    {% endif %}
    {% set config_store_failures = config.get('store_failures') %}
    {% if config_store_failures is none %}
        {% set config_store_failures = flags.STORE_FAILURES %}
    {% endif %}
    {% do return(config_store_failures) %}
{% endmacro %}

{#-- Used as a call block: the body becomes the SQL emitted before create table/view statements. --#}
{% macro set_sql_header(config) -%}
    {{ config.set('sql_header', caller()) }}
{%- endmacro %}
