#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL (Debian's postgresql package, the newest installed version):
# a cluster in a temporary directory, as the postgres user when run as root, listening on 127.0.0.1 only
# (port MONITOREO_PG_PORT, default 55432). MONITOREO_TEST_PG is exported for the `postgres`-marked tests;
# the cluster is stopped and removed when the command ends, whatever its exit code (which is returned).
# With MONITOREO_TEST_PG already set, the command runs on that database and nothing is started.
set -euo pipefail
[ $# -gt 0 ] || { echo "uso: with_postgres.sh COMANDO [ARGUMENTOS…]" >&2; exit 2; }
[ -n "${MONITOREO_TEST_PG:-}" ] && exec "$@"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL no está instalado (paquete postgresql; make test lo instala como root)" >&2; exit 2; }
pg_port=${MONITOREO_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/monitoreo-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres monitoreo
export MONITOREO_TEST_PG="postgres://postgres@127.0.0.1:$pg_port/monitoreo"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') en $MONITOREO_TEST_PG (temporal)"
set +e
"$@"
status=$?
exit $status
