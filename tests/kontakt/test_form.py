"""The "Kontakt aufnehmen" form at `<page url>kontakt/`: GET shows it, POST sends it."""

from django.core import mail
from django.test import Client

import pytest

from kommunen.factories import KommuneFactory
from kontakt.forms import KontaktForm
from kontakt.models import Anliegen, Kontaktanfrage
from kontakt.views import contact_url
from plattform import formschutz
from tests.kontakt.conftest import SENDER, form_data, shown

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("name", ["entry", "ahrensburg", "kreis"])
def test_entries_profiles_and_landkreise_have_the_form(client, world, name):
    page = world.entry if name == "entry" else getattr(world, name)
    assert contact_url(page) == f"{page.url}kontakt/"
    response = client.get(contact_url(page))
    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Kontakt aufnehmen</h1>" in html
    for field in ("name", "email", "kommune", "anliegen", "nachricht", "einwilligung"):
        assert f'name="{field}"' in html, field
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="website"' in html and 'name="angezeigt"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["entry", "ahrensburg", "kreis"])
def test_the_page_links_its_form(client, world, name):
    page = world.entry if name == "entry" else getattr(world, name)
    html = html_of(client.get(page.url))
    assert f'href="{page.url}kontakt/"' in html
    assert ">Kontakt aufnehmen</a>" in html


def test_the_anliegen_are_the_four_of_the_issue_with_german_labels(client, world):
    offered = [(choice.data["value"], choice.choice_label) for choice in KontaktForm()["anliegen"]]
    assert offered == [
        ("frage", "Frage"),
        ("hospitation", "Hospitation (Besuch vor Ort)"),
        ("uebernahme", "Übernahme"),
        ("sonstiges", "Sonstiges"),
    ]
    html = html_of(client.get(contact_url(world.entry) + "?anliegen=uebernahme"))
    assert 'value="uebernahme" id="id_anliegen_2" required checked' in html


def test_the_form_states_what_is_stored_who_receives_it_and_how_long(client, world, settings):
    settings.KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE = 90
    html = html_of(client.get(contact_url(world.entry)))
    assert "Datenschutzhinweis" in html
    assert "Ihr Name, Ihre E-Mail-Adresse, Ihre Kommune" in html
    assert "Per E-Mail an die Kontaktperson dieses Praxisbeispiels" in html
    assert (
        "sehen die gespeicherte Anfrage nur die Redaktion von Bargteheide, die "
        "Kreiskoordination (Kreis Stormarn) und die Plattform-Redaktion."
    ) in html
    assert "löscht die gespeicherte Anfrage nach 90 Tagen" in html
    assert "Art. 6 Abs. 1 Buchst. a DSGVO" in html


def test_for_a_kreisfreie_stadt_the_notice_names_no_kreis(client, world):
    html = html_of(client.get(contact_url(world.schwerin)))
    assert (
        "Per E-Mail an das Team der Plattform, das sie an die Kommune Schwerin weitergibt" in html
    )
    assert "nur die Redaktion von Schwerin und die Plattform-Redaktion." in html


def test_a_complete_message_is_stored_and_confirmed(send, world):
    response = send(world.entry, kommune="Ahrensburg")
    assert response.status_code == 302
    assert response["Location"] == f"{world.entry.url}kontakt/?gesendet=1"
    anfrage = Kontaktanfrage.objects.get()
    assert (anfrage.page.pk, anfrage.empfaenger_kommune) == (
        world.entry.pk,
        world.bargteheide.kommune,
    )
    assert (anfrage.name, anfrage.email, anfrage.anliegen) == (
        "Hanna Besucherin",
        SENDER,
        Anliegen.HOSPITATION,
    )
    assert anfrage.kommune == world.ahrensburg.kommune
    assert anfrage.kommune_eingabe == "Ahrensburg"
    assert anfrage.einwilligung and anfrage.zugestellt and anfrage.zugestellt_am
    assert anfrage.erinnert_am is None


