{{
    config(
        materialized='incremental',
        unique_key='event_id',
        on_schema_change='append_new_columns'
    )
}}

select
    event_id,
    user_id,
    event_type,
    occurred_at,
    '{{ run_started_at }}' as loaded_at
from {{ source('tracking', 'events') }}
where occurred_at >= '{{ var('start_date') }}'
{% if is_incremental() %}
  -- only new rows since the last run, with a lookback window
  and occurred_at > (
      select max(occurred_at) - interval '{{ var('lookback_days', 3) }} days' from {{ this }}
  )
{% endif %}
