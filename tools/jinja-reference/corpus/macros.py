"""Macros: arguments, defaults, varargs/kwargs, caller, recursion, scoping, and dbt-style macro libraries."""
from common import series, case

MACROS = [
    "{% macro hi(name) %}hi {{ name }}{% endmacro %}{{ hi('ann') }}",
    "{% macro hi(name='world') %}hi {{ name }}{% endmacro %}{{ hi() }}|{{ hi('x') }}|{{ hi(name='y') }}",
    "{% macro f(a, b=2, c=3) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ f(1) }} {{ f(1, c=9) }} {{ f(c=0, a=5) }}",
    "{% macro f() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ f(1, 2, x=3) }}",
    "{% macro f(a) %}{{ a }}{{ varargs|join }}{% endmacro %}{{ f(1, 2, 3) }}",
    "{% macro f(a) %}{{ a }}{{ kwargs }}{% endmacro %}{{ f(1, k='v', j=2) }}",
    "{% macro f(a, b) %}{{ a }}-{{ b }}{% endmacro %}{{ f(1) }}|", "{% macro f(a) %}[{{ a }}]{% endmacro %}{{ f() }}",
    "{% macro f() %}x{% endmacro %}{{ f.name }} {{ f.arguments }} {{ f.catch_kwargs }} {{ f.catch_varargs }} {{ f.caller }}",
    "{% macro f(a, b=1) %}{% endmacro %}{{ f.arguments }}",
    "{% macro f() %}{{ kwargs.get('x', 'none') }}{% endmacro %}{{ f() }}{{ f(x=1) }}",
    "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}{{ fact(5) }}",
    "{% macro outer() %}{% macro inner() %}in{% endmacro %}[{{ inner() }}]{% endmacro %}{{ outer() }}",
    "{% set g = 'global' %}{% macro f() %}{{ g }}{% endmacro %}{{ f() }}",
    "{% macro f() %}{% set local = 1 %}{{ local }}{% endmacro %}{{ f() }}{{ local }}|",
    "{% macro f() %}{{ n }}{% endmacro %}{% set n = 'late' %}{{ f() }}",
    "{% macro f(x) %}{{ x }}{% endmacro %}{% for i in xs %}{{ f(i * loop.index) }}{% endfor %}",
    "{% macro f() %}{{ caller() }}{{ caller() }}{% endmacro %}{% call f() %}x{% endcall %}",
    "{% macro list(items) %}<ul>{% for i in items %}<li>{{ caller(i) }}</li>{% endfor %}</ul>{% endmacro %}{% call(item) list(xs) %}#{{ item }}{% endcall %}",
    "{% macro f() %}{{ caller is defined }}{% endmacro %}{{ f() }}", "{% macro f() %}{{ caller(1) }}{% endmacro %}{% call(a, b=5) f() %}{{ a }}{{ b }}{% endcall %}",
    "{% macro f() %}{% if caller %}{{ caller() }}{% else %}none{% endif %}{% endmacro %}{{ f() }}",
    "{% macro f() %}a{% endmacro %}{{ f() ~ f() }}", "{% macro f() %}  spaced  {% endmacro %}[{{ f() }}]|[{{ f()|trim }}]",
    "{% macro f() -%} {{ 1 }} {%- endmacro %}[{{ f() }}]", "{% macro f() %}{{ return(1) }}{% endmacro %}{{ f() }}",
    "{% macro f(a) %}{{ a|upper }}{% endmacro %}{{ xs|map('string')|map('upper')|join }}{{ f('q') }}",
    "{% macro f() %}{% endmacro %}[{{ f() }}]", "{% macro f() %}x{% endmacro %}{{ f }}" if False else "{% macro f() %}x{% endmacro %}{{ f is callable }}",
    "{% macro f(a, a2=a) %}{{ a2 }}{% endmacro %}{{ f(3) }}", "{% macro f(a=[]) %}{% do a.append(1) %}{{ a }}{% endmacro %}{{ f() }}{{ f() }}",
    "{% macro f() %}{{ xs|length }}{% endmacro %}{% set xs = [1] %}{{ f() }}",
    "{% macro f(x) %}{% if x > 0 %}{{ x }},{{ f(x - 1) }}{% endif %}{% endmacro %}{{ f(4) }}",
    "{% macro f() %}{% for x in xs %}{% if loop.last %}{{ x }}{% endif %}{% endfor %}{% endmacro %}{{ f() }}",
    "{% macro f(n) %}{{ n }}{% endmacro %}{{ f(n=1) }}{{ f(*[2]) }}{{ f(**{'n': 3}) }}",
    "{% macro f(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ f(1, 2, 3) }}", "{% macro f(a) %}{% endmacro %}{{ f(b=1) }}",
]

