#!/usr/bin/env python3
"""Looks through every file git tracks for keys, tokens and passwords that do not belong in a
repository; prints each finding (the value masked) and exits 1, else 0.

    python scripts/check_secrets.py [REPO]

Patterns of real credentials (private keys, cloud and forge tokens, a password inside a URL)
count in every file. A literal assigned to a name like SECRET_KEY or password counts outside
tests/: the tests create throwaway users in a test database, so their passwords are test-only
values by definition. Other test-only or placeholder values are listed in ALLOWED with why.
"""

import re
import subprocess
import sys
from pathlib import Path

# Values that look like secrets but are none, and why.
ALLOWED = {
    "dev-only-not-secret": "SECRET_KEY of plattform.settings.dev, for a local machine only",
    "test-only-not-secret": "SECRET_KEY of plattform.settings.test",
    "s%40cret": "an escaped test password in a SEARCH_URL, sent to a local fake server",
}
# Passwords in example URLs of the documentation (user:pw@host) and shell variables.
URL_PLACEHOLDERS = re.compile(r"^(pw|password|passwort|secret|x+|\.\.\.|[$<{].*)$", re.I)

ALWAYS = {
    "privater Schlüssel": re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----"),
    "AWS-Zugangsschlüssel": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub-Token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "GitLab-Token": re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b"),
    "Slack-Token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
    "Stripe-Schlüssel": re.compile(r"\b[sr]k_live_[A-Za-z0-9]{20,}\b"),
    "Google-API-Schlüssel": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
}
URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:([^\s@'\"/]+)@")
ASSIGNED = re.compile(
    r"""(?ix)\b(secret_key|secret|password|passwort|api_key|apikey|token|access_key)\b
    ["']?\s*[:=]\s*["']([^"'\s]{8,})["']"""
)
SKIPPED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".gz", ".xlsx", ".pdf")


def tracked_files(repo: Path) -> list[Path]:
    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True
    ).stdout
    return [repo / name for name in listed.decode().split("\0") if name]


def findings(path: Path, relative: str) -> list[str]:
    if path.suffix.lower() in SKIPPED_SUFFIXES or not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [f"{relative}:{number}: {kind}" for kind in line_findings(line, relative)]
    return found


def line_findings(line: str, relative: str) -> list[str]:
    kinds = [kind for kind, pattern in ALWAYS.items() if pattern.search(line)]
    kinds += [
        f"Passwort in einer URL ({mask(password)})"
        for password in URL_PASSWORD.findall(line)
        if not URL_PLACEHOLDERS.match(password) and password not in ALLOWED
    ]
    if not relative.startswith("tests/"):
        kinds += [
            f"{name} = {mask(value)}"
            for name, value in ASSIGNED.findall(line)
            if value not in ALLOWED and not value.startswith(("$", "{", "<", "%"))
        ]
    return kinds


def mask(value: str) -> str:
    return value[:2] + "…" if len(value) > 4 else "…"


def main(argv: list[str]) -> int:
    repo = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[1])
    try:
        files = tracked_files(repo)
    except (OSError, subprocess.CalledProcessError):
        print(f"FEHLER: {repo} ist kein git-Arbeitsverzeichnis (git ls-files).", file=sys.stderr)
        return 2
    found = [line for path in files for line in findings(path, path.relative_to(repo).as_posix())]
    for line in found:
        print(f"Mögliches Geheimnis: {line}")
    if found:
        print(f"{len(found)} Fundstelle(n): entfernen, oder als Testwert in ALLOWED begründen.")
        return 1
    print(f"Keine Geheimnisse in {len(files)} Dateien gefunden.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
