"""Hand-written tricky cases: scoping, loop details, undefined, number formatting, %-formatting, str.format,
error locations in multi-line templates, more inheritance. Where engines most often drift from Jinja2."""
from common import series, case

SCOPING = [
    "{% set x = 1 %}{% for i in xs %}{% set x = i %}{% endfor %}{{ x }}",
    "{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}",
    "{% for i in xs %}{% set inner = i %}{% endfor %}[{{ inner }}]",
    "{% set ns = namespace(v=0) %}{% for i in xs %}{% set ns.v = ns.v + i %}{% endfor %}{{ ns.v }}",
    "{% macro m() %}{% set x = 'in macro' %}{{ x }}{% endmacro %}{% set x = 'outer' %}{{ m() }} {{ x }}",
    "{% set x = 'outer' %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 'changed' %}{{ m() }}",
    "{% for i in xs %}{% macro m() %}{{ i }}{% endmacro %}{{ m() }}{% endfor %}",
    "{% with a = 1 %}{% set a = 2 %}{{ a }}{% endwith %}{{ a }}|",
    "{% for i in [1, 2] %}{% for j in [3, 4] %}{% set i = j %}{% endfor %}{{ i }}{% endfor %}",
    "{% set l = [] %}{% macro add(v) %}{% do l.append(v) %}{% endmacro %}{{ add(1) }}{{ add(2) }}{{ l }}",
    "{% set d2 = {} %}{% for u in users %}{% do d2.update({u.name: u.age}) %}{% endfor %}{{ d2 }}",
    "{% macro m(x) %}{% set x = x * 2 %}{{ x }}{% endmacro %}{{ m(2) }}{{ m(5) }}",
    "{% set ns = namespace(items=[]) %}{% macro collect(v) %}{% do ns.items.append(v) %}{% endmacro %}{% for x in xs %}{{ collect(x) }}{% endfor %}{{ ns.items }}",
    "{% set a, b = 1, 2 %}{% set a, b = b, a %}{{ a }}{{ b }}",
    "{% set x = {'a': [1, {'b': 2}]} %}{{ x.a[1].b }}{{ x['a'][0] }}",
    "{% for x in xs %}{{ loop.index }}{% set loop_copy = loop %}{% endfor %}{{ loop_copy is defined }}",
    "{% set x %}{% for i in range(3) %}{{ i }}{% endfor %}{% endset %}{{ x ~ x }}",
    "{% if true %}{% set y = 'set in if' %}{% endif %}{{ y }}",
    "{% for i in range(2) %}{% if i == 0 %}{% set flag_ = 'first' %}{% endif %}{{ flag_ }}|{% endfor %}",
    "{% set counter = 0 %}{% macro incr() %}{% set counter = counter + 1 %}{{ counter }}{% endmacro %}{{ incr() }}{{ incr() }}{{ counter }}",
]

LOOPS = [
    "{% for x in xs %}{{ loop.cycle('odd', 'even') }}-{{ loop.index0 }} {% endfor %}",
    "{% for x in [] %}{{ loop.index }}{% else %}{{ loop is defined }}{% endfor %}",
    "{% for x in xs %}{{ loop.nextitem is defined }}{% endfor %}",
    "{% for x in xs %}{{ loop.previtem|default('start') }}{% endfor %}",
    "{% for k, v in d|dictsort %}{{ loop.revindex }}:{{ k }}{% endfor %}",
    "{% for x in nums if x is even %}{{ loop.length }}/{{ loop.last }} {% endfor %}",
    "{% for a in xs %}{% for b in xs %}{% if b > a %}{% break %}{% endif %}{{ a }}{{ b }} {% endfor %}{% endfor %}",
    "{% for x in range(10) %}{% if x % 3 %}{% continue %}{% endif %}{{ x }}{% endfor %}",
    "{% for x in xs %}{{ x }}{% if loop.last %}.{% else %}, {% endif %}{% endfor %}",
    "{% for user in users|sort(attribute='age') %}{{ user.name }}{{ loop.changed(user.age) }} {% endfor %}",
    "{% for c in columns %}{{ c.name }}{% for t in c.tests %}[{{ t }}{{ loop.index }}/{{ loop.length }}]{% endfor %} {% endfor %}",
    "{% for x in 'abc'|list|reverse %}{{ x }}{% endfor %}",
    "{% for i, x in ['a', 'b']|list|batch(1)|list|map('first')|list|enumerate if false %}{% endfor %}",
    "{% for x in xs %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}",
    "{% for item in [1, [2, [3, [4]]]] recursive %}{% if item is iterable %}{{ loop(item) }}{% else %}{{ item }}@{{ loop.depth }} {% endif %}{% endfor %}",
    "{% for k in d %}{{ k }}={{ d[k] }};{% endfor %}",
    "{% for x in d.values()|sort %}{{ x }}{% endfor %}",
    "{% for a, b in d.items()|sort(attribute='1') %}{{ a }}{% endfor %}",
    "{% for x in xs %}{% set x = x * 10 %}{{ x }}{% endfor %}{{ xs }}",
    "{% for x in range(3) %}{% for y in range(3) %}{% if y == 1 %}{% continue %}{% endif %}{{ x }}{{ y }} {% endfor %}{% endfor %}",
]

