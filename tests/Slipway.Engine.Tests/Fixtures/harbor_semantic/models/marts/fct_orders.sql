select o.id as order_id, o.status, o.amount_cents, c.name as customer_name, o.ordered_at
from {{ source('shop', 'orders') }} as o
left join {{ ref('stg_customers') }} as c on o.customer_id = c.id
