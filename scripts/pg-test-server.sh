#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and CI: initdb into a temporary folder (as the postgres user,
# since initdb refuses root), listen on a free loopback port only, trust authentication.
#   eval "$(scripts/pg-test-server.sh start)"   # exports TEST_POSTGRES_URL and PG_TEST_DIR
#   scripts/pg-test-server.sh stop "$PG_TEST_DIR"
# PG_TEST_OPTIONS adds server settings, e.g. "-c shared_buffers=1536MB" for a benchmark's larger database or
# "-c shared_preload_libraries=pg_stat_statements" for profiling.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL tests…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local dir port
  dir="$(mktemp -d /tmp/paper-digest-pg.XXXXXX)"
  port="${PG_TEST_PORT:-$(free_port)}"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PG_TEST_OPTIONS:-}" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export PG_TEST_DIR=$dir"
  echo "export TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir="${1:-${PG_TEST_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "usage: $0 stop <dir printed by start>" >&2; exit 2; }
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
