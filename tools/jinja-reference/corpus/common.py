"""Writes conformance fixtures: a JSON context (only the keys the template names), '---', the template."""
import json
import os
import re

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                     "tests", "Slipway.Jinja.Tests", "Conformance", "corpus"))

# Values most generated cases draw from; each fixture keeps only the keys its template mentions.
SHARED = {
    "s": "Hello World",
    "e": "",
    "sp": "  padded text  ",
    "n": 42,
    "neg": -7,
    "zero": 0,
    "f": 3.14159,
    "big": 1234567,
    "t": True,
    "fl": False,
    "none": None,
    "xs": [3, 1, 2],
    "ys": [],
    "nums": [1, 2, 3, 4, 5, 6, 7],
    "fs": [1.5, 2.25, -0.5],
    "words": ["banana", "Apple", "cherry", "apple"],
    "dup": [1, 2, 2, 3, 1, "a", "A"],
    "nested": [[1, 2], [3], []],
    "d": {"b": 2, "a": 1, "C": 3},
    "ed": {},
    "html": "<b>bold</b> & 'quoted' \"text\"",
    "multi": "line one\nline two\n\nline four",
    "long": "The quick brown fox jumps over the lazy dog and keeps running far away",
    "users": [
        {"name": "ann", "age": 31, "active": True, "team": "data"},
        {"name": "bob", "age": 25, "active": False, "team": "ops"},
        {"name": "cid", "age": 40, "active": True, "team": "data"},
        {"name": "dee", "age": 25, "active": True, "team": None},
    ],
    "columns": [
        {"name": "id", "data_type": "integer", "tests": ["unique", "not_null"]},
        {"name": "customer_name", "data_type": "varchar", "tests": []},
        {"name": "amount", "data_type": "numeric(18,2)", "tests": ["not_null"]},
        {"name": "created_at", "data_type": "timestamp", "tests": []},
    ],
    "model": {"name": "orders", "schema": "analytics", "database": "warehouse",
              "config": {"materialized": "incremental", "unique_key": "id", "tags": ["daily", "finance"]}},
    "target": {"name": "dev", "schema": "dbt_ann", "type": "duckdb", "threads": 4},
    "url": "https://example.com/a b?x=1&y=<2>",
    "mixed": [1, "two", 3.0, None, True],
}

_written = []


def names_in(template):
    return set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", template))


def case(group, name, template, context=None, templates=None, trailing_newline=True):
    """Writes <group>/<name>.jinja. Without an explicit context the shared values the template names are used."""
    if context is None:
        used = names_in(template)
        if templates:
            for src in templates.values():
                used |= names_in(src)
        context = {k: v for k, v in SHARED.items() if k in used}
    context = dict(context)
    if templates:
        context["__templates__"] = templates
    path = os.path.join(ROOT, group, name + ".jinja")
    if path in _written:
        raise SystemExit(f"duplicate fixture {group}/{name}")
    _written.append(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    body = json.dumps(context, ensure_ascii=False, indent=None) + "\n---\n" + template
    if trailing_newline and not template.endswith("\n"):
        body += "\n"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(body)


def series(group, prefix, templates, **kw):
    """Numbered cases: prefix_01, prefix_02, …"""
    for i, template in enumerate(templates, 1):
        case(group, f"{prefix}_{i:02d}", template, **kw)


def count():
    return len(_written)
