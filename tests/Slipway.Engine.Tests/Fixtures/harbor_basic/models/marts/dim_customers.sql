select customer_id, name from {{ ref('harbor_basic', 'stg_customers') }}
