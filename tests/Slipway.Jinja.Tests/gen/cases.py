# Generates expected outputs from Python's Jinja2 3.1 for the Runtime/Syntax theory tests.
# Run: python3 tests/Slipway.Jinja.Tests/gen/cases.py > tests/Slipway.Jinja.Tests/Runtime/Jinja2Cases.g.cs
import jinja2, json, sys

loader = jinja2.DictLoader({
    "base.html": "<{% block title %}T{% endblock %}|{% block body %}B{% endblock %}>",
    "child.html": "{% extends 'base.html' %}{% block title %}C-{{ super() }}{% endblock %}ignored",
    "grand.html": "{% extends 'child.html' %}{% block body %}G{{ self.title() }}{% endblock %}",
    "macros.html": "{% macro hello(n) %}Hello {{ n }}!{% endmacro %}{% set answer = 42 %}{% set _private = 1 %}",
    "inc.html": "[{{ x }}{% set y = 5 %}]",
    "scoped.html": "{% for i in [1,2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}",
    "m2.html": "{% macro f(x) %}f{{ x }}{{ g }}{% endmacro %}{% set g = 1 %}",
    "inc2.html": "[{{ x }}]{% set x = 9 %}",
    "bad.html": "line1\n{% if %}",
    "rt.html": "a\nb\n{{ 1 / 0 }}",
})
env = jinja2.Environment(loader=loader, extensions=["jinja2.ext.loopcontrols", "jinja2.ext.do"])

