"""Everything an entry says is searchable: funding, staff, Träger and transferability are
indexed on both backends, so "AMIF", "ESF Plus", "Eigenmittel" and "Patinnen" find the entries
that name them only there (issue 9.4), "AMIF" and "ESF Plus" through the linked programme's
name (issue 10.2). Demo content, seeded once for the module."""

import pytest

from praxis.models import PraxisPage
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.query import SearchQuery

from .engine_support import rebuild_index
from .test_parity import all_ids, seeded  # noqa: F401  # the module-scoped demo content

TERMS = {
    "AMIF": "foerderprogramme__name__icontains",
    "ESF Plus": "foerderprogramme__name__icontains",
    "Eigenmittel": "foerderungen__name__icontains",
    "Patinnen": "personal__icontains",
}


def naming(term: str) -> set[int]:
    """The live entries whose condition field names the term."""
    entries = PraxisPage.objects.live().filter(**{TERMS[term]: term})
    assert entries.exists(), f"no demo entry names {term}"
    return set(entries.values_list("pk", flat=True))


@pytest.fixture
def demo(seeded, db):  # noqa: F811
    assert PraxisPage.objects.live().count() >= 40


@pytest.mark.parametrize("term", TERMS)
def test_the_database_backend_finds_what_only_a_condition_field_names(demo, term):
    assert naming(term) <= all_ids(DatabaseBackend(), SearchQuery(q=term))


def test_traeger_and_uebertragbarkeit_are_searchable_on_the_database(demo):
    entry = PraxisPage.objects.live().exclude(traeger="").first()
    word = max(entry.traeger.split(), key=len)
    assert entry.pk in all_ids(DatabaseBackend(), SearchQuery(q=word))


def test_the_engine_finds_what_only_a_condition_field_names(demo, engine):
    rebuild_index()
    for term in TERMS:
        assert naming(term) <= all_ids(EngineBackend(), SearchQuery(q=term)), term
