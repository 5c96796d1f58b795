"""The public pages of the funding programmes: the list at /foerderprogramme/ (optionally of
one Land, `?land=BY`) and one page per programme with the entries that used it."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from kommunen.models import Bundesland

from .foerderprogramm_entries import entries_of, grouped_uses
from .models import Foerderprogramm

ENTRIES_PER_PAGE = 24


@require_GET
def foerderprogramm_list(request: HttpRequest) -> HttpResponse:
    land = request.GET.get("land", "")
    unknown_land = land if land and land not in Bundesland.values else ""
    if unknown_land:
        land = ""
    groups, ended = grouped_uses(land)
    context = {
        "groups": groups,
        "ended": ended,
        "land": land,
        "land_name": Bundesland(land).label if land else "",
        "laender": Bundesland.choices,
        "unknown_land": unknown_land,
    }
    return TemplateResponse(request, "praxis/foerderprogramme.html", context)


@require_GET
def foerderprogramm_page(request: HttpRequest, slug: str) -> HttpResponse:
    programme = Foerderprogramm.objects.filter(slug=slug).first()
    if programme is None:
        return TemplateResponse(request, "praxis/foerderprogramm_unbekannt.html", status=404)
    entries = Paginator(entries_of(programme), ENTRIES_PER_PAGE).get_page(request.GET.get("seite"))
    context = {"programme": programme, "beendet": programme.beendet(), "page_obj": entries}
    return TemplateResponse(request, "praxis/foerderprogramm.html", context)
