#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster of its own: initdb in a temporary directory
# (as the `postgres` user when run as root: initdb refuses root), listening only on a private
# Unix socket, exported as ONDERDAK_TEST_PG, and stopped (and removed) when the command ends.
# Given ONDERDAK_TEST_PG already, runs the command against that server. When no server can be
# started, the PostgreSQL tests are skipped loudly — except with CI=true, where that fails.
set -u
if [ -n "${ONDERDAK_TEST_PG:-}" ]; then exec "$@"; fi
bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
[ -z "$bindir" ] && command -v initdb >/dev/null 2>&1 && bindir="$(dirname "$(readlink -f "$(command -v initdb)")")"
dir=""
stop() {
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then $as "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; fi
  [ -n "$dir" ] && rm -rf "$dir"
}
trap stop EXIT
start() {
  [ -n "$bindir" ] || { echo "no PostgreSQL (initdb) found"; return 1; }
  dir="$(mktemp -d /tmp/onderdak-pg.XXXXXX)"
  mkdir -p "$dir/sock"
  as=""
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "no postgres user"; return 1; }
    chown -R postgres "$dir"; as="runuser -u postgres --"
  fi
  $as "$bindir/initdb" -D "$dir/data" -A trust -U onderdak -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  $as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-k $dir/sock -c listen_addresses='' -c fsync=on -c max_connections=100" start >/dev/null 2>&1 || { cat "$dir/server.log"; return 1; }
  "$bindir/createdb" -h "$dir/sock" -U onderdak onderdak || return 1
  export ONDERDAK_TEST_PG="postgresql://onderdak@/onderdak?host=$dir/sock"
  export ONDERDAK_TEST_PG_DATA="$dir/data" ONDERDAK_TEST_PG_BIN="$bindir" ONDERDAK_TEST_PG_AS="$as" ONDERDAK_TEST_PG_SOCK="$dir/sock"
  echo "PostgreSQL for the tests: $ONDERDAK_TEST_PG"
}
as=""
if ! start; then
  if [ "${CI:-}" = true ]; then echo "FAILED: a PostgreSQL server for the store tests could not be started (CI=true)"; exit 1; fi
  echo "!!!! WARNING: no PostgreSQL server could be started; the PostgreSQL store tests are SKIPPED !!!!"
fi
"$@"
