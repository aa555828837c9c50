-- depends_on: {{ ref('raw_orders') }}
select
    id as order_id,
    customer_id,
    cast(ordered_at as timestamp) as ordered_at,
    status as order_status,
    shipping_method
from {{ source('harbor_raw', 'orders') }}
where cast(ordered_at as date) >= cast('{{ var("first_order_date") }}' as date)
