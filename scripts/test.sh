#!/usr/bin/env bash
# Runs every test project and prints one closing line "N passed, N failed" (totals over all projects).
# Installs what the tests need when it is missing (Python's Jinja2 for the differential test, Chromium for the browser tests).
set -uo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import jinja2' 2>/dev/null; then
  echo "Installing python3-jinja2 (reference for the Jinja differential test)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jinja2) >/dev/null
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium (the browser the deployment service's browser tests drive)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null
fi

results=.test-results
rm -rf "$results"
dotnet build Slipway.slnx -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
# A private PostgreSQL for the deployment service's tests (exports SLIPWAY_TEST_PG); stopped at the end.
# shellcheck source=postgres.sh
source scripts/postgres.sh || echo "PostgreSQL could not be started; its tests fail on CI and are skipped locally." >&2
trap 'slipway_pg_stop' EXIT
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
