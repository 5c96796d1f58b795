"""Absurd values in every field of the public forms (contact on an entry and on a profile,
Mitmachen) and in the feed parameters: a form answers with its German error summary and stores
nothing, or accepts and stores exactly one request; a feed answers 200 or a German 400. Never a
500, and never injected markup on the page. The search's parameters are covered on both
backends in tests/search/test_absurd_parameters.py; forms and feeds do not use the search."""

from django.core import mail

import pytest

from kontakt.models import Kontaktanfrage
from kontakt.views import contact_url
from tests.absurd_values import ABSURD_VALUES, RAW_QUERIES, SCRIPT
from tests.kontakt.conftest import form_data as contact_data
from tests.world import World
from zugaenge.models import Teilnahmeanfrage

pytestmark = pytest.mark.django_db

CONTACT_FIELDS = ["name", "email", "kommune", "anliegen", "nachricht", "website", "angezeigt"]
MITMACHEN_FIELDS = ["name", "funktion", "email", "kommune", "nachricht", "website", "angezeigt"]
FEED = "/feeds/praxis/"


def assert_refused_or_stored_once(response, model, field: str) -> None:
    """A re-shown form with a German error and nothing stored, or one stored request."""
    assert response.status_code in (200, 302), (field, response.status_code)
    if response.status_code == 302:
        (stored,) = model.objects.all()
        texts = [v for v in vars(stored).values() if isinstance(v, str)]
        assert not any("\x00" in text for text in texts), field  # PostgreSQL could not hold it
        return
    html = response.content.decode()
    assert 'role="alert"' in html and "Bitte prüfen Sie Ihre Angaben" in html, field
    assert SCRIPT not in html, field
    assert model.objects.count() == 0, field


@pytest.mark.parametrize("value", ABSURD_VALUES.values(), ids=ABSURD_VALUES.keys())
@pytest.mark.parametrize("page", ["entry", "ahrensburg"])
def test_the_contact_form_refuses_or_stores_an_absurd_value(client, world: World, page, value):
    url = contact_url(getattr(world, page))
    for field in CONTACT_FIELDS:
        response = client.post(url, contact_data(**{field: value}))
        assert_refused_or_stored_once(response, Kontaktanfrage, field)
        Kontaktanfrage.objects.all().delete()
    mail.outbox.clear()


def mitmachen_data(**fields) -> dict[str, str]:
    data = {
        "name": "Erika Muster",
        "funktion": "Integrationsbeauftragte",
        "email": "muster@ohnedorf.example",
        "kommune": "Ohnedorf",
        "nachricht": "Wir haben ein Sprachcafé.",
        "website": "",
        "angezeigt": contact_data()["angezeigt"],
    }
    return data | fields


def test_the_mitmachen_request_itself_is_accepted(client, world: World):
    assert client.post("/mitmachen/", mitmachen_data()).status_code == 302
    assert Teilnahmeanfrage.objects.count() == 1


@pytest.mark.parametrize("value", ABSURD_VALUES.values(), ids=ABSURD_VALUES.keys())
def test_mitmachen_refuses_or_stores_an_absurd_value(client, world: World, value):
    for field in MITMACHEN_FIELDS:
        response = client.post("/mitmachen/", mitmachen_data(**{field: value}))
        assert_refused_or_stored_once(response, Teilnahmeanfrage, field)
        Teilnahmeanfrage.objects.all().delete()


def test_mitmachen_with_every_field_repeated_keeps_one_value(client, world: World):
    data = {name: [value, ABSURD_VALUES["nul_byte"]] for name, value in mitmachen_data().items()}
    assert_refused_or_stored_once(client.post("/mitmachen/", data), Teilnahmeanfrage, "all")


def assert_feed_answered(response, query: str) -> None:
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 400:
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        text = response.content.decode()
        assert any(word in text for word in ("kein", "Unbekannt", "Zu viele", "Steuerzeichen")), (
            text
        )
    else:
        assert response["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize("value", ABSURD_VALUES.values(), ids=ABSURD_VALUES.keys())
def test_the_feed_answers_an_absurd_value_with_200_or_a_german_400(client, world: World, value):
    for name in ("kreis", "handlungsfeld", "seite"):
        assert_feed_answered(client.get(FEED, {name: value}), name)
        assert_feed_answered(client.get(FEED, {name: [value, "sprache", value]}), f"{name} x3")


@pytest.mark.parametrize("raw", RAW_QUERIES)
def test_the_feed_answers_a_broken_query_string(client, world: World, raw):
    assert_feed_answered(client.get(f"{FEED}?{raw}"), raw)
