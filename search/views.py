"""The search page /suche/ and the Kommune autocomplete /suche/kommunen/."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kommunen.models import Kommune
from search.facets import chips, gruppen, lockerungen
from search.kommune_lookup import aufloesen, vorschlaege, vorschlag_als_dict
from search.query import AnfrageFehler, SuchAnfrage, parse_anfrage
from search.service import karten, suchen

SESSION_VERGLEICH = "suche_vergleich"


def _vergleich_bestimmen(request: HttpRequest, params: QueryDict, kontext: dict) -> None:
    """Resolve a typed name to an AGS, or use the one remembered for this visit.

    An explicitly empty `vergleich=` forgets the remembered Kommune.
    """
    if "vergleich" not in params:
        if gemerkt := request.session.get(SESSION_VERGLEICH):
            params["vergleich"] = gemerkt
        return
    text = params.get("vergleich", "").strip()
    if not text:
        request.session.pop(SESSION_VERGLEICH, None)
        params.pop("vergleich")
        return
    aufloesung = aufloesen(text)
    if aufloesung.ags:
        params["vergleich"] = aufloesung.ags
        return
    params.pop("vergleich")
    kontext["vergleich_text"] = text
    kontext["vergleich_auswahl"] = aufloesung.auswahl
    kontext["vergleich_fehler"] = aufloesung.fehler


def _ergebnis_kontext(anfrage: SuchAnfrage) -> dict:
    ergebnis = suchen(anfrage)
    vergleich = Kommune.objects.filter(ags=anfrage.vergleich).first() if anfrage.vergleich else None
    seiten = Paginator(range(ergebnis.anzahl), anfrage.pro_seite)
    return {
        "ergebnis": ergebnis,
        "karten": karten(ergebnis.treffer),
        "gruppen": gruppen(anfrage, ergebnis),
        "chips": chips(anfrage, vergleich),
        "vergleich": vergleich,
        "seite": seiten.get_page(anfrage.seite),
        "lockerungen": lockerungen(anfrage, suchen) if not ergebnis.anzahl else [],
    }


@require_GET
def suche(request: HttpRequest) -> HttpResponse:
    """The search page: a GET form that works without JavaScript."""
    params = request.GET.copy()
    kontext: dict = {"fehler": []}
    _vergleich_bestimmen(request, params, kontext)
    try:
        anfrage = parse_anfrage(params)
    except AnfrageFehler as exc:
        kontext.update(fehler=exc.meldungen, anfrage=SuchAnfrage(q=params.get("q", "")[:200]))
        return render(request, "search/suche.html", kontext, status=400)
    if anfrage.vergleich and request.session.get(SESSION_VERGLEICH) != anfrage.vergleich:
        request.session[SESSION_VERGLEICH] = anfrage.vergleich  # written only when it changes
    kontext.update(anfrage=anfrage, **_ergebnis_kontext(anfrage))
    return render(request, "search/suche.html", kontext)


@require_GET
def kommunen_vorschlaege(request: HttpRequest) -> JsonResponse:
    """Autocomplete: Kommunen whose name starts with ?q=, as JSON."""
    treffer = vorschlaege(request.GET.get("q", "")[:100])
    return JsonResponse({"kommunen": [vorschlag_als_dict(k) for k in treffer]})
