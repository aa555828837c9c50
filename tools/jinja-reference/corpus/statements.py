"""if/for/set/with/do/break/continue/namespace/filter blocks/raw/call blocks, singly and as dbt uses them."""
from common import series, case

IF = [
    "{% if n > 40 %}big{% endif %}", "{% if n < 40 %}small{% else %}big{% endif %}",
    "{% if n < 10 %}a{% elif n < 50 %}b{% elif n < 100 %}c{% else %}d{% endif %}",
    "{% if missing %}yes{% else %}no{% endif %}", "{% if ys %}items{% else %}empty{% endif %}",
    "{% if e %}x{% elif none %}y{% else %}z{% endif %}", "{% if d %}{% if d.a %}nested{% endif %}{% endif %}",
    "{% if not t %}a{% elif fl %}b{% endif %}|", "{% if 'a' in d and d.a == 1 %}ok{% endif %}",
    "{% if model.config.materialized == 'incremental' %}{% if model.config.unique_key %}merge on {{ model.config.unique_key }}{% endif %}{% endif %}",
    "{% if xs|length is even %}even{% else %}odd{% endif %}", "{% if n %}{{ n }}{% endif %}{% if zero %}{{ zero }}{% endif %}",
    "{% if 0.0 %}a{% elif [] %}b{% elif {} %}c{% elif '0' %}d{% endif %}",
]

FOR = [
    "{% for x in xs %}{{ x }}{% endfor %}", "{% for x in xs %}{{ loop.index }}:{{ x }} {% endfor %}",
    "{% for x in xs %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }} {% endfor %}",
    "{% for x in xs %}{{ loop.length }}{% endfor %}", "{% for x in ys %}{{ x }}{% else %}none{% endfor %}",
    "{% for x in missing %}{{ x }}{% else %}undefined is empty{% endfor %}",
    "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "{% for k in d %}{{ k }}{% endfor %}",
    "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }} {% endfor %}", "{% for c in s %}{{ c }}.{% endfor %}",
    "{% for x in nums if x is odd %}{{ x }}{{ loop.index }} {% endfor %}",
    "{% for x in nums if x > 10 %}{{ x }}{% else %}filtered out{% endfor %}",
    "{% for x in xs %}{{ loop.cycle('a', 'b') }}{% endfor %}",
    "{% for x in nums %}{{ loop.previtem }}>{{ x }}>{{ loop.nextitem }} {% endfor %}",
    "{% for x in [1, 1, 2, 3, 3] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}",
    "{% for row in nested %}[{% for x in row %}{{ loop.index }}/{{ x }}{% endfor %}]{% endfor %}",
    "{% for row in nested %}{% set outer = loop %}{% for x in row %}{{ outer.index }}.{{ loop.index }} {% endfor %}{% endfor %}",
    "{% for x in xs %}{% if x == 1 %}{% break %}{% endif %}{{ x }}{% endfor %}",
    "{% for x in nums %}{% if x is even %}{% continue %}{% endif %}{{ x }}{% endfor %}",
    "{% for x in nums %}{% if loop.index > 3 %}{% break %}{% endif %}{{ x }}{% else %}else{% endfor %}",
    "{% for x in xs %}{% set y = x * 2 %}{{ y }}{% endfor %}{{ y }}|",
    "{% set total = 0 %}{% for x in xs %}{% set total = total + x %}{% endfor %}{{ total }}",
    "{% for x in xs|sort %}{{ x }}{% endfor %}", "{% for x in range(3) %}{{ x }}{% endfor %}",
    "{% for user in users|selectattr('active') %}{{ user.name }}{{ ', ' if not loop.last }}{% endfor %}",
    "{% for x in xs %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}",
    "{% for i in range(3) %}{% for j in range(i) %}{{ i }}{{ j }} {% endfor %}{% endfor %}",
    "{% for x in xs recursive %}{{ x }}{% endfor %}",
    "{% for item in [{'n': 'a', 'c': [{'n': 'b', 'c': []}, {'n': 'c', 'c': [{'n': 'd', 'c': []}]}]}] recursive %}{{ item.n }}({{ loop.depth }}){% if item.c %}[{{ loop(item.c) }}]{% endif %}{% endfor %}",
    "{% for x, y in d|dictsort %}{{ loop.index }}{{ x }}{{ y }}{% endfor %}",
    "{% for x in xs %}{{ loop }}{% endfor %}" if False else "{% for x in xs %}{{ loop.length - loop.index }}{% endfor %}",
    "{% for a, b, c in [[1, 2, 3]] %}{{ c }}{{ b }}{{ a }}{% endfor %}",
    "{% for x in 'ab' %}{% for y in 'cd' %}{{ x }}{{ y }}{% endfor %}{% endfor %}",
    "{% for x in xs %}{{ x }}{% endfor %}{{ x }}|", "{% set x = 'outer' %}{% for x in xs %}{% endfor %}{{ x }}",
]

