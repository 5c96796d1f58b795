"""Template helpers of the public pages: amounts and decimals, Laufzeit, site-wide links.

Whole numbers go through Django's localisation (`intcomma` of django.contrib.humanize, the
active language being LANGUAGE_CODE "de"); `euro` and `decimal` build on the same
`number_format`.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from praxis.models import PraxisIndexPage

register = template.Library()

RANGE_DASH = "\N{EN DASH}"  # typographic range dash between two months


@register.filter(name="decimal")
def format_decimal(value, places: int = 2) -> str:
    """A decimal rounded to `places`, trailing zeros dropped: 12.50 becomes "12,5" in German."""
    try:
        number = Decimal(value).quantize(Decimal(1).scaleb(-int(places)))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    # normalize() drops the trailing zeros; number_format writes 1E+2 out as 100.
    return number_format(number.normalize(), force_grouping=True)


@register.filter(name="euro")
def format_euro(value) -> str:
    """An amount in whole euros: 5000 becomes "5.000 €" in German."""
    if value is None or value == "":
        return ""
    return f"{intcomma(int(value))} €"


@register.filter
def format_month(value: str) -> str:
    """A month "2018-03" as "03/2018"; anything else unchanged."""
    if not value or len(value) != 7 or value[4] != "-":
        return value or ""
    return f"{value[5:]}/{value[:4]}"


@register.simple_tag(name="laufzeit")
def format_laufzeit(page) -> str:
    """The run time of an entry: "seit 03/2018", "03/2018 bis 12/2020" (en dash), "bis 12/2020"."""
    start, end = format_month(page.beginn), format_month(page.ende)
    if start and end:
        return f"{start} {RANGE_DASH} {end}"
    if start:
        return _("seit %(beginn)s") % {"beginn": start}
    if end:
        return _("bis %(ende)s") % {"ende": end}
    return ""


@register.filter
def groessenklasse_short(kommune) -> str:
    """The Größenklasse of a Kommune without its range: "Kleinstadt"."""
    if kommune is None:
        return ""
    return str(kommune.get_groessenklasse_display()).split(" (", 1)[0]


@register.simple_tag
def kommune_size(kommune) -> str:
    """Size of a Kommune in words: "Kleinstadt, 12.345 Einwohner"."""
    if kommune is None:
        return ""
    return _("%(klasse)s, %(einwohner)s Einwohner") % {
        "klasse": groessenklasse_short(kommune),
        "einwohner": intcomma(kommune.einwohner),
    }


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The main menu: the home page's children shown in menus (in tree order), then the search.

    An item is `active` when the current page lies in its section, `current` when it is the page.
    """
    request: HttpRequest | None = context.get("request")
    path = request.path if request else ""
    section = getattr(context.get("page"), "menu_section", None)
    items = []
    for page in _menu_pages(request):
        url = page.get_url(request)
        active = _in_section(page, section) if section else path.startswith(url)
        items.append({"title": page.title, "url": url, "active": active})
    search_url = reverse("search:suche")
    items.append({"title": _("Suche"), "url": search_url, "active": path.startswith(search_url)})
    for item in items:
        item["current"] = path == item["url"]
    return items


def _menu_pages(request: HttpRequest | None):
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().in_menu()


def _in_section(page: Page, section: type[Page]) -> bool:
    """Whether a menu page is the section a current page names for itself (an entry does)."""
    return page.specific_class is not None and issubclass(page.specific_class, section)


@register.simple_tag
def page_range(page_of_list) -> list:
    """Page numbers around the current page of a Django Page, with ellipses in between."""
    paginator = page_of_list.paginator
    return list(paginator.get_elided_page_range(page_of_list.number, on_each_side=2, on_ends=1))


@register.simple_tag
def listing_url() -> str:
    """The URL of the entry listing, for links such as "?handlungsfeld=sprache"; "" if none."""
    index = PraxisIndexPage.objects.live().first()
    return index.url if index else ""


@register.simple_tag
def group_by_bundesland(profiles) -> list[dict]:
    """Group Kommune profiles by Bundesland (alphabetical), keeping their order within a Land.

    Each group is {"land": name, "profiles": [...]}.
    """
    groups: dict[str, list] = {}
    for profile in profiles:
        groups.setdefault(profile.kommune.get_bundesland_display(), []).append(profile)
    return [{"land": land, "profiles": groups[land]} for land in sorted(groups)]
