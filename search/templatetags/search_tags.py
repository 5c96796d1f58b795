"""Template tags of the search blocks shown on entries and profiles."""

import logging

from django import template

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.service import Karte, aehnliche, karten, profil_url, vergleichbare

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def similar_entries(page: PraxisPage, anzahl: int = 4) -> list[Karte]:
    """Similar entries for the "Ähnliche Praxisbeispiele" block; empty if the search fails."""
    if not isinstance(page, PraxisPage) or not page.pk:
        return []
    try:
        return karten(aehnliche(page, anzahl))
    except Exception:
        logger.exception("Ähnliche Praxisbeispiele für Seite %s nicht ermittelbar", page.pk)
        return []


@register.simple_tag(takes_context=True)
def comparable_kommunen(context, kommune: Kommune | None, anzahl: int = 5) -> list[dict]:
    """Comparable participating Kommunen with reasons and profile URLs; empty on failure."""
    if not isinstance(kommune, Kommune):
        return []
    try:
        paare = vergleichbare(kommune, anzahl)
    except Exception:
        logger.exception("Vergleichbare Kommunen für %s nicht ermittelbar", kommune.ags)
        return []
    request = context.get("request")
    return [
        {"kommune": andere, "erklaerung": gruende, "url": profil_url(andere, request)}
        for andere, gruende in paare
    ]
