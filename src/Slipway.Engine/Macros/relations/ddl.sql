{# Drop, rename and truncate. The adapter runs the DDL itself so its relation cache stays current; the
   get_*_sql macros give the same statements as text for projects that build their own. #}

{% macro drop_relation(relation) %}
    {{ return(adapter.dispatch('drop_relation', 'dbt')(relation)) }}
{% endmacro %}

{% macro default__drop_relation(relation) %}
    {% do adapter.drop_relation(relation) %}
{% endmacro %}

{% macro drop_relation_if_exists(relation) %}
    {% if relation is not none %}
        {% do adapter.drop_relation(relation) %}
    {% endif %}
{% endmacro %}

{% macro get_drop_sql(relation) %}
    {{ return(adapter.dispatch('get_drop_sql', 'dbt')(relation)) }}
{% endmacro %}

{% macro default__get_drop_sql(relation) -%}
    drop {{ relation_ddl_keyword(relation) }} if exists {{ relation }} cascade
{%- endmacro %}

{% macro relation_ddl_keyword(relation) -%}
    {%- if relation.type == 'view' -%}view
    {%- elif relation.type == 'materialized_view' -%}materialized view
    {%- else -%}table{%- endif -%}
{%- endmacro %}

{% macro rename_relation(from_relation, to_relation) %}
    {{ return(adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation)) }}
{% endmacro %}

{% macro default__rename_relation(from_relation, to_relation) %}
    {% do adapter.rename_relation(from_relation, to_relation) %}
{% endmacro %}

{% macro get_rename_sql(relation, new_name) %}
    {{ return(adapter.dispatch('get_rename_sql', 'dbt')(relation, new_name)) }}
{% endmacro %}

{% macro default__get_rename_sql(relation, new_name) -%}
    alter {{ relation_ddl_keyword(relation) }} {{ relation }} rename to {{ adapter.quote(new_name) }}
{%- endmacro %}

{% macro truncate_relation(relation) %}
    {{ return(adapter.dispatch('truncate_relation', 'dbt')(relation)) }}
{% endmacro %}

{% macro default__truncate_relation(relation) %}
    {% do adapter.truncate_relation(relation) %}
{% endmacro %}

{% macro get_truncate_sql(relation) -%}
    truncate table {{ relation }}
{%- endmacro %}
