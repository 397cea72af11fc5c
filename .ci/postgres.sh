#!/usr/bin/env bash
# Sourced by .ci/run: start a throw-away PostgreSQL cluster (Debian's postgresql package, 15 preferred) in a
# temporary directory, as the postgres user, and export MONITOREO_TEST_PG so `make test` runs the
# `postgres`-marked web tests against it. The cluster is stopped and removed when the calling shell exits.
pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/initdb" ] || pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL no está instalado (paquete postgresql)" >&2; exit 2; }
pg_port=${MONITOREO_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/monitoreo-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
trap 'as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres monitoreo
export MONITOREO_TEST_PG="postgres://postgres@127.0.0.1:$pg_port/monitoreo"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') en $MONITOREO_TEST_PG"
