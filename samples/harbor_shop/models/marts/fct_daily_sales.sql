{#- A microbatch model: dbt builds it one month at a time. The first run starts at `begin`; later runs redo the
    current month and `lookback` months before it. Each batch reads only its month of fct_orders (which has
    `event_time: ordered_at`) and replaces only its month of this table, so a batch can be re-run at any time:
        slipway run -s fct_daily_sales --event-time-start 2024-06-01 --event-time-end 2024-08-01 -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='microbatch',
        event_time='order_date',
        batch_size='month',
        begin='2024-03-01',
        lookback=1
    )
}}

select
    {{ dbt.date_trunc('day', 'ordered_at') }} as order_date,
    count(*) as order_count,
    sum(item_count) as item_count,
    sum(order_total_cents) as revenue_cents
from {{ ref('fct_orders') }}
group by 1
