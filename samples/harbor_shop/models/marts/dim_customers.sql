with customer_orders as (
    select
        customer_id,
        min(ordered_at) as first_order_at,
        max(ordered_at) as most_recent_order_at,
        count(*) as number_of_orders,
        sum(case when order_status in ('shipped', 'delivered') then order_total_cents else 0 end) as lifetime_value_cents
    from {{ ref('fct_orders') }}
    group by customer_id
)

select
    customers.customer_id,
    customers.first_name,
    customers.last_name,
    customers.email,
    customers.home_port,
    customers.signed_up_at,
    customer_orders.first_order_at,
    customer_orders.most_recent_order_at,
    coalesce(customer_orders.number_of_orders, 0) as number_of_orders,
    {{ cents_to_currency('coalesce(customer_orders.lifetime_value_cents, 0)') }} as lifetime_value
from {{ ref('stg_customers') }} as customers
left join customer_orders on customers.customer_id = customer_orders.customer_id
