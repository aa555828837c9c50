-- Shipped and delivered orders must be paid in full: payments (gift cards included) add up to the order total.
select
    order_id,
    order_total_cents,
    paid_cents
from {{ ref('fct_orders') }}
where order_status in ('shipped', 'delivered')
  and paid_cents <> order_total_cents
