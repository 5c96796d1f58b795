"""The search service: ask the configured backend, fall back to the database if the engine
cannot be reached, and join the hits with their pages."""

from dataclasses import dataclass

from django.conf import settings

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search import breaker
from search.backends import get_backend
from search.backends.database import DatabaseBackend
from search.client import connection_errors
from search.query import Hit, SearchQuery, SearchResult


@dataclass
class HitCard:
    """A hit with its page, for the result cards and the API."""

    hit: Hit
    page: PraxisPage


def _with_fallback(method: str, *args):
    """Call the configured backend; if the engine is unreachable, ask the database instead.

    Only connection errors fall back: a bug in the engine backend must show, not hide. A
    failure is remembered for a while (search.breaker), and meanwhile the database answers
    at once.
    """
    if settings.SEARCH_URL and breaker.engine_recently_failed():
        return getattr(DatabaseBackend(), method)(*args)
    backend = None
    try:
        backend = get_backend()
        return getattr(backend, method)(*args)
    except connection_errors() as error:
        if isinstance(backend, DatabaseBackend):
            raise
        breaker.remember_failure(error)
        return getattr(DatabaseBackend(), method)(*args)


def engine_unavailable(result: SearchResult) -> bool:
    """True if an engine is configured but the database answered instead."""
    return bool(settings.SEARCH_URL) and result.backend == DatabaseBackend.name


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
    """The hits in order with their live, public pages; others are dropped.

    The index holds public pages only, but a view restriction added since it was written must
    not show the page's title and teaser either.
    """
    if not hits:
        return []
    pages = PraxisPage.objects.live().public().filter(pk__in=[h.page_id for h in hits]).for_cards()
    by_id = {page.pk: page for page in pages}
    return [HitCard(h, by_id[h.page_id]) for h in hits if h.page_id in by_id]
