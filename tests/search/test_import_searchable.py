"""What an import writes is found right after the command, on both backends, with no worker.

Tests normally run tasks at once; here they wait in the database as in production, so only
the import's own index update can make the entries findable.
"""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

from praxis.exchange.parse import KEYS
from praxis.models import PraxisPage
from search import service
from search.backends.engine import EngineBackend
from search.query import SearchQuery
from tests.search.engine_support import rebuild_index

# Some tests need the Kommunen without the entries.
pytestmark = [pytest.mark.django_db, pytest.mark.search_data_per_test]

QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings) -> None:
    """Tasks wait in the database for `db_worker`, which never runs in these tests."""
    settings.TASKS = QUEUED_TASKS


def entry_line(kommune_ags: str) -> dict:
    entry = dict.fromkeys(KEYS)
    entry |= {
        "id": "kleinau-fahrradwerkstatt",
        "titel": "Offene Fahrradwerkstatt",
        "kommune": kommune_ags,
        "kurzbeschreibung": "Neuzugewanderte reparieren Fahrräder mit Ehrenamtlichen.",
        "status": "laufend",
    }
    for key in ("partner_kommunen", "handlungsfelder", "zielgruppen", "schlagworte"):
        entry[key] = []
    entry |= {"foerderung": [], "links": [], "handlungsfelder": ["engagement-ehrenamt"]}
    entry["foerderprogramme"] = []
    return entry


def import_file(tmp_path: Path, command: str, text: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command(command, str(path), stdout=StringIO())


def import_entry(tmp_path: Path, kommune_ags: str, captured) -> None:
    """import_praxis as an operator runs it: on its own, so its transaction commits."""
    with captured(execute=True):
        line = json.dumps(entry_line(kommune_ags), ensure_ascii=False)
        import_file(tmp_path, "import_praxis", line + "\n", "praxis.jsonl")


def found_ids(query: SearchQuery) -> set[int]:
    return {hit.page_id for hit in service.search(query).treffer}


def test_database_search_finds_an_imported_entry_at_once(
    kommunen, queued_tasks, tmp_path, django_capture_on_commit_callbacks
):
    import_entry(tmp_path, kommunen["klein"].ags, django_capture_on_commit_callbacks)
    entry = PraxisPage.objects.get(austausch_id="kleinau-fahrradwerkstatt")
    assert DBTaskResult.objects.exists()  # the page saves queued work that nobody ran
    assert found_ids(SearchQuery(q="Fahrradwerkstatt")) == {entry.pk}
    assert found_ids(SearchQuery(q="Kleinau")) == {entry.pk}


def test_database_search_finds_an_entry_by_the_name_a_register_import_gave(
    kommunen, queued_tasks, tmp_path, django_capture_on_commit_callbacks
):
    import_entry(tmp_path, kommunen["klein"].ags, django_capture_on_commit_callbacks)
    entry = PraxisPage.objects.get(austausch_id="kleinau-fahrradwerkstatt")
    register = "ags,name,typ,einwohner,bundesland,kreis_ags\n"
    register += "01062001,Kleinau an der Aue,gemeinde,4000,SH,01062\n"
    with django_capture_on_commit_callbacks(execute=True):
        import_file(tmp_path, "import_kommunen", register, "kommunen.csv")
    assert found_ids(SearchQuery(q="Aue")) == {entry.pk}


def test_engine_finds_an_imported_entry_at_once(
    engine, kommunen, queued_tasks, tmp_path, django_capture_on_commit_callbacks
):
    rebuild_index()  # an empty index, as on a running platform
    import_entry(tmp_path, kommunen["klein"].ags, django_capture_on_commit_callbacks)
    entry = PraxisPage.objects.get(austausch_id="kleinau-fahrradwerkstatt")
    result = EngineBackend().search(SearchQuery(q="Fahrradwerkstatt"))
    assert [hit.page_id for hit in result.treffer] == [entry.pk]


def test_engine_sees_a_register_import_at_once(
    engine, kommunen, queued_tasks, tmp_path, django_capture_on_commit_callbacks
):
    rebuild_index()  # an empty index, as on a running platform
    import_entry(tmp_path, kommunen["klein"].ags, django_capture_on_commit_callbacks)
    register = "ags,name,typ,einwohner,bundesland,kreis_ags\n"
    register += "01062001,Kleinau an der Aue,gemeinde,25000,SH,01062\n"
    with django_capture_on_commit_callbacks(execute=True):
        import_file(tmp_path, "import_kommunen", register, "kommunen.csv")
    result = EngineBackend().search(SearchQuery(groessenklasse=("mittelstadt",)))
    assert [hit.page_id for hit in result.treffer] == [
        PraxisPage.objects.get(austausch_id="kleinau-fahrradwerkstatt").pk
    ]
