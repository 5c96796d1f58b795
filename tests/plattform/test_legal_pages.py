"""Impressum, Datenschutz and Barrierefreiheit render the operator's details from the settings.

They used to show "[Bitte ergänzen: …]" to the public. Now the details are fields of the site
settings, the demo fills them with fictional values, and a system check (plattform.W001) warns
in production while required ones are empty.
"""

import hashlib
import importlib
from datetime import date

from django.apps import apps
from django.core import checks
from django.test import override_settings

from wagtail.models import Revision

import pytest

from plattform.checks import check_operator_details
from plattform.demo.operator import DEMO_OPERATOR_DETAILS, set_operator_details
from plattform.demo.seed import _set_up_platform
from plattform.models import PlattformEinstellungen, StandardPage
from plattform.standard_pages import ensure_standard_pages

pytestmark = pytest.mark.django_db

LEGAL_PAGES = ("/impressum/", "/datenschutz/", "/barrierefreiheit/")
OPERATOR_DETAILS = {
    "betreiber": "Landkreis Musterland",
    "anschrift": "Kreishaus\nAm Markt 5\n54321 Musterhausen",
    "vertretung": "Landrätin Petra Probe",
    "telefon": "05432 100-0",
    "kontakt_email": "integration@musterland.example.org",
    "verantwortlich_inhalt": "Paul Probe, Am Markt 5, 54321 Musterhausen",
    "datenschutzbeauftragte": "Behördlicher Datenschutz, datenschutz@musterland.example.org",
    "aufsichtsbehoerde": "Landesbeauftragte für Datenschutz Musterland",
    "protokoll_speicherdauer_tage": 14,
    "barrierefreiheit_pruefung": "BITV-Test durch Prüfstelle Probe",
    "barrierefreiheit_geprueft_am": date(2025, 3, 1),
    "barrierefreiheit_erstellt_am": date(2025, 2, 1),
    "schlichtungsstelle": "Ombudsstelle Barrierefreiheit Musterland",
}


def operator_settings(home_page, **values) -> PlattformEinstellungen:
    ensure_standard_pages(home_page)
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    for name, value in values.items():
        setattr(platform_settings, name, value)
    platform_settings.save()
    return platform_settings


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_legal_pages_show_the_operators_details(client, home_page):
    operator_settings(home_page, **OPERATOR_DETAILS)
    impressum, datenschutz, barrierefreiheit = (page_text(client, url) for url in LEGAL_PAGES)
    assert "Landkreis Musterland" in impressum
    assert "Kreishaus<br>Am Markt 5<br>54321 Musterhausen" in impressum
    assert "Vertreten durch: Landrätin Petra Probe" in impressum
    assert "05432 100-0" in impressum and "mailto:integration@musterland.example.org" in impressum
    assert "§ 18 Abs. 2 MStV" in impressum and "Paul Probe" in impressum
    assert "Statistisches Bundesamt (Destatis)" in impressum  # the editors' text follows
    assert 'href="mailto:datenschutz@musterland.example.org"' in datenschutz
    assert "Landesbeauftragte für Datenschutz Musterland" in datenschutz
    assert "nach 14 Tagen gelöscht" in datenschutz
    assert "Ihre Rechte" in datenschutz  # the editors' text
    assert "Landkreis Musterland ist bemüht" in barrierefreiheit
    assert "Diese Erklärung wurde am 1. Februar 2025 erstellt." in barrierefreiheit
    assert "BITV-Test durch Prüfstelle Probe, zuletzt am 1. März 2025." in barrierefreiheit
    assert "Ombudsstelle Barrierefreiheit Musterland" in barrierefreiheit
    assert "Stand der Vereinbarkeit" in barrierefreiheit  # the editors' text


def test_no_placeholder_reaches_the_public_even_with_empty_settings(client, home_page):
    operator_settings(home_page)
    for url in LEGAL_PAGES:
        html = page_text(client, url)
        assert "Bitte ergänzen" not in html and "[" not in html.split("<main")[1], url


def test_datenschutz_names_the_cookies_as_configured(client, home_page):
    operator_settings(home_page)
    html = page_text(client, "/datenschutz/")
    assert "Öffentliche Seiten setzen keine Cookies" in html
    assert "<code>sessionid</code>" in html and "gültig: 14 Tage" in html
    assert "<code>csrftoken</code>" in html and "<code>messages</code>" in html
    with override_settings(
        SESSION_COOKIE_NAME="praxisnetz_sitzung",
        SESSION_EXPIRE_AT_BROWSER_CLOSE=True,
        CSRF_USE_SESSIONS=True,
        MESSAGE_STORAGE="django.contrib.messages.storage.session.SessionStorage",
    ):
        html = page_text(client, "/datenschutz/")
    assert "<code>praxisnetz_sitzung</code>" in html
    assert "gültig: bis zum Schließen des Browsers" in html
    assert "csrftoken" not in html and "<code>messages</code>" not in html


