select
    id as order_id,
    customer_id,
    status,
    amount_cents
from {{ source('shop', 'orders') }}
