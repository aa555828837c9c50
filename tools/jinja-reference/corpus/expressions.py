"""Operators over a matrix of Python types, literals, precedence, attribute and item access, slicing,
and the str/list/dict methods dbt macros call."""
from common import series

OPERANDS = ["7", "-3", "2.5", "0", "'ab'", "true", "none", "[1, 2]", "(1,)", "{'k': 1}"]
ARITH = ["+", "-", "*", "/", "//", "%", "**"]
COMPARE = ["==", "!=", "<", "<=", ">", ">="]

LITERALS = [
    "{{ 42 }}", "{{ -0 }}", "{{ 1_000_000 }}", "{{ 0x1F }}", "{{ 0o17 }}", "{{ 0b101 }}", "{{ 3.0 }}", "{{ 1e3 }}",
    "{{ 1.5e-3 }}", "{{ 2.5E+2 }}", "{{ 0.1 + 0.2 }}", "{{ 1/3 }}", "{{ 10/2 }}", "{{ 1e16 }}", "{{ 123456789.123 }}",
    "{{ 'single' }}", '{{ "double" }}', "{{ 'esc\\'aped' }}", "{{ 'tab\\there' }}", "{{ 'nl\\nhere' }}",
    "{{ 'uni\\u00e9' }}", "{{ 'a' 'b' }}", "{{ true }}{{ True }}{{ false }}{{ False }}", "{{ none }}|{{ None }}",
    "{{ [] }}", "{{ [1, 'a', none, true, 2.0] }}", "{{ (1, 2) }}", "{{ (1,) }}", "{{ () }}", "{{ {} }}",
    "{{ {'a': 1, 'b': [1, 2]} }}", "{{ {'q': \"it's\"} }}", "{{ ['it\\'s', \"a\\\"b\"] }}", "{{ [1, 2,] }}",
    "{{ {1: 'int', 1.0: 'float'} }}", "{{ 'a\\\\b' }}", "{{ [[1], [2, [3]]] }}", "{{ -(-2) }}", "{{ +3 }}",
    "{{ 'x' * 3 }}", "{{ [0] * 3 }}", "{{ 3 * 'ab' }}", "{{ 1e300 * 1e10 }}", "{{ -1e300 * 1e10 }}",
    "{{ 2 ** 100 }}", "{{ 2 ** -1 }}", "{{ 12345678901234 * 1000 }}", "{{ 7 // 2 }}{{ -7 // 2 }}{{ 7 % -3 }}",
    "{{ 7.5 // 2 }}|{{ -7.5 % 2 }}", "{{ 1.0 }}|{{ 100.0 }}|{{ 1e22 }}|{{ 1.5e-7 }}|{{ 0.0001 }}",
]

PRECEDENCE = [
    "{{ 1 + 2 * 3 }}", "{{ (1 + 2) * 3 }}", "{{ 2 ** 3 ** 2 }}", "{{ -2 ** 2 }}", "{{ (-2) ** 2 }}",
    "{{ 1 + 2 ~ 3 }}", "{{ 'a' ~ 1 + 2 }}", "{{ not true or true }}", "{{ not (true or true) }}",
    "{{ true and false or true }}", "{{ 1 < 2 < 3 }}", "{{ 3 > 2 > 1 > 0 == 0 }}", "{{ 1 == 1.0 }}",
    "{{ 'a' in 'cat' and not 'z' in 'cat' }}", "{{ 'z' not in 'cat' }}", "{{ 10 - 2 - 3 }}", "{{ 100 / 10 / 5 }}",
    "{{ 2 * 3 % 4 }}", "{{ -xs|length }}", "{{ - n|abs }}", "{{ n|string ~ 1 }}", "{{ 1 if true else 2 }}",
    "{{ 'yes' if n > 40 else 'no' }}", "{{ 'a' if false }}|", "{{ 'a' if none else 'b' if 0 else 'c' }}",
    "{{ (1 if fl else 2) + 1 }}", "{{ n > 10 and n < 50 }}", "{{ 0 or '' or 'last' }}", "{{ 1 and 2 and 3 }}",
    "{{ [] or none }}", "{{ s and n }}", "{{ not s }}", "{{ xs|length > 2 and xs[0] == 3 }}",
    "{{ 'a' ~ none ~ 'b' }}", "{{ 'x' ~ xs }}", "{{ 1 ~ 2.0 ~ true }}", "{{ 2 * -3 }}", "{{ not not 1 }}",
    "{{ 1 in [1, 2] == true }}", "{{ (1 in [1, 2]) == true }}", "{{ n is odd or n is even }}",
    "{{ n | string | length + 1 }}", "{{ 5 - -5 }}", "{{ 2 ** 0.5 }}", "{{ 10 % 3 ** 2 }}",
]

