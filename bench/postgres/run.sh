#!/usr/bin/env bash
# Run overhead on PostgreSQL: `slipway run --threads 1` over the synthetic project of bench/engine (views and tables
# on small seeds) against replaying the same compiled SQL through Npgsql on one connection, side by side.
#
#   bench/postgres/run.sh [models=1000] [rounds=3]
#
# Starts a private server (scripts/postgres.sh) unless SLIPWAY_TEST_PG is already set. Both sides are timed as whole
# processes (wall clock, plus user+sys CPU of the client process from /usr/bin/time; the server's CPU is not in
# it): slipway parses, compiles, runs the materializations (intermediate relation, rename swap, drop of the backup,
# in a transaction) and writes its artifacts; the replay (bench/postgres/Replay) reads target/run_results.json and
# manifest.json and runs one transaction per model in the order slipway ran them. Rounds alternate the two so
# machine load hits both alike; the best round of each counts.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODELS=${1:-1000}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/slipway-bench-pg-run.XXXXXX)
STARTED=0
if [ -z "${SLIPWAY_TEST_PG:-}" ]; then
  # shellcheck source=../../scripts/postgres.sh
  source scripts/postgres.sh
  STARTED=1
fi
cleanup() { rm -rf "$WORK"; [ "$STARTED" = 1 ] && slipway_pg_stop; return 0; }
trap cleanup EXIT

dotnet publish src/Slipway.Cli/Slipway.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$WORK/slipway" -v quiet -nologo >/dev/null
dotnet build bench/postgres/Replay/Slipway.Bench.PostgresReplay.csproj -c Release -o "$WORK/replay" -v quiet -nologo >/dev/null
SLIPWAY="$WORK/slipway/slipway"
REPLAY="$WORK/replay/Slipway.Bench.PostgresReplay"

python3 bench/engine/generate_project.py --models "$MODELS" --seed-rows 50 --out "$WORK/project" >/dev/null
cd "$WORK/project"
# PostgreSQL spells DuckDB's `double` "double precision" and rounds only numerics: the one macro that differs.
sed -i 's/round(cast({{ col }} as double) \/ 100, {{ scale }})/round(cast({{ col }} as numeric) \/ 100, {{ scale }})/' macros/money.sql
SCHEMA="bench_run_$RANDOM"
eval "$(python3 - "$SLIPWAY_TEST_PG" <<'PY'
import sys
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
k = {key.lower(): v for key, v in kv.items()}
for name, key, default in [("PGHOST", "host", "127.0.0.1"), ("PGPORT", "port", "5432"), ("PGUSER", "username", "postgres"),
                           ("PGPASSWORD", "password", ""), ("PGDATABASE", "database", "postgres")]:
    print(f"export {name}='{k.get(key, default)}'")
PY
)"
cat > profiles.yml <<YML
synth:
  target: pg
  outputs:
    pg:
      type: postgres
      host: "{{ env_var('PGHOST') }}"
      port: "{{ env_var('PGPORT') | as_number }}"
      user: "{{ env_var('PGUSER') }}"
      password: "{{ env_var('PGPASSWORD') }}"
      dbname: "{{ env_var('PGDATABASE') }}"
      schema: $SCHEMA
      threads: 1
YML
"$SLIPWAY" seed -q >/dev/null
# The first run creates every relation; the measured rounds replace them, as a scheduled run does.
"$SLIPWAY" run --threads 1 -q >/dev/null || true
grep -q '"status": *"error"' target/run_results.json && { echo "slipway run had errors" >&2; exit 1; }

measure() { # command... → "wall cpu"
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time.txt"
}

best_s=999999; best_r=999999; cpu_s=0; cpu_r=0
for i in $(seq 1 "$ROUNDS"); do
  read -r ws cs < <(measure "$SLIPWAY" run --threads 1 -q)
  read -r wr cr < <(measure "$REPLAY" "$WORK/project" "$SLIPWAY_TEST_PG")
  echo "round $i: slipway run ${ws}s (cpu ${cs}s)   replay ${wr}s (cpu ${cr}s)   ratio $(awk -v a="$ws" -v b="$wr" 'BEGIN{printf "%.2f", a/b}')"
  if awk -v a="$ws" -v b="$best_s" 'BEGIN{exit !(a<b)}'; then best_s=$ws; cpu_s=$cs; fi
  if awk -v a="$wr" -v b="$best_r" 'BEGIN{exit !(a<b)}'; then best_r=$wr; cpu_r=$cr; fi
done
echo
echo "| models | slipway run --threads 1 | Npgsql replay on one connection | ratio (wall) | client CPU slipway / replay |"
echo "|---:|---:|---:|---:|---:|"
awk -v m="$MODELS" -v s="$best_s" -v r="$best_r" -v cs="$cpu_s" -v cr="$cpu_r" \
  'BEGIN { printf "| %d | %.2f s | %.2f s | %.2f | %.2f s / %.2f s |\n", m, s, r, s/r, cs, cr }'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(psql --version 2>/dev/null || echo PostgreSQL 15)"
