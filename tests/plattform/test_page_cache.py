"""The page cache: public pages for visitors without a session, emptied by every change."""

from django.contrib.auth import get_user_model
from django.core.cache import caches

from wagtail.models import PageViewRestriction

import pytest

from kommunen.models import Kommune
from kommunen.signals import kommunen_updated
from praxis.models import Foerderprogramm, PraxisPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    yield
    caches["seiten"].clear()


def retitle_behind_the_cache(entry: PraxisPage, title: str) -> None:
    """Change the title in the database without a signal, as nothing a user does would."""
    PraxisPage.objects.filter(pk=entry.pk).update(title=title)


def test_a_visitor_gets_the_cached_page_until_something_is_published(
    client, world, django_capture_on_commit_callbacks
):
    url = world.entry.url
    assert world.entry.title in client.get(url).content.decode()
    retitle_behind_the_cache(world.entry, "Unbemerkt geändert")
    assert "Unbemerkt geändert" not in client.get(url).content.decode()

    entry = PraxisPage.objects.get(pk=world.entry.pk)
    entry.title = "Neu veröffentlicht"
    with django_capture_on_commit_callbacks(execute=True):
        entry.save_revision().publish()

    assert "Neu veröffentlicht" in client.get(url).content.decode()


def test_the_search_and_its_parameters_are_cached_apart(client, world):
    first = client.get("/suche/?q=Sprachcaf%C3%A9").content.decode()
    other = client.get("/suche/?q=Wohnungsb%C3%B6rse").content.decode()
    assert "Wohnungsbörse" in other and first != other


def test_a_cached_page_costs_no_view(client, world, django_assert_max_num_queries):
    client.get(world.entry.url)
    with django_assert_max_num_queries(3):  # the cache's own lookups
        assert client.get(world.entry.url).status_code == 200


def test_browsers_ask_again_every_time(client, world):
    for _ in range(2):  # the rendered page and the cached one
        response = client.get(world.entry.url)
        assert response["Cache-Control"] == "max-age=0"
        assert "Expires" not in response


def test_someone_logged_in_always_sees_the_live_site(client, world):
    client.get(world.entry.url)
    retitle_behind_the_cache(world.entry, "Live für Angemeldete")
    user = get_user_model().objects.create_user("redaktion", password="x" * 20)
    client.force_login(user)
    assert "Live für Angemeldete" in client.get(world.entry.url).content.decode()


def test_a_form_with_its_csrf_cookie_is_never_cached(client, world):
    url = world.ahrensburg.url + "kontakt/"
    first = client.get(url).cookies["csrftoken"].value
    client.cookies.clear()
    assert client.get(url).cookies["csrftoken"].value != first  # rendered anew


def test_a_visitor_with_a_message_waiting_gets_the_live_page_and_leaves_none(client, world):
    client.cookies["messages"] = "eine Nachricht"
    client.get(world.entry.url)
    retitle_behind_the_cache(world.entry, "Ohne Nachricht")
    assert "Ohne Nachricht" in client.get(world.entry.url).content.decode()
    client.cookies.clear()
    assert "Ohne Nachricht" in client.get(world.entry.url).content.decode()


def test_health_is_never_cached(client, db):
    client.get("/health/")
    assert "no-cache" in client.get("/health/")["Cache-Control"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda world: kommunen_updated.send(sender=Kommune, ags=["01062004"]),
            id="register import",
        ),
        pytest.param(
            lambda world: Foerderprogramm.objects.create(
                name="Neues Programm", slug="neues-programm", traeger="Land"
            ),
            id="programme",
        ),
        pytest.param(
            lambda world: PageViewRestriction.objects.create(
                page=world.entry, restriction_type=PageViewRestriction.LOGIN
            ),
            id="page restricted",
        ),
    ],
)
def test_other_changes_a_page_shows_empty_the_cache(
    client, world, change, django_capture_on_commit_callbacks
):
    client.get(world.entry.url)
    retitle_behind_the_cache(world.entry, "Nach der Änderung")
    with django_capture_on_commit_callbacks(execute=True):
        change(world)
    response = client.get(world.entry.url)
    assert response.status_code == 302 or "Nach der Änderung" in response.content.decode()


def test_without_seconds_nothing_is_cached(client, world, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    client.get(world.entry.url)
    retitle_behind_the_cache(world.entry, "Sofort sichtbar")
    assert "Sofort sichtbar" in client.get(world.entry.url).content.decode()
