"""The search backend in use: the engine when SEARCH_URL is set, else the database."""

from typing import Protocol

from django.conf import settings

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.query import Hit, SearchQuery, SearchResult


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResult: ...

    def similar_entries(self, page: PraxisPage, count: int = 5) -> list[Hit]: ...

    def comparable_kommunen(
        self, kommune: Kommune, count: int = 5
    ) -> list[tuple[Kommune, list[str]]]: ...


def get_backend() -> SearchBackend:
    """EngineBackend when settings.SEARCH_URL is set, else DatabaseBackend."""
    if getattr(settings, "SEARCH_URL", ""):
        return EngineBackend()
    return DatabaseBackend()
