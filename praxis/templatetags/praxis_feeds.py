"""The Atom feed links of a page's head: all new entries everywhere, and the filtered feed where
the page is about a Kreis (a Landkreis or kreisfreie Stadt profile) or shows a search filtered
by Handlungsfeld or Kreis (the listing and the search page)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from kommunen.models import KommunePage, KommuneTyp
from praxis.feeds import FEED_URL_NAME
from praxis.models import Handlungsfeld

register = template.Library()
KREIS_PROFILES = (KommuneTyp.LANDKREIS, KommuneTyp.KREISFREIE_STADT)


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str


def _feed_url(params: list[tuple[str, str]]) -> str:
    return reverse(FEED_URL_NAME) + ("?" + urlencode(params) if params else "")


def kreis_feed(page) -> list[FeedLink]:
    """The feed of the Kreis whose profile this is."""
    kommune = getattr(page, "kommune", None) if isinstance(page, KommunePage) else None
    if kommune is None or kommune.typ not in KREIS_PROFILES:
        return []
    title = _("Neue Praxisbeispiele: %(kreis)s") % {"kreis": kommune.anzeigename}
    return [FeedLink(title, _feed_url([("kreis", kommune.ags[:5])]))]


def filter_feed(query) -> list[FeedLink]:
    """The feed of the Handlungsfelder and Kreise a search or listing is filtered by."""
    slugs = tuple(getattr(query, "handlungsfeld", ()) or ())
    kreise = tuple(getattr(query, "kreis", ()) or ())
    if not slugs and not kreise:
        return []
    names = dict(Handlungsfeld.objects.filter(slug__in=slugs).values_list("slug", "name"))
    described = ", ".join([*(names.get(s, s) for s in slugs), *kreise])
    params = [("kreis", k) for k in kreise] + [("handlungsfeld", s) for s in slugs]
    title = _("Neue Praxisbeispiele: %(filter)s") % {"filter": described}
    return [FeedLink(title, _feed_url(params))]


@register.simple_tag(takes_context=True)
def feed_links(context) -> list[FeedLink]:
    """Every feed that fits the page being rendered, the all-entries feed first."""
    links = [FeedLink(_("Neue Praxisbeispiele"), _feed_url([]))]
    links += kreis_feed(context.get("page"))
    if not context.get("errors"):  # a 400 page's parameters are not a feed
        links += filter_feed(context.get("query"))
    return links
