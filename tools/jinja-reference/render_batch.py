#!/usr/bin/env python3
"""Renders a batch of templates with Python's Jinja2 in one process (the differential test's reference).

    python3 render_batch.py INPUT.json OUTPUT.json
INPUT is a list of {"id", "template", "context", "templates"} (templates: extra templates by name, loaded
through the dict loader); OUTPUT is a list of
{"id", "ok", "output"} or {"id", "ok": false, "kind", "line", "message"} in the same order."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402


def main(source, target):
    with open(source, encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        context = dict(case.get("context") or {})
        if case.get("templates"):
            context[reference.TEMPLATES_KEY] = case["templates"]
        r = reference.render(case["template"], context)
        if r[0] == "ok":
            results.append({"id": case["id"], "ok": True, "output": r[1]})
        else:
            results.append({"id": case["id"], "ok": False, "kind": r[1], "line": r[2], "message": r[3]})
    with open(target, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
