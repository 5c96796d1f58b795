"""Which page events schedule which entries for the index."""

from wagtail.search import index

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisPageFactory
from kommunen.models import KommunenIndexPage
from praxis.factories import PraxisPageFactory
from praxis.models import Foerderprogramm, PraxisPage
from search import signal_handlers
from search.backends.database import DatabaseBackend
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(monkeypatch) -> list[list[int]]:
    """The page ids of every schedule_sync call, as if an engine were configured."""
    calls: list[list[int]] = []
    monkeypatch.setattr(signal_handlers, "engine_enabled", lambda: True)
    monkeypatch.setattr(signal_handlers, "schedule_sync", lambda ids: calls.append(sorted(ids)))
    return calls


def test_a_deleted_profile_of_any_class_schedules_its_entries_once(home_page, scheduled):
    landkreis = LandkreisPageFactory(parent=KommunenIndexPage.objects.get())
    gemeinde = KommunePageFactory(parent=landkreis, kommune=KommuneFactory(kreis=landkreis.kommune))
    kreis_entry = PraxisPageFactory(parent=landkreis).pk
    gemeinde_entry = PraxisPageFactory(parent=gemeinde).pk
    scheduled.clear()
    landkreis.delete()
    # Once for the Landkreis profile; the entries' own deletion schedules each of them again.
    assert scheduled.count(sorted([kreis_entry, gemeinde_entry])) == 1


def test_publishing_and_unpublishing_an_entry_schedules_it_and_other_pages_nothing(
    home_page, scheduled
):
    profile = KommunePageFactory(parent=KommunenIndexPage.objects.get())
    entry = PraxisPageFactory(parent=profile)
    scheduled.clear()
    profile.save_revision().publish()
    assert scheduled == []
    entry.save_revision().publish()
    entry.unpublish()
    assert scheduled == [[entry.pk], [entry.pk]]


@pytest.fixture
def linked(home_page) -> tuple[Foerderprogramm, PraxisPage]:
    """An entry linking the programme iq, in Wagtail's index with the programme's name."""
    profile = KommunePageFactory(parent=KommunenIndexPage.objects.get())
    entry = PraxisPageFactory(parent=profile, foerderprogramme=["iq"])
    index.insert_or_update_object(entry)  # as the worker does once the links are committed
    return Foerderprogramm.objects.get(slug="iq"), entry


def test_renaming_a_programme_schedules_its_entries(linked, scheduled):
    programme, entry = linked
    scheduled.clear()
    programme.kurzbeschreibung = "Neu beschrieben."
    programme.save()
    assert scheduled == []  # the indexed text has not changed
    programme.name = "Netzwerk Anerkennung und Qualifizierung"
    programme.save()
    programme.slug = "anerkennung"
    programme.save()
    assert scheduled == [[entry.pk], [entry.pk]]


def test_a_renamed_programme_is_found_by_its_new_name_in_the_database_search(
    linked, django_capture_on_commit_callbacks
):
    programme, entry = linked

    def found(q: str) -> list[int]:
        return [hit.page_id for hit in DatabaseBackend().search(SearchQuery(q=q)).treffer]

    assert found("Qualifizierung") == [entry.pk] and found("Anerkennungsnetz") == []
    programme.name = "Anerkennungsnetz Berufsabschlüsse"
    with django_capture_on_commit_callbacks(execute=True):
        programme.save()
    assert found("Anerkennungsnetz") == [entry.pk] and found("Qualifizierung") == []


def test_deleting_a_programme_schedules_the_entries_that_linked_it(
    linked, scheduled, django_capture_on_commit_callbacks
):
    programme, entry = linked
    scheduled.clear()
    with django_capture_on_commit_callbacks(execute=True):
        programme.delete()
    assert scheduled == [[entry.pk]]
