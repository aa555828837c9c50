-- depends_on: {{ ref('raw_order_items') }}
select
    id as order_item_id,
    order_id,
    sku,
    quantity
from {{ source('harbor_raw', 'order_items') }}
