"""The README's table names every environment variable the settings read."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READS = re.compile(r"""(?:os\.environ\.get|os\.environ\[|env_\w+)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read() -> set[str]:
    settings = (REPO / "plattform" / "settings").glob("*.py")
    return {name for path in settings for name in READS.findall(path.read_text())}


def test_every_variable_the_settings_read_is_in_the_readme():
    readme = (REPO / "README.md").read_text()
    assert {"TRUSTED_PROXIES", "SECURE_SSL_REDIRECT", "LOGIN_FAILURE_LIMIT"} <= variables_read()
    assert sorted(name for name in variables_read() if f"`{name}`" not in readme) == []
