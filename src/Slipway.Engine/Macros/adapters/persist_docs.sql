{# persist_docs: a model's description (and its columns' descriptions) stored as comments in the warehouse,
   when the persist_docs config asks for them ({relation: true, columns: true}). #}

{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
    {{ return(adapter.dispatch('persist_docs', 'dbt')(relation, model, for_relation, for_columns)) }}
{%- endmacro %}

{% macro default__persist_docs(relation, model, for_relation, for_columns) -%}
    {% if for_relation and config.persist_relation_docs() and model.description %}
        {% call statement('persist_relation_docs') -%}
            {{ get_relation_comment_sql(relation, model.description) }}
        {%- endcall %}
    {% endif %}
    {% if for_columns and config.persist_column_docs() and model.columns %}
        {% set existing = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list %}
        {% for name, column in model.columns.items() %}
            {% if column.description and name | lower in existing %}
                {% call statement('persist_column_docs') -%}
                    {{ get_column_comment_sql(relation, name, column.description) }}
                {%- endcall %}
            {% endif %}
        {% endfor %}
    {% endif %}
{%- endmacro %}

{% macro get_relation_comment_sql(relation, description) -%}
    comment on {{ relation_ddl_keyword(relation) }} {{ relation }} is '{{ description | replace("'", "''") }}'
{%- endmacro %}

{% macro get_column_comment_sql(relation, column_name, description) -%}
    comment on column {{ relation }}.{{ adapter.quote(column_name) }} is '{{ description | replace("'", "''") }}'
{%- endmacro %}
