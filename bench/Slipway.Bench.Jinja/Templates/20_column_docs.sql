{%- macro column_comment(relation, col) -%}
comment on column {{ relation }}.{{ col.name }} is '{{ col.description | replace("'", "''") }} ({{ col.data_type | upper }}{% if col.tests %}; tested: {{ col.tests | join(', ') }}{% endif %})';
{%- endmacro -%}
{%- set tested = columns | selectattr('tests') | list -%}
-- {{ columns | length }} columns, {{ tested | length }} tested, types: {{ columns | map(attribute='data_type') | unique | sort | join(', ') }}
{% for col in columns %}
{{ column_comment(this, col) }}
{%- endfor %}
