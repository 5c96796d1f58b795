"""Template helpers of the public pages: German number formats, Laufzeit, site-wide links."""

from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

register = template.Library()

BIS_STRICH = "\N{EN DASH}"  # typographic range dash between two months
FUSSZEILEN_SLUGS = ("impressum", "datenschutz", "barrierefreiheit")


def _deutsch(text: str) -> str:
    """Swap English separators for German ones: "12,345.50" becomes "12.345,50"."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@register.filter
def zahl(value) -> str:
    """An integer with German thousands separators: 12345 becomes "12.345"."""
    if value is None or value == "":
        return ""
    return _deutsch(f"{int(value):,}")


@register.filter
def dezimal(value, stellen: int = 2) -> str:
    """A decimal number in German notation, trailing zeros dropped: 12.50 becomes "12,5"."""
    try:
        zahlwert = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = f"{zahlwert:,.{int(stellen)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _deutsch(text)


@register.filter
def euro(value) -> str:
    """An amount in whole euros: 5000 becomes "5.000 €"."""
    if value is None or value == "":
        return ""
    return f"{zahl(value)} €"


@register.filter
def monat(value: str) -> str:
    """A month "2018-03" as "03/2018"; anything else unchanged."""
    if not value or len(value) != 7 or value[4] != "-":
        return value or ""
    return f"{value[5:]}/{value[:4]}"


@register.simple_tag
def laufzeit(page) -> str:
    """The run time of an entry: "seit 03/2018", "03/2018 bis 12/2020" (en dash), "bis 12/2020"."""
    beginn, ende = monat(page.beginn), monat(page.ende)
    if beginn and ende:
        return f"{beginn} {BIS_STRICH} {ende}"
    if beginn:
        return _("seit %(beginn)s") % {"beginn": beginn}
    if ende:
        return _("bis %(ende)s") % {"ende": ende}
    return ""


@register.filter
def klasse_kurz(kommune) -> str:
    """The Größenklasse of a Kommune without its range: "Kleinstadt"."""
    if kommune is None:
        return ""
    return str(kommune.get_groessenklasse_display()).split(" (", 1)[0]


@register.simple_tag
def groesse(kommune) -> str:
    """Size of a Kommune in words: "Kleinstadt, 12.345 Einwohner"."""
    if kommune is None:
        return ""
    klasse = klasse_kurz(kommune)
    return _("%(klasse)s, %(einwohner)s Einwohner") % {
        "klasse": klasse,
        "einwohner": zahl(kommune.einwohner),
    }


@register.simple_tag
def profil_url(kommune) -> str:
    """The URL of the live profile page of a Kommune, or "" if it has none."""
    from kommunen.models import KommunePage

    if kommune is None:
        return ""
    profil = KommunePage.objects.live().public().filter(kommune=kommune).first()
    return profil.url if profil else ""


@register.simple_tag(takes_context=True)
def seitenname(context) -> str:
    """The name of the current site, falling back to WAGTAIL_SITE_NAME."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def hauptnavigation(context) -> list[dict]:
    """The main menu: the entry listing, the Kommunen index and the search."""
    from kommunen.models import KommunenIndexPage
    from praxis.models import PraxisIndexPage, PraxisPage

    request: HttpRequest | None = context.get("request")
    pfad = request.path if request else ""
    ist_eintrag = isinstance(context.get("page"), PraxisPage)  # lives below its Kommune
    punkte = []
    for modell, titel in (
        (PraxisIndexPage, _("Praxisbeispiele")),
        (KommunenIndexPage, _("Kommunen")),
    ):
        seite = modell.objects.live().first()
        if seite:
            bereich = modell is PraxisIndexPage if ist_eintrag else pfad.startswith(seite.url)
            punkte.append({"titel": titel, "url": seite.url, "aktiv": bereich})
    punkte.append({"titel": _("Suche"), "url": "/suche/", "aktiv": pfad.startswith("/suche/")})
    for punkt in punkte:
        punkt["exakt"] = pfad == punkt["url"]
    return punkte


@register.simple_tag
def fusszeilen_seiten() -> list[Page]:
    """Impressum, Datenschutz and Barrierefreiheit in this order, as far as they are live."""
    from plattform.models import StandardPage

    seiten = {s.slug: s for s in StandardPage.objects.live().filter(slug__in=FUSSZEILEN_SLUGS)}
    return [seiten[slug] for slug in FUSSZEILEN_SLUGS if slug in seiten]


@register.simple_tag
def seitenbereich(seite) -> list:
    """Page numbers around the current page of a Django Page, with ellipses in between."""
    return list(seite.paginator.get_elided_page_range(seite.number, on_each_side=2, on_ends=1))


@register.simple_tag
def listen_url() -> str:
    """The URL of the entry listing, for links such as "?handlungsfeld=sprache"; "" if none."""
    from praxis.models import PraxisIndexPage

    index = PraxisIndexPage.objects.live().first()
    return index.url if index else ""


@register.simple_tag
def nach_bundesland(profile) -> list[dict]:
    """Group Kommune profiles by Bundesland (alphabetical), keeping their order within a Land."""
    gruppen: dict[str, list] = {}
    for profil in profile:
        gruppen.setdefault(profil.kommune.get_bundesland_display(), []).append(profil)
    return [{"land": land, "profile": gruppen[land]} for land in sorted(gruppen)]
