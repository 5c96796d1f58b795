"""The Kommune endpoints of the JSON API: a Kommune of the official register, a Kreis overview."""

from datetime import datetime
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from ninja import Router, Status
from pydantic import Field

from kommunen.models import AGS_PATTERN, KREIS_PATTERN, Kommune, KommuneTyp
from kommunen.uebersicht import build_overview
from kommunen.uebersicht.export import overview_as_dict
from plattform.api_schemas import (
    ErrorResponse,
    ResponseModel,
    documented_pattern,
    error_body,
    json_schema_pattern,
)

router = Router(tags=["Kommunen"])

AgsPath = Annotated[
    str,
    documented_pattern(
        json_schema_pattern(AGS_PATTERN),
        "Amtlicher Gemeindeschlüssel: 8 Ziffern (Gemeinde) oder 5 Ziffern (Kreis)",
    ),
]
KreisPath = Annotated[
    str,
    documented_pattern(
        json_schema_pattern(KREIS_PATTERN), "Kreisschlüssel eines Landkreises: 5 Ziffern"
    ),
]
# Every address may answer 400: control characters are refused (plattform/middleware.py).
LOOKUP_RESPONSES = {400: ErrorResponse, 404: ErrorResponse}


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
    seite_url: str


def kommune_or_404(ags: str) -> Kommune | Status:
    """The Kommune with this AGS, or the German 404 answer."""
    kommune = Kommune.objects.select_related("kreis").filter(ags=ags).first()
    if kommune is None:
        message = _("Zum Gemeindeschlüssel „%(ags)s“ gibt es keine Kommune.") % {"ags": ags}
        return Status(404, error_body([message]))
    return kommune


def kommune_as_dict(kommune: Kommune, request: HttpRequest | None = None) -> dict:
    """A Kommune of the register with the URL of its public profile, if it has one."""
    profile = kommune.public_profile
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "amtlicher_name": kommune.name,
        "typ": kommune.typ,
        "einwohner": kommune.einwohner,
        "groessenklasse": kommune.groessenklasse,
        "bundesland": kommune.bundesland,
        "kreis": {"ags": kommune.kreis.ags, "name": kommune.kreis.anzeigename}
        if kommune.kreis is not None  # no query when kreis_id is None
        else None,
        "verstaedterung": kommune.verstaedterung,
        "profil_url": profile.get_full_url(request) if profile else None,
        "seite_url": register_page_url(kommune, request),
    }


def register_page_url(kommune: Kommune, request: HttpRequest | None = None) -> str:
    """The absolute address of /kommune/<AGS>/, the page every Kommune of the register has."""
    path = reverse("kommune", args=[kommune.ags])
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@router.get(
    "/kommunen/{ags}/", response={200: KommuneSchema, **LOOKUP_RESPONSES}, summary="Kommune"
)
def kommune_detail(request: HttpRequest, ags: AgsPath):
    """A Kommune of the official register, with its profile URL if it takes part."""
    kommune = kommune_or_404(ags)
    return kommune_as_dict(kommune, request) if isinstance(kommune, Kommune) else kommune


class StrukturenSchema(ResponseModel):
    """The integration structures a Kommune states in its profile. Every value is null when the
    Kommune has no public profile ("keine Angabe", not "nein"); `migrantenselbstorganisationen`
    is also null when the profile gives no number."""

    integrationsbeauftragte: bool | None
    koordinierungsstelle: bool | None
    integrationsbeirat: bool | None
    integrationskonzept: bool | None
    runder_tisch: bool | None
    steuerungsgruppe: bool | None
    netzwerke: bool | None
    migrantenselbstorganisationen: bool | None


PRAXIS_JE_HANDLUNGSFELD = Field(
    description="Live öffentliche Praxisbeispiele, die die Kommune federführend trägt, je "
    "Handlungsfeld-Kürzel (jedes Handlungsfeld, auch mit 0)"
)


class UebersichtKreisSchema(ResponseModel):
    ags: str
    name: str
    profil_url: str | None
    uebersicht_url: str | None
    strukturen: StrukturenSchema
    praxis_je_handlungsfeld: dict[str, int] = PRAXIS_JE_HANDLUNGSFELD
    praxis_gesamt: int = Field(description="Praxisbeispiele des Kreises selbst, jedes einmal")


class UebersichtKommuneSchema(ResponseModel):
    ags: str
    name: str
    groessenklasse: str
    einwohner: int
    profil_url: str | None
    strukturen: StrukturenSchema
    praxis_je_handlungsfeld: dict[str, int] = PRAXIS_JE_HANDLUNGSFELD
    praxis_gesamt: int = Field(description="Praxisbeispiele der Kommune, jedes einmal")


class UebersichtHandlungsfeldSchema(ResponseModel):
    slug: str
    name: str
    anzahl: int = Field(description="Praxisbeispiele des ganzen Kreises in diesem Handlungsfeld")


class AktivitaetSchema(ResponseModel):
    datum: datetime
    art: Literal["praxis", "profil"]
    titel: str
    kommune: str
    url: str
    erstveroeffentlichung: bool = Field(description="false: eine Aktualisierung")


class KreisUebersichtSchema(ResponseModel):
    kreis: UebersichtKreisSchema
    kommunen: list[UebersichtKommuneSchema] = Field(
        description="Alle Gemeinden und Städte des Kreises laut Gemeindeverzeichnis, nach Name"
    )
    handlungsfelder: list[UebersichtHandlungsfeldSchema]
    praxis_gesamt: int
    aktivitaet: list[AktivitaetSchema] = Field(description="Die letzten Veröffentlichungen")
    luecken: list[str] = Field(description="Die Lücken des Kreises in Worten")


def kreis_or_404(ags: str) -> Kommune | Status:
    """The Landkreis with this 5-digit key, or the German 404 answer."""
    kommune = Kommune.objects.filter(ags=ags).first() if AGS_PATTERN.match(ags) else None
    if kommune is not None and kommune.typ == KommuneTyp.LANDKREIS:
        return kommune
    if kommune is not None:
        message = _(
            "%(name)s (%(ags)s) ist kein Landkreis; die Übersicht gibt es für Landkreise "
            "(5-stelliger Kreisschlüssel)."
        ) % {"name": kommune.anzeigename, "ags": ags}
    elif KREIS_PATTERN.match(ags):
        message = _("Zum Kreisschlüssel „%(ags)s“ gibt es keinen Landkreis.") % {"ags": ags}
    else:
        message = _(
            "„%(ags)s“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern, beginnend mit 01 bis 16."
        ) % {"ags": ags}
    return Status(404, error_body([message]))


@router.get(
    "/kreise/{ags}/uebersicht/",
    response={200: KreisUebersichtSchema, **LOOKUP_RESPONSES},
    summary="Kreisübersicht",
    url_name="kreis_uebersicht",
)
def kreis_uebersicht(request: HttpRequest, ags: KreisPath):
    """A Landkreis at a glance: its Gemeinden with structures and entries, and its gaps."""
    kreis = kreis_or_404(ags)
    if not isinstance(kreis, Kommune):
        return kreis
    return overview_as_dict(build_overview(kreis, request))
