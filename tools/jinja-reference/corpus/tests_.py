"""Every builtin test over a spread of values (the 'is' operator), plus test-specific arguments."""
from common import series

VALUES = ["n", "f", "zero", "s", "e", "none", "t", "fl", "xs", "ys", "d", "missing", "html|safe", "range"]

PLAIN_TESTS = ["defined", "undefined", "none", "number", "integer", "float", "string", "mapping", "sequence",
               "iterable", "callable", "boolean", "true", "false", "lower", "upper", "escaped"]

WITH_ARGS = {
    "odd": ["n is odd", "7 is odd", "neg is odd", "zero is odd"],
    "even": ["n is even", "neg is even", "zero is even", "3 is even"],
    "divisibleby": ["n is divisibleby 7", "n is divisibleby(5)", "n is divisibleby 0", "zero is divisibleby 3", "f is divisibleby 2"],
    "eq": ["n is eq 42", "n is equalto 42.0", "[s]|select('==', 'Hello World')|list", "xs is eq [3, 1, 2]", "none is eq none"],
    "ne": ["n is ne 41", "xs|select('!=', 1)|list", "t is ne 1"],
    "lt": ["n is lt 50", "n is lessthan 42", "nums|select('<', 3)|list", "xs is lt [4]"],
    "le": ["n is le 42", "nums|reject('<=', 5)|list"],
    "gt": ["n is gt 40", "n is greaterthan 42", "words|select('>', 'a')|list"],
    "ge": ["n is ge 42", "fs|select('>=', 1.5)|list"],
    "in": ["1 is in xs", "'a' is in 'cat'", "'a' is in d", "5 is in ys", "'b' is in d", "'Hello' is in s"],
    "sameas": ["none is sameas none", "t is sameas true", "n is sameas 42", "xs is sameas xs", "fl is sameas 0"],
    "filter": ["'upper' is filter", "'nosuch' is filter", "'default' is filter", "'odd' is filter"],
    "test": ["'odd' is test", "'upper' is test", "'nosuch' is test", "'none' is test"],
    "not": ["n is not odd", "missing is not defined", "s is not string", "none is not none",
            "not n is odd", "xs is not sameas xs", "n is not divisibleby 5"],
}

EXTRA = [
    "{{ 'abc' is lower and 'ABC' is upper }}", "{{ 'aBc' is lower }}", "{{ '123' is upper }}",
    "{{ xs|select('odd')|list }}", "{% if model.config.unique_key is defined %}merge{% else %}append{% endif %}",
    "{% if model.config.missing is not defined %}no key{% endif %}", "{{ (n + 1) is even }}",
    "{{ n is number and n is not float }}", "{{ 1.0 is integer }}", "{{ t is number }}", "{{ t is integer }}",
    "{{ none is mapping }}", "{{ 'x' is sequence }}", "{{ d is iterable }}", "{{ (xs|map('string')) is iterable }}",
    "{{ caller is defined }}", "{{ loop is defined }}", "{{ self is defined }}", "{{ varargs is defined }}",
    "{{ range is callable }}", "{{ namespace is callable }}", "{{ s.upper is callable }}", "{{ s is callable }}",
    "{{ n is nosuchtest }}", "{{ missing.attr is defined }}",
    "{{ d.a is defined }}", "{{ d.z is undefined }}", "{{ users[0].team is none }}", "{{ users[3].team is none }}",
    "{{ 2 ** 3 is eq 8 }}", "{{ not 2 is odd }}", "{{ -1 is odd }}", "{{ 'true' is true }}", "{{ 1 is true }}",
    "{{ (1, 2) is sequence }}", "{{ {} is mapping }}", "{{ 0.0 is false }}", "{{ fl is false }}",
]


def write():
    for test in PLAIN_TESTS:
        series("tests", test, ["{{ [" + ", ".join(f"{v} is {test}" for v in VALUES) + "]|join(' ') }}",
                               *(f"{{{{ {v} is not {test} }}}}" for v in VALUES[::4])])
    for test, exprs in WITH_ARGS.items():
        series("tests", test, [f"{{{{ {x} }}}}" for x in exprs])
    series("tests", "misc", EXTRA)
