#!/bin/bash
# The subset of the official postgres image's entrypoint that clients (Testcontainers.PostgreSql included) rely on:
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, `-c` arguments, /docker-entrypoint-initdb.d, listening on all
# addresses on 5432, password (scram-sha-256) auth from other hosts, postgres in the foreground as the postgres user.
set -euo pipefail

# Same calling conventions as the official image: `-c x=y …` or `postgres …` runs the server, anything else is run.
if [[ "${1:-}" == -* ]]; then set -- postgres "$@"; fi
if [[ "${1:-}" != postgres ]]; then exec "$@"; fi
shift

if [[ $(id -u) -eq 0 ]]; then
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  export HOME=/var/lib/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi

user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
template=/var/lib/postgresql/template
if [[ ! -s "$PGDATA/PG_VERSION" && -z "${POSTGRES_PASSWORD:-}" ]]; then
  echo "docker-entrypoint: POSTGRES_PASSWORD must be set" >&2; exit 1
fi
# Fast path: no init scripts to run, so the build-time cluster is copied and the role and database made in
# single-user mode (no server, no socket: nothing can connect before the final server listens).
if [[ ! -s "$PGDATA/PG_VERSION" && -s "$template/PG_VERSION" && -z "$(ls -A /docker-entrypoint-initdb.d)" ]]; then
  cp -a "$template/." "$PGDATA/"
  sql() { printf '%s\n' "$1"; }
  ident() { printf '"%s"' "${1//\"/\"\"}"; }
  literal() { printf "'%s'" "${1//\'/\'\'}"; }
  {
    if [[ "$user" == postgres ]]; then sql "ALTER ROLE postgres PASSWORD $(literal "$POSTGRES_PASSWORD");"
    else sql "CREATE ROLE $(ident "$user") SUPERUSER LOGIN PASSWORD $(literal "$POSTGRES_PASSWORD");"; fi
    if [[ "$db" != postgres ]]; then sql "CREATE DATABASE $(ident "$db") OWNER $(ident "$user");"; fi
  } | postgres --single -D "$PGDATA" postgres >/dev/null
  echo 'PostgreSQL init process complete (from the build-time cluster); ready for start up.'
fi
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  # Local (socket and loopback) connections trust, as in the official image; everything else needs the password.
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --encoding=UTF8 >/dev/null
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

  # A socket-only temporary server creates the database and runs init scripts; pg_isready --host localhost
  # (Testcontainers' readiness check) therefore succeeds only once the final server listens.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$user" --dbname postgres)
  if [[ "$db" != postgres ]]; then "${psql[@]}" -v db="$db" <<<'CREATE DATABASE :"db";'; fi
  for f in /docker-entrypoint-initdb.d/*; do
    # shellcheck disable=SC1090  # user-supplied init scripts are sourced, as the official image does
    case "$f" in
      *.sh) echo "running $f"; . "$f" ;;
      *.sql) echo "running $f"; "${psql[@]}" --dbname "$db" -f "$f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo 'PostgreSQL init process complete; ready for start up.'
fi

exec postgres "$@"
