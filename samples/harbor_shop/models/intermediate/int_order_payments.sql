select
    order_id,
    sum(amount_cents) as paid_cents,
    sum(case when payment_method = 'gift_card' then amount_cents else 0 end) as gift_card_cents,
    max(paid_at) as last_paid_at
from {{ ref('stg_payments') }}
group by order_id
