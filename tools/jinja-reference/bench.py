#!/usr/bin/env python3
"""Python Jinja2 side of the Jinja benchmark (run both sides with bench/jinja.sh).

    python3 bench.py TEMPLATES_DIR [SECONDS_PER_MEASURE]
Prints one JSON line per template: name, compile_render_us (CPU µs) (a fresh compile each time), render_us (compiled once),
output_sha256. The context and the dbt-like functions (ref, source, config, var, is_incremental, this) mirror
bench/Slipway.Bench.Jinja/BenchContext.cs."""
import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402


def make_context(folder):
    with open(os.path.join(folder, "context.json"), encoding="utf-8") as f:
        data = json.load(f)
    target = data["target"]
    variables = data.pop("vars")
    data.update(
        ref=lambda *args: f'"{target["database"]}"."{target["schema"]}"."{args[-1]}"',
        source=lambda source_name, table: f'"raw"."{source_name}"."{table}"',
        config=lambda *args, **kwargs: "",
        var=lambda name, default=None: variables.get(name, default),
        is_incremental=lambda: True,
        this=f'"{target["database"]}"."{target["schema"]}"."this_model"',
    )
    return data


def measure(action, seconds):
    """Mean CPU microseconds per call (process CPU time, less distorted by other load than wall time),
    over at least 10 calls and `seconds` of wall time."""
    action(0)  # warm-up
    count, start, cpu = 0, time.perf_counter(), time.process_time()
    while True:
        count += 1
        action(count)
        if count >= 10 and time.perf_counter() - start >= seconds:
            return (time.process_time() - cpu) / count * 1e6


def main(folder, seconds):
    env = reference.make_environment()
    context = make_context(folder)
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".sql")):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            source = f.read()
        output = env.from_string(source).render(context)
        # from_string compiles on every call (Jinja2 caches only templates loaded by name).
        compile_render = measure(lambda i: env.from_string(source).render(context), seconds)
        template = env.from_string(source)
        render = measure(lambda i: template.render(context), seconds)
        print(json.dumps({"name": name, "compile_render_us": round(compile_render, 2), "render_us": round(render, 2),
                          "output_sha256": hashlib.sha256(output.encode("utf-8")).hexdigest()}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.5)
