{# Cross-database string utilities. Arguments are SQL expressions unless named *_text literals say otherwise. #}

{% macro split_part(string_text, delimiter_text, part_number) %}
    {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{% endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#-- string_split gives a list; list indexes are 1-based and negative ones count from the end, as dbt documents. --#}
{% macro duckdb__split_part(string_text, delimiter_text, part_number) -%}
    string_split({{ string_text }}, {{ delimiter_text }})[{{ part_number }}]
{%- endmacro %}

{% macro concat(fields) %}
    {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{% endmacro %}

{% macro default__concat(fields) -%}
    concat({{ fields | join(', ') }})
{%- endmacro %}

{% macro hash(field) %}
    {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{% endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{% macro position(substring_text, string_text) %}
    {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{% endmacro %}

{% macro default__position(substring_text, string_text) -%}
    position({{ substring_text }} in {{ string_text }})
{%- endmacro %}

{% macro right(string_text, length_expression) %}
    {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{% endmacro %}

{% macro default__right(string_text, length_expression) -%}
    right({{ string_text }}, {{ length_expression }})
{%- endmacro %}

{% macro length(expression) %}
    {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{% endmacro %}

{% macro default__length(expression) -%}
    length({{ expression }})
{%- endmacro %}

{% macro replace(field, old_chars, new_chars) %}
    {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{% endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
    replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}

{% macro string_literal(value) %}
    {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{% endmacro %}

{% macro default__string_literal(value) -%}
    '{{ value }}'
{%- endmacro %}

{% macro escape_single_quotes(expression) %}
    {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{% endmacro %}

{% macro default__escape_single_quotes(expression) -%}
    {{ expression | replace("'", "''") }}
{%- endmacro %}

{% macro cast_bool_to_text(field) %}
    {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{% endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}
