"""The public page of every Kommune of the register at /kommune/<AGS>/ (a route, not a page).

A participating Kommune has its profile, and the route sends the visitor there. Every other
one gets its facts from the register and, since it is what the platform is for, the entries of
the Kommunen most like it, the comparable Kommunen that take part and an invitation to join.
"""

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from kommunen.models import AGS_PATTERN, Kommune
from kommunen.models.register import public_profiles
from kommunen.uebersicht.build import structures_of
from kommunen.uebersicht.data import STRUCTURES
from search.query import SearchQuery
from search.service import comparable, hit_cards, search

TEMPLATE = "search/kommune_page.html"
ENTRY_COUNT = 6
COMPARABLE_COUNT = 10


def kommune_of_register(ags: str) -> Kommune:
    """The Kommune with this AGS, or a 404 (the German one) for unknown and malformed keys."""
    if not AGS_PATTERN.match(ags):
        raise Http404("malformed AGS")
    kommune = Kommune.objects.select_related("kreis").filter(ags=ags).first()
    if kommune is None:
        raise Http404("unknown AGS")
    return kommune


@require_GET
def kommune_page(request: HttpRequest, ags: str) -> HttpResponse:
    kommune = kommune_of_register(ags)
    profile = kommune.public_profile
    if profile is not None:
        return redirect(profile.get_url(request))
    query = SearchQuery(vergleich=kommune.ags, pro_seite=ENTRY_COUNT)
    result = search(query)
    pairs = comparable(kommune, COMPARABLE_COUNT)
    context = {
        "kommune": kommune,
        "cards": hit_cards(result.treffer),
        "anzahl": result.anzahl,
        "comparable": [{"kommune": other, "reasons": reasons} for other, reasons in pairs],
        "structures_in_place": structures_in_place([other for other, _reasons in pairs]),
    }
    return TemplateResponse(request, TEMPLATE, context)


def structures_in_place(kommunen: list[Kommune]) -> list[dict]:
    """What the comparable Kommunen have in place: per integration structure, how many of those
    whose profile says either way have it ("7 von 10 … haben eine:n Integrationsbeauftragte:n")."""
    profiles = (
        public_profiles().filter(kommune__in=kommunen).annotate(netzwerke_anzahl=Count("netzwerke"))
    )
    states = [structures_of(profile) for profile in profiles]
    shares = []
    for structure in STRUCTURES:
        known = [value for state in states if (value := state[structure.key]) is not None]
        if known:
            shares.append({"label": structure.label, "mit": sum(known), "von": len(known)})
    return shares
