"""Transfers recorded both ways: an entry names the entry it adapted (`uebernommen_von`), the
original lists its adopters; the search counts them (`uebernahmen`) on both backends."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage
from search import client as search_client
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.indices import alias_name
from search.query import SearchQuery
from search.ranking import adoption_factor
from tests.search.conftest import engine  # noqa: F401  (the engine fixture of tests/search)
from tests.search.engine_support import rebuild_index, refresh_index

pytestmark = pytest.mark.django_db


def published(year: int) -> datetime:
    return datetime(year, 5, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def original(world) -> PraxisPage:
    """Bargteheide's Sprachcafé, which two other Kommunen adapted."""
    return world.entry


@pytest.fixture
def adopters(world, original) -> dict[str, PraxisPage]:
    """Schwerin (2024) and Ahrensburg (2025) adapted it; Kreis Stormarn's adoption is a draft."""
    schwerin = world.entries["sprachkurs"]
    schwerin.uebernommen_von = original
    schwerin.first_published_at = published(2024)
    schwerin.save()
    return {
        "schwerin": schwerin,
        "ahrensburg": PraxisPageFactory(
            parent=world.ahrensburg,
            title="Sprachcafé im Rathaus",
            uebernommen_von=original,
            first_published_at=published(2025),
        ),
        "entwurf": PraxisPageFactory(
            parent=world.kreis,
            title="Sprachcafé im Kreishaus",
            uebernommen_von=original,
            live=False,
        ),
    }


def test_original_lists_its_live_adopters_with_kommune_and_year(client, original, adopters):
    response = client.get(original.url)
    schwerin, ahrensburg = adopters["schwerin"], adopters["ahrensburg"]
    assertContains(
        response,
        f'<p class="praxis__uebernahme">Übernommen von: <a href="{schwerin.url}">Schwerin</a>'
        f' (2024), <a href="{ahrensburg.url}">Ahrensburg</a> (2025)</p>',
        html=True,
    )
    assertNotContains(response, "Kreis Stormarn</a> (")  # the draft adopter is not listed


def test_adopting_entry_names_its_original_and_the_originals_kommune(client, original, adopters):
    response = client.get(adopters["ahrensburg"].url)
    assertContains(
        response,
        f'<p class="praxis__uebernahme">Übernommen von <a href="{original.url}">{original.title}'
        "</a> aus Bargteheide</p>",
        html=True,
    )
    assertNotContains(response, "Übernommen von:")  # nobody adapted the adopter


def test_withdrawn_adopters_and_originals_are_not_shown(client, original, adopters):
    adopters["schwerin"].unpublish()
    html = client.get(original.url).content.decode()
    assert "Schwerin</a> (2024)" not in html and "Ahrensburg</a> (2025)" in html
    original.unpublish()
    html = client.get(adopters["ahrensburg"].url).content.decode()
    assert "Übernommen von" not in html and original.title not in html


def test_entry_without_transfers_shows_none(client, world):
    html = client.get(world.entries["wohnungsboerse"].url).content.decode()
    assert "praxis__uebernahme" not in html


def test_deleting_the_original_keeps_the_adopter(original, adopters):
    original.delete()
    adopters["ahrensburg"].refresh_from_db()
    assert adopters["ahrensburg"].uebernommen_von is None


def test_an_entry_cannot_adapt_itself(original):
    original.uebernommen_von = original
    with pytest.raises(ValidationError) as error:
        original.full_clean()
    assert error.value.message_dict["uebernommen_von"] == [
        "Ein Praxisbeispiel kann nicht von sich selbst übernommen sein."
    ]


def test_transfers_must_not_form_a_cycle(original, adopters):
    # Schwerin adapted the original; a third entry adapted Schwerin's: the original cannot
    # adapt that third one, nor Schwerin's.
    third = PraxisPageFactory(parent=original.get_parent(), uebernommen_von=adopters["schwerin"])
    for candidate in (third, adopters["schwerin"]):
        original.uebernommen_von = candidate
        with pytest.raises(ValidationError) as error:
            original.full_clean()
        (message,) = error.value.message_dict["uebernommen_von"]
        assert "Übernahmen dürfen keinen Kreis bilden" in message
    original.uebernommen_von = adopters["entwurf"]  # adopted nothing of this chain
    adopters["entwurf"].uebernommen_von = None
    adopters["entwurf"].save()
    original.full_clean()


def test_the_editor_offers_the_chooser_and_shows_the_german_error(admin_client, original):
    edit_url = reverse("wagtailadmin_pages:edit", args=(original.pk,))
    html = admin_client.get(edit_url).content.decode()
    assert 'name="uebernommen_von"' in html and "Übernommen von" in html
    data = _edit_form_data(original, uebernommen_von=str(original.pk))
    response = admin_client.post(edit_url, data)
    assertContains(response, "Ein Praxisbeispiel kann nicht von sich selbst übernommen sein.")
    assert PraxisPage.objects.get(pk=original.pk).uebernommen_von_id is None


def test_the_chooser_offers_published_entries_only(admin_client, world, adopters):
    url = reverse("wagtailadmin_choose_page_child", args=(world.kreis.pk,))
    html = admin_client.get(url, {"page_type": "praxis.praxispage"}).json()["html"]
    assert "Ahrensburg" in html  # a profile to browse into
    assert "Sprachcafé im Kreishaus" not in html  # a draft
    assert "Sprachcafé im Kreishaus" in admin_client.get(url).json()["html"]  # other choosers


