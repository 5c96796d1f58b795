"""The public Mitmachen page: a municipality asks to take part, without JavaScript as well."""

import time

from django.core import mail, signing
from django.urls import reverse

import pytest

from kommunen.factories import KommuneFactory
from plattform import formschutz
from zugaenge.models import Status, Teilnahmeanfrage

URL = "/mitmachen/"


def shown_long_ago() -> str:
    """The signed timestamp of a form shown a minute ago (past the minimum fill time)."""
    return signing.dumps(time.time() - 60, salt=formschutz._SALT)


def form_data(**fields) -> dict[str, str]:
    return {
        "name": "Erika Muster",
        "funktion": "Integrationsbeauftragte",
        "email": "muster@bargfeld-stegen.example",
        "kommune": "Bargfeld-Stegen",
        "nachricht": "Wir haben ein Sprachcafé.",
        "website": "",
        "angezeigt": shown_long_ago(),
        **fields,
    }


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, form_data(**fields), REMOTE_ADDR="192.0.2.10")

    return post


def test_the_form_has_labelled_fields_a_privacy_notice_and_the_autocomplete(client, people):
    html = client.get(URL).content.decode()
    for label in ("Ihr Name", "Ihre Funktion", "Dienstliche E-Mail-Adresse", "Kommune"):
        assert f">{label}</label>" in html
    assert 'list="id_kommune-vorschlaege"' in html
    assert 'data-vorschlaege-url="/suche/kommunen/"' in html
    assert '<datalist id="id_kommune-vorschlaege"></datalist>' in html
    assert 'aria-describedby="id_email_helptext"' in html
    assert "Wir speichern Ihren Namen, Ihre Funktion" in html
    assert "180 Tage nach der Entscheidung" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="website"' in html


def test_the_form_sets_only_the_csrf_cookie_and_says_so(client, people, settings):
    response = client.get(URL)
    assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    assert (
        f"technisch notwendiges Cookie ({settings.CSRF_COOKIE_NAME})" in response.content.decode()
    )


def test_a_request_waits_for_the_kreis_coordination_and_it_is_told(send, people):
    response = send()
    assert response.status_code == 302 and response.url == reverse("zugaenge:danke")
    anfrage = Teilnahmeanfrage.objects.get()
    assert anfrage.kommune == people.unregistered_x
    assert (anfrage.name, anfrage.status) == ("Erika Muster", Status.OFFEN)
    (message,) = mail.outbox
    assert message.to == ["stormarn@example.org"]
    assert message.subject == "Neue Teilnahmeanfrage: Bargfeld-Stegen"
    assert f"/admin/zugaenge/anfragen/{anfrage.pk}/" in message.body


def test_the_confirmation_page_says_what_happens_next(client, send, people):
    page = client.get(send().url).content.decode()
    assert "Vielen Dank für Ihre Anfrage" in page
    assert "Einladung" in page


def test_a_kreisfreie_stadt_asks_the_platform_team(send, people):
    KommuneFactory(ags="01002000", name="Kiel", typ="kreisfreie_stadt")
    send(kommune="Kiel", email="lotse@kiel.example")
    assert [message.to for message in mail.outbox] == [["plattform@example.org"]]


def test_a_kreis_without_coordinators_asks_the_platform_team(send, people):
    people.coordinator_y.groups.clear()
    send(kommune="Alt Mölln", email="lotse@alt-moelln.example")
    assert Teilnahmeanfrage.objects.get().kommune == people.unregistered_y
    assert [message.to for message in mail.outbox] == [["plattform@example.org"]]


def test_the_suggestion_with_its_ags_is_understood(send, people):
    send(kommune="Bargfeld-Stegen (01062009)")
    assert Teilnahmeanfrage.objects.get().kommune.ags == "01062009"


def test_an_ambiguous_name_offers_the_kommunen_to_choose_from(client, send, people):
    KommuneFactory(ags="01062010", name="Bargfeld, Dorf", kreis=people.unregistered_x.kreis)
    response = send(kommune="Bargf")
    html = response.content.decode()
    assert response.status_code == 200
    assert "„Bargf“ passt auf mehrere Kommunen" in html
    assert 'name="kommune_ags" id="kommune-wahl-01062009" value="01062009"' in html
    assert 'id="kommune-wahl-01062010"' in html
    assert not Teilnahmeanfrage.objects.exists()
    send(kommune="Bargf", kommune_ags="01062010")
    assert Teilnahmeanfrage.objects.get().kommune.ags == "01062010"


def test_an_unknown_name_is_a_german_error_tied_to_the_field(send, people):
    html = send(kommune="Nirgendwo am See").content.decode()
    assert "Keine Kommune mit dem Namen „Nirgendwo am See“ gefunden." in html
    assert 'aria-describedby="id_kommune_helptext id_kommune_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Teilnahmeanfrage.objects.exists()


def test_a_missing_field_is_named_in_german(send, people):
    html = send(email="").content.decode()
    assert "Dienstliche E-Mail-Adresse: Dieses Feld muss ausgefüllt werden." in html
    assert 'value="Bargfeld-Stegen (01062009)"' in html  # resolved, kept for the next try


def test_the_same_open_request_is_stored_once(send, people):
    send()
    send(email="MUSTER@bargfeld-stegen.example")
    assert Teilnahmeanfrage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_filled_honeypot_is_turned_away(send, people):
    html = send(website="http://spam.example").content.decode()
    assert "Ihre Nachricht wurde nicht angenommen." in html
    assert not Teilnahmeanfrage.objects.exists()


def test_a_form_sent_at_once_is_turned_away(send, people):
    html = send(angezeigt=signing.dumps(time.time(), salt=formschutz._SALT)).content.decode()
    assert "Das ging sehr schnell." in html
    assert not Teilnahmeanfrage.objects.exists()


def test_the_sixth_request_within_an_hour_gets_a_429_in_german(send, people):
    for n in range(5):
        assert send(email=f"person{n}@bargfeld-stegen.example").status_code == 302
    response = send(email="person6@bargfeld-stegen.example")
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert Teilnahmeanfrage.objects.count() == 5


def test_home_page_and_footer_link_to_mitmachen(client, people):
    html = client.get("/").content.decode()
    assert html.count('href="/mitmachen/"') == 2  # the home page's invitation and the footer
    assert 'href="/mitmachen/"' in client.get(people.moelln.url).content.decode()
