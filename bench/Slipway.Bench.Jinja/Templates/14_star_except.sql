{%- macro star(columns, except=[], relation_alias=none, prefix='', suffix='') -%}
    {%- set cols = [] -%}
    {%- for col in columns if col.name not in except -%}
        {%- do cols.append(col) -%}
    {%- endfor -%}
    {%- for col in cols %}
    {% if relation_alias %}{{ relation_alias }}.{% endif %}{{ col.name }}{% if prefix or suffix %} as {{ prefix ~ col.name ~ suffix }}{% endif %}{{ ',' if not loop.last }}
    {%- endfor -%}
{%- endmacro -%}
select
    {{ star(columns, except=['col_03', 'col_07', 'col_11'], relation_alias='src') }}
from {{ ref('wide_source') }} as src
