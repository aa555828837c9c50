"""Generates BuiltinCases.tsv: what Jinja2 3.1 (sandboxed, as dbt runs it) renders for each built-in filter,
test and global. Each line: template <TAB> context (a Python dict literal) <TAB> expected output, with
backslash, tab and newline escaped as \\\\, \\t and \\n; "!!ExceptionClass: message" when Jinja2 raises.
Run: python3 generate_builtin_cases.py > BuiltinCases.tsv
"""
import sys
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

CTX = {
    "users": "[{'name': 'bob', 'age': 30, 'city': 'Oslo'}, {'name': 'Alice', 'age': 25, 'city': 'oslo'}, {'name': 'carl', 'age': 30, 'city': 'Bergen'}, {'name': 'dora', 'age': None, 'city': 'Oslo'}]",
    "d": "{'b': 2, 'A': 1, 'c': 3}",
    "words": "['b', 'A', 'c', 'a']",
    "nums": "[3, 1, 4, 1, 5, 9, 2, 6]",
    "text": "'Hello <b>World</b> &amp; friends'",
    "long": "'The quick brown fox jumps over the lazy dog and keeps running far away'",
    "nested": "{'a': {'b': [10, 20]}}",
    "none": "None",
    "cols": "[{'name': 'id', 'data_type': 'integer', 'tests': ['unique', 'not_null']}, {'name': 'Email', 'data_type': 'varchar(255)', 'tests': []}, {'name': 'created_at', 'data_type': None, 'tests': ['not_null']}]",
    "config": "{'materialized': 'incremental', 'unique_key': ['id', 'day'], 'tags': ['nightly', 'finance'], 'meta': {'owner': 'data@x.io', 'sla_hours': 4}, 'enabled': True, 'partition_by': {'field': 'day', 'granularity': 'month'}}",
    "amounts": "[12.5, 3, 0.1, 7.25, -2]",
}

T = []
STRICT = []

def t(template, *ctx_names):
    T.append((template, ctx_names))


def strict(template):
    """A case rendered with StrictUndefined (written with a 4th column 'strict')."""
    STRICT.append(template)

# text filters
for f in ["lower", "upper", "capitalize", "title", "trim", "center", "string", "safe", "escape", "e", "forceescape",
          "striptags", "wordcount", "length", "count", "list", "first", "last", "reverse", "pprint", "tojson", "urlencode",
          "int", "float", "abs", "round", "sum", "min", "max", "unique", "sort", "join", "dictsort", "items", "filesizeformat"]:
    for value in ["'hello WORLD'", "''", "None", "42", "-3.7", "True", "[3, 'a']", "{'k': 'v'}", "undefined_name"]:
        # Jinja2 returns generators from some filters; list() them so the items, not the generator, are compared.
        lazy = f in ("unique", "items", "reverse") and not (f == "reverse" and value in ("'hello WORLD'", "''"))
        t("{{ %s|%s%s }}" % (value, f, "|list" if lazy else ""))