def test_the_confirmation_page_thanks_without_an_address(send, world):
    response = send(world.entry, follow=True)
    html = html_of(response)
    assert response.status_code == 200
    assert "Vielen Dank, Ihre Nachricht ist angekommen" in html
    assert "an die Kontaktperson dieses Praxisbeispiels" in html
    assert world.entry.kontakt_email not in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Bitte geben Sie Ihren Namen an."),
        ("name", "   ", "Bitte geben Sie Ihren Namen an."),
        ("email", "", "Bitte geben Sie Ihre E-Mail-Adresse an."),
        (
            "email",
            "hanna@",
            "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.",
        ),
        ("anliegen", None, "Bitte wählen Sie Ihr Anliegen."),
        ("anliegen", "spam", "Bitte wählen Sie eines der genannten Anliegen."),
        ("nachricht", "", "Bitte schreiben Sie Ihre Nachricht."),
        (
            "nachricht",
            "x" * 5001,
            "Die Nachricht ist zu lang: höchstens 5000 Zeichen (jetzt 5001).",
        ),
        (
            "einwilligung",
            None,
            "Ohne Ihre Einwilligung können wir die Nachricht nicht weitergeben. "
            "Bitte setzen Sie das Häkchen.",
        ),
        ("kommune", "Gibtsnichtdorf", "Keine Kommune mit dem Namen „Gibtsnichtdorf“ gefunden."),
        ("kommune", "09999999", "Es gibt keine Kommune mit dem Gemeindeschlüssel „09999999“."),
    ],
)
def test_every_mistake_gets_a_german_message_tied_to_its_field(send, world, field, value, message):
    response = send(world.entry, **{field: value})
    assert response.status_code == 200
    html = html_of(response)
    assert html.count(message) == 2  # in the summary at the top and at the field
    target = "id_anliegen_0" if field == "anliegen" else f"id_{field}"
    assert f'<a href="#{target}">{message}</a>' in html
    assert f'id="id_{field}_error"' in html
    if field == "anliegen":
        assert f'aria-describedby="id_{field}_error"' in html  # on the fieldset
    else:
        assert f'aria-invalid="true" aria-describedby="{_described_by(field)}"' in html
    assert "<title>Fehler: Kontakt aufnehmen" in html
    assert Kontaktanfrage.objects.count() == 0 and mail.outbox == []


def _described_by(field: str) -> str:
    with_help = field in ("email", "kommune")
    return f"id_{field}_helptext id_{field}_error" if with_help else f"id_{field}_error"


def test_the_error_summary_comes_first_and_keeps_what_was_typed(send, world):
    html = html_of(send(world.entry, email="kaputt", nachricht="Mein Text bleibt."))
    assert html.index('id="fehlerliste"') < html.index('<form class="formular"')
    assert 'role="alert"' in html
    assert "Mein Text bleibt.</textarea>" in html


def test_an_ambiguous_kommune_names_the_candidates(send, world):
    KommuneFactory(ags="07316000", name="Neustadt", typ="kreisfreie_stadt", bundesland="RP")
    KommuneFactory(ags="03241099", name="Neustadt", bundesland="NI")
    html = html_of(send(world.entry, kommune="neustadt"))
    assert "„neustadt“ ist nicht eindeutig. In Frage kommen: " in html
    assert "Neustadt (03241099), Neustadt (07316000)" in html
    assert Kontaktanfrage.objects.count() == 0


@pytest.mark.parametrize(
    "typed", ["01062001", "Ahrensburg (01062001)", "  ahrensburg ", "Ahrensburg"]
)
def test_the_kommune_is_found_by_name_or_ags(send, world, typed):
    assert send(world.entry, kommune=typed).status_code == 302
    assert Kontaktanfrage.objects.get().kommune == world.ahrensburg.kommune


def test_the_chosen_kommune_travels_on_to_the_form(client, world):
    """A visitor who chose "Meine Kommune" (`?vergleich=<AGS>`, as the search passes it on to
    the entries) finds it filled in and need not type it again; it stays changeable."""
    entry_page = html_of(client.get(world.entry.url + "?vergleich=01062001"))
    assert f'href="{world.entry.url}kontakt/?vergleich=01062001"' in entry_page
    form = html_of(client.get(contact_url(world.entry) + "?vergleich=01062001"))
    assert 'name="kommune" value="Ahrensburg (01062001)"' in form