DBT = [
    ("dbt_ref_macro", "{%- macro ref(name) -%}\n\"{{ target.schema }}\".\"{{ name }}\"\n{%- endmacro -%}\nselect * from {{ ref('stg_orders') }} join {{ ref('stg_customers') }} using (id)\n"),
    ("dbt_generate_schema_name", "{%- macro generate_schema_name(custom_schema_name, node) -%}\n    {%- set default_schema = target.schema -%}\n    {%- if custom_schema_name is none -%}\n        {{ default_schema }}\n    {%- else -%}\n        {{ default_schema }}_{{ custom_schema_name | trim }}\n    {%- endif -%}\n{%- endmacro -%}\n{{ generate_schema_name(none, model) }}|{{ generate_schema_name(' marts ', model) }}\n"),
    ("dbt_cents_to_dollars", "{% macro cents_to_dollars(column_name, scale=2) %}\n    ({{ column_name }} / 100)::numeric(16, {{ scale }})\n{% endmacro %}\nselect {{ cents_to_dollars('amount') }} as amount, {{ cents_to_dollars('tax', 4) }} as tax\n"),
    ("dbt_generic_test_not_null", "{% macro test_not_null(model, column_name) %}\nselect *\nfrom {{ model }}\nwhere {{ column_name }} is null\n{% endmacro %}\n{{ test_not_null('analytics.orders', 'order_id') }}\n"),
    ("dbt_accepted_values", "{% macro test_accepted_values(model, column_name, values, quote=true) %}\nwith all_values as (\n    select {{ column_name }} as value_field, count(*) as n_records\n    from {{ model }}\n    group by {{ column_name }}\n)\nselect * from all_values\nwhere value_field not in (\n    {% for value in values -%}\n        {% if quote -%}'{{ value }}'{%- else -%}{{ value }}{%- endif -%}\n        {%- if not loop.last -%},{%- endif %}\n    {% endfor %}\n)\n{% endmacro %}\n{{ test_accepted_values('orders', 'status', ['placed', 'shipped', 'returned']) }}\n{{ test_accepted_values('orders', 'priority', [1, 2], quote=false) }}\n"),
    ("dbt_dispatch_like", "{% macro default__concat(fields) %}concat({{ fields|join(', ') }}){% endmacro %}\n{% macro duckdb__concat(fields) %}{{ fields|join(' || ') }}{% endmacro %}\n{% macro concat(fields) %}{% if target.type == 'duckdb' %}{{ duckdb__concat(fields) }}{% else %}{{ default__concat(fields) }}{% endif %}{% endmacro %}\nselect {{ concat(['a', 'b', 'c']) }}\n"),
    ("dbt_materialization_call", "{% macro statement(name=none, fetch_result=false) -%}\n-- statement {{ name }} (fetch={{ fetch_result }})\n{{ caller() }}\n{%- endmacro %}\n{% call statement('main', fetch_result=true) -%}\ncreate table {{ model.schema }}.{{ model.name }} as (select 1)\n{%- endcall %}\n"),
    ("dbt_column_list_macro", "{%- macro column_list(cols, prefix='') -%}\n{%- for c in cols -%}\n{{ prefix ~ c.name }}{{ ', ' if not loop.last }}\n{%- endfor -%}\n{%- endmacro -%}\ninsert into t ({{ column_list(columns) }})\nselect {{ column_list(columns, 'src.') }} from src\n"),
    ("dbt_macro_returns_list", "{%- macro get_tested(cols) -%}\n{%- set out = [] -%}\n{%- for c in cols if c.tests -%}{%- do out.append(c.name) -%}{%- endfor -%}\n{{ out|join(',') }}\n{%- endmacro -%}\n{%- set tested = get_tested(columns).split(',') -%}\n{{ tested|length }}: {{ tested }}\n"),
    ("dbt_nested_macro_calls", "{% macro quote(x) %}\"{{ x }}\"{% endmacro %}\n{% macro relation(db, schema, name) %}{{ quote(db) }}.{{ quote(schema) }}.{{ quote(name) }}{% endmacro %}\nselect * from {{ relation(model.database, model.schema, model.name) }}\n"),
    ("dbt_macro_kwargs_config", "{%- macro config() -%}\n{%- for k, v in kwargs|dictsort %}{{ k }}={{ v }}{{ ';' if not loop.last }}{% endfor -%}\n{%- endmacro -%}\n-- {{ config(materialized='table', tags=['a'], enabled=true) }}\n"),
    ("dbt_log_star", "{% macro star(cols, except=[]) -%}\n{%- for c in cols if c.name not in except -%}\n    {{ c.name }}{% if not loop.last %},\n    {% endif %}\n{%- endfor -%}\n{%- endmacro %}\nselect\n    {{ star(columns, except=['amount']) }}\nfrom t\n"),
]


def write():
    series("macros", "macro", MACROS)
    for name, template in DBT:
        case("macros", name, template)