def _edit_form_data(page: PraxisPage, **fields) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "kurzbeschreibung": page.kurzbeschreibung,
        "body": streamfield([]),
        "status": page.status,
        "beginn": "",
        "ende": "",
        "partner": inline_formset([]),
        "foerderungen": inline_formset([]),
        "links": inline_formset([]),
        **fields,
    }
    return {**nested_form_data(data), "handlungsfelder": [h.pk for h in page.handlungsfelder.all()]}


def _hits(client, **params) -> dict[str, dict]:
    data = client.get("/api/v1/praxis/", {"pro_seite": 100, **params}).json()
    return {hit["id"]: hit for hit in data["treffer"]}


def test_api_counts_live_public_adopters_on_the_database_backend(client, original, adopters):
    hits = _hits(client)
    assert hits[original.austausch_id]["uebernahmen"] == 2  # not the draft
    assert hits[adopters["schwerin"].austausch_id]["uebernahmen"] == 0
    # No query text: the score is the transfer factor alone, and the original ranks first.
    assert hits[original.austausch_id]["score"] == pytest.approx(1.2)
    assert next(iter(hits)) == original.austausch_id


def test_adoption_factor_is_capped_at_five_adopters():
    assert [adoption_factor(n) for n in (0, 1, 5, 9)] == pytest.approx([1.0, 1.1, 1.5, 1.5])


def test_openapi_schema_documents_the_count(client):
    schema = client.get("/api/v1/openapi.json").json()
    hit = schema["components"]["schemas"]["HitSchema"]
    assert hit["properties"]["uebernahmen"]["type"] == "integer"
    assert "uebernahmen" in hit["required"]


def test_similar_entries_carry_the_count(client, original, adopters):
    url = f"/api/v1/praxis/{adopters['schwerin'].austausch_id}/aehnliche/"
    hits = {hit["id"]: hit for hit in client.get(url).json()["treffer"]}
    assert hits[original.austausch_id]["uebernahmen"] == 2


def test_the_database_ranking_counts_an_adoption_published_after_a_search(world, original):
    # The database backend keeps each entry's adoption factor with its rows (row_cache).
    def original_hit():
        (hit,) = [
            hit
            for hit in DatabaseBackend().search(SearchQuery(pro_seite=100)).treffer
            if hit.page_id == original.pk
        ]
        return hit

    before = original_hit()
    assert before.uebernahmen == 0
    adopter = PraxisPageFactory(parent=world.ahrensburg, title="Sprachcafé Ahrensburg", live=False)
    adopter.uebernommen_von = original
    adopter.save_revision().publish()
    after = original_hit()
    assert after.uebernahmen == 1
    assert after.score == pytest.approx(before.score * adoption_factor(1))


def test_engine_returns_the_same_count_and_score(engine, original, adopters):  # noqa: F811
    rebuild_index()
    query = SearchQuery(pro_seite=100)
    in_engine = {hit.page_id: hit for hit in EngineBackend().search(query).treffer}
    in_database = {hit.page_id: hit for hit in DatabaseBackend().search(query).treffer}
    assert in_engine.keys() == in_database.keys()
    for pk, hit in in_database.items():
        assert in_engine[pk].uebernahmen == hit.uebernahmen, pk
        assert in_engine[pk].score == pytest.approx(hit.score, abs=1e-6), pk
    assert in_engine[original.pk].uebernahmen == 2
    assert EngineBackend().search(query).treffer[0].page_id == original.pk


def indexed_count(page_id: int) -> int | None:
    """The `uebernahmen` of a page's document, None if it is not indexed."""
    refresh_index()
    response = search_client.get_client().search(
        index=alias_name(), body={"query": {"ids": {"values": [str(page_id)]}}}
    )
    hits = response["hits"]["hits"]
    return hits[0]["_source"]["uebernahmen"] if hits else None


def test_originals_are_reindexed_when_an_adopter_changes(
    engine,  # noqa: F811
    world,
    original,
    django_capture_on_commit_callbacks,
):
    rebuild_index()
    assert indexed_count(original.pk) == 0
    adopter = PraxisPageFactory(parent=world.ahrensburg, title="Sprachcafé Ahrensburg", live=False)
    adopter.uebernommen_von = original
    with django_capture_on_commit_callbacks(execute=True):
        adopter.save_revision().publish()
    assert indexed_count(original.pk) == 1
    adopter = PraxisPage.objects.get(pk=adopter.pk)  # publish() saved a copy: now it is live
    with django_capture_on_commit_callbacks(execute=True):
        adopter.unpublish()
    assert indexed_count(original.pk) == 0

    other = world.entries["sprachpaten"]
    with django_capture_on_commit_callbacks(execute=True):
        adopter.save_revision().publish()
    assert indexed_count(original.pk) == 1
    draft = adopter.get_latest_revision_as_object()
    draft.uebernommen_von = other  # it adapted another entry after all
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert (indexed_count(original.pk), indexed_count(other.pk)) == (0, 1)
    with django_capture_on_commit_callbacks(execute=True):
        PraxisPage.objects.get(pk=adopter.pk).delete()
    assert indexed_count(other.pk) == 0
