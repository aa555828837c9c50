{%- set check_cols = ['status', 'amount', 'customer_id', 'shipped_at'] -%}
{%- set unique_key = 'order_id' -%}
with snapshot_query as (
    select * from {{ ref('stg_orders') }}
),
snapshotted_data as (
    select *, {{ unique_key }} as dbt_unique_key
    from {{ this }}
    where dbt_valid_to is null
),
updates as (
    select
        source.*,
        snapshotted.dbt_scd_id
    from snapshot_query as source
    join snapshotted_data as snapshotted
        on snapshotted.dbt_unique_key = source.{{ unique_key }}
    where (
        {%- for col in check_cols %}
        snapshotted.{{ col }} is distinct from source.{{ col }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
)
select * from updates
