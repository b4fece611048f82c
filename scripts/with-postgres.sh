#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
# Run a command against a private, throw-away PostgreSQL server: own data directory, a free
# port on 127.0.0.1, torn down on exit. Sets DATABASE_URL for the command.
set -euo pipefail

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "PostgreSQL ontbreekt: installeer het Debian-pakket postgresql (als root: make system-packages)." >&2
  exit 1
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
workdir=$(mktemp -d /tmp/kompas-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root; the Debian package creates the postgres user.
  chown postgres "$workdir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$workdir/data" -U kompas --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U kompas kompas
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') draait op 127.0.0.1:$port (data in $workdir)"

DATABASE_URL="postgres://kompas@127.0.0.1:$port/kompas" "$@"
