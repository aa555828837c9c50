#!/usr/bin/env bash
# Engine benchmark: `slipway run --threads 1` over the 1,000-model synthetic project (views and tables on small
# seeds) against replaying the same compiled SQL straight into DuckDB on one connection, side by side.
#
#   bench/engine/run.sh [models=1000] [rounds=3]
#
# Both sides are timed as whole processes (wall clock, plus user+sys CPU from /usr/bin/time): slipway parses,
# compiles, runs the materializations and writes its artifacts; the replay reads target/run_results.json and
# manifest.json and runs `create or replace view|table <relation> as (<compiled SQL>)` for each model in the
# order slipway ran them. Rounds alternate the two so machine load hits both alike; the medians of the per-round
# ratios count, and the last lines are a ready Markdown row for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODELS=${1:-1000}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/slipway-bench-engine.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet publish src/Slipway.Cli/Slipway.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$WORK/slipway" -v quiet -nologo >"$WORK/publish.log" || { cat "$WORK/publish.log" >&2; exit 1; }
dotnet build bench/engine/Replay/Slipway.Bench.Replay.csproj -c Release -o "$WORK/replay" -v quiet -nologo >/dev/null
SLIPWAY="$WORK/slipway/slipway"
REPLAY="$WORK/replay/Slipway.Bench.Replay"

python3 bench/engine/generate_project.py --models "$MODELS" --seed-rows 50 --out "$WORK/project" >/dev/null
cd "$WORK/project"
"$SLIPWAY" seed -q >/dev/null
# The first run creates every relation; the measured rounds replace them, as a scheduled run does.
"$SLIPWAY" run --threads 1 -q >/dev/null
grep -q '"status": *"error"' target/run_results.json && { echo "slipway run had errors" >&2; exit 1; }

measure() { # command... → "wall cpu"
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time.txt"
}

# Each round times both sides back to back, so the per-round ratios see the same machine load; the medians of
# those ratios count (on a loaded machine absolute times swing several-fold between rounds, ratios far less).
: > "$WORK/rounds.txt"
for i in $(seq 1 "$ROUNDS"); do
  read -r ws cs < <(measure "$SLIPWAY" run --threads 1 -q)
  read -r wr cr < <(measure "$REPLAY" "$WORK/project" "$WORK/project/synth.duckdb")
  echo "$ws $cs $wr $cr" >> "$WORK/rounds.txt"
  echo "round $i: slipway run ${ws}s (cpu ${cs}s)   replay ${wr}s (cpu ${cr}s)   wall ratio $(awk -v a="$ws" -v b="$wr" 'BEGIN{printf "%.2f", a/b}')   cpu ratio $(awk -v a="$cs" -v b="$cr" 'BEGIN{printf "%.2f", a/b}')"
done
echo
echo "| models | slipway run --threads 1 (median) | replay (median) | wall ratio (median of rounds) | CPU slipway / replay (median) | CPU ratio (median of rounds) | load average |"
echo "|---:|---:|---:|---:|---:|---:|---|"
python3 - "$WORK/rounds.txt" "$MODELS" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
med = lambda xs: statistics.median(xs)
ws, cs, wr, cr = (med(r[k] for r in rows) for k in range(4))
wall_ratio = med(r[0] / r[2] for r in rows)
cpu_ratio = med(r[1] / r[3] for r in rows)
print(f"| {int(sys.argv[2])} | {ws:.2f} s | {wr:.2f} s | {wall_ratio:.2f} | {cs:.2f} s / {cr:.2f} s | {cpu_ratio:.2f} | {sys.argv[3]} |")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), rounds: $ROUNDS"
