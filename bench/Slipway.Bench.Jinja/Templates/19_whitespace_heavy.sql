{%- set materialized = model.config.materialized -%}
{%- set tags = model.config.tags | default([]) -%}
{%- set is_finance = 'finance' in tags -%}
{%- set filters = {'status': 'completed', 'region': none, 'channel': 'web', 'year': 2024} -%}
-- model {{ model.name }} ({{ materialized }}){% if is_finance %} [finance]{% endif %}
select
    {%- for col in columns[:12] %}
    {{ col.name }}
        {{- ',' if not loop.last -}}
    {%- endfor %}
from {{ ref('stg_orders') }}
{%- set ns = namespace(first=true) %}
{%- for key, value in filters.items() if value is not none %}
{{ 'where' if ns.first else '  and' }} {{ key }} = {{ "'" ~ value ~ "'" if value is string else value }}
{%- set ns.first = false %}
{%- endfor %}
{%- if materialized == 'incremental' and is_incremental() %}
  and updated_at > (select max(updated_at) from {{ this }})
{%- endif %}
