"""Index sync on page and Kommune events, and nothing lost while the engine is down."""

import logging

from django.core.management import call_command
from django.utils import timezone

import pytest

from kommunen.models import KommunePage
from kommunen.profiles import ensure_profile
from praxis.models import Foerderprogramm
from search import client
from search.indices import alias_name
from search.models import IndexAuftrag
from search.sync import EngineUnavailable
from tests.search.content import create_entry
from tests.search.engine_support import rebuild_index, refresh_index

pytestmark = pytest.mark.django_db
DEAD_URL = "http://127.0.0.1:9"


def document(page_id: int) -> dict | None:
    """The indexed document of a page, or None."""
    refresh_index()
    response = client.get_client().search(
        index=alias_name(), body={"query": {"ids": {"values": [str(page_id)]}}}
    )
    hits = response["hits"]["hits"]
    return hits[0]["_source"] if hits else None


def test_publishing_indexes_the_entry(indexed_entries, django_capture_on_commit_callbacks):
    draft = indexed_entries["entwurf"]
    assert document(draft.pk) is None
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert document(draft.pk)["title"] == "Sprachpaten (Entwurf)"
    assert not IndexAuftrag.objects.exists()


def test_edit_and_unpublish_update_the_index(indexed_entries, django_capture_on_commit_callbacks):
    page = indexed_entries["wohnen"]
    page.title = "Wohnungslotsen im ganzen Landkreis"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert document(page.pk)["title"] == "Wohnungslotsen im ganzen Landkreis"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert document(page.pk) is None


def test_deleting_removes_the_document(indexed_entries, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed_entries["ikoe"].delete()
    assert document(indexed_entries["ikoe"].pk) is None


def test_deleting_a_profile_removes_its_entries(
    indexed_entries, kommunen, django_capture_on_commit_callbacks
):
    profile = KommunePage.objects.get(kommune=kommunen["nachbar"])
    with django_capture_on_commit_callbacks(execute=True):
        profile.delete()
    assert document(indexed_entries["sprachcafe"].pk) is None
    assert document(indexed_entries["wohnen"].pk) is not None


def test_moving_changes_the_lead_kommune(
    indexed_entries, kommunen, django_capture_on_commit_callbacks
):
    target = ensure_profile(kommunen["gross"])
    with django_capture_on_commit_callbacks(execute=True):
        indexed_entries["sprachcafe"].move(target, pos="last-child")
    doc = document(indexed_entries["sprachcafe"].pk)
    assert doc["kommune_ags"] == kommunen["gross"].ags
    assert doc["groessenklasse"] == "grossstadt"
    assert f"/{target.slug}/" in doc["url"]


def test_editing_a_kommune_updates_lead_and_partner_entries(
    engine, kommunen, django_capture_on_commit_callbacks
):
    page = create_entry(kommunen["klein"], "Gemeinsamer Sprachtreff", partner=[kommunen["mittel"]])
    rebuild_index()
    kommunen["klein"].einwohner = 12_000
    with django_capture_on_commit_callbacks(execute=True):
        kommunen["klein"].save()
    doc = document(page.pk)
    assert doc["einwohner"] == 12_000 and doc["groessenklasse"] == "kleinstadt"
    assert doc["partner_ags"] == [kommunen["mittel"].ags]


def test_engine_down_then_catch_up(
    indexed_entries, settings, caplog, django_capture_on_commit_callbacks
):
    """Publishing succeeds while the engine is unreachable; catch-up sends it later."""
    real_url = settings.SEARCH_URL
    settings.SEARCH_URL, settings.SEARCH_ENGINE = DEAD_URL, "opensearch"
    client.reset()
    draft = indexed_entries["entwurf"]
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.live
    job = IndexAuftrag.objects.get(page_id=draft.pk)
    assert job.versuche == 1 and job.letzter_fehler
    assert "Suchindex nicht erreichbar" in caplog.text

    settings.SEARCH_URL = real_url
    client.reset()
    call_command("search_index", "--catch-up", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert document(draft.pk)["title"] == "Sprachpaten (Entwurf)"
    assert not IndexAuftrag.objects.exists()


def test_next_successful_run_catches_up_on_everything(
    indexed_entries, settings, django_capture_on_commit_callbacks
):
    real_url = settings.SEARCH_URL
    settings.SEARCH_URL = DEAD_URL
    client.reset()
    with django_capture_on_commit_callbacks(execute=True):
        indexed_entries["ikoe"].unpublish()
    settings.SEARCH_URL = real_url
    client.reset()
    with django_capture_on_commit_callbacks(execute=True):
        indexed_entries["entwurf"].save_revision().publish()
    assert document(indexed_entries["ikoe"].pk) is None
    assert document(indexed_entries["entwurf"].pk) is not None
    assert not IndexAuftrag.objects.exists()


def test_failure_schedules_a_retry_with_the_database_task_backend(
    indexed_entries, settings, django_capture_on_commit_callbacks
):
    """With the database task backend a failed run schedules a deferred retry."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_URL, settings.SEARCH_ENGINE = DEAD_URL, "opensearch"
    client.reset()
    from search.tasks import sync_index

    with django_capture_on_commit_callbacks(execute=True):
        indexed_entries["entwurf"].save_revision().publish()
    ours = DBTaskResult.objects.filter(task_path="search.tasks.sync_index")
    assert ours.count() == 1  # stored for the worker, not run yet
    with pytest.raises(EngineUnavailable):
        sync_index.call()
    (retry,) = [t for t in ours if t.args_kwargs["kwargs"] == {"attempt": 2}]
    assert retry.run_after > timezone.now()


def test_register_import_updates_the_affected_entries(
    engine, kommunen, tmp_path, django_capture_on_commit_callbacks
):
    klein = kommunen["klein"]
    page = create_entry(klein, "Sprachtreff im Dorfgemeinschaftshaus")
    rebuild_index()
    register = tmp_path / "kommunen.csv"
    kreis = f",{klein.kreis.ags}" if klein.kreis_id else ","
    register.write_text(
        "ags,name,typ,einwohner,bundesland,kreis_ags\n"
        f"{klein.ags},{klein.name},{klein.typ},25000,{klein.bundesland}{kreis}\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_kommunen", str(register), verbosity=0)
    doc = document(page.pk)
    assert doc["einwohner"] == 25_000 and doc["groessenklasse"] == "mittelstadt"


def test_renaming_a_programme_updates_the_entries_that_link_it(
    engine, kommunen, django_capture_on_commit_callbacks
):
    page = create_entry(kommunen["klein"], "Anerkennungsberatung", foerderprogramme=["iq"])
    rebuild_index()
    assert document(page.pk)["foerderprogramme"] == ["iq"]
    programme = Foerderprogramm.objects.get(slug="iq")
    programme.name, programme.slug = "Netzwerk Anerkennung", "anerkennung"
    with django_capture_on_commit_callbacks(execute=True):
        programme.save()
    doc = document(page.pk)
    assert doc["foerderung"] == ["Netzwerk Anerkennung"]
    assert doc["foerderprogramme"] == ["anerkennung"]
