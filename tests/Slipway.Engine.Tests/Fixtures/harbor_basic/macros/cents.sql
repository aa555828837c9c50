{% macro cents_to_dollars(column) -%}
    ({{ column }} / 100.0)
{%- endmacro %}

{% materialization fancy_view, adapter='duckdb' %}
  {{ return({'relations': []}) }}
{% endmaterialization %}
