{{ config(tags=['daily'], alias='orders') }}

select
    o.order_id,
    o.status,
    o.amount_cents,
    c.name as customer_name
from {{ ref('stg_orders') }} as o
left join {{ ref('stg_customers') }} as c
    on o.customer_id = c.customer_id
