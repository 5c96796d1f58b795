"""Template tags of the search blocks shown on entries and profiles."""

import logging

from django import template

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.service import HitCard, comparable, hit_cards, similar

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def similar_entries(page: PraxisPage, count: int = 4) -> list[HitCard]:
    """Similar entries for the "Ähnliche Praxisbeispiele" block; empty if the search fails.

    A new page in preview has no id yet but gets the block the published page will show.
    """
    if not isinstance(page, PraxisPage):
        return []
    try:
        return hit_cards(similar(page, count))
    except Exception:
        label = page.pk or "(neu)"
        logger.exception("Ähnliche Praxisbeispiele für Seite %s nicht ermittelbar", label)
        return []


@register.simple_tag
def comparable_kommunen(kommune: Kommune | None, count: int = 5) -> list[dict]:
    """Comparable participating Kommunen (public profiles loaded) with reasons; empty on failure."""
    if not isinstance(kommune, Kommune):
        return []
    try:
        pairs = comparable(kommune, count)
    except Exception:
        logger.exception("Vergleichbare Kommunen für %s nicht ermittelbar", kommune.ags)
        return []
    return [{"kommune": other, "reasons": reasons} for other, reasons in pairs]
