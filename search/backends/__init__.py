"""The search backend in use: the engine when SEARCH_URL is set, else the database."""

from typing import Protocol

from django.conf import settings

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.query import SuchAnfrage, SuchErgebnis, Treffer


class SuchBackend(Protocol):
    name: str

    def suche(self, anfrage: SuchAnfrage) -> SuchErgebnis: ...

    def aehnliche(self, page: PraxisPage, anzahl: int = 5) -> list[Treffer]: ...

    def comparable_kommunen(
        self, kommune: Kommune, anzahl: int = 5
    ) -> list[tuple[Kommune, list[str]]]: ...


def get_backend() -> SuchBackend:
    """EngineBackend when settings.SEARCH_URL is set, else DatenbankBackend."""
    if getattr(settings, "SEARCH_URL", ""):
        from search.backends.engine import EngineBackend

        return EngineBackend()
    from search.backends.database import DatenbankBackend

    return DatenbankBackend()
