"""Full-text matching and relevance for the database backend.

Matching uses Wagtail's database search index (OR of all term variants). Relevance is computed
in Python from the matched entries' title and short text (title weighs more than short text,
any match counts), so it is the same on SQLite and PostgreSQL and cheap for a few thousand hits.
"""

import logging
import re

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from praxis.models import PraxisPage
from search.backends.database.facets import MAX_IN_LISTE
from search.backends.database.text import suchbegriffe, woerter, wort_muster

logger = logging.getLogger(__name__)

GEWICHT_TITEL = 3.0
GEWICHT_KURZ = 2.0
GRUNDWERT = 1.0


def _sqlite_fts_verfuegbar() -> bool:
    """True when Wagtail's search backend is the SQLite FTS5 one (not the LIKE fallback)."""
    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def _sqlite_ids(begriffe: list[str]) -> QuerySet:
    """Matching page ids straight from the FTS5 table.

    Filtering index entries by `id IN (SELECT rowid ... MATCH)` lets SQLite run the MATCH once;
    the join that `.search()` builds makes it probe the FTS table per entry (50x slower).
    """
    tabelle = f"{IndexEntry._meta.db_table}_fts"
    ausdruck = "{title body} : (" + " OR ".join(f'"{b}"' for b in begriffe) + ")"
    fts = RawSQL(f"SELECT rowid FROM {tabelle} WHERE {tabelle} MATCH %s", [ausdruck])
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(PraxisPage), id__in=fts
    ).values_list("object_id", flat=True)


def treffende_ids(basis: QuerySet, q: str) -> set[int]:
    """Ids of the entries in `basis` matching any variant of any query word."""
    begriffe = suchbegriffe(q)
    if not begriffe:
        return set()
    try:
        if _sqlite_fts_verfuegbar():
            return {int(pk) for pk in _sqlite_ids(begriffe)} & set(
                basis.values_list("pk", flat=True)
            )
        ergebnis = basis.search(" ".join(begriffe), operator="or", order_by_relevance=False)
        return set(ergebnis.get_queryset().values_list("pk", flat=True))
    except DatabaseError:
        logger.exception("Datenbanksuche fehlgeschlagen für %r", q)
        return set()


def relevanz(ids: set[int], q: str) -> dict[int, float]:
    """Page id → text relevance: a base value plus weights for query words in title/short text."""
    muster = [re.compile(wort_muster(wort), re.IGNORECASE) for wort in woerter(q)]
    werte = {}
    texte = PraxisPage.objects.values_list("pk", "title", "kurzbeschreibung")
    if len(ids) <= MAX_IN_LISTE:
        texte = texte.filter(pk__in=ids)
    for pk, titel, kurz in texte.iterator(chunk_size=5000):
        if pk not in ids:
            continue
        wert = GRUNDWERT
        for m in muster:
            wert += GEWICHT_TITEL * bool(m.search(titel)) + GEWICHT_KURZ * bool(m.search(kurz))
        werte[pk] = wert
    return werte
