"""The reference configuration: Python's Jinja2 set up as dbt sets it up, and one render call that reports
either the output or the error (class, template line, message) the way the fixtures and tests store them."""
import json
import traceback

import jinja2

# dbt's environment: Jinja2 defaults (no autoescape, keep_trailing_newline=False) plus these two extensions.
EXTENSIONS = ["jinja2.ext.do", "jinja2.ext.loopcontrols"]
TEMPLATES_KEY = "__templates__"
MAIN_NAME = "<template>"  # Jinja2's filename for a template made by from_string


def make_environment(templates=None):
    return jinja2.Environment(extensions=EXTENSIONS, loader=jinja2.DictLoader(templates or {}))


def _error_line(exc, names):
    """The innermost template line of an error: the syntax error's own line, else the deepest traceback frame
    that Jinja2 rewrote to point into a template."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == MAIN_NAME or frame.filename in names:
            line = frame.lineno
    return line


def _error_message(exc):
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.message or ""
    if isinstance(exc, KeyError) and exc.args:
        return repr(exc.args[0])
    return str(exc)


def render(source, context):
    """Render `source` with a JSON-made context. Returns ("ok", text) or ("error", kind, line, message)."""
    context = dict(context)
    templates = context.pop(TEMPLATES_KEY, None) or {}
    try:
        env = make_environment(templates)
        return ("ok", env.from_string(source).render(context))
    except Exception as exc:  # every failure is a result to compare, not a crash of the tool
        return ("error", type(exc).__name__, _error_line(exc, templates), _error_message(exc))


def split_fixture(text):
    """A fixture is a JSON context, a line '---', then the template (to the end of the file)."""
    head, sep, template = text.partition("\n---\n")
    if not sep:
        if text.startswith("---\n"):
            return {}, text[4:]
        raise ValueError("fixture has no '---' line between context and template")
    return (json.loads(head) if head.strip() else {}), template


def format_expected(result):
    if result[0] == "ok":
        return result[1]
    _, kind, line, message = result
    return f"!error {kind} line {line if line is not None else 0}\n{message}"
