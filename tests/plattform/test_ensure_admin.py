"""ensure_admin gives a fresh installation a superuser whose login is printed."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def run_ensure_admin(*args: str) -> str:
    out = StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def test_creates_superuser_and_prints_working_login(client, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run_ensure_admin("--url", "http://localhost:8765/admin/")
    password = output.split("Passwort:")[1].strip()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.is_active
    assert "http://localhost:8765/admin/" in output
    assert len(password) >= 12
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_resets_password_from_environment_without_duplicating(monkeypatch):
    run_ensure_admin()
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-neues-Passwort-42")
    output = run_ensure_admin()
    user = get_user_model().objects.get(username="admin")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert user.check_password("ein-neues-Passwort-42")
    assert "zurückgesetzt" in output


def test_makes_an_existing_plain_user_superuser():
    get_user_model().objects.create_user("admin", password="x", is_active=False)
    run_ensure_admin()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_active
