"""Atom feeds of newly published entries: /feeds/praxis/, filtered by ?kreis= and ?handlungsfeld=.

Newest first publication first, at most 50 entries. A parameter may be repeated: the values
of one parameter are alternatives (OR), the two parameters together narrow the feed (AND), as
on the search page. An unknown or malformed value is answered with 400 and a German message
in plain text.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _

from wagtail.models import Site

from kommunen.models import KREIS_PATTERN, Kommune, KommuneTyp
from praxis.models import Handlungsfeld, PraxisIndexPage, PraxisPage

FEED_URL_NAME = "praxis_feed"
MAX_ITEMS = 50
MAX_VALUES = 50
DEFAULT_SITE_NAME = "Praxisnetz Integration"


class FeedParameterError(ValueError):
    """Bad feed parameters; the messages are German and meant for the reader's user."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class FeedFilter:
    """The Kreise (5-digit keys with their names) and Handlungsfelder a feed is limited to."""

    kreise: dict[str, str] = field(default_factory=dict)
    handlungsfelder: tuple[Handlungsfeld, ...] = ()

    def as_params(self) -> list[tuple[str, str]]:
        return [("kreis", key) for key in self.kreise] + [
            ("handlungsfeld", h.slug) for h in self.handlungsfelder
        ]

    def query_string(self) -> str:
        params = self.as_params()
        return "?" + urlencode(params) if params else ""

    def describe(self) -> str:
        """ "Sprache, Wohnen (Kreis Stormarn)", or "" without filters."""
        fields = ", ".join(h.name for h in self.handlungsfelder)
        kreise = ", ".join(self.kreise.values())
        if fields and kreise:
            return f"{fields} ({kreise})"
        return fields or kreise


def _values(params, name: str) -> list[str]:
    values = [value.strip() for value in params.getlist(name) if value.strip()]
    if len(values) > MAX_VALUES:
        raise FeedParameterError(
            [_("Zu viele Werte für „%(name)s“: höchstens %(n)d.") % {"name": name, "n": MAX_VALUES}]
        )
    return list(dict.fromkeys(values))


def kreis_name(key: str) -> str | None:
    """The name of the Kreis (or kreisfreie Stadt) with this 5-digit key, None if unknown."""
    kreis = Kommune.objects.filter(
        Q(ags=key) | Q(ags__startswith=key, typ=KommuneTyp.KREISFREIE_STADT)
    ).first()
    return kreis.anzeigename if kreis else None


def _kreise(params, errors: list[str]) -> dict[str, str]:
    kreise = {}
    for key in _values(params, "kreis"):
        name = kreis_name(key) if KREIS_PATTERN.match(key) else None
        if name:
            kreise[key] = name
        elif KREIS_PATTERN.match(key):
            errors.append(_("Zum Kreisschlüssel „%(wert)s“ gibt es keinen Kreis.") % {"wert": key})
        else:
            errors.append(
                _("„%(wert)s“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern.") % {"wert": key}
            )
    return kreise


def _handlungsfelder(params, errors: list[str]) -> tuple[Handlungsfeld, ...]:
    slugs = _values(params, "handlungsfeld")
    known = {h.slug: h for h in Handlungsfeld.objects.filter(slug__in=slugs)}
    errors += [
        _("Unbekanntes Handlungsfeld „%(wert)s“.") % {"wert": slug}
        for slug in slugs
        if slug not in known
    ]
    return tuple(known[slug] for slug in slugs if slug in known)


def parse_filter(params) -> FeedFilter:
    """The feed's filter from the GET parameters; raises FeedParameterError."""
    errors: list[str] = []
    kreise = _kreise(params, errors)
    handlungsfelder = _handlungsfelder(params, errors)
    if errors:
        raise FeedParameterError(errors)
    return FeedFilter(kreise, handlungsfelder)


def feed_entries(feed_filter: FeedFilter) -> QuerySet:
    """Live, public entries matching the filter, newest first publication first."""
    entries = PraxisPage.objects.live().public()
    if feed_filter.kreise:
        in_kreis = Q()
        for key in feed_filter.kreise:
            in_kreis |= Q(kommune__ags__startswith=key)
        entries = entries.filter(in_kreis)
    if feed_filter.handlungsfelder:
        matching = PraxisPage.objects.filter(handlungsfelder__in=feed_filter.handlungsfelder)
        entries = entries.filter(pk__in=matching.values("pk"))
    return (
        entries.select_related("kommune")
        .prefetch_related("handlungsfelder")
        .order_by("-first_published_at", "-pk")[:MAX_ITEMS]
    )


def site_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or DEFAULT_SITE_NAME


class PraxisFeed(Feed):
    """The Atom feed of new Praxisbeispiele (one instance serves all requests: no state)."""

    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except FeedParameterError as error:
            return HttpResponseBadRequest(
                "\n".join(error.messages), content_type="text/plain; charset=utf-8"
            )

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedFilter:
        return parse_filter(request.GET)

    def title(self, obj: FeedFilter) -> str:
        described = obj.describe()
        if described:
            return _("Neue Praxisbeispiele: %(filter)s") % {"filter": described}
        return _("Neue Praxisbeispiele")

    def subtitle(self, obj: FeedFilter) -> str:
        return _("Die zuletzt veröffentlichten Praxisbeispiele auf %(plattform)s.") % {
            "plattform": site_name()
        }

    def link(self, obj: FeedFilter) -> str:
        """The entry listing with the same filters (it takes ?kreis= and ?handlungsfeld=), at the
        site's own address: it is also the feed's id, which must not depend on the request."""
        listing = PraxisIndexPage.objects.live().first()
        return ((listing.get_full_url() if listing else None) or "/") + obj.query_string()

    def feed_url(self, obj: FeedFilter) -> str:
        return reverse(FEED_URL_NAME) + obj.query_string()

    def author_name(self) -> str:
        return site_name()

    def items(self, obj: FeedFilter) -> QuerySet:
        return feed_entries(obj)

    def item_title(self, item: PraxisPage) -> str:
        return item.title

    def item_description(self, item: PraxisPage) -> str:
        # Atom's summary is sent as type="html": the plain short text is escaped once more.
        return conditional_escape(item.kurzbeschreibung)

    def item_link(self, item: PraxisPage) -> str:
        return item.get_full_url() or item.url or "/"

    def item_guid(self, item: PraxisPage) -> str:
        """A tag URI (RFC 4151) of the stable exchange id: it survives moves and renames."""
        host = urlsplit(self.item_link(item)).hostname or "localhost"
        published = item.first_published_at or item.latest_revision_created_at or timezone.now()
        return f"tag:{host},{published:%Y-%m-%d}:praxis/{item.austausch_id}"

    def item_pubdate(self, item: PraxisPage):
        return item.first_published_at

    def item_updateddate(self, item: PraxisPage):
        # Atom requires <updated>; a live page without dates (made by code) gets "now".
        return item.last_published_at or item.first_published_at or timezone.now()

    def item_author_name(self, item: PraxisPage) -> str | None:
        return item.kommune.anzeigename if item.kommune else None

    def item_categories(self, item: PraxisPage) -> list[str]:
        return [h.name for h in item.handlungsfelder.all()]
