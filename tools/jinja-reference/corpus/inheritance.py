"""include / import / from-import / extends with blocks, through a dict loader (the reserved __templates__ key)."""
from common import case

LAYOUT = "<html>{% block head %}<title>{% block title %}Default{% endblock %}</title>{% endblock %}\n<body>{% block body %}{% endblock %}</body></html>"
MACROS = ("{% macro quote(x) %}\"{{ x }}\"{% endmacro %}\n{% macro col_list(cols) %}{{ cols|map(attribute='name')|join(', ') }}{% endmacro %}"
          "\n{% set version = '1.2' %}{% macro _private() %}p{% endmacro %}")
CASES = [
    ("include_basic", "before {% include 'part.sql' %} after", {"part.sql": "PART {{ n }}"}),
    ("include_context", "{% set local = 'L' %}{% for x in xs %}{% include 'row.sql' %}{% endfor %}", {"row.sql": "[{{ x }}{{ local }}{{ loop.index }}]"}),
    ("include_missing", "{% include 'nope.sql' %}", {}),
    ("include_ignore_missing", "a{% include 'nope.sql' ignore missing %}b", {}),
    ("include_list", "{% include ['nope.sql', 'yes.sql'] %}", {"yes.sql": "second"}),
    ("include_without_context", "{% set v = 1 %}{% include 'p' without context %}", {"p": "[{{ v }}][{{ n }}]"}),
    ("include_with_context", "{% set v = 1 %}{% include 'p' with context %}", {"p": "[{{ v }}]"}),
    ("include_nested", "{% include 'a' %}", {"a": "A({% include 'b' %})", "b": "B({{ n }})"}),
    ("include_trailing_newline", "x\n{% include 'p' %}\ny", {"p": "line\n"}),
    ("include_whitespace", "x\n  {%- include 'p' -%}\n  y", {"p": "\n P \n"}),
    ("include_variable_name", "{% set which = 'b' %}{% include which %}", {"b": "from b"}),
    ("include_sets_no_leak", "{% include 'p' %}[{{ leaked }}]", {"p": "{% set leaked = 1 %}in"}),
    ("include_error_line", "one\n{% include 'p' %}", {"p": "a\nb\n{{ 1 / 0 }}"}),
    ("include_syntax_error", "{% include 'p' %}", {"p": "ok\n{% if %}"}),
    ("import_as", "{% import 'macros.sql' as m %}{{ m.quote('a') }} {{ m.col_list(columns) }} {{ m.version }}", {"macros.sql": MACROS}),
    ("from_import", "{% from 'macros.sql' import quote, col_list as cl %}{{ quote(1) }}|{{ cl(columns) }}", {"macros.sql": MACROS}),
    ("from_import_private", "{% from 'macros.sql' import _private %}{{ _private() }}", {"macros.sql": MACROS}),
    ("from_import_missing_name", "{% from 'macros.sql' import nothere %}{{ nothere() }}", {"macros.sql": MACROS}),
    ("import_missing_attr", "{% import 'macros.sql' as m %}{{ m.nothere }}|", {"macros.sql": MACROS}),
    ("import_no_context", "{% import 'm' as m %}{{ m.f() }}", {"m": "{% macro f() %}[{{ n }}]{% endmacro %}"}),
    ("import_with_context", "{% set v = 'ctx' %}{% import 'm' as m with context %}{{ m.f() }}", {"m": "{% macro f() %}[{{ v }}]{% endmacro %}"}),
    ("import_output_discarded", "{% import 'm' as m %}x", {"m": "output text {% macro f() %}{% endmacro %}"}),
    ("import_module_str", "{% import 'm' as m %}{{ m.x }}{{ m.y|default('?') }}", {"m": "{% set x = 5 %}"}),
    ("import_missing_template", "{% import 'nope' as m %}", {}),
    ("import_macro_calls_macro", "{% from 'm' import outer %}{{ outer() }}", {"m": "{% macro inner() %}i{% endmacro %}{% macro outer() %}o{{ inner() }}{% endmacro %}"}),
    ("extends_basic", "{% extends 'layout.html' %}{% block title %}Page{% endblock %}{% block body %}content {{ n }}{% endblock %}", {"layout.html": LAYOUT}),
    ("extends_default_blocks", "{% extends 'layout.html' %}", {"layout.html": LAYOUT}),
    ("extends_super", "{% extends 'layout.html' %}{% block title %}{{ super() }} + child{% endblock %}", {"layout.html": LAYOUT}),
    ("extends_three_levels", "{% extends 'mid' %}{% block b %}child<{{ super() }}>{% endblock %}", {"base": "[{% block b %}base{% endblock %}]", "mid": "{% extends 'base' %}{% block b %}mid<{{ super() }}>{% endblock %}"}),
    ("extends_outside_blocks_ignored", "{% extends 'base' %}ignored text{% block b %}B{% endblock %}more ignored", {"base": "<{% block b %}{% endblock %}>"}),
    ("extends_nested_blocks", "{% extends 'base' %}{% block inner %}NEW{% endblock %}", {"base": "{% block outer %}o[{% block inner %}i{% endblock %}]{% endblock %}"}),
    ("extends_self_block", "{% block t %}T{% endblock %}|{{ self.t() }}", {}),
    ("extends_scoped_block", "{% for x in xs %}{% block item scoped %}{{ x }}{% endblock %}{% endfor %}", {}),
    ("extends_unscoped_block", "{% for x in xs %}{% block item %}{{ x }}{% endblock %}{% endfor %}", {}),
    ("extends_block_in_loop_child", "{% extends 'base' %}{% block item %}<{{ x }}>{% endblock %}", {"base": "{% for x in xs %}{% block item scoped %}{{ x }}{% endblock %}{% endfor %}"}),
    ("extends_missing", "{% extends 'nope' %}", {}),
    ("extends_conditional", "{% if t %}{% extends 'a' %}{% else %}{% extends 'b' %}{% endif %}", {"a": "A{% block x %}{% endblock %}", "b": "B"}),
    ("extends_required_block", "{% extends 'base' %}", {"base": "{% block r required %}{% endblock %}"}),
    ("extends_variable", "{% extends parent %}{% block b %}child{% endblock %}", {"p1": "p1:{% block b %}{% endblock %}"}),
    ("extends_set_in_child", "{% extends 'base' %}{% set title = 'from child' %}", {"base": "{{ title|default('none') }}"}),
    ("block_whitespace", "{% extends 'base' %}{% block b -%}\n  child\n{%- endblock %}", {"base": "<\n{% block b %}{% endblock %}\n>"}),
    ("dbt_macro_library", "{%- import 'macros/sql.sql' as sql -%}\nselect {{ sql.cols(columns) }}\nfrom {{ sql.rel(model) }}\n{{ sql.where_recent('created_at', 7) }}\n",
     {"macros/sql.sql": "{% macro cols(cs) %}{% for c in cs %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}\n{% macro rel(m) %}{{ m.database }}.{{ m.schema }}.{{ m.name }}{% endmacro %}\n{% macro where_recent(col, days) -%}\nwhere {{ col }} >= current_date - interval '{{ days }} days'\n{%- endmacro %}"}),
    ("dbt_include_header", "{% include 'header.sql' %}\nselect 1\n", {"header.sql": "-- model {{ model.name }} ({{ model.config.materialized }})\n"}),
]


def write():
    for name, template, templates in CASES:
        ctx = None
        if name == "extends_variable":
            ctx = {"parent": "p1"}
        case("inheritance", name, template, context=ctx, templates=templates)
