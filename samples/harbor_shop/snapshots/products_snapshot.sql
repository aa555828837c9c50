{% snapshot products_snapshot %}
{{
    config(
        unique_key='sku',
        strategy='timestamp',
        updated_at='updated_at'
    )
}}
select * from {{ ref('stg_products') }}
{% endsnapshot %}
