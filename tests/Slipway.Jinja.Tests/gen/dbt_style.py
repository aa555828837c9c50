# Renders Runtime/DbtStyle/model.sql with dbt-like host functions under Python Jinja2, each macro compiled
# alone and reached through the context (as dbt does). Output is Runtime/DbtStyle/expected.txt.
# Run: python3 tests/Slipway.Jinja.Tests/gen/dbt_style.py > tests/Slipway.Jinja.Tests/Runtime/DbtStyle/expected.txt
import jinja2, json, os
HERE = os.path.join(os.path.dirname(__file__), "..", "Runtime", "DbtStyle")
env = jinja2.Environment(extensions=["jinja2.ext.loopcontrols", "jinja2.ext.do"])
class MacroReturn(Exception):
    def __init__(self, v): self.value = v
def _return(v): raise MacroReturn(v)
log_lines = []
class Col:
    def __init__(s, n, t): s.name, s.dtype = n, t
class Rel:
    def __init__(s, name): s.name = name; s.columns = [Col('id', 'int'), Col('amount', 'numeric'), Col('status', 'text')]
    def __str__(s): return '"db"."main"."' + s.name + '"'
ctx = {}
def wrap(m):
    def call(*a, **k):
        try: return m(*a, **k)
        except MacroReturn as e: return e.value
    return call
class Adapter:
    def dispatch(self, name): return ctx['default__' + name]
    def quote(self, s): return '"' + s + '"'
ctx.update({
  'return': _return, 'log': lambda m: log_lines.append(m) or '', 'run_query': lambda sql: {'rows': 1, 'sql': sql},
  'store_result': lambda n, r: '', 'config': lambda **k: '', 'ref': lambda n: Rel(n), 'source': lambda a, b: Rel(a + '_' + b),
  'is_incremental': lambda: True, 'this': Rel('this_model'), 'source_rel': Rel('orders'), 'var': lambda n, d=None: d,
  'adapter': Adapter(),
})
import re
src = open(os.path.join(HERE, "macros.sql")).read()
blocks = re.findall(r"\{% macro (\w+)\(.*?\{%- endmacro %\}|\{% macro (\w+)\(.*?\{% endmacro %\}", src, re.S)
macro_srcs = re.findall(r"(\{% macro (\w+)\(.*?\{%-? endmacro %\})", src, re.S)
modules = {}
def lazy(name):
    def call(*a, **k):
        try: return getattr(modules[name], name)(*a, **k)
        except MacroReturn as e: return e.value
    return call
for text, name in macro_srcs:
    ctx[name] = lazy(name)
for text, name in macro_srcs:
    modules[name] = env.from_string(text).make_module(ctx)
print(env.from_string(open(os.path.join(HERE, "model.sql")).read()).render(ctx))
print("LOG", log_lines)