UNDEFINED = [
    "[{{ missing }}]", "{{ missing is defined }}{{ missing is undefined }}", "{{ missing or 'fallback' }}",
    "{{ missing ~ 'x' }}", "{% if missing %}t{% else %}f{% endif %}", "{{ missing|length }}",
    "{{ d.missing }}|{{ d['missing'] }}|", "{{ d.missing.x }}", "{{ xs[10].a }}", "{{ users[0].missing.x }}",
    "{{ missing.x }}", "{{ missing[0] }}", "{{ missing + 1 }}", "{{ missing() }}", "{{ missing|upper }}|",
    "{% for x in missing %}{{ x }}{% endfor %}ok", "{{ missing == none }}{{ missing is none }}",
    "{{ 'x' if missing else 'y' }}", "{{ [missing]|length }}", "{{ (missing, 1)|length }}",
    "{{ none.x }}", "{{ none['x'] }}", "{{ n.x }}|", "{{ s.x.y }}", "{{ missing|default(d.missing)|default('deep') }}",
    "{{ d.get('missing')|default('none-default', true) }}", "{% set x = missing %}{{ x|default('unset') }}",
    "{{ missing is string }}{{ missing is iterable }}", "{{ missing|list }}{{ missing|join }}", "{{ missing|int + 1 }}",
]

NUMBERS = [
    "{{ 10 / 4 }} {{ 10 / 5 }} {{ 3 * 1.0 }} {{ 7 // 2.0 }}", "{{ 1e100 }} {{ 1.5e-10 }} {{ 1e-4 }} {{ 1e-5 }}",
    "{{ 12345678912345678.0 }} {{ 0.000123 }} {{ 123456789012345.6 }}", "{{ 1 / 3 }} {{ 2 / 3 }} {{ 100.0 / 3 }}",
    "{{ -0.0 }} {{ 0.0 * -1 }}", "{{ 'nan'|float }} {{ 'inf'|float }} {{ '-inf'|float }}", "{{ 1e308 * 10 }}",
    "{{ true + true }} {{ true * 3 }} {{ false - 1 }}", "{{ 7 // -2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7 // 2 }}",
    "{{ 2 ** -2 }} {{ 0 ** 0 }} {{ 2 ** 0.5 }} {{ 4 ** 0.5 }}", "{{ 1e3 // 7 }} {{ 1e3 % 7 }} {{ -1e3 // 7 }}",
    "{{ 0.1 * 3 }} {{ 1.1 + 2.2 }} {{ 3.3 - 1.1 }}", "{{ 2.675|round(2) }} {{ 0.5|round }} {{ 1.5|round }} {{ -0.5|round }}",
    "{{ 10|round }} {{ 10|round(2) }} {{ 1234|round(-2) }}", "{{ (0.1 + 0.2)|round(10) }}", "{{ 1e16|int }} {{ 1e15|int }}",
    "{{ 3.0|int }} {{ -3.99|int }} {{ '1e3'|int }} {{ '  -5'|int }}", "{{ 100000000000000000000.0 }}",
    "{{ 1.0e15 }} {{ 1.0e16 }} {{ 9999999999999998.0 }}", "{{ 5e-324 }} {{ 1.7976931348623157e308 }}",
    "{{ 3 == 3.0 }} {{ 1 == true }} {{ 0 == false }} {{ 2 == true }}", "{{ [1, 2.0, true]|sum }}",
    "{{ 7.0 / 2 }} {{ 7 / 2.0 }} {{ -7 / 2 }}", "{{ 1.23456789e-7 }} {{ 123e5 }}", "{{ 0.1 + 0.7 }}",
    "{{ (2 ** 62) + (2 ** 62) - 1 }}", "{{ 9007199254740993 }} {{ 9007199254740993 * 1.0 }}",
    "{{ 255|string|int + 1 }}", "{{ 4.0 is integer }} {{ 4 is float }}", "{{ 10 % 3.5 }} {{ -10 % 3.5 }}",
]

PERCENT = [
    "{{ '%s and %s' % (1, 2) }}", "{{ '%(a)s-%(b)d' % {'a': 'x', 'b': 3} }}", "{{ '%5.2f|' % f }}", "{{ '%r' % 'x' }}",
    "{{ '%c' % 65 }}", "{{ '%+d %+d' % (5, -5) }}", "{{ '%e' % 12345.678 }}", "{{ '%g %g' % (0.00001, 123456789.0) }}",
    "{{ '%-6s|%6s|' % ('ab', 'cd') }}", "{{ '%03d' % 7 }}", "{{ '%x %X %o' % (255, 255, 8) }}", "{{ '%s' % xs }}",
    "{{ '%s' % none }}", "{{ '%.3s' % 'abcdef' }}", "{{ '%%' % () }}", "{{ '%d' % 3.99 }}", "{{ '%s %s' % 'a' }}",
    "{{ '%i' % true }}", "{{ '%5.1f%%' % 99.44 }}", "{{ '%s' % (xs,) }}", "{{ '%s' % d }}", "{{ 'no format' % () }}",
    "{{ '%.0f %.0f' % (0.5, 1.5) }}", "{{ '%10.4f|' % -3.14159 }}", "{{ '%s' % 'ünï' }}",
]

