{%- macro pivot(column, values, alias=True, agg='sum', then_value=1, else_value=0, prefix='', suffix='') -%}
  {%- set ns = namespace(parts=[]) -%}
  {%- for value in values -%}
    {%- set part -%}
      {{ agg }}(case when {{ column }} = '{{ value }}' then {{ then_value }} else {{ else_value }} end)
      {%- if alias %} as {{ (prefix ~ value ~ suffix) | replace(' ', '_') | lower }}{% endif -%}
    {%- endset -%}
    {%- do ns.parts.append(part | trim) -%}
  {%- endfor -%}
  {{ ns.parts | join(',\n  ') }}
{%- endmacro -%}
{%- set counter = namespace(total=0) -%}
{%- for m in var('payment_methods') -%}{%- set counter.total = counter.total + m | length -%}{%- endfor -%}
-- {{ counter.total }} characters of payment method names
select
  order_date,
  {{ pivot('payment_method', var('payment_methods'), prefix='paid_', suffix=' Count') }}
from {{ ref('stg_payments') }}
group by 1