render_cases = [
    "Hello", "{{ 1 + 2 }}", "{{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ 7 / 2 }}", "{{ 1_000 + 0x10 + 0o7 + 0b11 }}",
    "{{ 'a' ~ 1 ~ none }}", "{{ 1.5e3 }} {{ 0.5 if false else 2.50 }}", "{{ [1, 'a', none, true] }}", "{{ (1,) }} {{ () }} {{ (1, 2) }}",
    "{{ {'a': 1, 'b': [2]} }}", "{{ 'x' if 0 }}|{{ 'y' if 1 else 'z' }}", "{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 1 == 1.0 }}",
    "{{ 2 in [1,2] }} {{ 3 not in [1,2] }} {{ 'b' in 'abc' }}", "{{ 0 or 'x' }} {{ 1 and 'y' }} {{ not 0 }} {{ none or [] }}",
    "{{ -2 ** 2 }} {{ (-2) ** 2 }} {{ 2 * 3 + 4 }} {{ 2 + 3 * 4 }} {{ 10 - 2 - 3 }}", "{{ 'abc'[1] }} {{ 'abcdef'[1:4] }} {{ [1,2,3,4,5][::2] }} {{ 'abc'[::-1] }}",
    "{{ \"it's\" }} {{ 'a\\nb' }} {{ 'tab\\there' }} {{ 'x' 'y' }}", "{{ 'Hello'|upper }} {{ [3,1,2]|sort|join(',') }}",
    "{% if 1 %}a{% elif 2 %}b{% else %}c{% endif %}", "{% if 0 %}a{% elif 2 %}b{% else %}c{% endif %}", "{% if 0 %}a{% elif 0 %}b{% else %}c{% endif %}",
    "{% for x in [1,2,3] %}{{ x }}{% endfor %}", "{% for x in [] %}{{ x }}{% else %}empty{% endfor %}",
    "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}",
    "{% for x in range(10) if x is odd %}{{ x }}{{ ',' if not loop.last }}{% endfor %}",
    "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}|{% endfor %}",
    "{% for x in [1,2,3] %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}",
    "{% for x in [1,2,3] %}{{ loop.cycle('odd', 'even') }} {% endfor %}",
    "{% for x in [1,1,2,3,3] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}",
    "{% for x in [1,2,3,4] %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{ x }}{% endfor %}",
    "{% for item in [{'n': 1, 'c': [{'n': 2, 'c': []}, {'n': 3, 'c': [{'n': 4, 'c': []}]}]}] recursive %}{{ item.n }}@{{ loop.depth }}{% if item.c %}({{ loop(item.c) }}){% endif %}{% endfor %}",
    "{% for a in [1,2] %}{% for b in [3,4] %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{% endfor %}",
    "{% set x = 1 %}{% for i in [1,2] %}{% set x = x + i %}{{ x }}{% endfor %}{{ x }}",
    "{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}",
    "{% set a, b = 1, 2 %}{{ a }}{{ b }}", "{% set a, (b, c) = [1, [2, 3]] %}{{ a }}{{ b }}{{ c }}",
    "{% set ns = namespace(total=0) %}{% for i in [1,2,3] %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}",
    "{% set body %}Hi {{ 1 + 1 }}{% endset %}[{{ body }}]", "{% set body | upper %}shout{% endset %}{{ body }}",
    "{% macro m(a, b=2, c=a) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }} {{ m(1, 3) }} {{ m(1, c=5) }}",
    "{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, x=3) }}",
    "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}|{{ m.name }}|{{ m.arguments }}|{{ m.catch_kwargs }}",
    "{% macro wrap() %}<{{ caller() }}>{% endmacro %}{% call wrap() %}inner{% endcall %}",
    "{% macro list(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(x) list([1,2]) %}[{{ x }}]{% endcall %}",
    "{% filter upper %}abc{{ 'd' }}{% endfilter %}", "{% filter replace('a', 'b') %}aaa{% endfilter %}",
    "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a }}", "{% set l = [] %}{% do l.append(1) %}{{ l }}",
    "{% raw %}{{ not parsed }}{% endraw %}", "a  {%- if true -%}  b  {%- endif -%}  c", "{{- ' x ' -}}  y",
    "a\n{% if true %}\nb\n{% endif %}\nc", "  {% if true %}x{% endif %}\n", "x\n", "{# comment #}a{#- c -#}  b",
    "{% macro m() %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}", "{{ undefined_thing }}|{{ undefined_thing is defined }}",
    "{{ 5 is divisibleby 3 }} {{ 6 is divisibleby 3 }} {{ none is none }} {{ 1 is not string }}",
    "{% include 'inc.html' %}{{ y }}", "{% set x = 7 %}{% include 'inc.html' %}", "{% for x in [1,2] %}{% include 'inc.html' %}{% endfor %}",
    "{% include ['missing.html', 'inc.html'] %}", "{% include 'missing.html' ignore missing %}ok",
    "{% import 'macros.html' as m %}{{ m.hello('you') }}{{ m.answer }}", "{% from 'macros.html' import hello, answer as a %}{{ hello(a) }}",
    "{% from 'macros.html' import nope %}{{ nope }}|", "{% include 'child.html' %}", "{% include 'grand.html' %}",
    "{% extends 'base.html' %}{% block body %}X{% endblock %}", "{% include 'scoped.html' %}",
    "{% set d = {'a': {'b': 1}} %}{{ d.a.b }}{{ d['a']['b'] }}{{ d.a['b'] }}", "{{ [1,2,3].0 }}",
    "{{ 'abc'.upper() }} {{ 'a,b'.split(',') }} {{ {'x': 1}.get('x') }}", "{{ 'x'|default('d') }} {{ nothing|default('d') }}",
    "{% set x %}{% endset %}[{{ x }}]", "{{ 10 - -1 }} {{ +1 }}", "{{ 1 if 1 else 2 if 2 else 3 }}",
    "{% for a, b in [(1, 2), (3, 4)] %}{{ a }}{{ b }}{% endfor %}", "{{ range(3)|list }} {{ range(1, 10, 3)|list }}",
    "{% set x = [1, 2] %}{{ x|length }} {{ x|first }} {{ x|last }}", "{{ 'a' * 3 }} {{ [1] * 2 }} {{ 'a' + 'b' }}",
    "{{ 3 is odd and 4 is even }}", "{% if 'a' %}T{% endif %}{% if '' %}F{% endif %}{% if [] %}F{% endif %}",
    "{{ (1, 2)[0] }} {{ {'a': 1}['a'] }}", "{%+ if true %}x{% endif %}", "{{ 'a' if none is none else 'b' }}",
    "{% macro rec(n) %}{% if n > 0 %}{{ n }}{{ rec(n - 1) }}{% endif %}{% endmacro %}{{ rec(5) }}",
    "{% for x in [1,2] %}{% set y = x %}{% endfor %}{{ y }}|", "{{ dict(a=1) }} {{ namespace(a=1).a }}",
    "{% print 'printed' %}", "{% autoescape true %}{{ '<b>' }}{% endautoescape %}",
    "{% set x = 3 %}{% for i in [1,2] %}{{ x }}{% set x = i %}{% endfor %}{{ x }}",
    "{% for i in [1,2] %}{% if i == 1 %}{% set x = 5 %}{% endif %}{{ x }}{% endfor %}{{ x }}",
    "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(*[1]) }}{{ m(**{'x': 2}) }}",
    "{% for x in [1,2,3] if x > 1 %}{{ loop.index }}/{{ loop.length }}{% endfor %}",
    "{% from 'm2.html' import f %}{% set g = 5 %}{{ f(1) }}", "{% set x = 1 %}{% from 'm2.html' import f with context %}{{ f(1) }}",
    "{% set x = 1 %}{% include 'inc2.html' %}{{ x }}", "{% include 'inc2.html' without context %}",
    "{% extends 'base.html' %}{% set t = 'v' %}{% block title %}{{ t }}{{ super() }}{% endblock %}",
    "{% extends 'base.html' %}{% block title %}{{ super()|upper }}{% endblock %}{% block body %}{{ self.title() }}{% endblock %}",
    "{% block a %}A{% block b %}B{% endblock %}{% endblock %}{{ self.b() }}",
    "{% extends 'base.html' %}{% macro q() %}Q{% endmacro %}{% block body %}{{ q() }}{% endblock %}",
    "{% set x = 5 %}{% macro m() %}{{ x }}{% set x = 2 %}{{ x }}{% endmacro %}{{ m() }}",
    "{% macro m(a=b) %}{{ a }}{% endmacro %}{% set b = 3 %}{{ m() }}",
    "{% for a in [1,2] %}{% macro m() %}{{ a }}{% endmacro %}{{ m() }}{% endfor %}",
    "{% set ns = namespace(x=1) %}{% macro m() %}{% set ns.x = ns.x + 1 %}{% endmacro %}{{ m() }}{{ m() }}{{ ns.x }}",
    "{% macro m() %}{{ caller(1) }}{% endmacro %}{% call(a, b=2) m() %}{{ a }}{{ b }}{% endcall %}",
    "{% for i in [1] %}{% block b %}{{ i }}{% endblock %}{% endfor %}", "{{ self.nope }}|{{ self }}",
    "{% autoescape true %}{% set x %}<b>{{ '<i>' }}{% endset %}{{ x }}{% endautoescape %}",
    "{% autoescape true %}{% macro m() %}<b>{{ '<' }}{% endmacro %}{{ m() }}{% endautoescape %}",
    "{% if false %}{{ x|nosuch }}{% endif %}ok", "{{ x|nosuch if false }}", "{% if 'nosuch' is filter %}{{ 1|nosuch }}{% else %}no{% endif %}",
    "{% if false %}{% set x = 1|nosuch %}{% endif %}ok", "{% if false %}{% with a = 1|nosuch %}{% endwith %}{% endif %}ok",
    "{% for i in [1,2,3] %}{% filter upper %}a{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endfilter %}{% endfor %}",
    "{% for i in [1,2,3] %}{% set x %}a{{ i }}{% if i == 2 %}{% continue %}{% endif %}{% endset %}{{ x }}{% endfor %}",
    "{% set seen = [] %}{% for x in [1, 2, 1, 3, 2] if x not in seen %}{% do seen.append(x) %}{{ x }}{% endfor %}",
    "{% set l = [1] %}{% for x in l %}{% if x < 4 %}{% do l.append(x + 1) %}{% endif %}{{ x }}{% endfor %}",
    "{% set seen = [] %}{% for x in [1, 2, 1, 3, 2] if x not in seen %}{% do seen.append(x) %}{{ x }}/{{ loop.length }}{% endfor %}",
    "{% set seen = [] %}{% for x in [1, 2, 1, 3, 2] if x not in seen %}{% do seen.append(x) %}{{ x }}{{ loop.last }}{% endfor %}",
    "{% set l = [1] %}{% for x in l %}{{ loop.length }}{% if x < 4 %}{% do l.append(x + 1) %}{% endif %}{{ x }}{% endfor %}",
    "{% for x in {'a': 1, 'b': 2} %}{{ x }}{{ loop.revindex }}{{ loop.nextitem }}{{ loop.previtem }}{% endfor %}",
    "{% for x in range(5) if x is odd %}{{ loop.previtem }}<{{ x }}>{{ loop.nextitem }}|{% endfor %}",
    "{{1}}{{-2}}{{ -3 }}", "{% filter upper|replace('A', 'x') %}abc{% endfilter %}", "{% set v | trim | upper %}  abc  {% endset %}[{{ v }}]", "{%- if true -%}\n{{- ' a ' -}}\n{%- endif -%}",
]
error_cases = [
    "{% for x in y %}\nabc\ndef", "{% if x %}{% endfor %}", "{{ 1 +\n\n }}", "{% endif %}", "{% if %}{% endif %}",
    "{{ foo(}}", "{{ (1, 2 }}", "{{ 1 ! 2 }}", "{% foo %}", "{{ 'abc }}", "{# never closed", "{% raw %}never",
    "{% for x in [1] %}{% endif %}", "{{ a.b }}", "{% set a = {} %}{{ a.b.c }}", "{{ none.x.y }}", "{% set a = {} %}{{ a[1].c }}",
    "{{ 1 + 'a' }}", "{{ x|nosuchfilter }}", "{{ x is nosuchtest }}", "{% macro m(a=1, b) %}{% endmacro %}",
    "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "{% macro m(a) %}{% endmacro %}{{ m(b=2) }}", "{% set a, b = [1] %}",
    "line1\n{{ undefined.attr }}", "{% include 'nope.html' %}", "{% block a %}{% endblock %}{% block a %}{% endblock %}",
    "{% extends 'base.html' %}{% extends 'base.html' %}", "{% set 1 = 2 %}",
    "{{ }}", "{% for %}", "{{ a.1.b }}", "{{ 1 is is }}", "{{ x | }}", "{% set x = 1 %}{{ x() }}", "{% if true %}\n{% else %}\n{% else %}{% endif %}",
    "{{ f(a=1, 2) }}", "{% block a-b %}{% endblock %}", "{{ 'a' }}\n\n{% for x in %}",
    "{% macro m(caller) %}{{ caller() }}{% endmacro %}", "{% for a, in [(1,), (2,)] %}{% endfor %}", "{% for in y %}{% endfor %}",
    "{% for a in [1] %}{{ loop(a) }}{% endfor %}", "{% macro m() %}{% endmacro %}{{ m(caller=1) }}",
    "{% for i in range(2) %}\n{{ i.x.y }}\n{% endfor %}", "{% macro m(x) %}\n{{ x / 0 }}\n{% endmacro %}\n\n{{ m(1) }}",
    "{% include 'bad.html' %}", "{% include 'rt.html' %}", "{% for x in 5 %}{% endfor %}", "{{ none() }}",
    "{{ {'a': 1}['b'].c }}", "{{ [1][5].c }}", "{% macro m() %}\nselect 1", "select {{ ref('x') }", "{% if a %}x{% else if b %}y{% endif %}",
    "{{ x | default: 'a' }}", "{% set x = 1 %", "{% if x = 1 %}{% endif %}", "{{ x.1a }}", "{{ a[1:2:3:4] }}", "{{ {1} }}", "{{ [1 2] }}",
    "{% set a.b.c = 1 %}", "{% from 'x' import %}",
    "{% if true %}{{ x|nosuch }}{% endif %}", "{% if x|nosuch %}{% endif %}", "{% for i in [] %}{{ i|nosuch }}{% endfor %}ok",
    "{% if false %}{% elif true %}{{ x is nosuch }}{% endif %}", "{% if false %}{% for i in [1] %}{{ i|nosuch }}{% endfor %}{% endif %}ok",
    "{% if false %}{% macro m() %}{{ 1|nosuch }}{% endmacro %}{% endif %}ok", "{% if false %}{% set x %}{{ 1|nosuch }}{% endset %}{% endif %}ok",
    "{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(1, a=2) }}", "{%- raw +%}\n   a\n{%- endraw %}",
    "{% macro m() %}{{ caller() }}{% endmacro %}{% macro n() %}{% call m() %}N{{ caller() }}{% endcall %}{% endmacro %}{% call n() %}C{% endcall %}",
]