FORMAT = [
    "{{ '{:,}'.format(1234567) }}", "{{ '{:08.3f}'.format(f) }}", "{{ '{!r}'.format('x') }}", "{{ '{0[1]}'.format(xs) }}",
    "{{ '{:^9}|'.format('mid') }}", "{{ '{:*<6}'.format('l') }}", "{{ '{:+.2e}'.format(12345.678) }}", "{{ '{:%}'.format(0.25) }}",
    "{{ '{:b} {:o} {:x} {:#x}'.format(5, 8, 255, 255) }}", "{{ '{0}{1}{0}'.format('a', 'b') }}", "{{ '{name}!'.format(name='n') }}",
    "{{ '{:d}'.format(42) }}", "{{ '{:.3}'.format(3.14159) }}", "{{ '{:>8.2f}'.format(-1.5) }}", "{{ '{}'.format(none) }}",
    "{{ '{}'.format(xs) }}", "{{ '{{}} {}'.format(1) }}", "{{ '{0.name}'.format(users[0]) if false else '{0[name]}'.format(users[0]) }}",
    "{{ '{:_}'.format(1000000) }}", "{{ '{:g}'.format(1e-7) }}", "{{ '{:5}|{:<5}|'.format(42, 42) }}", "{{ '{:.1f}'.format(0.05) }}",
    "{{ '{}'.format(1.0) }} {{ '{}'.format(1e16) }}", "{{ '{:s}'.format('s') }}", "{{ '{:x}'.format('s') }}",
]

COMPARE = [
    "{{ 1 == '1' }} {{ none == 0 }} {{ [1, 2] == (1, 2) }} {{ {'a': 1} == {'a': 1} }}", "{{ 'a' < 'B' }} {{ 'a' < 'b' }} {{ 'Z' < 'a' }}",
    "{{ [1, 2] < [1, 3] }} {{ [1] < [1, 0] }} {{ (1, 'a') < (1, 'b') }}", "{{ 1 < 2.5 }} {{ true < 2 }} {{ false < true }}",
    "{{ 'abc' in ['abc'] }} {{ 'a' in ['abc'] }} {{ 'b' in {'b': 1} }} {{ 1 in {'1': 1} }}", "{{ {'name': 'ann', 'age': 31, 'active': true, 'team': 'data'} in users }}",
    "{{ [] == [] }} {{ [] is sameas [] }} {{ none is sameas none }}", "{{ 0.0 == -0.0 }} {{ 'nan'|float == 'nan'|float }}",
    "{{ 'a' != 'a ' }} {{ 'ä' > 'z' }}", "{{ xs == [3, 1, 2] }} {{ xs != [3, 1, 2] }}",
    "{% if 0.0 %}a{% elif '0' %}b{% endif %} {% if ' ' %}space{% endif %} {% if {} %}x{% else %}empty dict{% endif %}",
    "{{ 1 < 'a' }}", "{{ [1] < 'a' }}", "{{ none > none }}", "{{ {} < {} }}",
]

ERRLINES = [
    "line 1\nline 2\n{% for x in xs %}\n  {{ x.missing.deeper }}\n{% endfor %}",
    "{% macro m(v) %}\n  {{ v / 0 }}\n{% endmacro %}\nbefore\n{{ m(1) }}",
    "{% set a = 1 %}\n{% set b = 'x' %}\n\n{{ a + b }}",
    "{% if true %}\n  {% if true %}\n    {{ 'x' ~ missing.attr }}\n  {% endif %}\n{% endif %}",
    "select\n{%- for c in columns %}\n  {{ c.name }},\n{%- endfor %}\n  {{ 1 // zero }}\nfrom t",
    "a\nb\n{{ [1, 2\n}}", "{% for x in xs %}\n\n{% endfor %}\n{% endfor %}", "{{ 'ok' }}\n{% set x = %}",
    "{% macro m() %}\n{% for i in range(2) %}\n{{ i + 'a' }}\n{% endfor %}\n{% endmacro %}\n\n\n{{ m() }}",
    "{% call(x) m() %}{{ x }}{% endcall %}\n", "x\n{% with %}\n{% endwith %}\n{{ missing.a }}",
    "{\n{{\n1 +\n+\n}}", "{% if x %}\n{% elif %}\n{% endif %}", "{% raw %}\n{{ not parsed\n{% endraw %}\n{{ 1 / 0 }}",
    "{# comment\nspanning\nlines #}{{ missing.x }}", "{{ 'multi\nline string' }}\n{{ missing.y }}",
    "{% set x %}\nblock\n{% endset %}\n{{ x.missing.z }}", "{% for x in xs %}\n{% if x %}\n{% else %}\n{% endfor %}",
    "{{ xs|map('upper')|list }}", "{{ d|map('nonexistent_filter')|list }}\n",
]

