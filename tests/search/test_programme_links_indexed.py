"""An editor who links a funding programme and publishes makes the entry findable by the
programme's name on the database backend, as run.sh and production run it: Wagtail indexes the
page in a task that the worker runs after the commit, when the programme links are stored.

(The immediate task backend of the other tests runs during the save, before modelcluster writes
the links; their fixtures index again by hand.)"""

import pytest

from kommunen.factories import KommuneFactory
from kommunen.profiles import ensure_profile
from praxis.factories import PraxisPageFactory
from praxis.models import Foerderprogramm
from search.backends.database import DatabaseBackend
from search.query import SearchQuery
from tests.plattform.test_tasks import run_worker


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_programme_linked_in_the_editor_finds_the_entry_by_its_name(database_tasks):
    kommune = KommuneFactory(ags="01062001", name="Kleinau", einwohner=4_000)
    entry = PraxisPageFactory(
        parent=ensure_profile(kommune), title="Lotsen im Dorf", kurzbeschreibung="Begleitung."
    )
    run_worker()
    assert not DatabaseBackend().search(SearchQuery(q="AMIF")).treffer

    # What the editor's publish does: the links travel in the revision, the page is saved
    # from it, and modelcluster writes them after Django's post_save.
    entry.foerderprogramme.set([Foerderprogramm.objects.get(slug="amif")])
    entry.save_revision().publish()
    run_worker()

    hits = DatabaseBackend().search(SearchQuery(q="AMIF")).treffer
    assert [hit.page_id for hit in hits] == [entry.pk]
