"""dbt-style SQL where whitespace control decides the output: the layouts dbt users write every day."""
from common import case

CASES = {
    "select_list_trailing_commas": """select
    {% for col in columns -%}
    {{ col.name }}{% if not loop.last %},{% endif %}
    {% endfor -%}
from t
""",
    "select_list_leading_commas": """select
      {{ columns[0].name }}
    {%- for col in columns[1:] %}
    , {{ col.name }}
    {%- endfor %}
from t
""",
    "config_block_header": """{{- '' -}}
{%- set materialized = model.config.materialized -%}
{%- set unique_key = model.config.unique_key -%}

/* {{ materialized }} on {{ unique_key }} */
select 1
""",
    "cte_chain": """with
{% for name in ['orders', 'payments', 'customers'] %}
{{ name }} as (
    select * from {{ target.schema }}.stg_{{ name }}
){{ "," if not loop.last }}
{% endfor %}
select * from customers
""",
    "cte_chain_trimmed": """with
{%- for name in ['orders', 'payments', 'customers'] %}
{{ name }} as (
    select * from {{ target.schema }}.stg_{{ name }}
){{ "," if not loop.last }}
{%- endfor %}

select * from customers
""",
    "if_blocks_blank_lines": """select *
from events
{% if target.name == 'dev' %}
where created_at > current_date - 3
{% endif %}
{% if model.config.materialized == 'incremental' %}
  and id > (select max(id) from {{ model.name }})
{% endif %}
""",
    "if_blocks_trimmed": """select *
from events
{%- if target.name == 'dev' %}
where created_at > current_date - 3
{%- endif %}
{%- if model.config.materialized == 'incremental' %}
  and id > (select max(id) from {{ model.name }})
{%- endif %}
""",
    "nested_loops_group_by": """select
{%- for col in columns if col.data_type != 'numeric(18,2)' %}
    {{ col.name }},
{%- endfor %}
{%- for col in columns if col.data_type == 'numeric(18,2)' %}
    sum({{ col.name }}) as total_{{ col.name }}{{ ',' if not loop.last }}
{%- endfor %}
from t
group by {% for col in columns if col.data_type != 'numeric(18,2)' %}{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %}
""",
    "macro_in_select": """{%- macro cast_col(col) -%}
    {%- if col.data_type == 'varchar' -%}
        trim({{ col.name }})
    {%- else -%}
        {{ col.name }}
    {%- endif -%}
{%- endmacro -%}
select
{%- for col in columns %}
    {{ cast_col(col) }} as {{ col.name }}{{ ',' if not loop.last }}
{%- endfor %}
from raw
""",
    "set_block_reused": """{%- set where_clause -%}
    where status != 'deleted'
      and amount > 0
{%- endset -%}
select count(*) from orders
{{ where_clause }};
select sum(amount) from orders
{{ where_clause }};
""",
    "do_append_then_join": """{%- set selects = [] -%}
{%- for col in columns -%}
    {%- if 'not_null' in col.tests -%}
        {%- do selects.append("sum(case when " ~ col.name ~ " is null then 1 else 0 end) as " ~ col.name ~ "_nulls") -%}
    {%- endif -%}
{%- endfor -%}
select
    {{ selects | join(",\\n    ") }}
from {{ model.schema }}.{{ model.name }}
""",
    "namespace_first_flag": """{%- set ns = namespace(first=true) -%}
select * from t
{%- for col in columns if col.tests %}
    {{ 'where' if ns.first else 'and' }} {{ col.name }} is not null
    {%- set ns.first = false %}
{%- endfor %}
""",
    "comment_lines": """{#- header comment: not rendered -#}
select
    id, {# inline comment #}
    name
    {#- trimmed comment #}
from t {# trailing #}
""",
    "raw_jinja_in_sql": """select '{% raw %}{{ not_a_variable }}{% endraw %}' as literal,
       '{{ "{{" }} escaped {{ "}}" }}' as braces
""",
    "indentation_of_loops": """select
    case
    {%- for threshold in [10, 100, 1000] %}
        when amount < {{ threshold }} then 'under_{{ threshold }}'
    {%- endfor %}
        else 'huge'
    end as bucket
from t
""",
    "union_all_trailing": """{% for t in ['a', 'b'] -%}
select * from {{ t }}
{% if not loop.last -%}
union all
{% endif -%}
{%- endfor %}
""",
    "insert_values_rows": """insert into seed values
{%- for u in users %}
    ('{{ u.name }}', {{ u.age }}, {{ 'true' if u.active else 'false' }}, {{ "'" ~ u.team ~ "'" if u.team else 'null' }}){{ ',' if not loop.last else ';' }}
{%- endfor %}
""",
    "dict_config_loop": """{%- set partitions = {'field': 'created_at', 'data_type': 'date', 'granularity': 'day'} %}
partition by
{%- for k, v in partitions.items() %}
  {{ k }} => '{{ v }}'{{ ',' if not loop.last }}
{%- endfor %}
""",
    "grants_trailing_newlines": """{% for role in ['reader', 'writer'] %}
grant select on {{ model.name }} to {{ role }};
{% endfor %}


""",
    "whitespace_only_template_lines": """  {% set a = 1 %}
  {% set b = 2 %}
select {{ a + b }}
  {%- set c = 3 %}
  {%- set d2 = 4 %}
, {{ c + d2 }}
""",
}


def write():
    for name, template in CASES.items():
        case("whitespace", "dbt_" + name, template)
