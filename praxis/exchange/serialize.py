"""A Praxisbeispiel as an object of the exchange format (AUSTAUSCHFORMAT.md)."""

from collections.abc import Iterable
from typing import Any

from praxis.exchange import description
from praxis.models import PraxisPage


def to_exchange_dict(page: PraxisPage) -> dict[str, Any]:
    """The exchange object of a page (or of a revision's page object); reads, never writes.

    Every key is present, in the order of the contract; sets come in canonical order.
    """
    kommune = page.kommune if page.kommune_id else page.lead_kommune()
    return {
        "id": page.austausch_id,
        "titel": page.title,
        "kommune": kommune.ags if kommune else None,
        "partner_kommunen": [p.kommune.ags for p in _geordnet(page.partner.all())],
        "kurzbeschreibung": _oder_null(page.kurzbeschreibung),
        "beschreibung": beschreibung_als_text(page),
        "handlungsfelder": _taxonomie(page.handlungsfelder.all()),
        "zielgruppen": _taxonomie(page.zielgruppen.all()),
        "schlagworte": sorted((t.name for t in page.schlagworte.all()), key=_ohne_grossklein),
        "status": page.status,
        "beginn": _oder_null(page.beginn),
        "ende": _oder_null(page.ende),
        "traeger": _oder_null(page.traeger),
        "foerderung": [f.name for f in _geordnet(page.foerderungen.all())],
        "kosten_jahr_eur": page.kosten_jahr_eur,
        "personal": _oder_null(page.personal),
        "uebertragbarkeit": _oder_null(page.uebertragbarkeit),
        "kontakt": _kontakt(page),
        "links": [link.url for link in _geordnet(page.links.all())],
    }


def beschreibung_als_text(page: PraxisPage) -> str | None:
    """The plain text of the page's `absatz` blocks; other blocks are not part of it."""
    absaetze = [
        absatz for block in page.absaetze for absatz in description.als_text(block.value.source)
    ]
    return "\n\n".join(absaetze) or None


def _kontakt(page: PraxisPage) -> dict[str, str | None] | None:
    kontakt = {
        "name": _oder_null(page.kontakt_name),
        "funktion": _oder_null(page.kontakt_funktion),
        "email": _oder_null(page.kontakt_email),
        "telefon": _oder_null(page.kontakt_telefon),
    }
    return kontakt if any(kontakt.values()) else None


def _oder_null(wert: str | None) -> str | None:
    return wert.strip() or None if wert else None


def _geordnet(objekte: Iterable) -> list:
    """Inline objects in editor order (unsaved ones without sort_order last, stable)."""
    return sorted(objekte, key=lambda o: (o.sort_order is None, o.sort_order or 0))


def _taxonomie(eintraege: Iterable) -> list[str]:
    return [e.slug for e in sorted(eintraege, key=lambda e: (e.sort_order, e.name))]


def _ohne_grossklein(wort: str) -> tuple[str, str]:
    return (wort.casefold(), wort)