option_cases = [
    # (trim_blocks, lstrip_blocks, keep_trailing_newline, undefined, template)
    (True, False, False, "", "a\n{% if true %}\nb\n{% endif %}\nc"),
    (False, True, False, "", "a\n    {% if true %}\nb\n    {% endif %}\nc"),
    (True, True, False, "", "<ul>\n  {% for x in [1,2] %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n"),
    (True, True, False, "", "  {%+ if true %}x{% endif %}\n  {# c #}\ny"),
    (True, True, False, "", "{% raw %}\n  {{ x }}\n  {% endraw %}\nz"),
    (True, False, False, "", "{# c #}\nx{% if true +%}\ny{% endif %}"),
    (False, False, True, "", "x\n"),
    (False, False, True, "", "x\n\n"),
    (False, False, False, "", "x\n\n"),
    (False, False, False, "", "x\r\ny\rz\r\n"),
    (False, True, False, "", "  {{ x }}  {% if true %}a{% endif %}"),
    (False, True, False, "", "a  {% if true %}b{% endif %}"),
    (True, False, False, "", "{%- raw -%}  a  {%- endraw -%}  b"),
    (False, False, False, "strict", "{{ x is defined }}{{ x|default('d') }}"),
    (False, False, False, "strict", "{{ x }}"),
    (False, False, False, "strict", "{% if x %}{% endif %}"),
    (False, False, False, "strict", "{% for i in x %}{% endfor %}"),
    (False, False, False, "strict", "{{ x ~ 'a' }}"),
    (False, False, False, "chainable", "{{ x.y.z }}|{{ x['a'].b }}|{{ x is defined }}"),
    (False, False, False, "default", "{{ x.y }}"),
    (False, False, False, "default", "{{ x() }}"),
    (False, False, False, "default", "{{ x|length }}{% for i in x %}{% endfor %}{{ x ~ 'a' }}{{ x == x }}"),
]

