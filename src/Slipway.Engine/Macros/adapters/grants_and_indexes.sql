{# grants and indexes configs. DuckDB has neither grants nor renamable indexed tables, so its versions do nothing. #}

{#-- A full refresh (or a new relation) starts without grants, so only an existing relation needs revokes. --#}
{% macro should_revoke(existing_relation, full_refresh_mode=True) %}
    {% if not existing_relation %}
        {{ return(false) }}
    {% elif full_refresh_mode %}
        {{ return(existing_relation.is_view) }}
    {% else %}
        {{ return(true) }}
    {% endif %}
{% endmacro %}

{#-- grant_config: {privilege: [grantee, …]}. --#}
{% macro apply_grants(relation, grant_config, should_revoke=True) %}
    {{ return(adapter.dispatch('apply_grants', 'dbt')(relation, grant_config, should_revoke)) }}
{% endmacro %}

{% macro default__apply_grants(relation, grant_config, should_revoke=True) %}
    {% if grant_config %}
        {% for privilege, grantees in grant_config.items() %}
            {% set grantee_list = grantees if grantees is sequence and grantees is not string else [grantees] %}
            {% if grantee_list %}
                {% call statement('grants') -%}
                    grant {{ privilege }} on {{ relation }} to {{ grantee_list | join(', ') }}
                {%- endcall %}
            {% endif %}
        {% endfor %}
    {% endif %}
{% endmacro %}

{% macro duckdb__apply_grants(relation, grant_config, should_revoke=True) %}
{% endmacro %}

{#-- indexes config: [{columns: [...], unique: bool, type: method}]. --#}
{% macro create_indexes(relation) %}
    {{ return(adapter.dispatch('create_indexes', 'dbt')(relation)) }}
{% endmacro %}

{% macro default__create_indexes(relation) %}
    {% for index in config.get('indexes', default=[]) or [] %}
        {% call statement('create_index') -%}
            create {% if index.get('unique') %}unique {% endif %}index
            on {{ relation }} {% if index.get('type') %}using {{ index.get('type') }}{% endif %}
            ({{ index.get('columns', []) | join(', ') }})
        {%- endcall %}
    {% endfor %}
{% endmacro %}

{% macro duckdb__create_indexes(relation) %}
{% endmacro %}
