select sum(amount_cents) from {{ ref('fct_orders') }}
