"""Hits joined with their pages, and the plain dicts the API and the pages show."""

import logging
from dataclasses import dataclass

from django.http import HttpRequest

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.backends import get_backend
from search.query import SuchAnfrage, SuchErgebnis, Treffer

logger = logging.getLogger(__name__)


@dataclass
class Karte:
    """A hit with its page, for the result cards and the API."""

    treffer: Treffer
    page: PraxisPage


def _mit_rueckfall(methode: str, *args):
    """Call the configured backend; if the engine fails, answer from the database instead."""
    from search.backends.database import DatenbankBackend

    backend = None
    try:
        backend = get_backend()
        return getattr(backend, methode)(*args)
    except Exception:
        if isinstance(backend, DatenbankBackend):
            raise
        logger.exception("Suchmaschine nicht erreichbar, die Datenbank antwortet")
        return getattr(DatenbankBackend(), methode)(*args)


def suchen(anfrage: SuchAnfrage) -> SuchErgebnis:
    """Search with the configured backend (the database if the engine fails)."""
    return _mit_rueckfall("suche", anfrage)


def aehnliche(page: PraxisPage, anzahl: int = 5) -> list[Treffer]:
    """Entries similar to `page`, best first."""
    return _mit_rueckfall("aehnliche", page, anzahl)


def vergleichbare(kommune: Kommune, anzahl: int = 5) -> list[tuple[Kommune, list[str]]]:
    """Kommunen comparable to `kommune`, best first, with reasons."""
    return _mit_rueckfall("comparable_kommunen", kommune, anzahl)


def karten(treffer: list[Treffer]) -> list[Karte]:
    """The hits in order with their live pages; hits whose page has gone are dropped."""
    seiten = (
        PraxisPage.objects.live()
        .filter(pk__in=[t.page_id for t in treffer])
        .select_related("kommune")
        .prefetch_related("handlungsfelder")
    )
    nach_id = {page.pk: page for page in seiten}
    return [Karte(t, nach_id[t.page_id]) for t in treffer if t.page_id in nach_id]


def kommune_kurz(kommune: Kommune | None) -> dict | None:
    if kommune is None:
        return None
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "groessenklasse": kommune.groessenklasse,
        "bundesland": kommune.bundesland,
    }


def treffer_als_dict(karte: Karte, request: HttpRequest | None = None) -> dict:
    """One hit in the API's shape."""
    page, treffer = karte.page, karte.treffer
    return {
        "id": page.austausch_id,
        "titel": page.title,
        "url": page.get_full_url(request),
        "kurzbeschreibung": page.kurzbeschreibung,
        "kommune": kommune_kurz(page.kommune),
        "handlungsfelder": [h.slug for h in page.handlungsfelder.all()],
        "status": page.status,
        "score": round(treffer.score, 6),
        "erklaerung": treffer.erklaerung,
        "hervorhebung": treffer.hervorhebung,
    }


def kommune_als_dict(kommune: Kommune, request: HttpRequest | None = None) -> dict:
    """A Kommune of the register with the URL of its live profile, if it has one."""
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "amtlicher_name": kommune.name,
        "typ": kommune.typ,
        "einwohner": kommune.einwohner,
        "groessenklasse": kommune.groessenklasse,
        "bundesland": kommune.bundesland,
        "kreis": {"ags": kommune.kreis.ags, "name": kommune.kreis.anzeigename}
        if kommune.kreis_id
        else None,
        "verstaedterung": kommune.verstaedterung,
        "profil_url": profil_url(kommune, request),
    }


def profil_url(kommune: Kommune, request: HttpRequest | None = None) -> str | None:
    """The URL of the Kommune's live profile page, or None."""
    profil = kommune.profil
    return profil.get_full_url(request) if profil and profil.live else None
