-- depends_on: {{ ref('raw_products') }}
select
    sku,
    product_name,
    category,
    unit_price_cents,
    {{ cents_to_currency('unit_price_cents') }} as unit_price,
    supplier,
    cast(updated_at as timestamp) as updated_at
from {{ source('harbor_raw', 'products') }}
