"""Whitespace control: '-' on either side of every tag kind, in different surroundings, plus newline handling."""
from common import series, case

KINDS = {
    "if": ("{%{l} if t {r}%}", "{%{l} endif {r}%}"),
    "for": ("{%{l} for x in xs {r}%}", "{%{l} endfor {r}%}"),
    "set": ("{%{l} set v = 1 {r}%}", ""),
    "comment": ("{#{l} note {r}#}", ""),
    "expr": ("{{{l} n {r}}}", ""),
}
SURROUNDINGS = {"lines": ("a  \n  ", "  \n  b"), "blank": ("a\n\n", "\n\nb"), "inline": ("a  ", "  b"),
                "tabs": ("a\t\n\t", "\t\n\tb")}
TRIMS = {"none": ("", ""), "left": ("-", ""), "right": ("", "-"), "both": ("-", "-")}

HAND = [
    "  {%- if t %}x{% endif %}", "{% if t -%}  \n\n  x{% endif %}", "{% for x in xs %}\n{{ x }}\n{% endfor %}",
    "{% for x in xs -%}\n{{ x }}\n{%- endfor %}", "{%- for x in xs %}\n  {{- x }}\n{% endfor -%}\n",
    "<ul>\n{% for x in xs %}\n  <li>{{ x }}</li>\n{% endfor %}\n</ul>", "{% if t %}\n    yes\n{% endif %}\n",
    "line\n", "line\n\n", "line\n\n\n", "\n", "no newline", "{{ n }}\n", "{{ n }}\n\n",
    "a {{+ n +}} b" if False else "a {%+ if t %} b {% endif +%} c", "{%- raw -%}  x  {%- endraw -%}",
    "x {{- ' ' -}} y", "{{ 'a' -}}\n\n\n{{- 'b' }}", "{% set x -%}\n  value  \n{%- endset %}[{{ x }}]",
    "{% macro m() -%}\n  body\n{%- endmacro %}[{{ m() }}]", "{% macro m() %}\n  body\n{% endmacro %}[{{ m() }}]",
    "{%- macro m() -%}\n  body\n{%- endmacro -%}\n\n[{{ m() }}]",
    "select\n    {%- for c in xs %}\n    c{{ c }}\n    {%- if not loop.last %},{% endif %}\n    {%- endfor %}\nfrom t",
    "  {% if t %}indented{% endif %}  ", "\t{%- if t -%}\t\n\tx\t\n\t{%- endif -%}\t", "a{#- c -#}\n\nb",
    "{{ '  ' }}x{{ '  ' }}", "{% for x in xs %}{{ x }} {% endfor %}", "{% for x in xs %} {{- x -}} {% endfor %}",
    "a  {%- do xs.append(1) -%}  b", "a\n{%- with -%}\nb\n{%- endwith -%}\nc", "{% filter trim %}  \n x \n  {% endfilter %}",
    "a\r\nb\r\n{{ n }}\r\n", "{% if t %}\r\nx\r\n{% endif %}\r\n", "a\rb", "{{ 'x' }}\n    \n", "x\n \n",
]


def write():
    for kind, (open_tag, close_tag) in KINDS.items():
        for sname, (before, after) in SURROUNDINGS.items():
            for tname, (l, r) in TRIMS.items():
                o = open_tag.replace("{l}", l).replace("{r}", r)
                c = close_tag.replace("{l}", l).replace("{r}", r)
                body = f"{before}{o}{'  mid  ' if c else ''}{c}{after}"
                case("whitespace", f"{kind}_{sname}_{tname}", body)
    series("whitespace", "hand", HAND)
