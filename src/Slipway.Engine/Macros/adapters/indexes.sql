{# indexes config. DuckDB has no renamable indexed tables, so its version does nothing; grants are in apply_grants.sql. #}

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
