"""`plattform.settings.production`, configured from the environment alone, passes Django's
deployment check without a single warning; HTTPS can be left to a TLS-terminating proxy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def production_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What an operator sets: a fresh secret, a database, the host, mail and the proxy."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "HOME", "LANG", "VIRTUAL_ENV", "PYTHONPATH")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="plattform.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'produktion.sqlite3'}",
        ALLOWED_HOSTS="praxisnetz.example",
        BASE_URL="https://praxisnetz.example",
        EMAIL_URL="submission://praxisnetz@mail.example:587",
        DEFAULT_FROM_EMAIL="Praxisnetz Integration <noreply@praxisnetz.example>",
        TRUSTED_PROXIES="127.0.0.1,::1",
    )
    environment.update(extra)
    return environment


def python(code: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def deploy_check(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_setting(environment: dict[str, str], *names: str) -> list[str]:
    """The values of settings as production computes them from `environment` (the settings
    module alone, without starting Django: quicker, and enough for computed values)."""
    code = (
        "import plattform.settings.production as settings; "
        f"print('\\n'.join(repr(getattr(settings, name)) for name in {names!r}))"
    )
    done = python(code, environment)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_deploy_check_passes_without_a_warning(tmp_path):
    done = deploy_check(production_environment(tmp_path))
    assert done.returncode == 0, done.stderr + done.stdout
    # Silenced: only axes.W006 (plattform/settings/base.py says why).
    assert "System check identified no issues (1 silenced)." in done.stdout


def test_https_redirect_and_hsts_are_on_by_default(tmp_path):
    values = production_setting(
        production_environment(tmp_path),
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    )
    assert values == ["True", "31536000", "True", "True", "True"]


def test_a_tls_proxy_may_take_over_redirect_and_hsts(tmp_path):
    environment = production_environment(
        tmp_path, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0"
    )
    assert production_setting(environment, "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS") == [
        "False",
        "0",
    ]
    done = deploy_check(environment)
    assert done.returncode == 0, done.stderr + done.stdout


def test_forwarded_proto_is_trusted_only_with_a_configured_proxy(tmp_path):
    with_proxy = production_environment(tmp_path)
    without_proxy = production_environment(tmp_path, TRUSTED_PROXIES="")
    assert production_setting(with_proxy, "SECURE_PROXY_SSL_HEADER") == [
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    ]
    assert production_setting(without_proxy, "SECURE_PROXY_SSL_HEADER") == ["None"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECURE_SSL_REDIRECT", "vielleicht"),
        ("SECURE_HSTS_SECONDS", "ein Jahr"),
        ("TRUSTED_PROXIES", "proxy.example"),
    ],
)
def test_a_meaningless_value_stops_the_start(tmp_path, name, value):
    environment = production_environment(tmp_path, **{name: value})
    done = python("import plattform.settings.production", environment)
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and name in done.stderr
