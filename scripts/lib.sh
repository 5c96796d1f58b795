# Shared helpers for run.sh, test.sh, .ci/run and scripts/*.sh (sourced, not executed).

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'FEHLER: %s\n' "$*" >&2; exit 1; }

# The interpreter the venv is built from: Python 3.11, as pyproject.toml requires.
find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    die "Python 3.11 wird gebraucht (Debian: apt-get install python3.11 python3.11-venv)."
}

# Create .venv if missing and install the project (with extras "$1", e.g. "test") when
# pyproject.toml changed since the last install; then activate it.
ensure_venv() {
    local extras="${1:-}" spec="." stamp hash python
    if [ ! -x .venv/bin/python ]; then
        python="$(find_python)" || exit 1
        say "Lege .venv an ($python)"
        "$python" -m venv .venv \
            || die "venv fehlgeschlagen (Debian: apt-get install python3.11-venv)."
    fi
    [ -n "$extras" ] && spec=".[$extras]"
    hash="$(sha256sum pyproject.toml | cut -c1-16)"
    stamp=".venv/.installed-${extras:-base}"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ] \
        && { [ -n "$extras" ] || [ "$(cat .venv/.installed-test 2>/dev/null)" != "$hash" ]; }; then
        say "Installiere Abhängigkeiten aus pyproject.toml ($spec)"
        PIP_DISABLE_PIP_VERSION_CHECK=1 .venv/bin/python -m pip install -q -e "$spec"
        echo "$hash" >"$stamp"
    fi
    # shellcheck disable=SC1091
    . .venv/bin/activate
}

# Install Debian packages that are missing; run apt-get update at most once, only if needed.
ensure_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "Pakete fehlen: ${missing[*]} (als root: apt-get install ${missing[*]})."
    say "Installiere Debian-Pakete: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" </dev/null >&2 \
        || { apt-get update -q </dev/null >&2 && apt-get install -y -q "${missing[@]}" </dev/null >&2; }
}

# The database in use, without its password.
describe_database() {
    if [ -n "${DATABASE_URL:-}" ]; then echo "${DATABASE_URL%%://*} (DATABASE_URL)"; else echo "SQLite"; fi
}
