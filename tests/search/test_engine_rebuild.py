"""Rebuild into a new versioned index with an atomic alias swap; searches keep answering."""

import io
import threading

from django.core.management import CommandError, call_command

import pytest
from opensearchpy.exceptions import TransportError

from search import client, indices
from search.backends.engine import EngineBackend
from search.models import IndexAuftrag
from search.query import SearchQuery
from tests.search.content import create_entry

pytestmark = pytest.mark.django_db


def command(*args: str) -> str:
    output = io.StringIO()
    call_command("search_index", *args, stdout=output)
    return output.getvalue()


def test_search_answers_during_the_rebuild(indexed_entries, kommunen, monkeypatch):
    for n in range(6):
        create_entry(kommunen["klein"], f"Nachbarschaftshilfe {n}")
    monkeypatch.setattr(indices, "BULK_SIZE", 2)
    old = indices.active_indices()
    meanwhile = []

    def search(_message: str) -> None:
        meanwhile.append(EngineBackend().search(SearchQuery()).anzahl)

    result = indices.rebuild(search)
    assert len(meanwhile) >= 6
    # The old index answers until the swap; the last message comes after it.
    assert set(meanwhile[:-1]) == {5} and meanwhile[-1] == 11
    assert result["count"] == 11
    assert EngineBackend().search(SearchQuery()).anzahl == 11
    assert indices.active_indices() == [result["index"]] != old
    assert indices.versions() == [result["index"]]


def test_parallel_searches_never_see_an_empty_index(indexed_entries, kommunen, monkeypatch):
    for n in range(6):
        create_entry(kommunen["nachbar"], f"Begegnungsfest {n}")
    monkeypatch.setattr(indices, "BULK_SIZE", 3)
    es = client.get_client()
    alias, counts, errors, done = indices.alias_name(), [], [], threading.Event()

    def keep_searching() -> None:
        while not done.is_set():
            try:
                counts.append(es.count(index=alias)["count"])
            except Exception as e:  # any failure is recorded and asserted
                errors.append(e)

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        output = command("--rebuild")
    finally:
        done.set()
        reader.join()
    assert not errors
    assert counts and set(counts) <= {5, 11}
    assert "11/11 Praxisbeispiele indexiert" in output
    assert "Alias" in output


def test_status_and_check(indexed_entries, settings):
    output = command("--status")
    assert "Dokumente im Index: 5" in output
    assert "Öffentliche Praxisbeispiele in der Datenbank: 5" in output
    assert "in Ordnung" in command("--check")
    IndexAuftrag.objects.create(page_id=indexed_entries["entwurf"].pk)
    with pytest.raises(CommandError, match="warten"):
        command("--check")
    assert "1 vorgemerkte Seite(n) abgeglichen" in command("--catch-up")
    assert "in Ordnung" in command("--check")


def test_catch_up_builds_a_missing_index(engine, entries):
    assert indices.active_indices() == []
    command("--catch-up")
    assert EngineBackend().search(SearchQuery()).anzahl == 5


def test_without_engine_the_command_says_so(settings):
    settings.SEARCH_URL = ""
    with pytest.raises(CommandError, match="SEARCH_URL ist nicht gesetzt"):
        command("--status")


@pytest.fixture
def outdated_index(engine, entries, monkeypatch) -> str:
    """The only index, built with an older mapping version than the documents'."""
    with monkeypatch.context() as older:
        older.setattr(indices, "MAPPING_VERSION", indices.MAPPING_VERSION - 1)
        name = indices.rebuild()["index"]
    assert indices.outdated_indices() == [name]
    return name


def test_an_outdated_mapping_fails_the_check_and_catch_up_rebuilds(outdated_index):
    assert f"Veraltetes Mapping: {outdated_index}" in command("--status")
    with pytest.raises(CommandError, match="veraltetes Mapping"):
        command("--check")
    command("--catch-up")
    assert indices.outdated_indices() == [] and outdated_index not in indices.versions()
    assert "in Ordnung" in command("--check")


def test_a_change_is_never_written_into_an_outdated_index(outdated_index, entries):
    """It would guess the new fields' types; the index is rebuilt instead."""
    indices.sync_pages([entries["sport"].pk], refresh=True)
    assert outdated_index not in indices.versions()
    assert indices.outdated_indices() == []
    assert EngineBackend().search(SearchQuery(kosten=("unbekannt",))).anzahl == 5


def test_rebuild_with_every_copy_placed_swaps_without_a_warning(engine, entries, settings):
    settings.SEARCH_REPLICAS = 0  # a single node holds every copy it is asked for
    output = command("--rebuild")
    assert "Replikate" not in output
    assert EngineBackend().search(SearchQuery()).anzahl == 5


def test_rebuild_swaps_even_when_the_replicas_find_no_node(engine, entries, settings, monkeypatch):
    """A single node cannot hold the replica of its own shard, so the engine's wait for green
    ends with a 408 after 30 s (simulated here); the rebuild says so and swaps anyway, since the
    primary answers searches."""
    settings.SEARCH_REPLICAS = 1

    def wait_timed_out(**_kwargs):
        raise TransportError(408, "timeout", {"status": "yellow", "timed_out": True})

    monkeypatch.setattr(engine.cluster, "health", wait_timed_out)
    output = command("--rebuild")
    assert "hat nach 30 s noch nicht alle Replikate" in output
    assert EngineBackend().search(SearchQuery()).anzahl == 5
    new = indices.active_indices()[0]
    index_settings = engine.indices.get_settings(index=new)[new]["settings"]["index"]
    assert index_settings["number_of_replicas"] == "1"