INHERIT = [
    ("import_caller", "{% import 'm' as m %}{% call m.wrap() %}inner{% endcall %}", {"m": "{% macro wrap() %}<{{ caller() }}>{% endmacro %}"}),
    ("import_macro_with_defaults", "{% from 'm' import f %}{{ f() }}|{{ f(2) }}|{{ f(b=5) }}", {"m": "{% macro f(a=1, b=2) %}{{ a }}{{ b }}{% endmacro %}"}),
    ("import_kwargs", "{% from 'm' import f %}{{ f(1, x=2) }}", {"m": "{% macro f(a) %}{{ a }}{{ kwargs }}{% endmacro %}"}),
    ("import_twice", "{% import 'm' as a %}{% import 'm' as b %}{{ a.f() }}{{ b.f() }}", {"m": "{% macro f() %}x{% endmacro %}"}),
    ("import_in_macro", "{% macro outer() %}{% from 'm' import f %}{{ f() }}{% endmacro %}{{ outer() }}", {"m": "{% macro f() %}imported{% endmacro %}"}),
    ("import_namespace_var", "{% import 'm' as m %}{{ m.cfg.a }}{{ m.items|join }}", {"m": "{% set cfg = {'a': 1} %}{% set items = ['x', 'y'] %}"}),
    ("from_import_with_context", "{% set who = 'ctx' %}{% from 'm' import hi with context %}{{ hi() }}", {"m": "{% macro hi() %}hi {{ who }}{% endmacro %}"}),
    ("include_in_macro", "{% macro m(v) %}{% include 'p' %}{% endmacro %}{{ m(5) }}", {"p": "[{{ v }}]"}),
    ("include_loop_var", "{% for x in xs %}{% include 'p' %}{% endfor %}", {"p": "{{ loop.index }}{{ x }};"}),
    ("include_macro_defined", "{% include 'p' %}{{ f is defined }}", {"p": "{% macro f() %}{% endmacro %}"}),
    ("extends_super_twice", "{% extends 'b' %}{% block x %}[{{ super() }}{{ super() }}]{% endblock %}", {"b": "{% block x %}B{% endblock %}"}),
    ("extends_block_uses_context", "{% extends 'b' %}{% block x %}{{ n }}{{ xs|length }}{% endblock %}", {"b": "<{% block x %}{% endblock %}>"}),
    ("extends_block_self_call", "{% extends 'b' %}{% block t %}Title{% endblock %}", {"b": "{% block t %}{% endblock %}|{{ self.t() }}|{{ self.t()|upper }}"}),
    ("extends_macro_in_parent", "{% extends 'b' %}{% block x %}{{ helper() }}{% endblock %}", {"b": "{% macro helper() %}H{% endmacro %}{% block x %}{% endblock %}"}),
    ("extends_import_in_child", "{% extends 'b' %}{% import 'm' as m %}{% block x %}{{ m.f() }}{% endblock %}", {"b": "{% block x %}{% endblock %}", "m": "{% macro f() %}F{% endmacro %}"}),
    ("extends_whitespace_outside", "{% extends 'b' %}\n\n{% block x %}X{% endblock %}\n\n", {"b": "a\n{% block x %}{% endblock %}\nb\n"}),
    ("extends_two_blocks_order", "{% extends 'b' %}{% block two %}2{% endblock %}{% block one %}1{% endblock %}", {"b": "{% block one %}{% endblock %}-{% block two %}{% endblock %}"}),
    ("extends_super_in_deep", "{% extends 'mid' %}{% block x %}C{{ super() }}{% endblock %}", {"base": "{% block x %}A{% endblock %}", "mid": "{% extends 'base' %}"}),
    ("extends_block_twice_error", "{% block a %}{% endblock %}{% block a %}{% endblock %}", {}),
    ("extends_super_no_parent", "{% block x %}{{ super() }}{% endblock %}", {}),
    ("include_error_in_nested_macro", "{% include 'p' %}", {"p": "{% macro f() %}\n{{ missing.x }}\n{% endmacro %}\n{{ f() }}"}),
    ("import_error_line", "{% import 'm' as m %}\n{{ m.f() }}", {"m": "{% macro f() %}\n\n{{ 1 / 0 }}{% endmacro %}"}),
    ("dbt_macro_namespace", "{%- import 'macros/utils.sql' as utils -%}\n{%- set cols = utils.columns_of(columns, 'integer') -%}\nselect {{ cols }} from {{ utils.rel('analytics', 'orders') }}\n",
     {"macros/utils.sql": "{% macro columns_of(cs, type) -%}\n{{ cs|selectattr('data_type', 'equalto', type)|map(attribute='name')|join(', ') }}\n{%- endmacro %}\n{% macro rel(schema, name) %}{{ schema }}.{{ name }}{% endmacro %}"}),
    ("dbt_test_macro_include", "{% from 'tests.sql' import test_not_null %}\n{% for c in columns if 'not_null' in c.tests %}\n{{ test_not_null(model.name, c.name) }}\n{% if not loop.last %}union all{% endif %}\n{% endfor %}\n",
     {"tests.sql": "{% macro test_not_null(model, column_name) -%}\nselect '{{ column_name }}' as col, count(*) from {{ model }} where {{ column_name }} is null\n{%- endmacro %}"}),
]


def write():
    series("statements", "scoping", SCOPING)
    series("statements", "loop", LOOPS)
    series("expressions", "undefined", UNDEFINED)
    series("expressions", "number", NUMBERS)
    series("expressions", "percent", PERCENT)
    series("expressions", "format", FORMAT)
    series("expressions", "compare_mixed", COMPARE)
    series("errors", "location", ERRLINES)
    series("statements", "found", FOUND)
    series("expressions", "repr", REPR)
    series("macros", "more", MACROS_MORE)
    series("expressions", "lexer", LEXER)
    series("filters", "edge2", FILTER_EDGES)
    series("errors", "python_syntax", PYTHON_SYNTAX)
    series("errors", "user_mistake", USER_MISTAKES)
    for name, template, templates in INHERIT:
        case("inheritance", name, template, templates=templates)

