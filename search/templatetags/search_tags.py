"""Template tags of the search blocks shown on entries and profiles."""

import logging

from django import template
from django.utils.translation import gettext as _

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.kommune_lookup import resolve
from search.query import SearchQuery
from search.service import HitCard, comparable, hit_cards, search, similar

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


@register.simple_tag(takes_context=True)
def meine_kommune(context, count: int = 6) -> dict:
    """The home page's "Meine Kommune" (`?vergleich=`, a name or AGS): the Kommune and the best
    entries of comparable Kommunen, or the choice/error for what was typed; {} if none given.

    The choice travels only in the URL, like on the search page: no cookie, no session.
    """
    text = " ".join(context["request"].GET.get("vergleich", "").split())[:100]
    if not text:
        return {}
    resolution = resolve(text)
    kommune = Kommune.objects.filter(ags=resolution.ags).first() if resolution.ags else None
    if kommune is None:
        error = resolution.error  # a name that matches nothing, or None with choices
        if resolution.ags:  # a well-formed key that the register does not have
            error = _("Keine Kommune mit dem Schlüssel „%(ags)s“ gefunden.") % {"ags": text}
        return {"text": text, "error": error, "choices": resolution.choices}
    try:
        result = search(SearchQuery(vergleich=kommune.ags, pro_seite=count))
    except Exception:
        logger.exception("Praxisbeispiele für Kommunen wie %s nicht ermittelbar", kommune.ags)
        return {"kommune": kommune, "cards": [], "anzahl": 0}
    return {"kommune": kommune, "cards": hit_cards(result.treffer), "anzahl": result.anzahl}
