"""Index sync on page and Kommune events, and nothing lost while the engine is down."""

import logging

from django.core.management import call_command
from django.utils import timezone

import pytest

from kommunen.models import KommunePage
from search import client
from search.indices import alias_name
from search.models import IndexAuftrag
from search.sync import SuchmaschineNichtErreichbar
from tests.search.conftest import praxis_anlegen, profil_fuer
from tests.search.engine_support import auffrischen, engine_fixture, indexieren  # noqa: F401

pytestmark = pytest.mark.django_db
TOTE_ADRESSE = "http://127.0.0.1:9"


@pytest.fixture
def index(engine, beispiele):
    indexieren()
    return beispiele


def dokument(page_id: int) -> dict | None:
    """The indexed document of a page, or None."""
    auffrischen()
    antwort = client.get_client().search(
        index=alias_name(), body={"query": {"ids": {"values": [str(page_id)]}}}
    )
    treffer = antwort["hits"]["hits"]
    return treffer[0]["_source"] if treffer else None


def test_veroeffentlichen_indexiert(index, django_capture_on_commit_callbacks):
    entwurf = index["entwurf"]
    assert dokument(entwurf.pk) is None
    with django_capture_on_commit_callbacks(execute=True):
        entwurf.save_revision().publish()
    assert dokument(entwurf.pk)["title"] == "Sprachpaten (Entwurf)"
    assert not IndexAuftrag.objects.exists()


def test_aenderung_und_zurueckziehen(index, django_capture_on_commit_callbacks):
    seite = index["wohnen"]
    seite.title = "Wohnungslotsen im ganzen Landkreis"
    with django_capture_on_commit_callbacks(execute=True):
        seite.save_revision().publish()
    assert dokument(seite.pk)["title"] == "Wohnungslotsen im ganzen Landkreis"
    with django_capture_on_commit_callbacks(execute=True):
        seite.unpublish()
    assert dokument(seite.pk) is None


def test_loeschen(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index["ikoe"].delete()
    assert dokument(index["ikoe"].pk) is None


def test_profil_loeschen_entfernt_seine_eintraege(
    index, kommunen, django_capture_on_commit_callbacks
):
    profil = KommunePage.objects.get(kommune=kommunen["nachbar"])
    with django_capture_on_commit_callbacks(execute=True):
        profil.delete()
    assert dokument(index["sprachcafe"].pk) is None
    assert dokument(index["wohnen"].pk) is not None


def test_verschieben_aendert_federfuehrende_kommune(
    index, kommunen, django_capture_on_commit_callbacks
):
    ziel = profil_fuer(kommunen["gross"])
    with django_capture_on_commit_callbacks(execute=True):
        index["sprachcafe"].move(ziel, pos="last-child")
    doc = dokument(index["sprachcafe"].pk)
    assert doc["kommune_ags"] == kommunen["gross"].ags
    assert doc["groessenklasse"] == "grossstadt"
    assert f"/{ziel.slug}/" in doc["url"]


def test_kommune_aendern_aktualisiert_lead_und_partner(
    engine, kommunen, django_capture_on_commit_callbacks
):
    seite = praxis_anlegen(
        kommunen["klein"], "Gemeinsamer Sprachtreff", partner=[kommunen["mittel"]]
    )
    indexieren()
    kommunen["klein"].einwohner = 12_000
    with django_capture_on_commit_callbacks(execute=True):
        kommunen["klein"].save()
    doc = dokument(seite.pk)
    assert doc["einwohner"] == 12_000 and doc["groessenklasse"] == "kleinstadt"
    assert doc["partner_ags"] == [kommunen["mittel"].ags]


def test_engine_weg_dann_nachholen(index, settings, caplog, django_capture_on_commit_callbacks):
    """Publishing succeeds while the engine is unreachable; catch-up sends it later."""
    echte_adresse = settings.SEARCH_URL
    settings.SEARCH_URL, settings.SEARCH_ENGINE = TOTE_ADRESSE, "opensearch"
    client.zuruecksetzen()
    entwurf = index["entwurf"]
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        entwurf.save_revision().publish()
    entwurf.refresh_from_db()
    assert entwurf.live
    auftrag = IndexAuftrag.objects.get(page_id=entwurf.pk)
    assert auftrag.versuche == 1 and auftrag.letzter_fehler
    assert "Suchindex nicht erreichbar" in caplog.text

    settings.SEARCH_URL = echte_adresse
    client.zuruecksetzen()
    call_command("search_index", "--catch-up", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert dokument(entwurf.pk)["title"] == "Sprachpaten (Entwurf)"
    assert not IndexAuftrag.objects.exists()


def test_naechster_erfolgreicher_lauf_holt_alles_nach(
    index, settings, django_capture_on_commit_callbacks
):
    echte_adresse = settings.SEARCH_URL
    settings.SEARCH_URL = TOTE_ADRESSE
    client.zuruecksetzen()
    with django_capture_on_commit_callbacks(execute=True):
        index["ikoe"].unpublish()
    settings.SEARCH_URL = echte_adresse
    client.zuruecksetzen()
    with django_capture_on_commit_callbacks(execute=True):
        index["entwurf"].save_revision().publish()
    assert dokument(index["ikoe"].pk) is None
    assert dokument(index["entwurf"].pk) is not None
    assert not IndexAuftrag.objects.exists()


def test_fehlschlag_plant_wiederholung_mit_datenbank_backend(
    index, settings, django_capture_on_commit_callbacks
):
    """With the database task backend a failed run schedules a deferred retry."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_URL, settings.SEARCH_ENGINE = TOTE_ADRESSE, "opensearch"
    client.zuruecksetzen()
    from search.tasks import index_abgleichen

    with django_capture_on_commit_callbacks(execute=True):
        index["entwurf"].save_revision().publish()
    unsere = DBTaskResult.objects.filter(task_path="search.tasks.index_abgleichen")
    assert unsere.count() == 1  # stored for the worker, not run yet
    with pytest.raises(SuchmaschineNichtErreichbar):
        index_abgleichen.call()
    (wiederholung,) = [t for t in unsere if t.args_kwargs["kwargs"] == {"versuch": 2}]
    assert wiederholung.run_after > timezone.now()


def test_register_import_aktualisiert_betroffene_eintraege(
    engine, kommunen, tmp_path, django_capture_on_commit_callbacks
):
    klein = kommunen["klein"]
    seite = praxis_anlegen(klein, "Sprachtreff im Dorfgemeinschaftshaus")
    indexieren()
    datei = tmp_path / "kommunen.csv"
    kreis = f",{klein.kreis.ags}" if klein.kreis_id else ","
    datei.write_text(
        "ags,name,typ,einwohner,bundesland,kreis_ags\n"
        f"{klein.ags},{klein.name},{klein.typ},25000,{klein.bundesland}{kreis}\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_kommunen", str(datei), verbosity=0)
    doc = dokument(seite.pk)
    assert doc["einwohner"] == 25_000 and doc["groessenklasse"] == "mittelstadt"