t("{{ 'they\\'re bill\\'s friends'|title }}")
t("{{ 'hello-world (x)[y]<z>'|title }}")
t("{{ '  xx  '|trim }}|{{ 'xxhixx'|trim('x') }}")
t("{{ 'ab'|center(7) }}|{{ 'abc'|center(8) }}|")
t("{{ text|striptags }}|{{ '<!-- c --><p>a  \\n b</p> &lt;x&gt; &nbsp;!'|striptags }}", "text")
t("{{ '<<a>b>|<!-- <x> -->y|a<b|<!-- open'|striptags }}|{{ '<p>A &amp; B &lt; C &#39;q&#39; &#x41; &copy;</p>'|striptags }}|{{ '<br/>x<br />y'|striptags }}")
t("{{ text|escape }}|{{ text|e|e }}|{{ text|forceescape }}|{{ text|safe }}", "text")
t("{{ 'Hello World'|replace('o', '0') }}|{{ 'aaa'|replace('a', 'b', 2) }}|{{ 42|replace('2', '3') }}")
t("{{ long|truncate(20) }}|{{ long|truncate(20, True) }}|{{ long|truncate(20, False, '…') }}|{{ 'foo bar baz qux'|truncate(11) }}|{{ 'foo bar baz qux'|truncate(11, False, '...', 0) }}", "long")
t("{{ 'foo bar baz qux'|truncate(9) }}|{{ 'foo bar baz qux'|truncate(9, True) }}")
t("{{ 'abc'|truncate(2) }}")
t("{{ 'foobarbazqux'|truncate(9, leeway=0) }}")
t("{{ long|wordcount }}|{{ 'a-b c_d e.f'|wordcount }}", "long")
t("{{ 'a\\nb\\n\\nc'|indent }}|{{ 'a\\nb\\n\\nc'|indent(2, True) }}|{{ 'a\\nb\\n\\nc'|indent(2, blank=True) }}|{{ 'a\\nb'|indent('> ') }}|{{ ''|indent(first=True) }}")
t("{{ '%s is %d years'|format('Bo', 7) }}|{{ '%(a)s-%(b)s'|format(a=1, b=2) }}|{{ '%.2f'|format(2.675) }}")
t("{{ '%s %s'|format(1) }}")
t("{{ '%s'|format(1, b=2) }}")
t("{{ long|wordwrap(20) }}", "long")
t("{{ long|wordwrap(10, wrapstring='<br>') }}", "long")
t("{{ 'a-very-long-hyphenated-word-here and more'|wordwrap(10) }}")
t("{{ 'supercalifragilisticexpialidocious x'|wordwrap(10) }}|{{ 'supercalifragilisticexpialidocious x'|wordwrap(10, False) }}")
t("{{ 'line one\\n  indented line two is long enough'|wordwrap(12) }}")
t("{{ 'a-b-c-d-e-f-g-h'|wordwrap(5, break_on_hyphens=False) }}")
for n in ["0", "1", "999", "1000", "1024", "1500000", "1e12", "1e30", "'12345'", "-5000"]:
    t("{{ %s|filesizeformat }}|{{ %s|filesizeformat(true) }}" % (n, n))
