{{ config(materialized='audited_table') }}

select
    products.sku,
    products.product_name,
    products.category,
    products.unit_price,
    products.supplier,
    coalesce(sum(lines.quantity), 0) as units_sold,
    {{ cents_to_currency('coalesce(sum(lines.line_total_cents), 0)') }} as revenue
from {{ ref('stg_products') }} as products
left join {{ ref('int_order_lines') }} as lines on products.sku = lines.sku
group by
    products.sku,
    products.product_name,
    products.category,
    products.unit_price,
    products.supplier
