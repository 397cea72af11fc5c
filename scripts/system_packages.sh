#!/usr/bin/env bash
# Install the Debian packages a make target needs, when they are missing (called by the Makefile).
#   system_packages.sh python  — Python 3.11 with its venv module (make setup / make demo need nothing more)
#   system_packages.sh test    — plus what the tests drive: chromium (browser tests), PostgreSQL (the
#                                `postgres` tests run on a throw-away cluster), a Java runtime (Spark path)
# As root with apt-get they are installed; otherwise the missing ones are named and the exit code is 2.
# No PDF tool is needed: the importer reads PDFs with pypdfium2 (docs/ficha-import.md «How it reads»).
set -euo pipefail
py=${PY:-python3.11}
need=()
command -v "$py" >/dev/null || need+=("$py")
if command -v "$py" >/dev/null && ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then need+=("$py-venv"); fi
if [ "${1:-python}" = test ]; then
  command -v chromium >/dev/null || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v java >/dev/null || need+=(default-jre-headless)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Instalando paquetes del sistema: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  # The postgresql package may start its own cluster; the tests use a throw-away one on another port.
  exit 0
fi
echo "Faltan paquetes del sistema: ${need[*]} (instálelos con apt-get como root, o ejecute make como root)" >&2
exit 2
