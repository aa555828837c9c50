#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests and exports SLIPWAY_TEST_PG (an Npgsql connection string).
# Source it:  source scripts/postgres.sh   … run tests …   slipway_pg_stop
# It never touches a system cluster: a temp folder, 127.0.0.1, a free port, a random password. initdb refuses
# root, so when run as root the cluster belongs to the `postgres` user. Installs Debian's postgresql when missing.

slipway_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  return 1
}

slipway_pg_start() {
  local bin
  if ! bin=$(slipway_pg_bin); then
    echo "Installing postgresql (for the deployment service's PostgreSQL tests)…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null || return 1
    bin=$(slipway_pg_bin) || return 1
  fi
  local run_as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    run_as=(runuser -u postgres --)
  fi
  SLIPWAY_PG_CTL="$bin/pg_ctl"
  SLIPWAY_PG_RUN_AS="${run_as[*]}"
  SLIPWAY_PG_DIR=$(mktemp -d /tmp/slipway-pg.XXXXXX)
  chmod 755 "$SLIPWAY_PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$SLIPWAY_PG_DIR"
  local port password
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  "${run_as[@]}" "$bin/initdb" -D "$SLIPWAY_PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
  "${run_as[@]}" "$bin/pg_ctl" -D "$SLIPWAY_PG_DIR/data" -w -l "$SLIPWAY_PG_DIR/log" \
    -o "-p $port -k $SLIPWAY_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null || return 1
  "${run_as[@]}" "$bin/psql" -h "$SLIPWAY_PG_DIR" -p "$port" -U postgres -q -c "ALTER USER postgres PASSWORD '$password'" >/dev/null || return 1
  # From now on TCP connections must give the password.
  sed -i 's/^\(host.*\)trust$/\1scram-sha-256/' "$SLIPWAY_PG_DIR/data/pg_hba.conf"
  "${run_as[@]}" "$bin/pg_ctl" -D "$SLIPWAY_PG_DIR/data" reload >/dev/null
  export SLIPWAY_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
  echo "PostgreSQL for tests on 127.0.0.1:$port ($SLIPWAY_PG_DIR)" >&2
}

slipway_pg_stop() {
  [ -n "${SLIPWAY_PG_DIR:-}" ] || return 0
  [ -n "${SLIPWAY_PG_CTL:-}" ] && ${SLIPWAY_PG_RUN_AS:-} "$SLIPWAY_PG_CTL" -D "$SLIPWAY_PG_DIR/data" stop -m fast >/dev/null 2>&1
  rm -rf "$SLIPWAY_PG_DIR"
  unset SLIPWAY_TEST_PG SLIPWAY_PG_DIR
}

slipway_pg_start
