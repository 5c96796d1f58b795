#!/usr/bin/env bash
# Dependency audit: pip-audit (pinned in pyproject.toml, extra "audit", installed into its own
# venv var/audit-venv) checks every package installed in .venv against a vulnerability database.
#   scripts/audit.sh                       # PyPI's advisory data (pypi.org JSON API)
#   AUDIT_SERVICE=osv scripts/audit.sh     # the OSV database (api.osv.dev)
# Exit status: 0 no known vulnerability, 1 vulnerabilities found (listed), 3 no database
# reachable: then nothing was checked, and the script says so instead of reporting success.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

service="${AUDIT_SERVICE:-pypi}"
case "$service" in
    # pip-audit asks for each package's exact version, so the probe does too.
    pypi) host=pypi.org; probe_url="https://pypi.org/pypi/pip/24.0/json"; probe_data="" ;;
    osv) host=api.osv.dev; probe_url="https://api.osv.dev/v1/query"
         probe_data='{"package": {"name": "pip", "ecosystem": "PyPI"}, "version": "20.0"}' ;;
    *) die "AUDIT_SERVICE muss pypi oder osv sein, nicht „$service“." ;;
esac

# The packages to audit are those installed in .venv (./run.sh or ./test.sh makes it); the
# audit installs nothing there.
[ -x .venv/bin/python ] || die ".venv fehlt: erst ./run.sh oder ./test.sh ausführen."
# shellcheck disable=SC1091
. .venv/bin/activate
# Reachable means: the database answers a question about a known package with advisory data.
# A proxy that only lets package downloads through answers the JSON API with 404; pip-audit
# would then skip every package (or, with --strict, fail as if something were found).
if ! reason="$(python - "$probe_url" "$probe_data" 2>&1 <<'PY'
import json, sys, urllib.error, urllib.request
url, data = sys.argv[1], sys.argv[2]
request = urllib.request.Request(url, data=data.encode() or None,
                                 headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request, timeout=15) as answer:
        body = json.load(answer)
except urllib.error.HTTPError as error:
    sys.exit(f"HTTP {error.code}")
except (urllib.error.URLError, OSError, ValueError) as error:
    sys.exit(str(getattr(error, "reason", error)))
if not isinstance(body, dict) or not ("vulnerabilities" in body or "vulns" in body or body == {}):
    sys.exit("die Antwort enthält keine Schwachstellendaten")
PY
)"; then
    printf 'Keine Schwachstellendatenbank erreichbar (%s: %s).\n' "$probe_url" "${reason:-unbekannter Fehler}" >&2
    printf 'Die Abhängigkeiten wurden NICHT auf bekannte Schwachstellen geprüft.\n' >&2
    printf 'Auf einem Rechner mit Zugang zu %s erneut ausführen (oder mit AUDIT_SERVICE=%s).\n' \
        "$host" "$([ "$service" = pypi ] && echo osv || echo pypi)" >&2
    exit 3
fi

tool=var/audit-venv
spec="$(python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["audit"][0])')"
if [ "$("$tool/bin/pip-audit" --version 2>/dev/null)" != "pip-audit ${spec#*==}" ]; then
    say "Installiere $spec nach $tool"
    [ -x "$tool/bin/python" ] || "$(find_python)" -m venv "$tool"
    "$tool/bin/python" -m pip install -q "$spec" \
        || die "$spec ließ sich nicht installieren (Paketquelle nicht erreichbar?)."
fi

mkdir -p var
requirements=var/audit-requirements.txt
python -m pip freeze --exclude-editable >"$requirements"
say "Prüfe $(wc -l <"$requirements") Pakete aus .venv mit $spec gegen $service"
status=0
"$tool/bin/pip-audit" --requirement "$requirements" --no-deps --disable-pip --strict \
    --vulnerability-service "$service" --progress-spinner off 2> >(tee var/audit.log >&2) \
    || status=$?
wait
if [ "$status" -ne 0 ] && grep -q "could not be audited" var/audit.log; then
    say "Nicht jedes Paket ließ sich prüfen (siehe oben): die Prüfung ist unvollständig."
    exit 3
fi
case "$status" in
    0) say "Keine bekannten Schwachstellen." ;;
    1) say "Bekannte Schwachstellen gefunden (Liste oben): Pakete aktualisieren und in pyproject.toml neu festlegen." ;;
    *) say "Die Prüfung brach ab (Status $status); siehe die Meldung oben." ;;
esac
exit "$status"
