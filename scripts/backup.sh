#!/usr/bin/env bash
# Back up the platform: the PostgreSQL database (pg_dump, custom format) and MEDIA_ROOT (tar).
#   scripts/backup.sh ZIELORDNER
# Reads DATABASE_URL and MEDIA_ROOT (default: media/) like the application; writes
# ZIELORDNER/datenbank.dump, ZIELORDNER/media.tar.gz and ZIELORDNER/INFO. Restore with
# scripts/restore.sh. For cron: exits non-zero, and writes nothing half, when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

target="${1:-}"
[ -n "$target" ] || die "Aufruf: scripts/backup.sh ZIELORDNER"
[[ "${DATABASE_URL:-}" == postgres* ]] || die "DATABASE_URL muss auf PostgreSQL zeigen (die Sicherung nutzt pg_dump)."
media="${MEDIA_ROOT:-media}"
[ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ] && die "$target ist nicht leer; bitte einen neuen Ordner angeben."

work="$(mktemp -d "${target%/}.tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
say "Sichere die Datenbank"
pg_dump --format=custom --no-owner --no-privileges --file="$work/datenbank.dump" "$DATABASE_URL"
say "Sichere die Medien aus $media"
mkdir -p "$media"
tar -C "$media" -czf "$work/media.tar.gz" .
{
    echo "erstellt: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "pg_dump: $(pg_dump --version)"
    echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unbekannt)"
} >"$work/INFO"
mkdir -p "$(dirname "$target")"
rm -rf "$target"
mv "$work" "$target"
trap - EXIT
say "Sicherung fertig: $target ($(du -sh "$target" | cut -f1))"
