"""The public JSON API at /api/v1/: search, entry detail, similar entries, Kommunen."""

import logging
from dataclasses import asdict
from typing import Literal

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from ninja import NinjaAPI, Status
from ninja.errors import ValidationError
from pydantic import BaseModel, ConfigDict, Field

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import Bundesland, Kommune
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage, PraxisStatus
from search.query import MAX_PER_PAGE, MAX_QUERY_LENGTH, QueryError, parse_query
from search.serializers import (
    comparable_kommune_as_dict,
    hit_as_dict,
    kommune_as_dict,
    kommune_summary,
)
from search.service import comparable, hit_cards, search, similar

logger = logging.getLogger(__name__)

api = NinjaAPI(
    urls_namespace="api_v1",
    title="Praxisnetz Integration API",
    version="1",
    description="Praxisbeispiele kommunaler Integrationsarbeit suchen und abrufen.",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


class ResponseModel(BaseModel):
    """Response shapes: plain pydantic models, since ninja's Schema wraps every nested object
    for Django attribute access, which costs ~30 ms on a page of 20 hits."""

    model_config = ConfigDict(from_attributes=True)


class ErrorResponse(ResponseModel):
    fehler: str
    meldungen: list[str] = []


class KommuneSummary(ResponseModel):
    ags: str
    name: str
    groessenklasse: str
    bundesland: str


class HitSchema(ResponseModel):
    id: str
    titel: str
    url: str | None
    kurzbeschreibung: str
    kommune: KommuneSummary | None
    handlungsfelder: list[str]
    status: str
    score: float
    erklaerung: list[str]
    hervorhebung: dict[str, list[str]]


class FacetValueSchema(ResponseModel):
    wert: str
    label: str
    anzahl: int


class SearchResponse(ResponseModel):
    anzahl: int
    seite: int
    pro_seite: int
    treffer: list[HitSchema]
    facetten: dict[str, list[FacetValueSchema]]
    backend: str


class SimilarResponse(ResponseModel):
    treffer: list[HitSchema]


class KreisSchema(ResponseModel):
    ags: str
    name: str


class KommuneSchema(ResponseModel):
    ags: str
    name: str
    amtlicher_name: str
    typ: str
    einwohner: int
    groessenklasse: str
    bundesland: str
    kreis: KreisSchema | None
    verstaedterung: int | None
    profil_url: str | None


class ComparableKommune(KommuneSummary):
    einwohner: int
    profil_url: str | None
    erklaerung: list[str]


class ComparableResponse(ResponseModel):
    kommune: KommuneSummary
    vergleichbare: list[ComparableKommune]


class SearchParams(BaseModel):
    """Documentation only: the parameters are parsed by search.query.parse_query, the same
    function as on the search page, so both answer a parameter alike (and in German)."""

    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Suchbegriff")
    handlungsfeld: list[str] = Field([], description="Handlungsfeld-Kürzel (wiederholbar)")
    zielgruppe: list[str] = Field([], description="Zielgruppen-Kürzel (wiederholbar)")
    groessenklasse: list[Groessenklasse] = Field([], description="Größenklasse (wiederholbar)")
    bundesland: list[Bundesland] = Field([], description="Länderkürzel (wiederholbar)")
    kreis: list[str] = Field([], description="5-stelliger Kreisschlüssel (wiederholbar)")
    status: list[PraxisStatus] = Field([], description="Stand (wiederholbar)")
    vergleich: str | None = Field(None, description="AGS der eigenen Kommune")
    sortierung: Literal["relevanz", "neueste"] = "relevanz"
    seite: int = Field(1, ge=1, le=10_000)
    pro_seite: int = Field(20, ge=1, le=MAX_PER_PAGE)


def _inline_refs(node, definitions: dict):
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
        return {key: _inline_refs(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_refs(value, definitions) for value in node]
    return node


def query_parameters(model: type[BaseModel]) -> list[dict]:
    """OpenAPI query parameters of a model's fields, for views that parse the query themselves."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    parameters = []
    for name, details in schema["properties"].items():
        details = _inline_refs(details, definitions)
        parameter = {"in": "query", "name": name, "schema": details, "required": False}
        if "description" in details:
            parameter["description"] = details["description"]
        parameters.append(parameter)
    return parameters


def error_body(messages: list[str]) -> dict:
    return {"fehler": " ".join(messages), "meldungen": messages}


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Bad parameters get the same German messages as on the search page."""
    try:
        parse_query(request.GET)
        names = sorted({str(e.get("loc", ["?"])[-1]) for e in exc.errors})
        messages = [_("Ungültige Parameter: %(namen)s.") % {"namen": ", ".join(names)}]
    except QueryError as error:
        messages = error.messages
    return api.create_response(request, error_body(messages), status=400)


@api.get(
    "/praxis/",
    response={200: SearchResponse, 400: ErrorResponse},
    summary="Praxisbeispiele suchen",
    openapi_extra={"parameters": query_parameters(SearchParams)},
)
def search_entries(request: HttpRequest):
    """Full-text search with facets; repeat a parameter for several values (OR)."""
    try:
        query = parse_query(request.GET)
    except QueryError as exc:
        return Status(400, error_body(exc.messages))
    result = search(query)
    # The hot path answers directly: the schema above documents the shape (and a test holds the
    # answer to it), while ninja's response validation would add ~8 ms per request.
    return JsonResponse(
        {
            "anzahl": result.anzahl,
            "seite": query.seite,
            "pro_seite": query.pro_seite,
            "treffer": [hit_as_dict(card, request) for card in hit_cards(result.treffer)],
            "facetten": {
                name: [asdict(value) for value in values]
                for name, values in result.facetten.items()
            },
            "backend": result.backend,
        }
    )


def _live_entry(austausch_id: str) -> PraxisPage | None:
    return PraxisPage.objects.live().public().filter(austausch_id=austausch_id).first()


def _unknown_entry(austausch_id: str) -> Status:
    message = _("Es gibt kein veröffentlichtes Praxisbeispiel mit der ID „%(id)s“.") % {
        "id": austausch_id
    }
    return Status(404, error_body([message]))


@api.get(
    "/praxis/{austausch_id}/", response={200: dict, 404: ErrorResponse}, summary="Praxisbeispiel"
)
def entry_detail(request: HttpRequest, austausch_id: str):
    """One entry in the exchange format (AUSTAUSCHFORMAT.md), plus its `url`."""
    page = _live_entry(austausch_id)
    if page is None:
        return _unknown_entry(austausch_id)
    return {**to_exchange_dict(page), "url": page.get_full_url(request)}


@api.get(
    "/praxis/{austausch_id}/aehnliche/",
    response={200: SimilarResponse, 404: ErrorResponse},
    summary="Ähnliche Praxisbeispiele",
)
def similar_to_entry(request: HttpRequest, austausch_id: str):
    """Entries similar to this one (shared Handlungsfelder, content, comparable Kommune)."""
    page = _live_entry(austausch_id)
    if page is None:
        return _unknown_entry(austausch_id)
    return {"treffer": [hit_as_dict(card, request) for card in hit_cards(similar(page))]}


def _kommune_or_404(ags: str) -> Kommune | Status:
    kommune = Kommune.objects.select_related("kreis").filter(ags=ags).first()
    if kommune is None:
        message = _("Zum Gemeindeschlüssel „%(ags)s“ gibt es keine Kommune.") % {"ags": ags}
        return Status(404, error_body([message]))
    return kommune


@api.get("/kommunen/{ags}/", response={200: KommuneSchema, 404: ErrorResponse}, summary="Kommune")
def kommune_detail(request: HttpRequest, ags: str):
    """A Kommune of the official register, with its profile URL if it takes part."""
    kommune = _kommune_or_404(ags)
    return kommune_as_dict(kommune, request) if isinstance(kommune, Kommune) else kommune


@api.get(
    "/kommunen/{ags}/vergleichbare/",
    response={200: ComparableResponse, 404: ErrorResponse},
    summary="Vergleichbare Kommunen",
)
def comparable_to_kommune(request: HttpRequest, ags: str):
    """Participating Kommunen most comparable to this one, each with the reasons."""
    kommune = _kommune_or_404(ags)
    if not isinstance(kommune, Kommune):
        return kommune
    return {
        "kommune": kommune_summary(kommune),
        "vergleichbare": [
            comparable_kommune_as_dict(other, reasons, request)
            for other, reasons in comparable(kommune)
        ],
    }
