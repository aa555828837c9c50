"""Syntax and runtime errors: the exception class, the template line and Jinja2's message."""
from common import series

SYNTAX = [
    "{% if t %}no end", "{% for x in xs %}no end", "{% if t %}{% endfor %}", "{% endif %}", "{% for x in xs %}{% endif %}",
    "line1\nline2\n{% if t %}\n{% for x in xs %}\n{% endif %}", "{{ }}", "{{ 1 + }}", "{{ (1 }}", "{{ [1, 2 }}",
    "{{ 'unterminated }}", "{{ x y }}", "{% %}", "{% nosuchtag %}", "{% for %}", "{% for x %}", "{% for x in %}{% endfor %}",
    "{% set %}", "{% set x %}", "{% set 1 = 2 %}", "{% macro %}", "{% macro 1() %}{% endmacro %}",
    "{% macro f(a=1, b) %}{% endmacro %}", "{% if %}{% endif %}", "{% else %}", "{% elif t %}",
    "{% if t %}{% else %}{% else %}{% endif %}", "{{ x | }}", "{{ x is }}", "{{ 1 if }}", "{% raw %}unclosed",
    "{# unclosed comment", "{{ unclosed", "{% if t ", "{{ x.1a }}", "{{ {'a' 1} }}", "{{ f(a=1, 2) }}",
    "{% with %}", "{% filter %}{% endfilter %}", "{% call %}{% endcall %}", "{% block %}{% endblock %}",
    "{% extends %}", "{% include %}", "{% import 'x' %}", "{% from 'x' import %}", "{% break %}", "{% continue %}",
    "{% for x in xs %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}", "{{ x = 1 }}", "{% set x = 1 2 %}",
    "a\nb\nc\n{{ 1 +* 2 }}", "{{ 'a' ~ }}", "{{ not }}", "{% do %}", "{% endmacro %}", "{% endset %}",
    "{% block a %}{% endblock b %}", "{% block a %}{% endblock %}{% block a %}{% endblock %}", "{{ @ }}", "{{ 1 $ 2 }}",
    "{% for x in xs %}\n  {% if x %}\n    {{ x }}\n  {% endfor %}\n{% endif %}", "{{ x.. }}", "{{ [1,, 2] }}",
    "{% set a, = 1 %}", "{{ a[] }}", "{% if t %}{% elif %}{% endif %}", "{% for x in xs %}{% else %}{% else %}{% endfor %}",
    "{{ 1 }}\n{{ 2 }}\n{{ 3 }}\n{% endif %}", "{% call f %}{% endcall %}", "{% macro f() %}{% endmacro %}{% endmacro %}",
]

RUNTIME = [
    "{{ missing.attr }}", "{{ missing() }}", "{{ missing + 1 }}", "{{ missing ~ 'x' }}|", "{{ n.missing.deeper }}",
    "{{ 1 / 0 }}", "{{ 1 // 0 }}", "{{ 1 % 0 }}", "{{ 1.5 / 0 }}", "{{ 'a' + 1 }}", "{{ 1 + 'a' }}", "{{ [1] + 'a' }}",
    "{{ {} + {} }}", "{{ none + 1 }}", "{{ 'a' - 'b' }}", "{{ xs < s }}", "{{ none < 1 }}", "{{ d < d }}",
    "{{ n() }}", "{{ s() }}", "{% for x in n %}{% endfor %}", "{% for a, b in xs %}{% endfor %}",
    "{% set a, b = [1, 2, 3] %}", "{{ xs[1.5] }}", "{{ 'abc' * 'x' }}", "{{ s.nosuchmethod() }}", "{{ range(1, 2, 0) }}",
    "{{ xs|join(',', attribute='x') }}", "{{ n|batch(0)|list }}", "{{ s|int(base=99) }}", "{{ d|dictsort(by='x') }}",
    "{{ xs|sum(attribute='x') }}", "{{ none|list }}", "{{ n|length }}",
    "line one\nline two\n{{ 1 / zero }}", "{% for x in xs %}\n{{ x }}\n{{ x / zero }}\n{% endfor %}",
    "{% macro f() %}\n\n{{ 1 / 0 }}{% endmacro %}\n{{ f() }}", "{% set ns = namespace() %}{{ ns.nope }}",
    "{% set ns = {} %}{% set ns.a = 1 %}", "{{ xs.append }}" if False else "{% set l = [] %}{{ l.pop() }}",
    "{{ {}['k'] }}" if False else "{% set m = {} %}{{ m.pop('k') }}", "{{ 'x'.index('y') }}", "{{ [1].index(2) }}",
    "{{ cycler()|list }}" if False else "{{ cycler().next() }}", "{{ 'a' in 1 }}", "{{ 'x' is divisibleby 2 }}",
    "{{ '%d'|format('x') }}", "{{ '{0}'.format() }}", "{{ 2 ** 'x' }}", "{{ -'x' }}", "{{ 10 ** 1000 / 1e-300 }}",
    "{{ int }}", "{{ float }}" if False else "{{ str(1) }}", "{{ len(xs) }}", "{{ caller() }}", "{{ loop.index }}",
    "{% for x in xs %}{{ loop.changed() }}{% endfor %}", "{{ xs|first(1) }}", "{{ s|upper(1) }}",
    "{{ s|replace('a') }}", "{{ s|truncate(1, bad=2) }}", "{{ xs|map()|list }}", "{{ xs|map('nosuch')|list }}",
    "{{ xs|select('nosuch')|list }}", "{{ 1 is sameas }}", "{{ 3|center('a') }}", "{{ none|center }}",
    "{{ users|sort(attribute='missing')|list }}", "{{ mixed|max }}", "{{ xs|slice('a')|list }}", "{{ xs|indent }}",
    "{{ 'a'|round }}", "{{ none|abs }}", "{{ s|wordwrap(0) }}",
]


def write():
    series("errors", "syntax", SYNTAX)
    series("errors", "runtime", RUNTIME)
