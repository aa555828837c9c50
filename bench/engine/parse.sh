#!/usr/bin/env bash
# Engine benchmark: the front half of the engine on synthetic projects (1k and 10k models by default).
#
#   bench/engine/parse.sh [sizes="1000 10000"] [rounds=3]
#   SLIPWAY=/path/to/slipway bench/engine/parse.sh    # measure an existing build instead of publishing one
#
# For each size it times, as whole processes (/usr/bin/time: wall, user+sys CPU, peak resident memory):
#   cold parse      `slipway parse` with no target/ (no partial-parse cache: everything is read and rendered)
#   cold compile    `slipway compile` with no target/ (parse + compile of every node + compiled files)
#   warm, no change `slipway parse` again: the cache in target/partial_parse.bin is reused as it is
#   one changed     `slipway parse` after one model file changed: only that file is parsed again
#   warm ls         `slipway ls` with the cache (selection + printing 10k lines)
# The best round counts (load from other processes only ever adds time). CPU is the figure to compare on a busy
# machine; wall is the figure for the goals. Ends with a Markdown table for BENCHMARKS.md and the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"1000 10000"}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/slipway-bench-parse.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SLIPWAY:-}" ]; then
  dotnet publish src/Slipway.Cli/Slipway.Cli.csproj -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$WORK/slipway" -v quiet -nologo >/dev/null
  SLIPWAY="$WORK/slipway/slipway"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

measure() { # label, then the command → "wall cpu rssMB"
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$WORK/time.txt"
}

declare -A BEST_W BEST_C BEST_M
keep() { # key wall cpu mem: keeps the round with the least wall time
  local k=$1
  if [ -z "${BEST_W[$k]:-}" ] || awk -v a="$2" -v b="${BEST_W[$k]}" 'BEGIN{exit !(a<b)}'; then
    BEST_W[$k]=$2; BEST_C[$k]=$3; BEST_M[$k]=$4
  fi
}

for n in $SIZES; do
  project="$WORK/p$n"
  python3 bench/engine/generate_project.py --models "$n" --out "$project" >/dev/null
  dirs=(--project-dir "$project" --profiles-dir "$project" -q)
  changed=$(find "$project/models" -name '*.sql' | sort | sed -n '2p')
  for i in $(seq 1 "$ROUNDS"); do
    rm -rf "$project/target"
    read -r w c m < <(measure "$SLIPWAY" parse "${dirs[@]}"); keep "$n.cold" "$w" "$c" "$m"
    read -r w c m < <(measure "$SLIPWAY" parse "${dirs[@]}"); keep "$n.warm" "$w" "$c" "$m"
    echo "-- round $i $RANDOM" >>"$changed"
    read -r w c m < <(measure "$SLIPWAY" parse "${dirs[@]}"); keep "$n.one" "$w" "$c" "$m"
    read -r w c m < <(measure "$SLIPWAY" ls "${dirs[@]}"); keep "$n.ls" "$w" "$c" "$m"
    rm -rf "$project/target"
    read -r w c m < <(measure "$SLIPWAY" compile "${dirs[@]}"); keep "$n.compile" "$w" "$c" "$m"
    echo "round $i of $n models: cold parse ${BEST_W[$n.cold]}s, warm ${BEST_W[$n.warm]}s, one changed ${BEST_W[$n.one]}s, compile ${BEST_W[$n.compile]}s (best so far)" >&2
  done
done

echo
echo "| models | step | wall | CPU (user+sys) | peak memory |"
echo "|---:|---|---:|---:|---:|"
for n in $SIZES; do
  for step in cold:"cold \`parse\` (no cache)" compile:"cold \`compile\` (parse + compile all)" warm:"warm \`parse\`, nothing changed" one:"\`parse\` after one model file changed" ls:"warm \`ls\`"; do
    k=${step%%:*}; label=${step#*:}
    printf "| %s | %s | %.2f s | %.2f s | %s MB |\n" "$n" "$label" "${BEST_W[$n.$k]}" "${BEST_C[$n.$k]}" "${BEST_M[$n.$k]}"
  done
done
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg); best of $ROUNDS rounds"