SET = [
    "{% set x = 1 %}{{ x }}", "{% set a, b = 1, 2 %}{{ a }}{{ b }}", "{% set a, b = [3, 4] %}{{ b }}{{ a }}",
    "{% set x %}captured {{ n }}{% endset %}[{{ x }}]", "{% set x | upper %}shout {{ s }}{% endset %}{{ x }}",
    "{% set x = xs %}{% do x.append(9) %}{{ xs }}", "{% set s = 'shadow' %}{{ s }}",
    "{% set l = [] %}{% for c in columns %}{% do l.append(c.name) %}{% endfor %}{{ l|join(',') }}",
    "{% set ns = namespace(count=0) %}{% for c in columns %}{% set ns.count = ns.count + c.tests|length %}{% endfor %}{{ ns.count }}",
    "{% set ns = namespace(found=false) %}{% for c in columns %}{% if c.name == 'amount' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}",
    "{% set cfg = {'a': 1} %}{% do cfg.update({'b': 2}) %}{{ cfg }}", "{% set x = none %}{{ x is none }}",
    "{% set x = missing %}{{ x is defined }}", "{% set x = 1 %}{% set x = x + 1 %}{% set x = x * 10 %}{{ x }}",
    "{% set a = b = 1 %}" if False else "{% set t1 = (1, 2) %}{{ t1[0] }}{{ t1|length }}",
    "{% set x %}{% for c in xs %}{{ c }}{% endfor %}{% endset %}{{ x|length }}",
    "{% set x = 'a' %}{% if true %}{% set x = 'b' %}{% endif %}{{ x }}",
    "{% set ns = namespace(a=1, b=2) %}{% set ns.a, ns.b = ns.b, ns.a %}{{ ns.a }}{{ ns.b }}",
]

WITH = [
    "{% with x = 1 %}{{ x }}{% endwith %}{{ x }}|", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}",
    "{% with %}{% set inner = 5 %}{{ inner }}{% endwith %}{{ inner }}|", "{% with x = n %}{% with y = x + 1 %}{{ y }}{% endwith %}{% endwith %}",
    "{% set x = 'out' %}{% with x = 'in' %}{{ x }}{% endwith %}{{ x }}",
]

OTHER = [
    "{% raw %}{{ not rendered }}{% if %}{% endraw %}", "{% raw -%}  {{ x }}  {%- endraw %}",
    "{% filter upper %}hello {{ s }}{% endfilter %}", "{% filter replace('a', 'o') | upper %}banana{% endfilter %}",
    "{% filter indent(2) %}a\nb{% endfilter %}", "{% do xs.append(4) %}{{ xs }}", "{% do 1 + 1 %}done",
    "{# a comment #}visible{# another\nmultiline comment #}", "a{# {{ x }} {% if %} #}b",
    "{% macro m() %}[{{ caller() }}]{% endmacro %}{% call m() %}inside{% endcall %}",
    "{% macro wrap(tag) %}<{{ tag }}>{{ caller(1, 2) }}</{{ tag }}>{% endmacro %}{% call(a, b) wrap('x') %}{{ a + b }}{% endcall %}",
    "{% for x in xs %}{% filter upper %}{{ 'v' ~ x }}{% endfilter %}{% endfor %}",
    "{% if true %}{% for x in xs %}{% with y = x %}{% set z = y %}{{ z }}{% endwith %}{% endfor %}{% endif %}",
    "{{ '{{' }} literal braces {{ '}}' }}", "{% set x = '{% raw %}' %}{{ x }}", "text only, no tags",
    "", "{{ s }}{{ n }}{{ none }}{{ t }}",
]

