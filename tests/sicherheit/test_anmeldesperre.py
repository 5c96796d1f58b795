"""Guessing passwords at the admin login: after five failures the name is locked for a while,
with a German page; other names stay open, and the lock ends by itself."""

from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from plattform.standard_pages import ensure_standard_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lockout_on")]

PASSWORD = "richtiges-passwort-2024"


@pytest.fixture
def lockout_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktion", "r@example.org", PASSWORD)


def login(client, username: str, password: str):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_the_fifth_failure_locks_the_name_with_a_german_page(client, editor):
    for _attempt in range(4):
        response = login(client, "redaktion", "geraten")
        assert response.status_code == 200  # the login form again, with its error
    response = login(client, "redaktion", "geraten")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "Nach 5 fehlgeschlagenen Anmeldeversuchen" in page
    assert "in 15 Minuten noch einmal" in page


def test_while_locked_even_the_right_password_is_refused(client, editor):
    for _attempt in range(5):
        login(client, "redaktion", "geraten")
    response = login(client, "redaktion", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_spelling_the_name_differently_does_not_reset_the_count(client, editor):
    for name in ("redaktion", "Redaktion", "REDAKTION ", " redaktion", "ReDaKtIoN"):
        response = login(client, name, "geraten")
    assert response.status_code == 429


def test_other_names_can_still_log_in(client, editor, django_user_model):
    django_user_model.objects.create_superuser("kollegin", "k@example.org", PASSWORD)
    for _attempt in range(5):
        login(client, "redaktion", "geraten")
    response = login(client, "kollegin", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_lock_ends_after_the_waiting_time(client, editor):
    for _attempt in range(5):
        login(client, "redaktion", "geraten")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = login(client, "redaktion", PASSWORD)
    assert response.status_code == 302


def test_a_successful_login_clears_earlier_failures(client, editor):
    for _attempt in range(4):
        login(client, "redaktion", "geraten")
    assert login(client, "redaktion", PASSWORD).status_code == 302
    client.logout()
    assert not AccessAttempt.objects.exists()
    for _attempt in range(4):
        assert login(client, "redaktion", "geraten").status_code == 200


def test_the_datenschutz_page_says_what_a_failure_stores_and_how_long(client, editor, home_page):
    login(client, "redaktion", "geraten")
    stored = AccessAttempt.objects.get()
    assert stored.username == "redaktion" and stored.ip_address and stored.attempt_time
    assert stored.user_agent is not None  # the browser's identification, as the page says

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    login(client, "andere", "geraten")  # the first login after the lock time
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["andere"]

    ensure_standard_pages(home_page)
    html = client.get("/datenschutz/").content.decode()
    assert "den eingegebenen Benutzernamen, die IP-Adresse, die Kennung des Browsers" in html
    assert "Nach 5 Fehlversuchen mit demselben Benutzernamen wird er für 15 Minuten" in html
