{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set default_schema = target.schema -%}
    {%- if custom_schema_name is none -%}
        {{ default_schema }}
    {%- else -%}
        {{ default_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}{{ custom_alias_name | trim }}{%- else -%}{{ node.name }}{%- endif -%}
{%- endmacro %}

{% macro surrogate_key(field_list) -%}
    {%- set fields = [] -%}
    {%- for field in field_list -%}
        {%- do fields.append("coalesce(cast(" ~ field ~ " as varchar), '_dbt_null_')") -%}
        {%- if not loop.last %}{%- do fields.append("'-'") -%}{% endif -%}
    {%- endfor -%}
    md5({{ fields | join(' || ') }})
{%- endmacro %}

{% macro safe_divide(numerator, denominator) -%}
    case when {{ denominator }} = 0 then null else {{ numerator }} / {{ denominator }} end
{%- endmacro %}

{% macro date_trunc_day(column) -%}
    {%- if target.type == 'duckdb' -%}date_trunc('day', {{ column }}){%- else -%}cast({{ column }} as date){%- endif -%}
{%- endmacro %}

select
    {{ surrogate_key(['order_id', 'line_number', 'product_id']) }} as order_line_key,
    {{ safe_divide('revenue', 'quantity') }} as unit_price,
    {{ date_trunc_day('ordered_at') }} as order_day,
    '{{ generate_schema_name(none, model) }}' as default_schema,
    '{{ generate_schema_name(' marts ', model) }}' as custom_schema,
    '{{ generate_alias_name(none, model) }}' as alias
from {{ ref('order_lines') }}
