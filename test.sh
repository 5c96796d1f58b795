#!/usr/bin/env bash
# Run the whole test suite: ruff, mypy, then pytest (extra arguments are passed to pytest).
# SQLite by default; PostgreSQL when DATABASE_URL is set, OpenSearch when SEARCH_URL is set.
#   ./test.sh                 ./test.sh tests/kommunen -x
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

ensure_venv test
export DJANGO_SETTINGS_MODULE=plattform.settings.test
say "Datenbank: $(describe_database); Suche: ${SEARCH_URL:-Datenbanksuche}"
say "ruff check ."
ruff check .
say "mypy"
mypy
say "pytest $*"
exec python -m pytest "$@"
