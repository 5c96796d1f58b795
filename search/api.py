"""The public JSON API at /api/v1/: search, entry detail, similar entries, Kommunen."""

import logging
from dataclasses import asdict
from typing import Literal

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError
from pydantic import BaseModel, ConfigDict

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import Bundesland, Kommune
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage, PraxisStatus
from search.query import MAX_PRO_SEITE, MAX_Q_LAENGE, AnfrageFehler, parse_anfrage
from search.service import (
    aehnliche,
    karten,
    kommune_als_dict,
    kommune_kurz,
    profil_url,
    suchen,
    treffer_als_dict,
    vergleichbare,
)

logger = logging.getLogger(__name__)

api = NinjaAPI(
    urls_namespace="api_v1",
    title="Praxisnetz Integration API",
    version="1",
    description="Praxisbeispiele kommunaler Integrationsarbeit suchen und abrufen.",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


class Antwort(BaseModel):
    """Response shapes: plain pydantic models, since ninja's Schema wraps every nested object
    for Django attribute access, which costs ~30 ms on a page of 20 hits."""

    model_config = ConfigDict(from_attributes=True)


class Fehler(Antwort):
    fehler: str
    meldungen: list[str] = []


class KommuneKurz(Antwort):
    ags: str
    name: str
    groessenklasse: str
    bundesland: str


class TrefferSchema(Antwort):
    id: str
    titel: str
    url: str | None
    kurzbeschreibung: str
    kommune: KommuneKurz | None
    handlungsfelder: list[str]
    status: str
    score: float
    erklaerung: list[str]
    hervorhebung: dict[str, list[str]]


class FacettenwertSchema(Antwort):
    wert: str
    label: str
    anzahl: int


class Suchantwort(Antwort):
    anzahl: int
    seite: int
    pro_seite: int
    treffer: list[TrefferSchema]
    facetten: dict[str, list[FacettenwertSchema]]
    backend: str


class AehnlicheAntwort(Antwort):
    treffer: list[TrefferSchema]


class KreisSchema(Antwort):
    ags: str
    name: str


class KommuneSchema(Antwort):
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


class VergleichbareKommune(KommuneKurz):
    einwohner: int
    profil_url: str | None
    erklaerung: list[str]


class VergleichbareAntwort(Antwort):
    kommune: KommuneKurz
    vergleichbare: list[VergleichbareKommune]


class Suchparameter(Schema):
    """Documented for OpenAPI; parsing and German validation happen in search.query."""

    q: str = Field("", max_length=MAX_Q_LAENGE, description="Suchbegriff")
    handlungsfeld: list[str] = Field([], description="Handlungsfeld-Kürzel (wiederholbar)")
    zielgruppe: list[str] = Field([], description="Zielgruppen-Kürzel (wiederholbar)")
    groessenklasse: list[Groessenklasse] = Field([], description="Größenklasse (wiederholbar)")
    bundesland: list[Bundesland] = Field([], description="Länderkürzel (wiederholbar)")
    kreis: list[str] = Field([], description="5-stelliger Kreisschlüssel (wiederholbar)")
    status: list[PraxisStatus] = Field([], description="Stand (wiederholbar)")
    vergleich: str | None = Field(None, description="AGS der eigenen Kommune")
    sortierung: Literal["relevanz", "neueste"] = "relevanz"
    seite: int = Field(1, ge=1, le=10_000)
    pro_seite: int = Field(20, ge=1, le=MAX_PRO_SEITE)


def fehler(meldungen: list[str]) -> dict:
    return {"fehler": " ".join(meldungen), "meldungen": meldungen}


@api.exception_handler(ValidationError)
def ungueltige_parameter(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Bad parameters get the same German messages as on the search page."""
    try:
        parse_anfrage(request.GET)
        namen = sorted({str(e.get("loc", ["?"])[-1]) for e in exc.errors})
        meldungen = [_("Ungültige Parameter: %(namen)s.") % {"namen": ", ".join(namen)}]
    except AnfrageFehler as fehler_:
        meldungen = fehler_.meldungen
    return api.create_response(request, fehler(meldungen), status=400)


@api.get("/praxis/", response={200: Suchantwort, 400: Fehler}, summary="Praxisbeispiele suchen")
def praxis_suche(request: HttpRequest, parameter: Query[Suchparameter]):
    """Full-text search with facets; repeat a parameter for several values (OR)."""
    try:
        anfrage = parse_anfrage(request.GET)
    except AnfrageFehler as exc:
        return Status(400, fehler(exc.meldungen))
    ergebnis = suchen(anfrage)
    # The hot path answers directly: the schema above documents the shape (and a test holds the
    # answer to it), while ninja's response validation would add ~8 ms per request.
    return JsonResponse(
        {
            "anzahl": ergebnis.anzahl,
            "seite": anfrage.seite,
            "pro_seite": anfrage.pro_seite,
            "treffer": [treffer_als_dict(k, request) for k in karten(ergebnis.treffer)],
            "facetten": {
                name: [asdict(wert) for wert in werte] for name, werte in ergebnis.facetten.items()
            },
            "backend": ergebnis.backend,
        }
    )


def _praxis_oder_none(austausch_id: str) -> PraxisPage | None:
    return PraxisPage.objects.live().public().filter(austausch_id=austausch_id).first()


def _unbekannte_praxis(austausch_id: str) -> Status:
    meldung = _("Es gibt kein veröffentlichtes Praxisbeispiel mit der ID „%(id)s“.") % {
        "id": austausch_id
    }
    return Status(404, fehler([meldung]))


@api.get("/praxis/{austausch_id}/", response={200: dict, 404: Fehler}, summary="Praxisbeispiel")
def praxis_detail(request: HttpRequest, austausch_id: str):
    """One entry in the exchange format (AUSTAUSCHFORMAT.md), plus its `url`."""
    page = _praxis_oder_none(austausch_id)
    if page is None:
        return _unbekannte_praxis(austausch_id)
    return {**to_exchange_dict(page), "url": page.get_full_url(request)}


@api.get(
    "/praxis/{austausch_id}/aehnliche/",
    response={200: AehnlicheAntwort, 404: Fehler},
    summary="Ähnliche Praxisbeispiele",
)
def praxis_aehnliche(request: HttpRequest, austausch_id: str):
    """Entries similar to this one (shared Handlungsfelder, content, comparable Kommune)."""
    page = _praxis_oder_none(austausch_id)
    if page is None:
        return _unbekannte_praxis(austausch_id)
    return {"treffer": [treffer_als_dict(k, request) for k in karten(aehnliche(page))]}


def _kommune_oder_404(ags: str) -> Kommune | Status:
    kommune = Kommune.objects.select_related("kreis").filter(ags=ags).first()
    if kommune is None:
        meldung = _("Zum Gemeindeschlüssel „%(ags)s“ gibt es keine Kommune.") % {"ags": ags}
        return Status(404, fehler([meldung]))
    return kommune


@api.get("/kommunen/{ags}/", response={200: KommuneSchema, 404: Fehler}, summary="Kommune")
def kommune_detail(request: HttpRequest, ags: str):
    """A Kommune of the official register, with its profile URL if it takes part."""
    kommune = _kommune_oder_404(ags)
    return kommune_als_dict(kommune, request) if isinstance(kommune, Kommune) else kommune


@api.get(
    "/kommunen/{ags}/vergleichbare/",
    response={200: VergleichbareAntwort, 404: Fehler},
    summary="Vergleichbare Kommunen",
)
def kommune_vergleichbare(request: HttpRequest, ags: str):
    """Participating Kommunen most comparable to this one, each with the reasons."""
    kommune = _kommune_oder_404(ags)
    if not isinstance(kommune, Kommune):
        return kommune
    return {
        "kommune": kommune_kurz(kommune),
        "vergleichbare": [
            {
                **kommune_kurz(andere),
                "einwohner": andere.einwohner,
                "profil_url": profil_url(andere, request),
                "erklaerung": gruende,
            }
            for andere, gruende in vergleichbare(kommune)
        ],
    }
