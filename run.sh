#!/usr/bin/env bash
# Run the platform locally: SQLite, database search, demo content, an admin login, a task worker.
#   ./run.sh            (PORT=8000, HOST=127.0.0.1 by default; DATABASE_URL / SEARCH_URL are
#                        honoured if set; HOST=0.0.0.0 serves every network interface)
# Each step prints one line (details in var/*.log); the logins come last, right before the server.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

PORT="${PORT:-8000}"
HOST="${HOST:-127.0.0.1}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-plattform.settings.dev}"
export BASE_URL="${BASE_URL:-http://localhost:$PORT}"
# Wagtail logs every created page at INFO; the set-up steps log warnings only.
setup_log_level="${LOG_LEVEL:-WARNING}"

# Run a command with its output in var/NAME.log; on failure show the log's end and stop.
logged() {
    local name="$1"
    shift
    if ! "$@" >"var/$name.log" 2>&1; then
        tail -n 30 "var/$name.log" >&2
        die "$name fehlgeschlagen (Protokoll: var/$name.log)"
    fi
}

# runserver's address: an IPv6 host needs brackets.
listen_address() {
    case "$HOST" in *:*) echo "[$HOST]:$PORT" ;; *) echo "$HOST:$PORT" ;; esac
}

ensure_venv
mkdir -p var
say "Datenbank: $(describe_database)"
say "Suche: ${SEARCH_URL:-Datenbanksuche (kein SEARCH_URL)}"
logged migrate python manage.py migrate --noinput
say "Migrationen: $(grep -c '^  Applying ' var/migrate.log || true) angewandt (var/migrate.log)"
LOG_LEVEL="$setup_log_level" python manage.py seed_demo --ohne-zugaenge
# Wagtail fills its database search index through background tasks; fill it now.
LOG_LEVEL="$setup_log_level" logged update_index python manage.py update_index
say "Suchindex: $(sed -n 's/.*indexed \([0-9]*\) objects.*/\1/p' var/update_index.log | tail -n 1) Objekte indexiert (var/update_index.log)"
# Absolute page links (API, search results) come from the default Site: give it our port.
python manage.py shell -v0 -c "from wagtail.models import Site; \
Site.objects.filter(is_default_site=True, hostname='localhost').update(port=$PORT)"
# Background tasks (Wagtail's search index, search sync) wait in the database for a worker.
python manage.py db_worker >>var/worker.log 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
say "Task-Worker läuft (Protokoll: var/worker.log)"
say "Server: $BASE_URL/ an $(listen_address) (Strg+C beendet Server und Worker)"
LOG_LEVEL="$setup_log_level" python manage.py ensure_admin --demo
python manage.py runserver "$(listen_address)"
