"""OpenSearch stopped for real: a node of the tests' own (port 9210) is stopped while an entry is
published and in the middle of a rebuild. Pages stay saved, the search falls back to the
database and says so, the index update waits in the queue, and once the node runs again the
pending update reaches the index and a rebuild completes with every entry."""

import io
import os
from collections.abc import Iterator

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from search import breaker, client, indices
from search.models import IndexAuftrag
from tests.plattform.own_services import opensearch
from tests.plattform.test_tasks import run_worker
from tests.search.content import create_entry
from tests.search.engine_support import rebuild_index

# The worker takes its own transactions, so the data is made per test and committed.
pytestmark = [pytest.mark.search_data_per_test, pytest.mark.engine]
WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NOTICE = "Die Suchmaschine ist gerade nicht erreichbar."


@pytest.fixture(scope="session")
def own_engine() -> Iterator[str]:
    """The node the tests may stop; started once, stopped at the end of the session."""
    yield opensearch("start")
    opensearch("stop")


@pytest.fixture
def stoppable_engine(own_engine, settings) -> Iterator[str]:
    """The app pointed at the own node with indices of its own; the node runs before and after."""
    opensearch("start")
    settings.SEARCH_URL, settings.SEARCH_ENGINE = own_engine, "opensearch"
    settings.SEARCH_INDEX_PREFIX = f"test-{os.getpid()}-gestoppt"
    client.reset()
    breaker.forget_failure()
    yield own_engine
    opensearch("start")
    client.reset()
    for index in indices.versions():
        client.get_client().indices.delete(index=index)
    breaker.forget_failure()
    client.reset()


def engine_is_back() -> None:
    """The node runs again; the remembered failure would keep the database answering for
    SEARCH_RETRY_AFTER seconds, which the test does not wait for."""
    opensearch("start")
    client.reset()
    breaker.forget_failure()


def engine_titles() -> set[str]:
    """The titles in the index the alias points at."""
    engine, alias = client.get_client(), indices.alias_name()
    engine.indices.refresh(index=alias)
    found = engine.search(index=alias, body={"size": 100, "_source": ["title"]})
    return {hit["_source"]["title"] for hit in found["hits"]["hits"]}


@WORKER_DB
def test_an_entry_published_while_the_engine_is_stopped_reaches_the_index_later(
    stoppable_engine, entries, client, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rebuild_index()
    opensearch("stop")
    draft = entries["entwurf"]
    draft.save_revision().publish()  # commits at once: no test transaction around it
    draft.refresh_from_db()
    assert draft.live and IndexAuftrag.objects.filter(page_id=draft.pk).exists()

    page = client.get("/suche/", {"q": "Sprachpaten"}).content.decode()
    assert NOTICE in page and "Sprachpaten</mark> (Entwurf)" in page  # the database answered
    run_worker()  # the sync fails and schedules its next attempt
    assert IndexAuftrag.objects.filter(page_id=draft.pk).exists()
    retries = DBTaskResult.objects.filter(task_path="search.tasks.sync_index", status="READY")
    assert retries.get().run_after > timezone.now()

    engine_is_back()
    retries.update(run_after=timezone.now())  # the retry is due
    run_worker()
    assert "Sprachpaten (Entwurf)" in engine_titles()
    assert not IndexAuftrag.objects.exists()
    page = client.get("/suche/", {"q": "Sprachpaten"}).content.decode()
    assert NOTICE not in page and "Sprachpaten</mark> (Entwurf)" in page


class StopsEngineAfterFirstBatch(io.StringIO):
    """The rebuild's output; stops the node once the first batch of documents went in."""

    def write(self, text: str) -> int:
        if "Praxisbeispiele indexiert" in text and "indexiert" not in self.getvalue():
            opensearch("stop")
        return super().write(text)


@pytest.mark.django_db
def test_a_rebuild_cut_off_by_a_stopped_engine_fails_clearly_and_the_next_completes(
    stoppable_engine, entries, kommunen, client, monkeypatch
):
    rebuild_index()
    before = engine_titles()
    old_index = indices.active_indices()
    for number in range(6):
        create_entry(kommunen["klein"], f"Nachbarschaftshilfe {number}")
    monkeypatch.setattr(indices, "BULK_SIZE", 2)

    output = StopsEngineAfterFirstBatch()
    with pytest.raises(CommandError, match=r"^Suchmaschine nicht erreichbar: "):
        call_command("search_index", "--rebuild", stdout=output)
    assert "2/11 Praxisbeispiele indexiert" in output.getvalue()
    page = client.get("/suche/", {"q": "Nachbarschaftshilfe"}).content.decode()
    assert NOTICE in page
    assert "Nachbarschaftshilfe</mark> 5" in page  # the new entry, found in the database

    engine_is_back()
    assert indices.active_indices() == old_index  # the old index still serves
    assert before <= engine_titles()
    done = io.StringIO()
    call_command("search_index", "--rebuild", stdout=done)
    assert "11 Praxisbeispiele" in done.getvalue()
    assert len(engine_titles()) == 11
    assert indices.versions() == indices.active_indices() != old_index  # the torn one is gone