DBT = [
    ("dbt_select_columns", "select\n{% for col in columns %}    {{ col.name }}{% if not loop.last %},{% endif %}\n{% endfor %}from {{ model.schema }}.{{ model.name }}\n"),
    ("dbt_select_columns_trim", "select\n{%- for col in columns %}\n    {{ col.name }}{{ ',' if not loop.last }}\n{%- endfor %}\nfrom {{ model.schema }}.{{ model.name }}\n"),
    ("dbt_cast_columns", "select\n{%- for col in columns %}\n    cast({{ col.name }} as {{ col.data_type }}) as {{ col.name }}{{ \",\" if not loop.last }}\n{%- endfor %}\nfrom source\n"),
    ("dbt_incremental", "select * from events\n{% if model.config.materialized == 'incremental' %}\nwhere updated_at > (select max(updated_at) from {{ model.schema }}.{{ model.name }})\n{% endif %}\n"),
    ("dbt_config_tags", "{%- set tags = model.config.get('tags', []) -%}\n-- tags: {{ tags|join(', ') }}\n{%- if 'finance' in tags %}\n-- finance model\n{%- endif %}\n"),
    ("dbt_pivot", "select\n  order_id,\n  {%- for method in ['card', 'coupon', 'bank_transfer'] %}\n  sum(case when method = '{{ method }}' then amount else 0 end) as {{ method }}_amount\n  {{- ',' if not loop.last }}\n  {%- endfor %}\nfrom payments\ngroup by 1\n"),
    ("dbt_union", "{% set tables = ['a', 'b', 'c'] %}\n{% for t in tables %}\nselect '{{ t }}' as source, * from {{ t }}\n{% if not loop.last %}union all{% endif %}\n{% endfor %}\n"),
    ("dbt_namespace_counter", "{% set ns = namespace(tested=0, names=[]) %}\n{%- for col in columns if col.tests -%}\n{%- set ns.tested = ns.tested + 1 -%}\n{%- do ns.names.append(col.name) -%}\n{%- endfor -%}\n{{ ns.tested }} tested: {{ ns.names|join(', ') }}\n"),
    ("dbt_do_append", "{%- set parts = [] -%}\n{%- for col in columns -%}\n  {%- if col.data_type.startswith('num') or col.data_type == 'integer' -%}\n    {%- do parts.append('sum(' ~ col.name ~ ')') -%}\n  {%- endif -%}\n{%- endfor -%}\nselect {{ parts|join(', ') }} from t\n"),
    ("dbt_where_clauses", "{%- set filters = {'status': 'shipped', 'region': none, 'year': 2024} -%}\nselect * from orders\n{%- set ns = namespace(first=true) %}\n{%- for k, v in filters.items() if v is not none %}\n{{ 'where' if ns.first else '  and' }} {{ k }} = {{ \"'\" ~ v ~ \"'\" if v is string else v }}\n{%- set ns.first = false %}\n{%- endfor %}\n"),
    ("dbt_target_branch", "{% if target.name == 'prod' %}\nselect * from raw.orders\n{% else %}\nselect * from raw.orders limit {{ 100 if target.threads > 2 else 10 }}\n{% endif %}\n"),
    ("dbt_surrogate_key", "{%- set fields = ['order_id', 'line_no'] -%}\nmd5(\n{%- for f in fields %}\n    coalesce(cast({{ f }} as varchar), '_null_')\n    {%- if not loop.last %} || '-' || {% endif %}\n{%- endfor %}\n) as order_key\n"),
    ("dbt_case_when", "case\n{%- for threshold, label in [(100, 'small'), (1000, 'medium')] %}\n    when amount < {{ threshold }} then '{{ label }}'\n{%- endfor %}\n    else 'large'\nend as bucket\n"),
    ("dbt_insert_values", "insert into t (id, name) values\n{%- for u in users %}\n    ({{ loop.index }}, '{{ u.name }}'){{ ';' if loop.last else ',' }}\n{%- endfor %}\n"),
    ("dbt_grants", "{%- set grants = {'select': ['reporter', 'analyst'], 'insert': []} -%}\n{%- for privilege, roles in grants.items() %}\n{%- for role in roles %}\ngrant {{ privilege }} on {{ model.schema }}.{{ model.name }} to {{ role }};\n{%- endfor %}\n{%- endfor %}\n"),
    ("dbt_star_except", "{%- set exclude = ['amount', 'created_at'] -%}\nselect\n    {{ columns|map(attribute='name')|reject('in', exclude)|join(',\\n    ') }}\nfrom t\n"),
    ("dbt_date_spine", "{%- set days = range(1, 4) -%}\n{%- for d in days %}\nselect date '2024-01-0{{ d }}' as day {{- ' union all' if not loop.last }}\n{%- endfor %}\n"),
    ("dbt_snapshot_check", "{%- set check_cols = ['status', 'amount'] -%}\n(\n{%- for c in check_cols -%}\n    snapshotted.{{ c }} != source.{{ c }}{{ ' or ' if not loop.last }}\n{%- endfor -%}\n)\n"),
    ("dbt_set_block_sql", "{%- set query -%}\nselect count(*) from {{ model.schema }}.{{ model.name }}\n{%- endset -%}\n-- running: {{ query|trim }}\n{{ query|length }}\n"),
    ("dbt_column_comments", "{% for col in columns %}\ncomment on column {{ model.name }}.{{ col.name }} is '{{ col.name|replace('_', ' ')|title }} ({{ col.data_type|upper }})';\n{% endfor %}\n"),
]


def write():
    series("statements", "if", IF)
    series("statements", "for", FOR)
    series("statements", "set", SET)
    series("statements", "with", WITH)
    series("statements", "other", OTHER)
    for name, template in DBT:
        case("statements", name, template)
