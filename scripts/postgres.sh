#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for development and CI (Debian's packages).
#   scripts/postgres.sh start|stop|status
# start and status print the DATABASE_URL on their last line. Environment:
#   PGPORT (5432), PRAXISNETZ_PG_DIR (/var/tmp/praxisnetz-pg-$PGPORT).
# Data lives outside the work tree so the postgres user can reach it even when the
# clone sits in a root-only directory. Role and database: praxisnetz (CREATEDB for tests).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

PORT="${PGPORT:-5432}"
BASE="${PRAXISNETZ_PG_DIR:-/var/tmp/praxisnetz-pg-$PORT}"
DATA="$BASE/data"
BIN=/usr/lib/postgresql/15/bin
ROLE=praxisnetz

# Run a command as the cluster owner: postgres when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

owner_psql() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -d postgres "$@"
}

is_running() {
    [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

database_url() {
    echo "postgres://$ROLE:$(cat "$BASE/password")@127.0.0.1:$PORT/$ROLE"
}

init_cluster() {
    say "Lege PostgreSQL-Cluster in $DATA an"
    mkdir -p "$BASE"
    [ -f "$BASE/password" ] || head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$BASE/password"
    chmod 600 "$BASE/password"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$BASE"
    as_owner "$BIN/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >/dev/null
}

start_server() {
    local options="-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$BASE"
    # CI throws the cluster away afterwards; durability only costs time there.
    [ "${CI:-}" = "true" ] && options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        die "Port $PORT ist schon belegt (anderer PostgreSQL?). Anderen Port wählen: PGPORT=5433 $0 start"
    fi
    say "Starte PostgreSQL auf 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -o "$options" -w -t 60 start >/dev/null \
        || die "PostgreSQL startet nicht, siehe $BASE/server.log"
}

ensure_role_and_database() {
    # The password travels in the environment, not on a command line that ps would show.
    PRAXISNETZ_PG_PASSWORD="$(cat "$BASE/password")" \
        owner_psql -v role="$ROLE" <<'SQL'
\getenv pw PRAXISNETZ_PG_PASSWORD
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'role') \gexec
SQL
}

install_postgresql() {
    ensure_apt_packages postgresql-15
    # Debian's package may create and start a "main" cluster on 5432; ours replaces it.
    pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
}

cmd_start() {
    [ -x "$BIN/postgres" ] || install_postgresql
    [ -f "$DATA/PG_VERSION" ] || init_cluster
    is_running || start_server
    ensure_role_and_database
    database_url
}

cmd_stop() {
    if is_running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        say "PostgreSQL auf Port $PORT gestoppt"
    else
        say "PostgreSQL auf Port $PORT läuft nicht"
    fi
}

cmd_status() {
    if is_running; then
        say "PostgreSQL läuft auf 127.0.0.1:$PORT (Daten: $DATA)"
        database_url
    else
        say "PostgreSQL läuft nicht (Daten: $DATA)"
        exit 3
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "Aufruf: $0 start|stop|status" >&2; exit 2 ;;
esac
