"""Generates FuzzCases.tsv: random expressions over Python values, operators, filters, tests and methods, with
what Jinja2 3.1 (sandboxed) renders for each — or the exception it raises. Same format as BuiltinCases.tsv.
Seeded, so the file is stable. Run: python3 generate_fuzz_cases.py > FuzzCases.tsv
"""
import copy
import random
import sys
from jinja2.sandbox import SandboxedEnvironment

rng = random.Random(1234)

# Operands are context variables, never literals: Jinja2 folds literal-only expressions at compile time,
# which is a different path (and the runtime's concern), while dbt code works on values from its context.
VALUES = ["0", "1", "-3", "7", "2.5", "-0.5", "1e3", "0.1", "True", "False", "None", "''", "'a'", "'Hello World'",
         "'42'", "'3.7'", "' x '", "[]", "[1, 2, 3]", "['b', 'a', 'C']", "[1, 'a']", "(1, 2)", "{}", "{'a': 1, 'b': 2}",
         "range(4)", "undefined_name", "'%s-%s'", "'{}|{}'", "[[1, 2], [3]]", "[None, 0, 1]", "'a,b,,c'"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">=", "in", "and", "or"]
FILTERS = ["abs", "capitalize", "count", "default('d')", "dictsort", "first", "float", "int", "join(',')", "last",
           "length", "list", "lower", "max", "min", "reverse|list", "round(1)", "sort", "string", "sum", "title", "trim",
           "unique|list", "upper", "wordcount", "tojson", "batch(2)|list", "slice(2)|list", "map('string')|list",
           "select|list", "reject('odd')|list", "center(7)", "indent(2)", "truncate(5, true, '.', 0)", "replace('a', 'z')",
           "items|list", "pprint", "e", "format(1, 2)", "striptags", "urlencode", "filesizeformat", "xmlattr",
           "random is defined", "groupby(0)|list", "attr('upper') is defined", "sum(start=[])", "join",
           "round(2, 'floor')", "round(-1)", "round(0, 'ceil')", "truncate(3, false, '', 0)", "truncate(4, true)", "indent(1, true, true)",
           "center(3)", "wordwrap(3)", "wordwrap(5, false, '|')", "batch(3, 0)|list", "slice(3, 'x')|list", "int(7, 16)", "int(-1)",
           "float(1.5)", "sum(start=0.5)", "replace('l', 'L', 1)", "join('-', attribute=0)", "default(0, true)", "d(none, true)",
           "dictsort(true, 'value')|list", "dictsort(false, 'key', true)|list", "sort(true, true)", "sort(attribute=0)",
           "unique(true)|list", "min(true)", "max(attribute=0)", "tojson(1)", "filesizeformat(true)", "urlize(3)", "trim('a')",
           "select('gt', 1)|list", "reject('string')|list", "map('int')|list", "map('default', 'z')|list", "map(attribute=0)|list",
           "selectattr(0)|list", "rejectattr(0, 'odd')|list", "first|string", "last|default('L')", "list|length", "string|length",
           "format('x')", "capitalize|title", "xmlattr(false)", "items|map('first')|list", "dictsort|map('last')|list"]
TESTS = ["defined", "none", "number", "string", "sequence", "mapping", "iterable", "odd", "even", "divisibleby(2)",
         "lower", "upper", "integer", "float", "true", "false", "boolean", "callable", "in([1, 'a'])", "eq(1)", "lt(2)", "sameas(none)"]
NAMES = ["v%d" % i for i in range(len(VALUES))]
CONTEXT = "{" + ", ".join("'%s': %s" % (n, v) for n, v in zip(NAMES, VALUES) if v not in ("undefined_name", "range(4)")) + "}"
ATOMS = [{"undefined_name": "undefined_name", "range(4)": "rng4"}.get(v, n) for n, v in zip(NAMES, VALUES)]
METHODS = ["upper()", "split()", "split(',')", "strip()", "replace('a', 'b')", "startswith('a')", "find('a')", "count('a')",
           "title()", "format(1, 2)", "join(['x', 'y'])", "zfill(4)", "keys()|list", "items()|list", "get('a')", "get('z', 0)",
           "index(1)", "count(1)", "copy()", "isdigit()", "center(5, '*')", "partition(',')", "rsplit(',', 1)", "lower()"]


def expr(depth):
    r = rng.random()
    if depth > 2 or r < 0.3:
        return rng.choice(ATOMS)
    if r < 0.55:
        return "(%s %s %s)" % (expr(depth + 1), rng.choice(BINOPS), expr(depth + 1))
    if r < 0.75:
        return "(%s|%s)" % (expr(depth + 1), rng.choice(FILTERS))
    if r < 0.85:
        return "(%s is %s)" % (expr(depth + 1), rng.choice(TESTS))
    if r < 0.93:
        return "%s.%s" % (rng.choice(ATOMS), rng.choice(METHODS))
    return "%s[%s]" % (expr(depth + 1), rng.choice(["0", "-1", "1:", "::-1", "'a'", ":2"]))


def enc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


env = SandboxedEnvironment()
context = eval(CONTEXT)
seen = set()
while len(seen) < 1500:
    template = ("{% set rng4 = range(4) %}" if "rng4" in (t := "{{ %s }}" % expr(0)) else "") + t
    if template in seen:
        continue
    seen.add(template)
    outputs = set()
    # Cases with a random outcome (the random filter) are left out: render several times and compare.
    for _ in range(1 if "random" not in template else 6):
        try:
            # A fresh copy per case: some filters mutate their input (indent on a list extends it).
            out = env.from_string(template).render(**copy.deepcopy(context))
        except Exception as ex:
            out = "!!%s: %s" % (type(ex).__name__, ex)
        outputs.add(out)
    if len(outputs) > 1:
        continue
    if " at 0x" in out or "<generator" in out:
        continue  # object addresses and unconsumed generators cannot be reproduced
    sys.stdout.write(enc(template) + "\t" + enc(CONTEXT) + "\t" + enc(out) + "\n")
