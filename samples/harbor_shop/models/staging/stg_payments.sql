-- depends_on: {{ ref('raw_payments') }}
select
    id as payment_id,
    order_id,
    payment_method,
    amount_cents,
    {{ cents_to_currency('amount_cents') }} as amount,
    cast(paid_at as timestamp) as paid_at
from {{ source('harbor_raw', 'payments') }}
