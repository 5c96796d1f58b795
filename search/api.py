"""The search endpoints of the JSON API: search, similar entries, comparable Kommunen."""

from typing import Annotated, Literal

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from ninja import Router, Status
from ninja.errors import ValidationError
from pydantic import BaseModel, Field

from kommunen.api import LOOKUP_RESPONSES, AgsPath, kommune_or_404
from kommunen.groessenklasse import Groessenklasse
from kommunen.models import AGS_PATTERN, KREIS_PATTERN, Bundesland, Kommune
from plattform.api_schemas import (
    NO_CONTROL_CHARACTERS,
    SLUG,
    ErrorResponse,
    ResponseModel,
    error_body,
    json_schema_pattern,
)
from praxis.api import EntryIdPath, live_entry, unknown_entry
from praxis.models import Evidenz, PraxisStatus
from search.kosten import Kostenrahmen
from search.query import (
    MAX_PER_PAGE,
    MAX_QUERY_LENGTH,
    MAX_VALUES_PER_PARAMETER,
    QueryError,
    parse_query,
)
from search.serializers import comparable_kommune_as_dict, hit_as_dict, kommune_summary
from search.service import comparable, hit_cards, search, similar

router = Router(tags=["Suche"])


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
    veraltet: bool
    score: float
    erklaerung: list[str]
    hervorhebung: dict[str, list[str]]
    uebernahmen: int = Field(
        description="Zahl der veröffentlichten Praxisbeispiele, die dieses übernommen haben"
    )


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


class ComparableKommune(KommuneSummary):
    einwohner: int
    profil_url: str | None
    erklaerung: list[str]


class ComparableResponse(ResponseModel):
    kommune: KommuneSummary
    vergleichbare: list[ComparableKommune]


def or_empty(pattern: str) -> str:
    """An empty value counts as not given (a form's empty field), so it is valid too."""
    return f"^$|{pattern}"


Slug = Annotated[str, Field(pattern=or_empty(SLUG))]
KreisKey = Annotated[str, Field(pattern=or_empty(json_schema_pattern(KREIS_PATTERN)))]


def repeatable(description: str):
    """A repeatable parameter, at most MAX_VALUES_PER_PARAMETER values (a German 400 beyond)."""
    return Field([], description=description, max_length=MAX_VALUES_PER_PARAMETER)


class SearchParams(BaseModel):
    """Documentation only: the parameters are parsed by search.query.parse_query, the same
    function as on the search page, so both answer a parameter alike (and in German)."""

    q: str = Field(
        "", max_length=MAX_QUERY_LENGTH, pattern=NO_CONTROL_CHARACTERS, description="Suchbegriff"
    )
    handlungsfeld: list[Slug] = repeatable("Handlungsfeld-Kürzel (wiederholbar)")
    zielgruppe: list[Slug] = repeatable("Zielgruppen-Kürzel (wiederholbar)")
    groessenklasse: list[Groessenklasse] = repeatable("Größenklasse (wiederholbar)")
    bundesland: list[Bundesland] = repeatable("Länderkürzel (wiederholbar)")
    kreis: list[KreisKey] = repeatable(
        (
            "5-stelliger Kreisschlüssel der federführenden Kommune (wiederholbar); Einträge "
            "eines Landkreises selbst zählen für ihn"
        ),
    )
    status: list[PraxisStatus] = repeatable("Stand (wiederholbar)")
    kosten: list[Kostenrahmen] = repeatable(
        (
            "Kosten pro Jahr (wiederholbar): keine = 0 €, bis-1000 = 1 bis 1.000 €, "
            "bis-10000 = 1.001 bis 10.000 €, ueber-10000 = mehr, unbekannt = nicht angegeben"
        ),
    )
    foerderprogramm: list[Slug] = repeatable(
        "Kürzel eines Förderprogramms, z. B. amif (wiederholbar)"
    )
    evidenz: list[Evidenz] = repeatable("Wie gut belegt (wiederholbar)")
    vergleich: str | None = Field(
        None,
        pattern=or_empty(json_schema_pattern(AGS_PATTERN)),
        description="AGS der eigenen Kommune",
    )
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


def _blank_allowed(schema: dict) -> dict:
    """An empty value counts as not given (a form's empty field): say so for choices and
    numbers, whose schema would refuse it; patterned text says it with or_empty."""
    if schema.get("type") == "array":
        return {**schema, "items": _blank_allowed(schema["items"])}
    if "enum" in schema or schema.get("type") == "integer":
        defaults = {"default": schema["default"]} if "default" in schema else {}
        return {"anyOf": [schema, {"const": ""}], **defaults}
    return schema


def query_parameters(model: type[BaseModel]) -> list[dict]:
    """OpenAPI query parameters of a model's fields, for views that parse the query themselves."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    parameters = []
    for name, details in schema["properties"].items():
        details = _blank_allowed(_inline_refs(details, definitions))
        parameter = {"in": "query", "name": name, "schema": details, "required": False}
        if "description" in details:
            parameter["description"] = details["description"]
        parameters.append(parameter)
    return parameters


def bad_parameter_messages(request: HttpRequest, exc: ValidationError) -> list[str]:
    """Bad parameters get the same German messages as on the search page."""
    try:
        parse_query(request.GET)
    except QueryError as error:
        return error.messages
    names = sorted({str(e.get("loc", ["?"])[-1]) for e in exc.errors})
    return [_("Ungültige Parameter: %(namen)s.") % {"namen": ", ".join(names)}]


@router.get(
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
                # Not dataclasses.asdict: it copies each field deeply, ~10 ms for 400 values.
                name: [vars(value) for value in values]
                for name, values in result.facetten.items()
            },
            "backend": result.backend,
        }
    )


@router.get(
    "/praxis/{austausch_id}/aehnliche/",
    response={200: SimilarResponse, **LOOKUP_RESPONSES},
    summary="Ähnliche Praxisbeispiele",
)
def similar_to_entry(request: HttpRequest, austausch_id: EntryIdPath):
    """Entries similar to this one (shared Handlungsfelder, content, comparable Kommune)."""
    page = live_entry(austausch_id)
    if page is None:
        return unknown_entry(austausch_id)
    return {"treffer": [hit_as_dict(card, request) for card in hit_cards(similar(page))]}


@router.get(
    "/kommunen/{ags}/vergleichbare/",
    response={200: ComparableResponse, **LOOKUP_RESPONSES},
    summary="Vergleichbare Kommunen",
)
def comparable_to_kommune(request: HttpRequest, ags: AgsPath):
    """Participating Kommunen most comparable to this one, each with the reasons."""
    kommune = kommune_or_404(ags)
    if not isinstance(kommune, Kommune):
        return kommune
    return {
        "kommune": kommune_summary(kommune),
        "vergleichbare": [
            comparable_kommune_as_dict(other, reasons, request)
            for other, reasons in comparable(kommune)
        ],
    }
