"""The database backend keeps its rows between searches and reads them again after a change:
in this process through signals, in the others through the shared generation number."""

from functools import partial

from django.core.cache import caches

import pytest

from kommunen.models import Kommune
from praxis.models import Foerderprogramm
from search.backends.database import DatabaseBackend, public_entries, row_cache
from search.query import SearchQuery

pytestmark = pytest.mark.search_data_per_test


def found(**query) -> set[int]:
    return {hit.page_id for hit in DatabaseBackend().search(SearchQuery(**query)).treffer}


def test_unpublishing_removes_the_entry_from_the_kept_rows(entries):
    page = entries["sprachcafe"]
    assert page.pk in found()
    page.unpublish()
    assert page.pk not in found()


def test_rows_are_kept_until_something_changes(entries, django_assert_max_num_queries):
    found()
    with django_assert_max_num_queries(8):  # the rows are not read again
        found(handlungsfeld=["sprache"])


def test_a_change_in_another_process_reloads_after_its_commit(entries):
    page = entries["sprachcafe"]
    before = found(bundesland=[page.kommune.bundesland])
    assert page.pk in before
    # Another process moves the Kommune to another Land: no signal reaches this process ...
    Kommune.objects.filter(pk=page.kommune_id).update(bundesland="TH")
    assert page.pk in found(bundesland=[page.kommune.bundesland])
    # ... until its commit has moved the shared generation.
    row_cache._bump_shared_generation()
    assert page.pk not in found(bundesland=[page.kommune.bundesland])
    assert page.pk in found(bundesland=["TH"])


def test_a_change_moves_the_shared_generation_once_committed(
    entries, django_capture_on_commit_callbacks
):
    before = row_cache.shared_generation()
    with django_capture_on_commit_callbacks(execute=True):
        entries["wohnen"].unpublish()
    assert row_cache.shared_generation() > before
    assert (
        caches[row_cache.CACHE_ALIAS].get(row_cache.GENERATION_KEY) == row_cache.shared_generation()
    )


def test_values_derived_from_the_rows_are_kept_with_them_and_bounded(entries):
    loaded = row_cache.all_rows(public_entries)
    for n in range(row_cache.REMEMBERED + 1):
        loaded.remember(("key", n), partial(str.format, "value {}", n))
    newest = row_cache.REMEMBERED
    assert loaded.remember(("key", newest), lambda: "again") == f"value {newest}"
    assert loaded.remember(("key", 0), lambda: "again") == "again"  # the oldest was dropped
    assert len(loaded.derived) == row_cache.REMEMBERED
    entries["wohnen"].unpublish()
    reloaded = row_cache.all_rows(public_entries)
    assert reloaded is not loaded
    assert reloaded.remember(("key", 1), lambda: "new") == "new"


def test_a_renamed_kreis_shows_its_new_name_in_the_kreis_facet(entries, kommunen):
    def kreis_label() -> str:
        result = DatabaseBackend().search(SearchQuery(kreis=("01062",)))
        return {value.wert: value.label for value in result.facetten["kreis"]}["01062"]

    assert kreis_label() == "Stormarn"
    stormarn = kommunen["stormarn"]
    stormarn.anzeigename = "Kreis Stormarn"
    stormarn.save()
    assert kreis_label() == "Kreis Stormarn"


def test_a_programme_renamed_in_the_admin_is_found_by_its_new_slug(entries):
    page = entries["sprachcafe"]
    page.foerderprogramme.set(Foerderprogramm.objects.filter(slug="amif"))
    page.save_revision().publish()
    assert page.pk in found(foerderprogramm=["amif"])
    programme = Foerderprogramm.objects.get(slug="amif")
    programme.slug, programme.name = "amif-neu", "AMIF (neu)"
    programme.save()
    result = DatabaseBackend().search(SearchQuery(foerderprogramm=("amif-neu",)))
    assert [hit.page_id for hit in result.treffer] == [page.pk]
    labels = {value.wert: value.label for value in result.facetten["foerderprogramm"]}
    assert labels["amif-neu"] == "AMIF (neu)" and "amif" not in labels
