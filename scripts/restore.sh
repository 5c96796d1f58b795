#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into an EMPTY PostgreSQL database and MEDIA_ROOT.
#   scripts/restore.sh SICHERUNGSORDNER
# DATABASE_URL names the target database (create it first: createdb ...); it must have no
# tables, so a restore never mixes with live data. Afterwards: python manage.py migrate (a newer
# code version), and with SEARCH_URL python manage.py search_index --rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

source_dir="${1:-}"
[ -n "$source_dir" ] || die "Aufruf: scripts/restore.sh SICHERUNGSORDNER"
[ -f "$source_dir/datenbank.dump" ] && [ -f "$source_dir/media.tar.gz" ] \
    || die "$source_dir enthält keine Sicherung (datenbank.dump und media.tar.gz fehlen)."
[[ "${DATABASE_URL:-}" == postgres* ]] || die "DATABASE_URL muss auf PostgreSQL zeigen."
media="${MEDIA_ROOT:-media}"

tables="$(psql -X -A -t -v ON_ERROR_STOP=1 "$DATABASE_URL" \
    -c "select count(*) from information_schema.tables where table_schema = 'public'")"
[ "$tables" -eq 0 ] || die "Die Zieldatenbank ist nicht leer ($tables Tabellen); bitte in eine neue Datenbank zurückspielen."
if [ -d "$media" ] && [ -n "$(ls -A "$media")" ]; then
    die "MEDIA_ROOT ($media) ist nicht leer; bitte einen leeren Ordner angeben."
fi

say "Spiele die Datenbank zurück"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$source_dir/datenbank.dump"
say "Spiele die Medien nach $media zurück"
mkdir -p "$media"
tar -C "$media" -xzf "$source_dir/media.tar.gz"
say "Wiederherstellung fertig."
