#!/usr/bin/env bash
# Deployment service benchmark: API trigger → the run's first SQL statement, with a warm worker, and job starts
# per minute with a backlog. Prints a Markdown table (paste into BENCHMARKS.md).
#
#   bench/service/latency.sh [runs=30] [backlog=40]
#
# One `slipway serve` (published Release build, ReadyToRun unless R2R=false) with its in-process worker (4 slots)
# on SQLite; or, when SLIPWAY_BENCH_PG holds a PostgreSQL connection string, a serve node without worker slots and
# a separate `slipway worker` process (4 slots) woken by NOTIFY, both on that database. A project of one
# DuckDB model on a local git repository, and a job `dbt run`. The project's on-run-start hook is its first SQL
# statement: it writes DuckDB's clock to <out>/<DBT_CLOUD_RUN_ID>.csv (the engine's own catalog queries and
# CREATE SCHEMA come a few milliseconds before it). Runs are triggered one after the other, each once the previous
# finished, so the worker is idle and warm. Then `backlog` runs of 10 jobs are triggered at once and the rate at
# which they start (their step's engine process begins) is measured. Last, `slipway run` alone on the same project
# (no service) gives the engine's own start → first statement and its CPU time, to show where the time goes.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-30}
BACKLOG=${2:-40}
WORK=$(mktemp -d /tmp/slipway-bench-service.XXXXXX)
SERVE_PID=
cleanup() {
  for pid in $SERVE_PID ${WORKER_PID:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet publish src/Slipway.Cli/Slipway.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun="${R2R:-true}" -o "$WORK/slipway" -v quiet -nologo >/dev/null
SLIPWAY="$WORK/slipway/slipway"

# The project: one model, and the hook that timestamps the first statement.
mkdir -p "$WORK/repo/models" "$WORK/out"
cat > "$WORK/repo/dbt_project.yml" <<YML
name: bench
version: '1.0'
profile: bench
on-run-start:
  - "copy (select epoch_us(get_current_timestamp()) as t) to '$WORK/out/{{ env_var('DBT_CLOUD_RUN_ID') }}.csv' (header false)"
YML
echo "select 1 as id" > "$WORK/repo/models/one.sql"
git -C "$WORK/repo" init -q -b main
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=bench -c user.email=bench@example.com commit -qm project

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATABASE=()
[ -n "${SLIPWAY_BENCH_PG:-}" ] && DATABASE=(--database "$SLIPWAY_BENCH_PG")
WORKER_PID=
if [ -n "${SLIPWAY_BENCH_PG:-}" ]; then
  SLIPWAY_WORKER_SLOTS=0 "$SLIPWAY" serve --data-dir "$WORK/data" --urls "http://127.0.0.1:$PORT" --admin-password 'Bench-Passw0rd!' \
    "${DATABASE[@]}" >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  sleep 3 # the serve node creates the schema first
  "$SLIPWAY" worker --data-dir "$WORK/data" "${DATABASE[@]}" >"$WORK/worker.log" 2>&1 &
  WORKER_PID=$!
else
  "$SLIPWAY" serve --data-dir "$WORK/data" --urls "http://127.0.0.1:$PORT" --admin-password 'Bench-Passw0rd!' >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
fi
python3 bench/service/latency.py --url "http://127.0.0.1:$PORT" --password 'Bench-Passw0rd!' --repo "$WORK/repo" \
  --out "$WORK/out" --warehouse "$WORK/warehouse.duckdb" --runs "$RUNS" --backlog "$BACKLOG" --engine "$SLIPWAY" \
  --build "Release, ReadyToRun=${R2R:-true}" --metadata "$([ -n "${SLIPWAY_BENCH_PG:-}" ] && echo "PostgreSQL, API on serve, runs on a separate worker process" || echo "SQLite, runs on serve's own worker")" \
  || { tail -50 "$WORK/serve.log" >&2; [ -f "$WORK/worker.log" ] && tail -50 "$WORK/worker.log" >&2; exit 1; }
