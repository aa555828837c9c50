-- depends_on: {{ ref('raw_customers') }}
select
    id as customer_id,
    first_name,
    last_name,
    lower(email) as email,
    home_port,
    cast(signed_up_at as timestamp) as signed_up_at
from {{ source('harbor_raw', 'customers') }}