t("{{ 'a b&c/d?é'|urlencode }}|{{ {'a b': 'c&d', 'e': 1}|urlencode }}|{{ [('x', 'y z'), ('é', '/')]|urlencode }}")
t("{{ 'visit www.example.com or http://x.org/a?b=1, (https://y.io). mail me@ex.com'|urlize }}")
t("{{ 'see http://example.com/very/long/path'|urlize(15, true, target='_blank') }}")
t("{{ 'a <b> & mailto:x@y.com'|urlize }}")
t("{{ {'class': 'x y', 'id': 3, 'n': None, 'q': 'a\"b'}|xmlattr }}|{{ {'a': 1}|xmlattr(false) }}")
t("{{ {'bad key': 1}|xmlattr }}")
t("{{ users|pprint }}", "users")
t("{{ {'z': [1, 2], 'a': {'y': 1, 'b': 2}}|pprint }}")
t("{{ ['x' * 30, 'y' * 30, 'z' * 30]|pprint }}")
t("{{ users|tojson }}|{{ users|tojson(2) }}", "users")
t("{{ {'b': [1, 2.5, None, True], 'a': '<&\\'>é'}|tojson }}|{{ (1, 2)|tojson }}|{{ 'x'|tojson(indent=1) }}")
t("{{ {1: 'a', 'b': 2}|tojson }}")
# numbers
t("{{ '42'|int }}|{{ ' 12 '|int }}|{{ '0x1A'|int(base=16) }}|{{ '0b101'|int(0, 2) }}|{{ '1_000'|int }}|{{ '1e3'|int }}|{{ 3.9|int }}|{{ '-3.9'|int }}|{{ 'abc'|int(7) }}|{{ None|int }}|{{ '12abc'|int }}|{{ '0o17'|int(base=0) }}|{{ '017'|int(base=0) }}")
t("{{ '3.5'|float }}|{{ 'x'|float }}|{{ 'x'|float(1.5) }}|{{ ' 1_0.5 '|float }}|{{ 'inf'|float }}|{{ '-Infinity'|float }}|{{ 3|float }}|{{ '1e-5'|float }}|{{ '.5'|float }}|{{ '5.'|float }}")
t("{{ 2.5|round }}|{{ 3.5|round }}|{{ 2.675|round(2) }}|{{ 3|round }}|{{ 1234|round(-2) }}|{{ 1250|round(-2) }}|{{ 1350|round(-2) }}|{{ -2.5|round(0, 'ceil') }}|{{ 3.14159|round(2, 'floor') }}|{{ 3|round(1, 'ceil') }}|{{ 1.05|round(1) }}|{{ 1234.5|round(-1) }}")
t("{{ 2.5|round(method='banker') }}")
t("{{ -3|abs }}|{{ -3.5|abs }}|{{ True|abs }}")
t("{{ none|default('dflt') }}|{{ x|default('dflt') }}|{{ ''|default('dflt') }}|{{ ''|default('dflt', true) }}|{{ 0|d('z', boolean=true) }}|{{ x|default }}|", "none")
# collections
t("{{ nums|first }}|{{ nums|last }}|{{ []|first }}|{{ 'abc'|first }}|{{ d|first }}|{{ d|last }}|{{ nums|length }}|{{ d|count }}", "nums", "d")
t("{{ nums|sort }}|{{ nums|sort(reverse=true) }}|{{ words|sort }}|{{ words|sort(case_sensitive=true) }}", "nums", "words")
t("{{ users|sort(attribute='age,name')|map(attribute='name')|join(',') }}|{{ users|rejectattr('age', 'none')|sort(attribute='age,name')|map(attribute='name')|join(',') }}", "users")
t("{{ users|sort(attribute='name')|map(attribute='name')|list }}", "users")
t("{{ [3, 'a']|sort }}")
t("{{ d|dictsort }}|{{ d|dictsort(true) }}|{{ d|dictsort(by='value', reverse=true) }}|{{ {'b': 1, 'a': 1}|dictsort(by='value') }}", "d")
t("{{ d|dictsort(by='x') }}", "d")
t("{{ d|items|list }}|{{ x|items|list }}", "d")
t("{{ [1, 2]|items|list }}")
t("{{ words|unique|list }}|{{ words|unique(true)|list }}|{{ users|unique(attribute='city')|map(attribute='name')|list }}|{{ [1, 1.0, True, 2]|unique|list }}", "words", "users")
t("{{ nums|min }}|{{ nums|max }}|{{ words|min }}|{{ words|max }}|{{ words|max(case_sensitive=true) }}|{{ users|min(attribute='name') }}|{{ []|max }}|", "nums", "words", "users")
t("{{ nums|sum }}|{{ nums|sum(start=10) }}|{{ users|selectattr('age')|sum(attribute='age') }}|{{ [0.1, 0.2]|sum }}|{{ [[1], [2]]|sum(start=[]) }}", "nums", "users")
t("{{ ['a']|sum }}")
t("{{ nums|batch(3)|list }}|{{ nums|batch(3, 'x')|list }}|{{ []|batch(2)|list }}", "nums")
t("{{ nums|slice(3)|list }}|{{ nums|slice(3, 0)|list }}|{{ [1, 2]|slice(4)|list }}", "nums")
t("{% for city, items in users|groupby('city') %}{{ city }}:{{ items|map(attribute='name')|join(',') }};{% endfor %}", "users")
t("{% for g in users|groupby('city', case_sensitive=true) %}{{ g.grouper }}:{{ g.list|length }};{% endfor %}", "users")
t("{{ users|groupby('age')|list }}", "users")
t("{{ users|groupby('missing', default='zz')|map(attribute='grouper')|list }}", "users")
t("{{ [{'k': 1}, {'k': 2}]|groupby('k') }}")
t("{{ nums|map('string')|join('-') }}|{{ users|map(attribute='name')|map('upper')|list }}|{{ users|map(attribute='zip', default='?')|list }}|{{ nested|map('length')|list }}", "nums", "users", "nested")
t("{{ [1, 2]|map('round', 1)|list }}|{{ ['a', 'b']|map('replace', 'a', 'z')|list }}")
t("{{ [1]|map('nope')|list }}")
t("{{ [1]|map(foo=1)|list }}")
t("{{ nums|select('odd')|list }}|{{ nums|reject('odd')|list }}|{{ nums|select('gt', 3)|list }}|{{ [0, 1, '', 'a', None]|select|list }}|{{ nums|select('divisibleby', 3)|list }}|{{ nums|reject('in', [1, 9])|list }}", "nums")
t("{{ users|selectattr('age', 'eq', 30)|map(attribute='name')|list }}|{{ users|rejectattr('age')|map(attribute='name')|list }}|{{ users|selectattr('city', 'equalto', 'Oslo')|list|length }}|{{ users|selectattr('name', 'in', ['bob', 'carl'])|map(attribute='age')|list }}", "users")
t("{{ users|selectattr('age', 'gt', 26)|map(attribute='name')|list }}", "users")
t("{{ nested|attr('a') }}|{{ 'abc'|attr('upper')() }}|{{ nested|attr('items') is callable }}|{{ nested|attr('zz') }}|{{ none|attr('x') is defined }}", "nested", "none")
t("{{ nested.a.b|join(', ') }}|{{ users|map(attribute='name')|join(', ') }}|{{ [1, None, 'x']|join }}|{{ users|join('|', attribute='age') }}", "nested", "users")
t("{{ 'abc'|reverse }}|{{ nums|reverse|list }}|{{ d|reverse|list }}", "nums", "d")
t("{{ nums|list }}|{{ 'ab'|list }}|{{ d|list }}|{{ range(3)|list }}", "nums", "d")
t("{{ users|map(attribute='age')|select('none')|list }}|{{ [1, none]|reject('none')|list }}", "users", "none")
# tests
for test in ["odd", "even", "defined", "undefined", "none", "boolean", "false", "true", "integer", "float", "number", "string",
             "lower", "upper", "mapping", "sequence", "iterable", "callable", "escaped"]:
    t(("{% for v in [1, 2, 0, -3, 2.0, True, False, None, 'abc', 'ABC', 'Ab1', '', [1], (1,), {'a': 1}, range(2), 'a'|safe, dict, lipsum, cycler(1)] %}"
       "{{ v is TEST }},{% endfor %}{{ x is TEST }}").replace("TEST", test))
