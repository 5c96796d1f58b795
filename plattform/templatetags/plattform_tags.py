"""Template helpers of the public pages: German number formats, Laufzeit, site-wide links.

The registered names (`zahl`, `laufzeit`, `hauptnavigation`, ...) are what templates use.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from praxis.models import PraxisIndexPage

register = template.Library()

RANGE_DASH = "\N{EN DASH}"  # typographic range dash between two months


def _german_separators(text: str) -> str:
    """Swap English separators for German ones: "12,345.50" becomes "12.345,50"."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@register.filter(name="zahl")
def format_integer(value) -> str:
    """An integer with German thousands separators: 12345 becomes "12.345"."""
    if value is None or value == "":
        return ""
    return _german_separators(f"{int(value):,}")


@register.filter(name="dezimal")
def format_decimal(value, places: int = 2) -> str:
    """A decimal number in German notation, trailing zeros dropped: 12.50 becomes "12,5"."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = f"{number:,.{int(places)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _german_separators(text)


@register.filter(name="euro")
def format_euro(value) -> str:
    """An amount in whole euros: 5000 becomes "5.000 €"."""
    if value is None or value == "":
        return ""
    return f"{format_integer(value)} €"


@register.filter(name="monat")
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


@register.filter(name="klasse_kurz")
def groessenklasse_short(kommune) -> str:
    """The Größenklasse of a Kommune without its range: "Kleinstadt"."""
    if kommune is None:
        return ""
    return str(kommune.get_groessenklasse_display()).split(" (", 1)[0]


@register.simple_tag(name="groesse")
def kommune_size(kommune) -> str:
    """Size of a Kommune in words: "Kleinstadt, 12.345 Einwohner"."""
    if kommune is None:
        return ""
    return _("%(klasse)s, %(einwohner)s Einwohner") % {
        "klasse": groessenklasse_short(kommune),
        "einwohner": format_integer(kommune.einwohner),
    }


@register.simple_tag(takes_context=True, name="hauptnavigation")
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


@register.simple_tag(name="seitenbereich")
def page_range(page_of_list) -> list:
    """Page numbers around the current page of a Django Page, with ellipses in between."""
    paginator = page_of_list.paginator
    return list(paginator.get_elided_page_range(page_of_list.number, on_each_side=2, on_ends=1))


@register.simple_tag(name="listen_url")
def listing_url() -> str:
    """The URL of the entry listing, for links such as "?handlungsfeld=sprache"; "" if none."""
    index = PraxisIndexPage.objects.live().first()
    return index.url if index else ""


@register.simple_tag(name="nach_bundesland")
def group_by_bundesland(profiles) -> list[dict]:
    """Group Kommune profiles by Bundesland (alphabetical), keeping their order within a Land.

    Each group is {"land": name, "profile": [...]}; templates of kommunen read these keys.
    """
    groups: dict[str, list] = {}
    for profile in profiles:
        groups.setdefault(profile.kommune.get_bundesland_display(), []).append(profile)
    return [{"land": land, "profile": groups[land]} for land in sorted(groups)]
