"""No key, token or password in the repository (scripts/check_secrets.py)."""

import importlib.util
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "check_secrets.py"

_spec = importlib.util.spec_from_file_location("check_secrets", SCRIPT)
assert _spec and _spec.loader
check_secrets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_secrets)


def git_repo(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    subprocess.run(["git", "-C", str(path), "add", "."], check=True)
    return path


def test_the_repository_holds_no_secret(capsys):
    assert check_secrets.main(["check_secrets.py", str(REPO)]) == 0
    assert "Keine Geheimnisse" in capsys.readouterr().out


def test_planted_secrets_are_found_and_documented_test_values_are_not(tmp_path, capsys):
    key_header = "-----BEGIN " + "OPENSSH PRIVATE KEY-----"  # split: this file is scanned too
    repo = git_repo(
        tmp_path,
        {
            "deploy/id_ed25519": f"{key_header}\nb3BlbnNzaC1rZXktdjEAAAAA\n",
            "plattform/settings/local.py": 'SECRET_KEY = "k8#2hf9sd0f8asdf"\n',
            "docs/mail.md": "EMAIL_URL=submission://praxis:" + "Herbst2024!@mail.example.org\n",
            "scripts/upload.sh": "export AWS_KEY=" + "AKIA" + "ABCDEFGHIJKLMNOP\n",
            "README.md": "DATABASE_URL=postgres://user:pw@host:5432/db\n",
            "plattform/settings/dev.py": 'SECRET_KEY = "dev-only-not-secret"\n',
            "tests/test_login.py": 'PASSWORD = "offline-test-passwort"\n',
        },
    )
    assert check_secrets.main(["check_secrets.py", str(repo)]) == 1
    out = capsys.readouterr().out
    assert "deploy/id_ed25519:1: privater Schlüssel" in out
    assert "plattform/settings/local.py:1: SECRET_KEY = k8…" in out
    assert "docs/mail.md:1: Passwort in einer URL (He…)" in out
    assert "scripts/upload.sh:1: AWS-Zugangsschlüssel" in out
    assert "Herbst2024" not in out  # findings are masked
    for clean in ("README.md", "dev.py", "tests/test_login.py"):
        assert clean not in out
    assert "4 Fundstelle(n)" in out