for test in ["odd", "even"]:
    t("{{ 'a' is %s }}" % test)
t("{{ 6 is divisibleby 3 }}|{{ 7 is divisibleby(3) }}|{{ 6.0 is divisibleby 4 }}|{{ 2 is in [1, 2] }}|{{ 'a' is in 'cat' }}|{{ 'a' is in {'a': 1} }}")
t("{{ 1 is eq 1.0 }}|{{ 1 is equalto 2 }}|{{ 1 is == 1 }}|{{ 1 is ne 2 }}|{{ 1 is != 1 }}|{{ 1 is lt 2 }}|{{ 1 is lessthan 1 }}|{{ 2 is < 3 }}|{{ 1 is le 1 }}|{{ 1 is <= 0 }}|{{ 2 is gt 1 }}|{{ 2 is greaterthan 2 }}|{{ 3 is > 2 }}|{{ 1 is ge 1 }}|{{ 1 is >= 2 }}")
t("{{ 'a' is lt 1 }}")
t("{{ none is sameas none }}|{{ 1 is sameas 1 }}|{{ true is sameas true }}|{{ [] is sameas [] }}|{{ nums is sameas nums }}|{{ 'upper' is filter }}|{{ 'nope' is filter }}|{{ 'odd' is test }}|{{ 'nope' is test }}", "none", "nums")
# globals
t("{{ range(5) }}|{{ range(1, 10, 3) }}|{{ range(5)|list }}|{{ range(10, 0, -3)|list }}|{{ range(0)|list }}|{{ range(3)|length }}|{{ range(2, 8)[1] }}|{{ range(10)[2:5] }}|{{ 3 in range(5) }}|{{ range(3)|sum }}")
t("{{ range(100001) }}")
t("{{ range(1.5) }}")
t("{{ range(1, 2, 0) }}")
t("{{ range() }}")
t("{{ dict(a=1, b='x') }}|{{ dict([('a', 1)], b=2) }}|{{ dict() }}|{{ dict({'z': 1}) }}")
t("{% set ns = namespace(count=0, items=[]) %}{% for i in range(3) %}{% set ns.count = ns.count + i %}{% endfor %}{{ ns.count }}|{{ ns }}|{{ namespace({'a': 1}, b=2).b }}")
t("{% set c = cycler('odd', 'even') %}{{ c.next() }},{{ c.next() }},{{ c.next() }},{{ c.current }}|{% do c.reset() %}{{ c.current }}")
t("{% set c = cycler('a', 'b') %}{% for i in range(5) %}{{ c.next() }}{% endfor %}")
t("{% set j = joiner(' | ') %}{% for i in range(3) %}{{ j() }}{{ i }}{% endfor %}|{% set k = joiner() %}{{ k() }}{{ k() }}{{ k() }}")
t("{{ lipsum(2, false, 5, 6)|wordcount > 5 }}|{{ lipsum(1)[:3] }}|{{ lipsum(3, html=false).count('\\n\\n') }}")
# Python methods and operators as templates write them
t("{{ 'a,b'.split(',') }}|{{ [1, 2].append(3) }}|{% set l = [3, 1] %}{% do l.append(2) %}{% do l.sort() %}{{ l }}|{{ {'a': 1}.items()|list }}|{{ {'a': 1}.get('b', 'z') }}|{{ {'a': 1}.keys() }}")
t("{{ '{:>6.2f}|{}|{name}'.format(3.14159, 'x', name='n') }}|{{ '%s-%s' % ('a', 'b') }}|{{ '%5.1f%%' % 99.44 }}|{{ 'x%dy' % 3 }}")
t("{{ 1 / 2 }}|{{ 7 // 2 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 7.5 % 2 }}|{{ 2 ** 10 }}|{{ 2 ** -1 }}|{{ 10 / 5 }}|{{ 'ab' * 3 }}|{{ [1] * 2 }}|{{ 1 ~ 2 ~ none }}|{{ 0.1 + 0.2 }}|{{ 1e16 }}|{{ 1e-5 }}|{{ -0.0 }}", "none")
t("{{ 1 / 0 }}")
t("{{ 1 // 0 }}")
t("{{ 5 % 0 }}")
t("{{ 'a' + 1 }}")
t("{{ 1 + 'a' }}")
t("{{ [1] + none }}", "none")
t("{{ 1 < 'a' }}")
t("{{ none.x }}", "none")
t("{{ x.y }}")
t("{{ x + 1 }}")
t("{{ nested.a.c }}|{{ nested.a.b[5] }}|{{ nested['zz'] }}|{{ nested.a.b.0 }}|{{ nested.items is callable }}", "nested")
t("{{ [1, 2, 3][1:] }}|{{ 'hello'[::-1] }}|{{ (1, 2, 3)[-1] }}|{{ 'abc'[5:] }}|{{ 'abc'[-10:2] }}")
t("{{ 'a' in 'cat' }}|{{ 1 in [1, 2] }}|{{ 'k' in {'k': 1} }}|{{ 'x' not in ['x'] }}|{{ 1 in none }}", "none")
t("{{ true }}|{{ True }}|{{ none }}|{{ [none, true, 1.5, 'q'] }}|{{ {'k': none} }}|{{ (1,) }}|{{ () }}", "none")
t("{{ 'abc'.upper() }}|{{ 'a b c'.split() }}|{{ 'x'.join(['a', 'b']) }}|{{ '  pad '.strip() }}|{{ 'Hello'.startswith('He') }}|{{ 'a-b'.replace('-', '_') }}|{{ 'abc'.find('c') }}|{{ 'The Title'.lower().title() }}|{{ 'a\\tb'.expandtabs(4) }}|{{ 'x'.center(5, '*') }}|{{ '42'.zfill(5) }}")
t("{{ 'abc'.nope() }}")
t("{{ [3, 1, 2]|sort|first }}|{{ (users|first).name }}|{{ users[0]['name'] }}|{{ users|length > 3 }}", "users")

