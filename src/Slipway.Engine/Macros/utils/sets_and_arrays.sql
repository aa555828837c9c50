{# Set operators and arrays. #}

{% macro except() %}
    {{ return(adapter.dispatch('except', 'dbt')()) }}
{% endmacro %}

{% macro default__except() -%}
    except
{%- endmacro %}

{% macro intersect() %}
    {{ return(adapter.dispatch('intersect', 'dbt')()) }}
{% endmacro %}

{% macro default__intersect() -%}
    intersect
{%- endmacro %}

{% macro equals(expr1, expr2) %}
    {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{% endmacro %}

{#-- Null-safe: two nulls are equal. --#}
{% macro default__equals(expr1, expr2) -%}
    (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null))
{%- endmacro %}

{#-- data_type (default: dbt.type_int()) types an empty array. --#}
{% macro array_construct(inputs=[], data_type=none) %}
    {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type if data_type is not none else dbt.type_int())) }}
{% endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
    array[ {{ inputs | join(' , ') }} ]
    {%- else -%}
    array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}

{% macro array_append(array, new_element) %}
    {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{% endmacro %}

{% macro default__array_append(array, new_element) -%}
    array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro array_concat(array_1, array_2) %}
    {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{% endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
    array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}
