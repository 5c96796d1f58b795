"""The search page /suche/ and the Kommune autocomplete /suche/kommunen/."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kommunen.models import Kommune
from search.facets import chips, facet_groups, loosening_hints
from search.kommune_lookup import resolve, suggestion_as_dict, suggestions
from search.query import MAX_QUERY_LENGTH, QueryError, SearchQuery, parse_query
from search.service import hit_cards, search

TEMPLATE = "search/search_page.html"
# The session key (a stored value, kept as it was) of the comparison Kommune for this visit.
SESSION_COMPARISON = "suche_vergleich"


def _resolve_comparison(request: HttpRequest, params: QueryDict, context: dict) -> None:
    """Resolve a typed name to an AGS, or use the one remembered for this visit.

    An explicitly empty `vergleich=` forgets the remembered Kommune.
    """
    if "vergleich" not in params:
        if remembered := request.session.get(SESSION_COMPARISON):
            params["vergleich"] = remembered
        return
    text = params.get("vergleich", "").strip()
    if not text:
        request.session.pop(SESSION_COMPARISON, None)
        params.pop("vergleich")
        return
    resolution = resolve(text)
    if resolution.ags:
        params["vergleich"] = resolution.ags
        return
    params.pop("vergleich")
    context["comparison_text"] = text
    context["comparison_choices"] = resolution.choices
    context["comparison_error"] = resolution.error


def _result_context(query: SearchQuery) -> dict:
    result = search(query)
    comparison = Kommune.objects.filter(ags=query.vergleich).first() if query.vergleich else None
    paginator = Paginator(range(result.anzahl), query.pro_seite)
    return {
        "result": result,
        "cards": hit_cards(result.treffer),
        "facet_groups": facet_groups(query, result),
        "chips": chips(query, comparison),
        "comparison": comparison,
        "page_obj": paginator.get_page(query.seite),
        "loosening_hints": loosening_hints(query, search) if not result.anzahl else [],
    }


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """The search page: a GET form that works without JavaScript."""
    params = request.GET.copy()
    context: dict = {"errors": []}
    _resolve_comparison(request, params, context)
    try:
        query = parse_query(params)
    except QueryError as exc:
        query = SearchQuery(q=params.get("q", "")[:MAX_QUERY_LENGTH])
        context.update(errors=exc.messages, query=query)
        return render(request, TEMPLATE, context, status=400)
    if query.vergleich and request.session.get(SESSION_COMPARISON) != query.vergleich:
        request.session[SESSION_COMPARISON] = query.vergleich  # written only when it changes
    context.update(query=query, **_result_context(query))
    return render(request, TEMPLATE, context)


@require_GET
def kommune_suggestions(request: HttpRequest) -> JsonResponse:
    """Autocomplete: Kommunen whose name starts with ?q=, as JSON."""
    kommunen = suggestions(request.GET.get("q", "")[:100])
    return JsonResponse({"kommunen": [suggestion_as_dict(k) for k in kommunen]})
