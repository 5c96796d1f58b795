"""The search page /suche/, the entry listing it also renders, and the Kommune autocomplete.

The entry listing (a PraxisIndexPage) is this search with an empty query box: the same
parameters, facets, chips, pagination and German errors. The page asks for it through the
`render_praxis_listing` hook (search/wagtail_hooks.py), so praxis does not import search.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Page

from kommunen.models import Kommune
from search.facets import (
    active_filter_count,
    chips,
    facet_groups,
    loosening_hints,
    without_filters_url,
)
from search.kommune_lookup import resolve, suggestion_as_dict, suggestions
from search.query import MAX_QUERY_LENGTH, QueryError, SearchQuery, check_size, parse_query
from search.service import engine_unavailable, hit_cards, search

TEMPLATE = "search/search_page.html"


def _resolve_comparison(params: QueryDict, context: dict) -> None:
    """Resolve a typed name to an AGS.

    The comparison Kommune travels only in the URL (`vergleich=`): no session, no cookie.
    """
    if "vergleich" not in params:
        return
    text = params.get("vergleich", "").strip()
    if not text:
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
    kreis_names = {value.wert: value.label for value in result.facetten.get("kreis", [])}
    return {
        "result": result,
        "engine_unavailable": engine_unavailable(result),
        "cards": hit_cards(result.treffer),
        "facet_groups": facet_groups(query, result),
        "active_filters": active_filter_count(query),
        "reset_url": without_filters_url(query),
        "chips": chips(query, comparison, kreis_names),
        "comparison": comparison,
        "page_obj": paginator.get_page(query.seite),
        "loosening_hints": loosening_hints(query, search) if not result.anzahl else [],
    }


def search_context(request: HttpRequest) -> tuple[dict, int]:
    """The context of a search from the request's GET parameters, and the status to answer with:
    400 with German messages in `errors` if the parameters are invalid."""
    params = request.GET.copy()
    context: dict = {"errors": []}
    try:
        check_size(params)  # before a typed name is looked up
        _resolve_comparison(params, context)
        query = parse_query(params)
    except QueryError as exc:
        query = SearchQuery(q=params.get("q", "")[:MAX_QUERY_LENGTH])
        context.update(errors=exc.messages, query=query)
        return context, 400
    context.update(query=query, **_result_context(query))
    return context, 200


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """The search page: a GET form that works without JavaScript."""
    context, status = search_context(request)
    return TemplateResponse(request, TEMPLATE, context, status=status)


def entry_listing(page: Page, request: HttpRequest) -> HttpResponse:
    """The entry listing page: the page's own context plus the search of the request (its
    cards come with their images: search.service.hit_cards)."""
    context, status = search_context(request)
    context = {**page.get_context(request), **context}
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_GET
def kommune_suggestions(request: HttpRequest) -> JsonResponse:
    """Autocomplete: Kommunen whose name starts with ?q=, as JSON."""
    kommunen = suggestions(request.GET.get("q", "")[:100])
    return JsonResponse({"kommunen": [suggestion_as_dict(k) for k in kommunen]})
