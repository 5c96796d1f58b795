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
        "partner_kommunen": [p.kommune.ags for p in _in_editor_order(page.partner.all())],
        "kurzbeschreibung": _or_null(page.kurzbeschreibung),
        "beschreibung": beschreibung_as_text(page),
        "handlungsfelder": _taxonomy_slugs(page.handlungsfelder.all()),
        "zielgruppen": _taxonomy_slugs(page.zielgruppen.all()),
        "schlagworte": sorted((t.name for t in page.schlagworte.all()), key=_casefold_key),
        "status": page.status,
        "beginn": _or_null(page.beginn),
        "ende": _or_null(page.ende),
        "traeger": _or_null(page.traeger),
        "foerderung": [f.name for f in _in_editor_order(page.foerderungen.all())],
        "kosten_jahr_eur": page.kosten_jahr_eur,
        "personal": _or_null(page.personal),
        "uebertragbarkeit": _or_null(page.uebertragbarkeit),
        "kontakt": _kontakt(page),
        "links": [link.url for link in _in_editor_order(page.links.all())],
        # version 2
        "evidenz": page.evidenz or None,
        "evaluation_url": _or_null(page.evaluation_url),
        "erfahrungen": _or_null(page.erfahrungen),
        "kosten_einmalig_eur": page.kosten_einmalig_eur,
        "foerderprogramme": sorted(p.slug for p in page.foerderprogramme.all()),
        "uebernommen_von": page.uebernommen_von.austausch_id if page.uebernommen_von else None,
        "stand": page.stand.isoformat() if page.stand else None,
    }


def beschreibung_as_text(page: PraxisPage) -> str | None:
    """The plain text of the page's `absatz` blocks; other blocks are not part of it."""
    paragraphs = [
        paragraph
        for block in page.paragraphs
        for paragraph in description.from_html(block.value.source)
    ]
    return "\n\n".join(paragraphs) or None


def _kontakt(page: PraxisPage) -> dict[str, str | None] | None:
    kontakt = {
        "name": _or_null(page.kontakt_name),
        "funktion": _or_null(page.kontakt_funktion),
        "email": _or_null(page.kontakt_email),
        "telefon": _or_null(page.kontakt_telefon),
    }
    return kontakt if any(kontakt.values()) else None


def _or_null(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _in_editor_order(objects: Iterable) -> list:
    """Inline objects in editor order (unsaved ones without sort_order last, stable)."""
    return sorted(objects, key=lambda o: (o.sort_order is None, o.sort_order or 0))


def _taxonomy_slugs(terms: Iterable) -> list[str]:
    return [t.slug for t in sorted(terms, key=lambda t: (t.sort_order, t.name))]


def _casefold_key(word: str) -> tuple[str, str]:
    return (word.casefold(), word)
