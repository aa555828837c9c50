{% test dbt_utils_like_row_count(model, above) %}
select count(*) as n from {{ model }} having count(*) <= {{ above }}
{% endtest %}
