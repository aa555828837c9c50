{{
    config(
        materialized='incremental',
        unique_key='order_id',
        on_schema_change='append_new_columns'
    )
}}

with lines as (
    select
        order_id,
        count(*) as line_count,
        sum(quantity) as item_count,
        sum(line_total_cents) as order_total_cents
    from {{ ref('int_order_lines') }}
    group by order_id
)

select
    orders.order_id,
    orders.customer_id,
    orders.ordered_at,
    orders.order_status,
    orders.shipping_method,
    lines.line_count,
    lines.item_count,
    lines.order_total_cents,
    {{ cents_to_currency('lines.order_total_cents') }} as order_total,
    coalesce(payments.paid_cents, 0) as paid_cents,
    coalesce(payments.gift_card_cents, 0) as gift_card_cents,
    '{{ var("currency") }}' as currency
from {{ ref('stg_orders') }} as orders
inner join lines on orders.order_id = lines.order_id
left join {{ ref('int_order_payments') }} as payments on orders.order_id = payments.order_id
{% if is_incremental() %}
where orders.ordered_at > (select max(ordered_at) from {{ this }})
{% endif %}
