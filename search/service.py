"""The search service: ask the configured backend, fall back to the database if the engine
cannot be reached, and join the hits with their pages."""

import logging
from dataclasses import dataclass

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.backends import get_backend
from search.backends.database import DatabaseBackend
from search.client import connection_errors
from search.query import Hit, SearchQuery, SearchResult

logger = logging.getLogger(__name__)


@dataclass
class HitCard:
    """A hit with its page, for the result cards and the API."""

    hit: Hit
    page: PraxisPage


def _with_fallback(method: str, *args):
    """Call the configured backend; if the engine is unreachable, ask the database instead.

    Only connection errors fall back: a bug in the engine backend must show, not hide.
    """
    backend = None
    try:
        backend = get_backend()
        return getattr(backend, method)(*args)
    except connection_errors():
        if isinstance(backend, DatabaseBackend):
            raise
        logger.exception("Suchmaschine nicht erreichbar, die Datenbank antwortet")
        return getattr(DatabaseBackend(), method)(*args)


def search(query: SearchQuery) -> SearchResult:
    """Search with the configured backend (the database if the engine is unreachable)."""
    return _with_fallback("search", query)


def similar(page: PraxisPage, count: int = 5) -> list[Hit]:
    """Entries similar to `page`, best first."""
    return _with_fallback("similar_entries", page, count)


def comparable(kommune: Kommune, count: int = 5) -> list[tuple[Kommune, list[str]]]:
    """Kommunen comparable to `kommune`, best first, with reasons."""
    return _with_fallback("comparable_kommunen", kommune, count)


def hit_cards(hits: list[Hit]) -> list[HitCard]:
    """The hits in order with their live pages; hits whose page has gone are dropped."""
    pages = (
        PraxisPage.objects.live()
        .filter(pk__in=[h.page_id for h in hits])
        .select_related("kommune")
        .prefetch_related("handlungsfelder")
    )
    by_id = {page.pk: page for page in pages}
    return [HitCard(h, by_id[h.page_id]) for h in hits if h.page_id in by_id]
