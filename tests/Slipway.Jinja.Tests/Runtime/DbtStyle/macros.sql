{% macro statement(name=None, fetch_result=False, auto_begin=True) -%}
  {%- set sql = caller() -%}
  {%- if name == 'main' -%}
    {{ log('Writing runtime SQL for node') }}
  {%- endif -%}
  {%- set res = run_query(sql) -%}
  {{ store_result(name, res) }}
{%- endmacro %}

{% macro default__get_columns(relation, exclude=[]) -%}
  {%- set cols = [] -%}
  {%- for c in relation.columns if c.name not in exclude -%}
    {%- do cols.append(adapter.quote(c.name) ~ ' ' ~ c.dtype | upper) -%}
  {%- endfor -%}
  {{ return(cols) }}
{%- endmacro %}

{% macro get_columns(relation, exclude=[]) -%}
  {{ return(adapter.dispatch('get_columns')(relation, exclude)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, sql) -%}
  create {% if temporary -%}temporary{%- endif %} table
    {{ relation }}
  as (
    {{ sql }}
  );
{%- endmacro %}

{% macro incremental_filter(col='updated_at') %}
  {%- if is_incremental() %}
    where {{ col }} > (select max({{ col }}) from {{ this }})
  {%- endif %}
{% endmacro %}

{% macro star(from, except=[], prefix='', suffix='') -%}
  {%- set ns = namespace(parts=[]) -%}
  {%- for col in get_columns(from, except) -%}
    {%- set ns.parts = ns.parts + [prefix ~ col.split(' ')[0] ~ suffix] -%}
  {%- endfor -%}
  {{ ns.parts | join(',\n  ') }}
{%- endmacro %}

{% macro surrogate_key(field_list) -%}
  {%- set fields = [] -%}
  {%- for field in field_list -%}
    {%- do fields.append("coalesce(cast(" ~ field ~ " as varchar), '')") -%}
    {%- if not loop.last %}{%- do fields.append("'-'") -%}{%- endif -%}
  {%- endfor -%}
  md5({{ fields | join(' || ') }})
{%- endmacro %}