def cs(s):
    return json.dumps(s, ensure_ascii=False)

out = ["// <auto-generated> by gen/cases.py from Python's Jinja2 " + jinja2.__version__ + "; do not edit by hand.",
       "namespace Slipway.Jinja.Tests.Runtime;", "", "public static class Jinja2Cases", "{",
       "    public static readonly Dictionary<string, string> Templates = new()", "    {"]
for k, v in loader.mapping.items():
    out.append(f"        [{cs(k)}] = {cs(v)},")
out.append("    };")
out.append("")
out.append("    public static TheoryData<string, string> Renders => new()")
out.append("    {")
for src in render_cases:
    try:
        out.append(f"        {{ {cs(src)}, {cs(env.from_string(src).render())} }},")
    except Exception as e:
        print("FAILED", repr(src), e, file=sys.stderr)
out.append("    };")
out.append("")
out.append("    /// <summary>trim_blocks, lstrip_blocks, keep_trailing_newline, undefined kind, template, output or 'Kind: message'.</summary>")
out.append("    public static TheoryData<bool, bool, bool, string, string, string> WithOptions => new()")
out.append("    {")
for trim, lstrip, keep, undef, src in option_cases:
    cls = {"strict": jinja2.StrictUndefined, "chainable": jinja2.ChainableUndefined}.get(undef, jinja2.Undefined)
    e2 = jinja2.Environment(trim_blocks=trim, lstrip_blocks=lstrip, keep_trailing_newline=keep, undefined=cls)
    try:
        res = e2.from_string(src).render()
    except Exception as e:
        res = type(e).__name__ + ": " + str(e)
    b = lambda v: "true" if v else "false"
    out.append(f"        {{ {b(trim)}, {b(lstrip)}, {b(keep)}, {cs(undef)}, {cs(src)}, {cs(res)} }},")
out.append("    };")
out.append("")
out.append("    /// <summary>Template, Python exception class, line, message.</summary>")
out.append("    public static TheoryData<string, string, int, string> Errors => new()")
out.append("    {")
for src in error_cases:
    try:
        env.from_string(src).render()
        raise SystemExit("no error for " + src)
    except jinja2.TemplateSyntaxError as e:
        out.append(f"        {{ {cs(src)}, {cs(type(e).__name__)}, {e.lineno}, {cs(e.message)} }},")
    except Exception as e:
        tb = e.__traceback__
        line = 0
        while tb:
            if tb.tb_frame.f_code.co_filename == "<template>":
                line = tb.tb_lineno
            tb = tb.tb_next
        msg = e.message if hasattr(e, "message") and e.message else str(e)
        out.append(f"        {{ {cs(src)}, {cs(type(e).__name__)}, {line}, {cs(msg)} }},")
out.append("    };")
out.append("}")
print("\n".join(out))
