#!/usr/bin/env bash
# Jinja benchmark: Slipway.Jinja vs Python's Jinja2 on the same 20 dbt-like templates, in one run.
#   bench/jinja.sh [SECONDS_PER_MEASURE]     (default 0.5; prints a markdown table of CPU µs per template)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-0.5}"
templates=bench/Slipway.Bench.Jinja/Templates
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build bench/Slipway.Bench.Jinja/Slipway.Bench.Jinja.csproj -c Release -nologo -v q >/dev/null
dotnet bench/Slipway.Bench.Jinja/bin/Release/net10.0/Slipway.Bench.Jinja.dll "$templates" "$seconds" > "$out/slipway.jsonl"
python3 tools/jinja-reference/bench.py "$templates" "$seconds" > "$out/jinja2.jsonl"

python3 - "$out/slipway.jsonl" "$out/jinja2.jsonl" <<'PY'
import json, math, sys
load = lambda p: {r["name"]: r for r in map(json.loads, open(p))}
slipway, jinja2 = load(sys.argv[1]), load(sys.argv[2])
print("| template | Jinja2 compile+render | Slipway compile+render | ratio | Jinja2 render | Slipway render | ratio | same output |")
print("|---|---:|---:|---:|---:|---:|---:|:-:|")
ratios_cr, ratios_r = [], []
for name, py in jinja2.items():
    cs = slipway.get(name, {})
    if "error" in cs or not cs:
        print(f"| {name} | {py['compile_render_us']:.1f} | error: {cs.get('error', 'missing')[:60]} | | {py['render_us']:.1f} | | | no |")
        continue
    rcr, rr = py["compile_render_us"] / cs["compile_render_us"], py["render_us"] / cs["render_us"]
    ratios_cr.append(rcr); ratios_r.append(rr)
    same = "yes" if cs["output_sha256"] == py["output_sha256"] else "no"
    print(f"| {name} | {py['compile_render_us']:.1f} | {cs['compile_render_us']:.1f} | {rcr:.1f}× | {py['render_us']:.1f} | {cs['render_us']:.1f} | {rr:.1f}× | {same} |")
geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float("nan")
print(f"\nGeometric mean speed-up over {len(ratios_cr)} templates: compile+render {geo(ratios_cr):.1f}×, render only {geo(ratios_r):.1f}×"
      + (f"; slowest compile+render ratio {min(ratios_cr):.1f}×" if ratios_cr else ""))
PY