# Behaviours the differential test found engines getting wrong, pinned as fixtures.
FOUND = [
    "{% for x in xs %}{% if x > 0 %}{% break %}{% endif %}{% else %}else ran{% endfor %}",
    "{% for x in xs %}{% continue %}{% else %}else ran after continue{% endfor %}",
    "{% for x in xs %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% else %}else{% endfor %}",
    "{% for x in xs %}{{ x }}{% if loop.last %}{% break %}{% endif %}{% else %}else{% endfor %}",
    "{% for x in xs %}{% filter upper %}a{{ x }}{% continue %}b{% endfilter %}c{% endfor %}|",
    "{% for x in xs %}{% filter trim %} {{ x }} {% break %}{% endfilter %}{% endfor %}|",
    "{% for x in xs %}{% with y = x %}{{ y }}{% if y == 1 %}{% break %}{% endif %}{% endwith %}{% endfor %}",
    "{{ ('a' if false) in 'abc' }}", "{{ 'x' in ('abc' if false) }}", "{{ '%d'|format('a' if false) }}",
    "{{ '%s|'|format('a' if false) }}", "{{ true|reverse }}", "{{ 5|reverse }}", "{{ false|map('string')|list }}",
    "{{ 0|map('string')|list }}", "{{ (39)[1:]|list }}", "{{ (39)[0] }}|", "{{ none[0] }}", "{{ 8|truncate(5) }}",
    "{{ true|indent(2) }}", "{{ 7|abs }} {{ -7|abs }} {{ -7.5|abs }} {{ true|abs }}",
    "{% filter lower | replace(' ', '_') %}Hello World {{ true }}{% endfilter %}",
    "{% filter center(11) | replace(' ', '.') %}mid{% endfilter %}",
    "{% for i in [1, 2] %}{% for j in [] %}{% else %}[{{ n }}]{% endfor %}{% set n = i %}{% endfor %}",
]

# How values print (Python's str/repr of ranges, dict views, namespaces, loops, macros, Markup, tuples, floats)
# and how Markup mixes with plain strings when autoescape is off.
REPR = [
    "{{ range(3) }} {{ range(1, 10, 2) }}", "{{ d.items() }}", "{{ d.keys() }} {{ d.values() }}", "{{ namespace(a=1) }}",
    "{% for x in xs %}{{ loop }}{% endfor %}", "{% macro m() %}{{ caller }}{% endmacro %}{% call m() %}{% endcall %}",
    "{% macro m() %}{% endmacro %}{{ m }}", "{{ users|groupby('age')|list }}", "{{ (users|groupby('age')|first).grouper }}",
    "{{ [html|e] }}", "{{ 'a'|safe ~ '<' }}", "{{ ('a'|safe) + '<' }}", "{{ '<'|e|length }}", "{{ (html|e).upper() }}",
    "{{ html|e|replace('&', 'and') }}", "{{ (html|safe)|striptags }}", "{{ '%s'|format(html|e) }}", "{{ ('x%s'|safe) % '<' }}",
    "{{ ('a'|safe) * 2 }}", "{{ ['a'|safe, '<']|join('<') }}", "{{ '<'|safe|e }}", "{{ ((1, 2),) }} {{ (1, 'a', none) }}",
    "{{ {'a': (1,)} }}", "{{ 1.0|string }} {{ -0.5|string }}", "{{ [1.0, 2.5e-8, 1e22] }}", "{{ {1: 2, '1': 3} }}",
    "{{ 'tab\\there'|pprint }}", "{{ [\"it's\", 'say \"hi\"', 'both \\' \"'] }}", "{{ ['\\n', '\\\\', '\\x00'] }}",
    "{{ {'k': none, 'f': fl, 't': t} }}", "{{ users[0] }}", "{{ columns[0] }}", "{{ [[]] }} {{ [{}] }} {{ ({},) }}",
    "{{ 'é'|pprint }} {{ ['é', 'ü'] }}", "{{ (html|e)[0:4] }}", "{{ html|e|list|length }}", "{{ (html|e).split(';') }}",
]

