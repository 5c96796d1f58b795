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

from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from praxis.models import PraxisPage
from search.backends.database.facets import MAX_IN_LIST
from search.backends.database.text import search_terms, word_pattern, words

logger = logging.getLogger(__name__)

WEIGHT_TITLE = 3.0
WEIGHT_SHORT_TEXT = 2.0
BASE_SCORE = 1.0


def _sqlite_fts_available() -> bool:
    """True when Wagtail's search backend is the SQLite FTS5 one (not the LIKE fallback)."""
    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def _sqlite_ids(terms: list[str]) -> QuerySet:
    """Matching page ids straight from the FTS5 table.

    Filtering index entries by `id IN (SELECT rowid ... MATCH)` lets SQLite run the MATCH once;
    the join that `.search()` builds makes it probe the FTS table per entry (50x slower).
    """
    table = f"{IndexEntry._meta.db_table}_fts"
    expression = "{title body} : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
    fts = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression])
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(PraxisPage), id__in=fts
    ).values_list("object_id", flat=True)


def matching_ids(base: PageQuerySet, q: str) -> set[int]:
    """Ids of the entries in `base` matching any variant of any query word."""
    terms = search_terms(q)
    if not terms:
        return set()
    try:
        if _sqlite_fts_available():
            return {int(pk) for pk in _sqlite_ids(terms)} & set(base.values_list("pk", flat=True))
        results = base.search(" ".join(terms), operator="or", order_by_relevance=False)
        return set(results.get_queryset().values_list("pk", flat=True))
    except DatabaseError:
        logger.exception("Datenbanksuche fehlgeschlagen für %r", q)
        return set()


def relevance(ids: set[int], q: str) -> dict[int, float]:
    """Page id → text relevance: a base value plus weights for query words in title/short text."""
    patterns = [re.compile(word_pattern(word), re.IGNORECASE) for word in words(q)]
    scores = {}
    texts = PraxisPage.objects.values_list("pk", "title", "kurzbeschreibung")
    if len(ids) <= MAX_IN_LIST:
        texts = texts.filter(pk__in=ids)
    for pk, title, short in texts.iterator(chunk_size=5000):
        if pk not in ids:
            continue
        score = BASE_SCORE
        for p in patterns:
            score += WEIGHT_TITLE * bool(p.search(title)) + WEIGHT_SHORT_TEXT * bool(
                p.search(short)
            )
        scores[pk] = score
    return scores
