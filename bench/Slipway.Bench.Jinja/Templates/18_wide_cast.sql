{{ config(materialized='table', tags=['wide']) }}
select
{%- for col in columns %}
    {%- if col.data_type == 'boolean' %}
    coalesce(cast({{ col.name }} as boolean), false) as {{ col.name }}
    {%- elif col.data_type.startswith('numeric') %}
    round(cast({{ col.name }} as {{ col.data_type }}), 2) as {{ col.name }}
    {%- else %}
    cast({{ col.name }} as {{ col.data_type }}) as {{ col.name | lower }}
    {%- endif %}{{ ',' if not loop.last }}
{%- endfor %}
from {{ source('raw', 'wide_table') }}
where {{ columns | selectattr('tests') | map(attribute='name') | join(' is not null and ') }} is not null
