{# Data tests. The test's SQL selects failing rows; the 'main' statement returns one row:
   (failures, should_warn, should_error) computed with the fail_calc, warn_if and error_if configs. With
   store_failures the failing rows are kept in a table named after the test in <schema>_dbt_test__audit. #}

{%- materialization test, default -%}
    {% set relations = [] %}
    {% if should_store_failures() %}
        {% set identifier = model['alias'] %}
        {% set old_relation = adapter.get_relation(database=model['database'], schema=model['schema'], identifier=identifier) %}
        {% set store_failures_as = config.get('store_failures_as') or 'table' %}
        {% set target_relation = api.Relation.create(identifier=identifier, schema=model['schema'], database=model['database'], type=store_failures_as) %}
        {% do adapter.create_schema(target_relation) %}
        {% if old_relation %}
            {% do adapter.drop_relation(old_relation) %}
        {% endif %}
        {% call statement(auto_begin=True) %}
            {% if store_failures_as == 'view' %}
                {{ get_create_view_as_sql(target_relation, sql) }}
            {% else %}
                {{ get_create_table_as_sql(False, target_relation, sql) }}
            {% endif %}
        {% endcall %}
        {% do relations.append(target_relation) %}
        {% set main_sql %}
            select * from {{ target_relation }}
        {% endset %}
        {{ adapter.commit() }}
    {% else %}
        {% set main_sql = sql %}
    {% endif %}

    {% set limit = config.get('limit') %}
    {% set fail_calc = config.get('fail_calc') or 'count(*)' %}
    {% set warn_if = config.get('warn_if') or '!= 0' %}
    {% set error_if = config.get('error_if') or '!= 0' %}

    {% call statement('main', fetch_result=True) -%}
        {{ get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) }}
    {%- endcall %}

    {{ return({'relations': relations}) }}
{%- endmaterialization -%}

{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    select
      {{ fail_calc }} as failures,
      {{ fail_calc }} {{ warn_if }} as should_warn,
      {{ fail_calc }} {{ error_if }} as should_error
    from (
      {{ main_sql }}
      {{ "limit " ~ limit if limit is not none }}
    ) dbt_internal_test
{%- endmacro %}