@pytest.mark.parametrize("vergleich", ["", "01062099", "Ahrensburg", "<b>"])
def test_no_or_an_unknown_choice_leaves_the_kommune_empty(client, world, vergleich):
    entry_page = html_of(client.get(world.entry.url, {"vergleich": vergleich}))
    assert f'href="{world.entry.url}kontakt/"' in entry_page
    form = html_of(client.get(contact_url(world.entry), {"vergleich": vergleich}))
    assert 'name="kommune" value=' not in form


def test_the_kommune_is_optional(send, world):
    assert send(world.entry, kommune="").status_code == 302
    anfrage = Kontaktanfrage.objects.get()
    assert anfrage.kommune is None and anfrage.kommune_eingabe == ""


def test_a_filled_honeypot_sends_nothing(send, world):
    response = send(world.entry, website="https://spam.example")
    assert response.status_code == 200
    assert str(formschutz.HONEYPOT_ERROR) in html_of(response)
    assert Kontaktanfrage.objects.count() == 0 and mail.outbox == []


def test_a_form_sent_too_fast_is_refused_with_a_german_message(send, world):
    response = send(world.entry, angezeigt=shown(seconds_ago=1))
    html = html_of(response)
    assert str(formschutz.TOO_FAST_ERROR) in html
    assert Kontaktanfrage.objects.count() == 0 and mail.outbox == []


def test_a_forged_timestamp_is_refused_and_the_form_renewed(send, world):
    html = html_of(send(world.entry, angezeigt="gefälscht"))
    assert str(formschutz.EXPIRED_ERROR) in html
    assert 'name="angezeigt" value="gefälscht"' not in html
    assert Kontaktanfrage.objects.count() == 0


def test_the_sixth_message_within_an_hour_is_answered_with_429(send, world):
    assert [send(world.entry).status_code for _ in range(5)] == [302] * 5
    response = send(world.entry, nachricht="Noch eine Nachricht.")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = html_of(response)
    assert "Zu viele Nachrichten in kurzer Zeit" in html
    assert "Bitte versuchen Sie es in einer Stunde noch einmal." in html
    assert "Noch eine Nachricht.</textarea>" in html  # to copy, not lost in the browser
    assert Kontaktanfrage.objects.count() == 5 and len(mail.outbox) == 5


def test_the_limit_counts_per_client_address(send, world, client):
    for _ in range(5):
        send(world.entry)
    other = Client(REMOTE_ADDR="192.0.2.99")
    response = other.post(contact_url(world.entry), form_data())
    assert response.status_code == 302


def test_mistyped_forms_do_not_count_against_the_limit(send, world):
    for _ in range(6):
        send(world.entry, email="kaputt")
    assert send(world.entry).status_code == 302


def test_a_post_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_url(world.entry), form_data())
    assert response.status_code == 403
    assert Kontaktanfrage.objects.count() == 0


def test_a_post_with_the_forms_csrf_token_goes_through(world):
    client = Client(enforce_csrf_checks=True)
    page = client.get(contact_url(world.entry))
    token = page.context["csrf_token"]
    response = client.post(contact_url(world.entry), form_data(csrfmiddlewaretoken=str(token)))
    assert response.status_code == 302
    assert Kontaktanfrage.objects.count() == 1


def test_a_draft_has_no_contact_form(client, world):
    world.entry.unpublish()
    assert client.get(contact_url(world.entry)).status_code == 404


def test_too_fast_is_not_added_to_mistakes_that_need_correcting_anyway(send, world):
    html = html_of(send(world.entry, angezeigt=shown(seconds_ago=1), email="kaputt"))
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in html
    assert str(formschutz.TOO_FAST_ERROR) not in html


def test_with_csrf_in_the_session_the_notice_names_the_session_cookie(client, world, settings):
    settings.CSRF_USE_SESSIONS = True
    response = client.get(contact_url(world.entry))
    assert f"<code>{settings.SESSION_COOKIE_NAME}</code>" in html_of(response)
    assert set(response.cookies) == {settings.SESSION_COOKIE_NAME}
