#!/usr/bin/env bash
# Engine benchmark: `slipway run --threads 1` over the 1,000-model synthetic project (views and tables on small
# seeds) against replaying the same compiled SQL straight into DuckDB on one connection, side by side.
#
#   bench/engine/run.sh [models=1000] [rounds=3]
#
# Both sides are timed as whole processes (wall clock, plus user+sys CPU from /usr/bin/time): slipway parses,
# compiles, runs the materializations and writes its artifacts; the replay reads target/run_results.json and
# manifest.json and runs `create or replace view|table <relation> as (<compiled SQL>)` for each model in the
# order slipway ran them. Rounds alternate the two so machine load hits both alike; the best round of each counts.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODELS=${1:-1000}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/slipway-bench-engine.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet publish src/Slipway.Cli/Slipway.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$WORK/slipway" -v quiet -nologo >/dev/null
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

best_s=999999; best_r=999999; cpu_s=0; cpu_r=0
for i in $(seq 1 "$ROUNDS"); do
  read -r ws cs < <(measure "$SLIPWAY" run --threads 1 -q)
  read -r wr cr < <(measure "$REPLAY" "$WORK/project" "$WORK/project/synth.duckdb")
  echo "round $i: slipway run ${ws}s (cpu ${cs}s)   replay ${wr}s (cpu ${cr}s)   ratio $(awk -v a="$ws" -v b="$wr" 'BEGIN{printf "%.2f", a/b}')"
  if awk -v a="$ws" -v b="$best_s" 'BEGIN{exit !(a<b)}'; then best_s=$ws; cpu_s=$cs; fi
  if awk -v a="$wr" -v b="$best_r" 'BEGIN{exit !(a<b)}'; then best_r=$wr; cpu_r=$cr; fi
done
echo
echo "| models | slipway run --threads 1 | replay on one connection | ratio (wall) | CPU slipway / replay |"
echo "|---:|---:|---:|---:|---:|"
awk -v m="$MODELS" -v s="$best_s" -v r="$best_r" -v cs="$cpu_s" -v cr="$cpu_r" \
  'BEGIN { printf "| %d | %.2f s | %.2f s | %.2f | %.2f s / %.2f s |\n", m, s, r, s/r, cs, cr }'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
