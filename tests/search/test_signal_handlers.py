"""Which page events schedule which entries for the index."""

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisPageFactory
from kommunen.models import KommunenIndexPage
from praxis.factories import PraxisPageFactory
from search import signal_handlers

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