MACROS_MORE = [
    "{% macro m(x) %}{{ x * 2 }}{% endmacro %}{% set f = m %}{{ f(4) }}",
    "{% macro a() %}A{% endmacro %}{% macro b() %}B{% endmacro %}{% set reg = {'a': a, 'b': b} %}{{ reg.a() }}{{ reg['b']() }}",
    "{% macro m(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(*xs) }}|{{ m(**{'a': 1, 'b': 2, 'c': 3}) }}",
    "{% macro inner(x, y=0) %}{{ x }}/{{ y }}{% endmacro %}{% macro outer() %}{{ inner(**kwargs) }}{% endmacro %}{{ outer(x=1, y=2) }}",
    "{% macro inner() %}{{ varargs|join('-') }}{% endmacro %}{% macro outer() %}{{ inner(*varargs) }}{% endmacro %}{{ outer(1, 2, 3) }}",
    "{{ later() }}{% macro later() %}defined later{% endmacro %}",
    "{% macro m() %}first{% endmacro %}{{ m() }}{% macro m() %}second{% endmacro %}{{ m() }}",
    "{% macro upper(s) %}macro:{{ s }}{% endmacro %}{{ upper('x') }} {{ 'x'|upper }}",
    "{% macro m() %}{{ m.name }}{% endmacro %}{{ m() }}",
    "{% macro m(v) %}{{ v }}{% endmacro %}{{ m(v=none) }}|{{ m(v='') }}|{{ m(v=[]) }}",
    "{% macro num() %}42{% endmacro %}{{ num()|int + 1 }} {{ (num() ~ '0')|int }} {{ num() is string }}",
    "{% macro tree(node) %}{{ node.n }}{% if node.c %}({% for c in node.c %}{{ tree(c) }}{{ ',' if not loop.last }}{% endfor %}){% endif %}{% endmacro %}{{ tree({'n': 'r', 'c': [{'n': 'a', 'c': []}, {'n': 'b', 'c': [{'n': 'b1', 'c': []}]}]}) }}",
    "{% macro m() %}{{ caller('x', 'y') }}{% endmacro %}{% call(a, b='dflt', c='c') m() %}{{ a }}{{ b }}{{ c }}{% endcall %}",
    "{% macro outer() %}<{{ caller() }}>{% endmacro %}{% macro inner() %}[{{ caller() }}]{% endmacro %}{% call outer() %}{% call inner() %}deep{% endcall %}{% endcall %}",
    "{% macro m() %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(v) m() %}{{ v }}{{ loop is defined }};{% endcall %}",
    "{% macro m(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}{% endmacro %}{% call(item, idx) m(['a', 'b']) %}{{ idx }}={{ item }} {% endcall %}",
    "{% set prefix = 'p_' %}{% macro m(name, pre=prefix) %}{{ pre }}{{ name }}{% endmacro %}{{ m('x') }}",
    "{% macro m() %}{{ kwargs|dictsort }}{% endmacro %}{{ m(b=2, a=1) }}",
    "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, a=2) }}",
    "{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}",
    "{% macro m(caller) %}{{ caller }}{% endmacro %}{{ m('explicit') }}",
    "{% macro m() %}{{ varargs }}{% endmacro %}{{ m() }}|{{ m(1) }}",
    "{% macro dict_of(cols) %}{% set out = {} %}{% for c in cols %}{% do out.update({c.name: c.data_type}) %}{% endfor %}{{ out|tojson }}{% endmacro %}{{ dict_of(columns) }}",
    "{% macro m(x) -%}\n  {%- if x is mapping -%}map{%- elif x is string -%}str{%- elif x is iterable -%}seq{%- else -%}other{%- endif -%}\n{%- endmacro %}{{ m(d) }} {{ m(s) }} {{ m(xs) }} {{ m(n) }}",
    "{% macro render_where(filters) -%}\n{%- for k, v in filters|dictsort %}\n{{ 'where' if loop.first else '  and' }} {{ k }} = {{ v|tojson if v is string else v }}\n{%- endfor %}\n{%- endmacro %}select * from t{{ render_where({'b': 'x', 'a': 1}) }}",
    "{% macro safe_cast(col, type) %}try_cast({{ col }} as {{ type }}){% endmacro %}{% for c in columns %}{{ safe_cast(c.name, c.data_type) }}{{ ', ' if not loop.last }}{% endfor %}",
    "{% macro m() %}{% set ns = namespace(total=0) %}{% for u in users %}{% set ns.total = ns.total + u.age %}{% endfor %}{{ ns.total }}{% endmacro %}{{ m() }}/{{ m() }}",
    "{% macro m(list) %}{% do list.append(len) %}{% endmacro %}{% set l = [] %}{{ m(l) }}{{ l }}",
    "{% macro m(x=[]) %}{% do x.append(1) %}{{ x|length }}{% endmacro %}{{ m() }}{{ m() }}{{ m() }}",
    "{% macro m() %}  \n  indented  \n{% endmacro %}[{{ m() }}]",
    "{% macro m() -%}\n  trimmed\n{%- endmacro %}[{{ m() }}][{{ m()|length }}]",
    "{% macro outer(x) %}{% macro inner(y) %}{{ x }}+{{ y }}{% endmacro %}{{ inner(2) }}{% endmacro %}{{ outer(1) }}",
    "{% macro counter() %}{{ caller() }}{{ caller() }}{% endmacro %}{% set ns = namespace(i=0) %}{% call counter() %}{% set ns.i = ns.i + 1 %}{{ ns.i }}{% endcall %}",
    "{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(b=1, a=2) }} {{ m(1, b=2) }}",
    "{% macro m() %}{% if true %}{% set x = 'if-set' %}{% endif %}{{ x }}{% endmacro %}{{ m() }}",
    "{% macro m(n) %}{% if n > 0 %}{{ caller(n) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{% call(i) m(2) %}{{ i }}{% endcall %}",
]