def test_the_page_the_footer_links_as_impressum_is_the_impressum(client, home_page):
    platform_settings = operator_settings(home_page, betreiber="Stadt Probe")
    other = home_page.add_child(
        instance=StandardPage(title="Anbieter", slug="anbieter", text="<p>Wer wir sind.</p>")
    )
    assert "Angaben gemäß § 5 DDG" not in page_text(client, other.url)
    platform_settings.impressum = other
    platform_settings.save()
    html = page_text(client, other.url)
    assert "Angaben gemäß § 5 DDG" in html and "Stadt Probe" in html
    assert "Wer wir sind." in html
    assert "Angaben gemäß § 5 DDG" not in page_text(client, "/impressum/")


def operator_warnings(**kwargs) -> list[checks.CheckMessage]:
    return [
        message
        for message in checks.run_checks(tags=[checks.Tags.database], **kwargs)
        if message.id == "plattform.W001"
    ]


def test_check_warns_in_production_while_details_are_missing(home_page):
    operator_settings(home_page, betreiber="Stadt Probe")
    with override_settings(DEBUG=False):
        (warning,) = operator_warnings(databases=["default"])
        assert warning.level == checks.WARNING
        assert (
            "Anschrift" in warning.msg and "Zuständige Datenschutz-Aufsichtsbehörde" in warning.msg
        )
        assert "Betreiber," not in warning.msg
        assert operator_warnings() == []  # no database checks asked for: no query
    with override_settings(DEBUG=True):
        assert operator_warnings(databases=["default"]) == []


def test_check_is_quiet_once_every_detail_is_filled(home_page):
    operator_settings(home_page, **OPERATOR_DETAILS)
    with override_settings(DEBUG=False):
        assert check_operator_details(None, databases=["default"]) == []


def test_check_warns_for_a_site_without_settings_and_creates_none(home_page):
    assert not PlattformEinstellungen.objects.exists()
    with override_settings(DEBUG=False):
        (warning,) = operator_warnings(databases=["default"])
    assert "Betreiber" in warning.msg
    assert not PlattformEinstellungen.objects.exists()


def test_demo_fills_every_required_detail_with_fictional_values(client, home_page):
    _set_up_platform()
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    assert platform_settings.missing_details() == []
    with override_settings(DEBUG=False):
        assert check_operator_details(None, databases=["default"]) == []
    impressum = page_text(client, "/impressum/")
    assert "Musterstraße 1<br>12345 Musterstadt" in impressum and "(Demo)" in impressum
    for url in LEGAL_PAGES:
        assert "Bitte ergänzen" not in page_text(client, url)


def test_demo_keeps_details_the_operator_entered(home_page):
    operator_settings(home_page, anschrift="Echte Straße 9\n99999 Echtstadt")
    filled = set_operator_details(home_page.get_site())
    assert filled == len(DEMO_OPERATOR_DETAILS) - 1
    assert set_operator_details(home_page.get_site()) == 0
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    assert platform_settings.anschrift == "Echte Straße 9\n99999 Echtstadt"
    assert platform_settings.telefon == DEMO_OPERATOR_DETAILS["telefon"]


def test_migration_replaces_unchanged_placeholder_texts_only(home_page, monkeypatch):
    migration = importlib.import_module(
        "plattform.migrations.0006_legal_texts_without_placeholders"
    )
    shipped = "<p>[Bitte ergänzen: Anschrift]</p>"
    digest = hashlib.sha256(shipped.encode()).hexdigest()
    monkeypatch.setattr(migration, "REPLACEMENTS", {digest: "<p>Neu.</p>"})
    untouched = home_page.add_child(instance=StandardPage(title="A", slug="a", text=shipped))
    untouched.save_revision().publish()
    edited = home_page.add_child(instance=StandardPage(title="B", slug="b", text=shipped))
    edited.text = "<p>[Bitte ergänzen: Anschrift]</p><p>Eigener Zusatz.</p>"
    edited.save_revision().publish()

    migration.replace_placeholder_texts(apps, None)

    assert StandardPage.objects.get(pk=untouched.pk).text == "<p>Neu.</p>"
    assert StandardPage.objects.get(pk=edited.pk).text.endswith("Eigener Zusatz.</p>")
    revision = Revision.objects.get(pk=StandardPage.objects.get(pk=untouched.pk).latest_revision_id)
    assert revision.as_object().text == "<p>Neu.</p>"


def test_datenschutz_names_the_forms_that_store_data_and_how_long(client, home_page):
    from zugaenge.requests import RETENTION_DAYS

    operator_settings(home_page)
    html = page_text(client, "/datenschutz/")
    assert "„Kontakt aufnehmen“, „Mitmachen“" in html
    assert f"{RETENTION_DAYS} Tage nach der Entscheidung" in html
