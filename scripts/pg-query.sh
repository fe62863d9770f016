#!/usr/bin/env bash
# Runs a query on a CSV loaded into a throwaway PostgreSQL cluster; prints the result as CSV.
#   scripts/pg-query.sh TABLE.sql DATA.csv QUERY.sql
# TABLE.sql creates the table `feedback`; the cluster lives in a temporary folder, listens on
# a Unix socket only, and is stopped and removed on exit.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "no PostgreSQL" >&2; exit 3; }
TMP=$(mktemp -d)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$TMP"
cp "$1" "$TMP/table.sql"; cp "$2" "$TMP/data.csv"; cp "$3" "$TMP/query.sql"
[ "$(id -u)" -eq 0 ] && chown postgres "$TMP"/*
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$TMP/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$TMP/data" -A trust -U postgres >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$TMP/data" -o "-k $TMP -c listen_addresses=''" -l "$TMP/log" -w start >/dev/null
PSQL=("$PGBIN/psql" -h "$TMP" -U postgres -X -q -v ON_ERROR_STOP=1)
as_pg "${PSQL[@]}" -f "$TMP/table.sql"
as_pg "${PSQL[@]}" -c "\\copy feedback FROM '$TMP/data.csv' WITH (FORMAT csv, HEADER true)"
as_pg "${PSQL[@]}" --csv -f "$TMP/query.sql"