ACCESS = [
    "{{ d.a }}", "{{ d['b'] }}", "{{ d.get('a') }}", "{{ d.get('z', 'dflt') }}", "{{ d.get('z') }}", "{{ xs[0] }}",
    "{{ xs[-1] }}", "{{ xs.0 }}", "{{ users[1].name }}", "{{ users[1]['age'] }}", "{{ model.config.tags[1] }}",
    "{{ model['config']['materialized'] }}", "{{ s[0] }}{{ s[-1] }}", "{{ s[1:4] }}", "{{ s[::-1] }}", "{{ s[::2] }}",
    "{{ xs[1:] }}", "{{ xs[:-1] }}", "{{ xs[5:] }}", "{{ nums[1:6:2] }}", "{{ nums[-3:] }}", "{{ nums[:100] }}",
    "{{ (1, 2, 3)[1:] }}", "{{ d.items()|list }}", "{{ d.keys()|list }}", "{{ d.values()|list }}",
    "{{ xs[10] }}|", "{{ d.zz }}|", "{{ d['zz'] }}|", "{{ none.attr }}", "{{ missing.attr }}",
    "{{ users[0].missing }}|", "{{ s.missing }}|", "{{ xs['a'] }}|", "{{ d[0] }}|", "{{ s[100] }}|",
    "{{ (s ~ '!')[-1] }}", "{{ [1, 2, 3][1] }}", "{{ {'a': {'b': 'deep'}}.a.b }}", "{{ model.config['unique_key'] }}",
    "{{ d['a'] + d.b }}", "{{ users|map(attribute='name')|list|first }}", "{{ xs[0:2][1] }}", "{{ s[1:-1] }}",
    "{{ nums[::-2] }}", "{{ nums[2:2] }}", "{{ 'abc'[5:] }}|",
]

METHODS = [
    "{{ s.upper() }}", "{{ s.lower() }}", "{{ s.replace('l', 'L') }}", "{{ s.split() }}", "{{ 'a,b,,c'.split(',') }}",
    "{{ 'a b c'.split(' ', 1) }}", "{{ s.startswith('Hell') }}", "{{ s.endswith(('x', 'ld')) }}",
    "{{ sp.strip() }}|", "{{ sp.lstrip() }}|", "{{ sp.rstrip() }}|", "{{ 'xxaxx'.strip('x') }}",
    "{{ s.find('o') }}", "{{ s.rfind('o') }}", "{{ s.index('W') }}", "{{ s.count('l') }}", "{{ s.title() }}",
    "{{ s.capitalize() }}", "{{ s.swapcase() }}", "{{ '{} and {}'.format('a', 'b') }}",
    "{{ '{0}-{name}'.format(1, name='x') }}", "{{ '{:>6}|{:<4}|'.format('r', 'l') }}", "{{ '{:.3f}'.format(f) }}",
    "{{ ', '.join(words) }}", "{{ s.isupper() }}{{ 'ABC'.isupper() }}", "{{ '123'.isdigit() }}", "{{ 'abc'.isalpha() }}",
    "{{ s.center(15, '*') }}", "{{ s.ljust(13, '.') }}|", "{{ s.rjust(13) }}|", "{{ '42'.zfill(5) }}",
    "{{ s.partition(' ') }}", "{{ s.rsplit('o', 1) }}", "{{ multi.splitlines() }}", "{{ 'a_b'.replace('_', ' ').title() }}",
    "{% set l = [] %}{% do l.append(1) %}{% do l.extend([2, 3]) %}{{ l }}",
    "{% set l = [3, 1, 2] %}{% do l.sort() %}{{ l }}", "{% set l = [1, 2, 3] %}{{ l.pop() }}{{ l }}",
    "{% set l = [1, 2, 3] %}{% do l.insert(0, 0) %}{% do l.remove(2) %}{{ l }}",
    "{% set l = ['a', 'b'] %}{{ l.index('b') }}{{ l.count('a') }}", "{% set l = [1, 2] %}{% do l.reverse() %}{{ l }}",
    "{% set m = {} %}{% do m.update({'a': 1}) %}{% do m.update(b=2) %}{{ m }}",
    "{% set m = {'a': 1} %}{{ m.pop('a') }}{{ m }}", "{% set m = {'a': 1} %}{{ m.setdefault('b', 2) }}{{ m }}",
    "{{ d.items()|list|length }}", "{% for k in d.keys() %}{{ k }}{% endfor %}", "{{ d.copy() }}",
    "{{ xs.copy() }}", "{% set l = [1] %}{% do l.clear() %}{{ l }}", "{{ 'Abc'.casefold() }}",
    "{{ 'a-b-c'.split('-')|last }}", "{{ 'x'.join(['1', '2']) }}", "{{ s.split('o')|length }}",
    "{{ ('a' ~ 'b').upper() }}", "{{ 'a {x}'.format_map({'x': 1}) }}", "{{ 'tab\\tsep'.expandtabs(4) }}",
    "{{ s.islower() }}", "{{ 'Hello World'.istitle() }}", "{{ '  '.isspace() }}", "{{ 'abc123'.isalnum() }}",
    "{{ s.removeprefix('Hello ') }}", "{{ s.removesuffix('World') }}|",
]