# dbt-style macro code
t("{{ cols|map(attribute='name')|join(', ') }}|{{ cols|map(attribute='name')|map('lower')|list }}|{{ cols|selectattr('tests')|map(attribute='name')|list }}", "cols")
t("{% set names = [] %}{% for c in cols %}{% do names.append(c.name ~ ' ' ~ (c.data_type or 'text')|upper) %}{% endfor %}{{ names|join(',\n    ') }}", "cols")
t("{% for c in cols %}{{ '%-12s %s'|format(c.name, c.data_type) }}{% if not loop.last %}\n{% endif %}{% endfor %}", "cols")
t("{% for k, v in config.items() %}{{ k }}={{ v }};{% endfor %}", "config")
t("{% for k, v in config|dictsort %}{{ k }}:{{ v|tojson }} {% endfor %}", "config")
t("{{ config.get('materialized', 'view') }}|{{ config.get('schema') }}|{{ config.get('schema', none) is none }}|{{ config['unique_key']|join('|') }}|{{ config.unique_key is string }}|{{ config.tags|length }}", "config")
t("{{ config.meta.owner.split('@')[1] }}|{{ config.partition_by.field ~ '_' ~ config.partition_by.granularity|upper }}|{{ 'sla_hours' in config.meta }}|{{ config.meta.sla_hours * 60 }}", "config")
t("{%- set keys = config.unique_key if config.unique_key is not string else [config.unique_key] -%}{%- for k in keys %}DBT_INTERNAL_SOURCE.{{ k }} = DBT_INTERNAL_DEST.{{ k }}{{ ' and ' if not loop.last }}{%- endfor %}", "config")
t("{{ amounts|sum }}|{{ amounts|sum|round(2) }}|{{ amounts|max }}|{{ amounts|min }}|{{ (amounts|sum / amounts|length)|round(3) }}|{{ amounts|map('int')|list }}|{{ amounts|map('abs')|list }}|{{ amounts|sort|first }}", "amounts")
t("{{ \"'\" ~ 'it\\'s' ~ \"'\" }}|{{ \"O'Brien\".replace(\"'\", \"''\") }}|{{ 'select * from \"db\".\"sch\"'|replace('\"', '`') }}")
t("{{ 'My Model Name'|lower|replace(' ', '_') }}|{{ 'abc_def'.split('_')|map('capitalize')|join }}|{{ '  x,y ,z '.split(',')|map('trim')|list }}|{{ 'a.b.c'.rsplit('.', 1)[-1] }}|{{ 'schema.table'.partition('.')[2] }}")
t("{{ 'snake_case_name'|title }}|{{ 'SELECT'|lower }}|{{ 'col'|upper ~ '_ID' }}|{{ 'x' * 3 }}|{{ '-' * 20 }}|{{ '%s.%s'|format('a', 'b') }}|{{ '{}.{}'.format('a', 'b') }}|{{ '%(db)s.%(schema)s' % {'db': 'd', 'schema': 's'} }}")
t("{{ [1, 2, 3] + [4] }}|{{ ([1, 2] * 2)|unique|list }}|{{ [3, 1, 2]|sort(reverse=true)|join(',') }}|{{ range(1, 4)|map('string')|join('+') }}|{{ [[1, 2], [3]]|sum(start=[]) }}|{{ {'a': 1}|length }}")
t("{{ 10 / 4 }}|{{ 10 // 4 }}|{{ 10 % 4 }}|{{ -10 // 4 }}|{{ 2 ** 0.5 }}|{{ 1e3 }}|{{ 1.5e-7 }}|{{ 100000000000000000000.0 }}|{{ 3 * 0.1 }}|{{ 1 - 0.9 }}|{{ 7 / 7 }}|{{ (0.1 + 0.2)|round(2) }}|{{ 2.5|round|int }}")
t("{{ none }}|{{ none|string }}|{{ none ~ '' }}|{{ [none] }}|{{ none is none }}|{{ none|default('d') }}|{{ none|default('d', true) }}|{{ (none or 'x') }}|{{ none|lower }}", "none")
t("{{ true and 'yes' }}|{{ false or 0 }}|{{ not [] }}|{{ 1 if [] else 2 }}|{{ 'a' if 'b' }}|{{ [] or {} or 'last' }}|{{ 0.0 or 'zero' }}")
t("{{ {'b': 1, 'a': 2} }}|{{ {'b': 1, 'a': 2}|dictsort|first }}|{{ dict(b=1, a=2)|list }}|{{ {'x': [1, {'y': (2, 3)}]} }}|{{ {'q': 'it\\'s'} }}|{{ ['a\"b', \"c'd\"] }}")
t("{% set ns = namespace(found=false, total=0) %}{% for c in cols %}{% if c.name == 'Email' %}{% set ns.found = true %}{% endif %}{% set ns.total = ns.total + c.tests|length %}{% endfor %}{{ ns.found }} {{ ns.total }}", "cols")
t("{{ cols|groupby('data_type')|map(attribute='grouper')|list }}", "cols")
t("{{ cols|map(attribute='tests')|sum(start=[])|unique|sort|join(',') }}|{{ cols|rejectattr('data_type', 'none')|map(attribute='data_type')|map('upper')|join('/') }}", "cols")
t("{{ cols|tojson }}", "cols")
t("{{ config|pprint }}", "config")
t("{{ cols[0].tests[-1] }}|{{ cols[1:]|length }}|{{ cols[-1]['name'] }}|{{ (cols|last).name }}|{{ cols|map(attribute='tests.0', default='-')|list }}", "cols")
t("{% set parts = 'a,b,,c'.split(',') %}{{ parts|select|list }}|{{ parts|reject('equalto', '')|join('.') }}|{{ parts|length }}|{{ parts.count('') }}|{{ parts.index('c') }}")
t("{% set d = {} %}{% do d.update({'a': 1}) %}{% do d.setdefault('b', []).append(2) %}{{ d }}|{{ d.pop('a') }}|{{ d }}|{{ d.keys()|list }}|{{ d.values()|list }}")
t("{{ '%05.1f|%-6s|%+d|%x|%o|%e|%r'|format(3.14159, 'ab', 5, 255, 8, 12345.678, 'q') }}")
t("{{ '{:>10}|{:<10}|{:^10}|{:08.3f}|{:,}|{:.2%}|{!r}'.format('r', 'l', 'c', -3.14159, 1234567, 0.4567, 'x') }}")
t("{{ 'ÅÄÖ åäö'|lower }}|{{ 'straße'|upper }}|{{ 'ǅemal'|title }}|{{ '日本語'|length }}|{{ '日本語'[1] }}|{{ 'é'|urlencode }}|{{ 'naïve café'|wordcount }}")
t("{{ 'a\tb'|indent(4, true) }}|{{ 'line1\nline2'|indent(2) }}|{{ 'x\n\ny'|indent(first=true, blank=true) }}")
t("{{ 'The quick brown fox'|truncate(12) }}|{{ 'The quick brown fox'|truncate(12, killwords=true, end='') }}|{{ 'short'|truncate(3, true, '', 0) }}")