LEXER = [
    "{{ '}}' }}", "{% set x = '%}' %}{{ x }}", "{{ '{#' ~ '#}' }}", "{# {# nested? #} after", "{{ \"{{ x }}\" }}",
    "{% raw %}{% endraw %}|", "{{- '-' -}}", "{{1+1}}{%if t%}x{%endif%}", "{{\n  n\n  +\n  1\n}}", "{%\nif\nt\n%}multi-line tag{%\nendif\n%}",
    "{{ n|string|length }}{{n|string|length}}", "{{ [1,2]|first }} {{ (1,2)|last }} {{ 'ab'|first }}", "{{ xs[n - 41] }} {{ xs[-n + 41] }}",
    "{% set m = {'items': [1], 'keys': 'k'} %}{{ m.items is callable }} {{ m['items'] }} {{ m.keys is callable }} {{ m['keys'] }}",
    "{% set m = {'upper': 'key'} %}{{ m.upper }}|{{ 'abc'.upper is callable }}", "{{ users.0.name }} {{ xs.1 }}",
    "{% trans %}x{% endtrans %}", "{% autoescape true %}{{ html }}{% endautoescape %}|{{ html }}",
    "{% autoescape false %}{{ html|e }}{% endautoescape %}", "{% autoescape true %}{{ html|safe }}{{ '<' ~ html }}{% endautoescape %}",
    "{% autoescape true %}{% set x = '<i>' %}{{ x }}{{ [x] }}{% endautoescape %}", "{% autoescape true %}{{ '<b>%s</b>'|format('<') }}{% endautoescape %}",
    "{% autoescape true %}{% macro m() %}<b>{% endmacro %}{{ m() }}{{ m()|e }}{% endautoescape %}",
    "{{ 'a' }}{# comment with '}}' and '%}' inside #}{{ 'b' }}", "{{ 1 }}{{ 2 }}\n{{ 3 }}", "text {{ '' }} text",
    "{{ t and 'yes' or 'no' }} {{ fl and 'yes' or 'no' }}", "{{ not t == fl }} {{ (not t) == fl }}", "{{ - - 1 }} {{ not not none }}",
    "{{ 'a' if t else 'b' if fl else 'c' }}", "{{ [x for x in xs] }}", "{{ xs|map(attribute='0')|list }}",
    "{{ 'abc' [1] }}", "{{ d .a }}", "{{ n . real }}", "{{ (s).upper() }} {{ (xs)[0] }}",
]