GLOBALS = [
    "{{ range(5)|list }}", "{{ range(2, 10, 3)|list }}", "{{ range(5, 0, -1)|list }}", "{{ range(0)|list }}",
    "{{ dict(a=1, b='x') }}", "{{ dict() }}", "{% set ns = namespace(a=1) %}{% set ns.a = ns.a + 1 %}{{ ns.a }}",
    "{% set c = cycler('odd', 'even') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}{{ c.current }}",
    "{% set c = cycler(1, 2) %}{{ c.next() }}{% do c.reset() %}{{ c.next() }}",
    "{% set j = joiner(', ') %}{% for x in xs %}{{ j() }}{{ x }}{% endfor %}",
    "{% set j = joiner() %}[{{ j() }}][{{ j() }}][{{ j() }}]", "{{ range(3)|sum }}", "{{ range(3)|join(',') }}",
    "{% set ns = namespace() %}{% set ns.items = [] %}{{ ns.items }}", "{{ range(1, 4)|map('string')|join('+') }}",
    "{{ namespace(x=1).x }}", "{{ range(-3, 3)|select('odd')|list }}", "{{ dict(d, z=9) }}",
]


def write():
    cases = []
    for a in OPERANDS:
        for b in OPERANDS[:6]:
            for op in ("+", "*", "%") if b not in ("0",) else ("+",):
                cases.append(f"{{{{ {a} {op} {b} }}}}")
    series("expressions", "arith_matrix", cases)
    nums = ["7", "-3", "2.5", "0", "true"]
    series("expressions", "arith_numeric", [f"{{{{ {a} {op} {b} }}}}" for op in ARITH for a in nums for b in nums
                                            if not (b in ("0",) and op in ("/", "//", "%"))
                                            and not (op == "**" and a in ("0",) and b.startswith("-"))][::2])
    series("expressions", "compare", [f"{{{{ {a} {op} {b} }}}}" for op in COMPARE
                                      for a, b in [("1", "1.0"), ("'a'", "'b'"), ("[1, 2]", "[1, 3]"), ("none", "none"),
                                                   ("'1'", "1"), ("(1, 2)", "(1, 2)"), ("true", "1")]
                                      if op in ("==", "!=") or (a, b) not in [("none", "none"), ("'1'", "1")]])
    series("expressions", "literal", LITERALS)
    series("expressions", "precedence", PRECEDENCE)
    series("expressions", "access", ACCESS)
    series("expressions", "method", METHODS)
    series("expressions", "global", GLOBALS)
