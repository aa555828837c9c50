select
    items.order_item_id,
    items.order_id,
    items.sku,
    products.category,
    items.quantity,
    products.unit_price_cents,
    items.quantity * products.unit_price_cents as line_total_cents
from {{ ref('stg_order_items') }} as items
inner join {{ ref('stg_products') }} as products
    on items.sku = products.sku
