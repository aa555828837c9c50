select
    customers.home_port,
    count(distinct orders.order_id) as orders,
    sum(orders.order_total) as revenue
from {{ ref('fct_orders') }} as orders
inner join {{ ref('dim_customers') }} as customers on orders.customer_id = customers.customer_id
where orders.order_status in ('shipped', 'delivered')
group by 1
order by revenue desc
