#!/usr/bin/env bash
# Run the platform locally: SQLite, database search, demo content, an admin login, a task worker.
#   ./run.sh            (PORT=8000 by default; DATABASE_URL / SEARCH_URL are honoured if set)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

PORT="${PORT:-8000}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-plattform.settings.dev}"
export BASE_URL="${BASE_URL:-http://localhost:$PORT}"

ensure_venv
say "Datenbank: $(describe_database)"
say "Suche: ${SEARCH_URL:-Datenbanksuche (kein SEARCH_URL)}"
python manage.py migrate --noinput
# Wagtail logs every created page at INFO; keep the demo import readable.
LOG_LEVEL="${LOG_LEVEL:-WARNING}" python manage.py seed_demo
# Wagtail fills its database search index through background tasks; fill it now.
LOG_LEVEL="${LOG_LEVEL:-WARNING}" python manage.py update_index
# Absolute page links (API, search results) come from the default Site: give it our port.
python manage.py shell -v0 -c "from wagtail.models import Site; \
Site.objects.filter(is_default_site=True, hostname='localhost').update(port=$PORT)"
python manage.py ensure_admin
# Background tasks (Wagtail's search index, search sync) wait in the database for a worker.
mkdir -p var
python manage.py db_worker >>var/worker.log 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
say "Task-Worker läuft (Protokoll: var/worker.log)"
say "Starte http://localhost:$PORT/ (Strg+C beendet Server und Worker)"
python manage.py runserver "0.0.0.0:$PORT"