# wrong calls: Python's TypeErrors for the filter's and test's signature
for name in ["abs", "attr", "batch", "center", "default", "dictsort", "first", "groupby", "indent", "join", "length", "list",
             "replace", "round", "slice", "sort", "sum", "truncate", "unique", "wordwrap", "tojson", "int"]:
    for args in ["(1, 2, 3, 4, 5, 6, 7)", "(zzz=1)", "()", "(1, value=2)"]:
        t("{{ [1, 2]|%s%s%s }}" % (name, args, "|list" if name == "unique" else ""))
for name in ["odd", "divisibleby", "sameas", "in", "eq", "lt", "callable", "filter"]:
    for args in ["(1, 2, 3)", "(zzz=1)"]:
        t("{{ 3 is %s%s }}" % (name, args))
t("{{ 3 is divisibleby }}")
t("{{ [1, 2]|batch(linecount=1)|list }}|{{ [3, 1]|sort(attribute=none) }}|{{ 'ab'|center(width=6) }}|")

# StrictUndefined: every use of an undefined fails, except the tests and default
for tpl in ["{{ x is defined }}|{{ x is undefined }}|{{ x|default(1) }}|{{ x is none }}|{{ [x] }}|{{ {'a': x} }}",
            "{{ x|length }}", "{{ x|list }}", "{{ x|string }}", "{{ x|upper }}", "{{ x|first }}", "{{ x|join }}", "{{ x|tojson }}",
            "{{ x|int }}", "{{ x|float }}", "{{ x|abs }}", "{{ x|sort }}", "{{ x|items|list }}", "{{ x|batch(2)|list }}",
            "{{ x|map('upper')|list }}", "{{ x|select|list }}", "{{ x|sum }}", "{{ x|max }}", "{{ x|unique|list }}", "{{ x|pprint }}",
            "{{ [1, x]|join }}", "{{ [x]|length }}", "{{ x in [1] }}", "{{ 1 in x }}", "{{ x ~ 'a' }}", "{{ x == 1 }}",
            "{{ [x, 1]|select|list }}", "{{ 'a' ~ x|default('b') }}", "{{ x|d }}", "{{ x|e }}", "{{ x is string }}",
            "{{ x is iterable }}", "{{ x is sequence }}", "{{ x is callable }}", "{{ x is odd }}", "{{ x|dictsort }}"]:
    strict(tpl)


def enc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main():
    env = SandboxedEnvironment(extensions=["jinja2.ext.do"])
    for template, names in T:
        ctx_src = "{" + ", ".join("%r: %s" % (n, CTX[n]) for n in names) + "}"
        ctx = eval(ctx_src)
        try:
            out = env.from_string(template).render(**ctx)
        except Exception as ex:
            out = "!!%s: %s" % (type(ex).__name__, ex)
        if "lipsum" in template and not out.startswith("!!"):
            pass
        sys.stdout.write(enc(template) + "\t" + enc(ctx_src) + "\t" + enc(out) + "\n")
    strict_env = SandboxedEnvironment(extensions=["jinja2.ext.do"], undefined=StrictUndefined)
    for template in STRICT:
        try:
            out = strict_env.from_string(template).render()
        except Exception as ex:
            out = "!!%s: %s" % (type(ex).__name__, ex)
        sys.stdout.write(enc(template) + "\t{}\t" + enc(out) + "\tstrict\n")


main()
