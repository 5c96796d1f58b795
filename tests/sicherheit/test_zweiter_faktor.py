"""The optional second factor: each user may set it up; once set up, the admin needs the code
after the password, and wrong codes are slowed down."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "richtiges-passwort-2024"
VERIFY = "/admin/zweiter-faktor/"
SETUP = "/admin/zweiter-faktor/einrichten/"


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktion", "r@example.org", PASSWORD)


@pytest.fixture
def device(editor) -> TOTPDevice:
    return TOTPDevice.objects.create(user=editor, name="Authenticator-App", confirmed=True)


def password_login(client):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "redaktion", "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def test_without_a_second_factor_the_password_opens_the_admin(client, editor):
    password_login(client)
    assert client.get("/admin/").status_code == 200


def test_with_a_second_factor_the_admin_asks_for_the_code(client, device):
    password_login(client)
    for address in ("/admin/", "/admin/pages/", "/admin/images/", SETUP):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == f"{VERIFY}?next={address.replace('/', '%2F')}"
    page = client.get(VERIFY).content.decode()
    assert "Bestätigungscode eingeben" in page
    assert 'autocomplete="one-time-code"' in page


def test_outside_the_admin_a_session_owing_its_code_is_not_logged_in(client, device):
    password_login(client)
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_the_right_code_opens_the_admin_and_a_wrong_one_does_not(client, device):
    password_login(client)
    response = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # django-otp waits a second after a failure
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/").wsgi_request.user.is_authenticated


def test_guessing_codes_is_slowed_down(client, device):
    password_login(client)
    client.post(VERIFY, {"code": wrong_code(device)})
    device.refresh_from_db()
    response = client.post(VERIFY, {"code": current_code(device)})  # the right one, too soon
    assert "Zu viele falsche Codes hintereinander" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_is_good_only_once(client, device):
    code = current_code(device)
    password_login(client)
    client.post(VERIFY, {"code": code})
    client.logout()
    password_login(client)
    response = client.post(VERIFY, {"code": code})
    assert "Der Code stimmt nicht" in response.content.decode()


def test_next_never_leads_to_another_host(client, device):
    password_login(client)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_setting_it_up_shows_the_key_and_needs_password_and_code(client, editor):
    client.force_login(editor)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "Schlüssel:" in page
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)

    response = client.post(SETUP, {"passwort": "falsch", "code": current_code(pending)})
    assert "Das Passwort stimmt nicht" in response.content.decode()
    response = client.post(SETUP, {"passwort": PASSWORD, "code": wrong_code(pending)})
    assert "Der Code stimmt nicht" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    pending.refresh_from_db()
    pending.throttle_reset()
    response = client.post(SETUP, {"passwort": PASSWORD, "code": current_code(pending)})
    assert response["Location"] == reverse("wagtailadmin_account")
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").status_code == 200  # this session gave its code already


def test_the_account_page_offers_it(client, editor):
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Zwei-Faktor-Anmeldung einrichten" in page and SETUP in page


def test_switching_it_off_needs_password_and_code(client, device):
    password_login(client)
    client.post(VERIFY, {"code": current_code(device)})
    page = client.get(SETUP).content.decode()
    assert "Zwei-Faktor-Anmeldung ausschalten" in page
    device.refresh_from_db()
    device.last_t -= 1  # a fresh code for the test, as 30 seconds later
    device.save()
    response = client.post(SETUP, {"passwort": PASSWORD, "code": current_code(device)})
    assert response["Location"] == reverse("wagtailadmin_account")
    assert not TOTPDevice.objects.exists()


def test_the_administration_can_remove_a_lost_second_factor(device):
    out = StringIO()
    call_command("zweiten_faktor_entfernen", "redaktion", stdout=out)
    assert "Zwei-Faktor-Anmeldung von „redaktion“ entfernt." in out.getvalue()
    assert not TOTPDevice.objects.exists()