FILTER_EDGES = [
    "{{ [('b', 1), ('a', 1), ('c', 0)]|sort(attribute='1')|map('first')|join }}", "{{ ['b', 'B', 'a', 'A']|sort }} {{ ['b', 'B', 'a', 'A']|sort(case_sensitive=true) }}",
    "{{ ['b', 'B', 'a', 'A']|unique|list }} {{ ['b', 'B', 'a', 'A']|unique(true)|list }}", "{{ {'b': 1, 'A': 2, 'a': 3}|dictsort }} {{ {'b': 1, 'A': 2, 'a': 3}|dictsort(true) }}",
    "{{ ['B', 'a', 'C']|max }} {{ ['B', 'a', 'C']|min }} {{ ['B', 'a', 'C']|max(case_sensitive=true) }}", "{{ {'x': 1, 'y': 2}|max }} {{ 'hello'|max }}",
    "{{ [0.1, 0.2, 0.3]|sum }} {{ ([0.1] * 10)|sum }}" , "{{ [1e16, 1, -1e16]|sum }}", "{{ 2.5|round(0, 'ceil') }} {{ -2.5|round(0, 'floor') }} {{ 2.5|round(0, 'common') }}",
    "{{ 999|filesizeformat }} {{ 1000|filesizeformat }} {{ 1023|filesizeformat(true) }} {{ 1024|filesizeformat(true) }} {{ 1048576|filesizeformat(true) }}",
    "{{ 1e12|filesizeformat }} {{ 1.5e15|filesizeformat }} {{ -1000|filesizeformat }}",
    "{{ 'dbt-labs-core is great'|wordwrap(8) }}", "{{ 'dbt-labs-core is great'|wordwrap(8, break_on_hyphens=false) }}",
    "{{ 'short'|truncate(5) }}|{{ 'shortt'|truncate(5) }}|{{ 'abcdefghij'|truncate(8, true) }}|{{ 'ab cd ef gh'|truncate(8) }}",
    "[{{ 'ab'|center(5) }}][{{ 'abc'|center(6) }}][{{ 'a'|center(2) }}]", "{{ 'a\\n\\nb\\n'|indent(2, true) }}|{{ 'a\\n\\nb\\n'|indent(2, true, true) }}|",
    "{{ '<>&\\''|tojson }} {{ {'<k>': '&'}|tojson }}", "{{ [1.0, 1e20, -0.0, 0.1]|tojson }}", "{{ '0o17'|int(0) }} {{ '0x1f'|int(0) }} {{ '017'|int(0) }} {{ '1e2'|int }}",
    "{{ 'nan'|float|string }} {{ ' 1_000.5 '|float }} {{ '1,5'|float }}", "{{ 'x'|int(default=-1) }} {{ none|int(5) }} {{ ''|float(2.5) }}",
    "{{ 'See www.x.com, or http://y.org.'|urlize }}", "{{ 'http://a.com'|urlize(target='_blank') }}", "{{ 'x@y.com'|urlize(nofollow=true) }}",
    "{{ 'http://a.com/path'|urlize(rel='noopener') }}", "{{ '<http://a.com>'|urlize }}", "{{ 'a\\tb  c\\n\\nd'|wordcount }} {{ '  '|wordcount }}",
    "{{ 'Hello-World_foo bar.baz'|title }} {{ \"o'neil mc-donald\"|title }}", "{{ 'ÉCOLE élève'|lower }} {{ 'ǆ'|title }}",
    "{{ 'AbC'|capitalize }} {{ 'éA'|capitalize }}", "{{ 'a b'|replace(' ', '') }} {{ 'aaa'|replace('a', 'b', 0) }} {{ 'aaa'|replace('a', 'b', -1) }}",
    "{{ [3, 1, 2]|reverse|join }} {{ (3, 1, 2)|reverse|list }} {{ {'a': 1, 'b': 2}|reverse|list }}", "{{ 'abc'|list|batch(2, '-')|list }}",
    "{{ range(7)|slice(3)|list }} {{ range(7)|slice(3, 'x')|list }}", "{{ users|groupby('age')|map(attribute='list')|map('length')|list }}",
    "{{ users|map(attribute='name')|map('title')|join(', ') }}", "{{ users|selectattr('team')|selectattr('team', 'ne', 'ops')|map(attribute='name')|list }}",
    "{{ [none, 0, '', [], 'x', 1]|select|list }} {{ [none, 0, '', [], 'x', 1]|reject|list }}", "{{ [1, 2, 3]|select('in', [2, 3, 4])|list }}",
    "{{ columns|map(attribute='tests')|select|map('join', '+')|list }}", "{{ d|items|map('list')|list }}",
    "{{ 'abc'|attr('upper')() }} {{ d|attr('a') }}|", "{{ {'a': 1}|list }} {{ {'a': 1}|first }} {{ {'a': 1}|length }}",
    "{{ 'x'|pprint }} {{ {'b': [1, 2], 'a': (3,)}|pprint }}", "{{ 'a=1&b=2'|urlencode }} {{ {'a b': 'c d', 'e': none}|urlencode }}",
    "{{ 'Hello'|format }}|{{ '%s%%'|format(5) }}", "{{ xs|join(', ', attribute=none) }}", "{{ nested|map('sum')|list }}",
    "{{ [[1, 2], [3, 4]]|map('last')|sum }}", "{{ 'a'|default('b', boolean=true) }} {{ 0|default('zero', true) }} {{ []|default('empty', true) }}",
    "{{ ('   spaced   '|trim).center(12, '.') }}", "{{ 'abc'|forceescape|forceescape }}", "{{ '&amp;'|e }} {{ '&amp;'|forceescape }}",
    "{{ 'a <br/> b'|striptags }} {{ '<a href=\"x\">link</a> &gt; &#39;q&#39;'|striptags }}", "{{ 12|string|center(6) }}|",
]

# Templates Jinja2 rejects only because its generated Python code does not compile (SyntaxError naming a line
# of that code); Slipway accepts them on purpose (src/Slipway.Jinja/Runtime/README.md). On the skip list.
PYTHON_SYNTAX = [
    "{% macro f(a) %}{{ a }}{% endmacro %}{{ f(a=1, a=2) }}",
    "{% macro m(a, a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}",
    "{{ dict(a=1, a=2) }}",
]

# Mistakes dbt users make, with the error Jinja2 reports (class, line, message).
USER_MISTAKES = [
    "{{ config(materialized='table' }}\nselect 1",
    "select *\nfrom t\n{% if is_incremental %}\nwhere x > 1\n",
    "{% macro m() %}\nselect 1\n",
    "{% for c in columns %}\n{{ c.name }}\n{% endif %}",
    "{% if {{ n }} > 1 %}x{% endif %}",
    "{% if n = 42 %}x{% endif %}",
    "{% if t %}a{% elsif fl %}b{% endif %}",
    "{% set x = 1 %\n{{ x }}",
    "{{ n|default('a') }\nselect",
    "{{ 'it's' }}",
    "select '{{ s }}\nfrom t {{ n",
    "{% macro m() %}{% endmacro m %}",
    "{% for x in xs %}{% endfor x %}",
    "{% block b %}{% endblock c %}",
    "{{ ref('a') ref('b') }}",
    "{% set cols = ['a', 'b' %}",
    "{% set d2 = {'a': 1, 'b'} %}",
    "{{ columns|map(attribute=name)|list }}",
    "{{ columns|selectattr('name', '==')|list }}",
    "{% call m %}x{% endcall %}",
    "{% macro m(a b) %}{% endmacro %}",
    "{{ n +}}",
    "{%- if t -%}\n  x\n{%- else if fl -%}\n  y\n{%- endif -%}",
    "{% for k, v in d %}{{ k }}{% endfor %}",
    "{% for k, v in d.items %}{{ k }}{% endfor %}",
    "{{ d.items()|map('upper')|list }}",
    "{{ columns[0].nme }}|{{ columns[0].nme.upper() }}",
    "{{ n|int + ' rows' }}",
    "{{ 'rows: ' + n }}",
    "{% set total = total + 1 %}",
]
