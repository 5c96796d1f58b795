"""The entry endpoint of the JSON API: one Praxisbeispiel in the exchange format."""

from datetime import date
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _

from ninja import Router, Status
from pydantic import Field

from plattform.api_schemas import SLUG, ErrorResponse, ResponseModel, documented_pattern, error_body
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import Evidenz, PraxisPage, PraxisStatus

router = Router(tags=["Praxisbeispiele"])

EntryIdPath = Annotated[str, documented_pattern(SLUG, "Plattformübergreifende ID des Eintrags")]


class KontaktSchema(ResponseModel):
    """E-mail and telephone are null unless the contact agreed to their publication."""

    name: str | None
    funktion: str | None
    email: str | None
    telefon: str | None


class PraxisbeispielSchema(ResponseModel):
    """An entry in the exchange format (AUSTAUSCHFORMAT.md, version 2): every key is present,
    unknown values are null or []; the API adds the entry's `url`."""

    id: str = Field(description="Plattformübergreifende ID des Eintrags")
    titel: str
    kommune: str | None = Field(description="AGS der federführenden Kommune")
    partner_kommunen: list[str] = Field(description="AGS der Partnerkommunen")
    kurzbeschreibung: str | None
    beschreibung: str | None = Field(description="Klartext, Absätze durch eine Leerzeile getrennt")
    handlungsfelder: list[str] = Field(description="Handlungsfeld-Kürzel")
    zielgruppen: list[str] = Field(description="Zielgruppen-Kürzel")
    schlagworte: list[str]
    status: PraxisStatus
    beginn: str | None = Field(description="Monat im Format JJJJ-MM")
    ende: str | None = Field(description="Monat im Format JJJJ-MM")
    traeger: str | None
    foerderung: list[str]
    kosten_jahr_eur: int | None
    personal: str | None
    uebertragbarkeit: str | None
    kontakt: KontaktSchema | None
    links: list[str]
    evidenz: Evidenz | None = Field(description="Wie gut das Praxisbeispiel belegt ist")
    evaluation_url: str | None = Field(description="Link zu einem Auswertungsbericht")
    erfahrungen: str | None = Field(description="Erfahrungen und Stolpersteine, Klartext")
    kosten_einmalig_eur: int | None = Field(description="Einmalige Kosten in Euro")
    foerderprogramme: list[str] = Field(description="Kürzel der Förderprogramme")
    uebernommen_von: str | None = Field(description="ID des übernommenen Praxisbeispiels")
    stand: date | None = Field(description="Zuletzt als aktuell bestätigt (JJJJ-MM-TT)")
    url: str | None = Field(description="Adresse der öffentlichen Seite")


def live_entry(austausch_id: str) -> PraxisPage | None:
    """The published, public entry with this exchange id."""
    return PraxisPage.objects.live().public().filter(austausch_id=austausch_id).first()


def unknown_entry(austausch_id: str) -> Status:
    """The German 404 answer for an id without a published entry."""
    message = _("Es gibt kein veröffentlichtes Praxisbeispiel mit der ID „%(id)s“.") % {
        "id": austausch_id
    }
    return Status(404, error_body([message]))


@router.get(
    "/praxis/{austausch_id}/",
    response={200: PraxisbeispielSchema, 400: ErrorResponse, 404: ErrorResponse},
    summary="Praxisbeispiel",
)
def entry_detail(request: HttpRequest, austausch_id: EntryIdPath):
    """One entry in the exchange format (AUSTAUSCHFORMAT.md), plus its `url`."""
    page = live_entry(austausch_id)
    if page is None:
        return unknown_entry(austausch_id)
    return {**public_exchange_dict(page), "url": page.get_full_url(request)}


def public_exchange_dict(page: PraxisPage) -> dict:
    """The exchange object as the public may see it: the contact's e-mail address and telephone
    number only with their consent (`kontakt_veroeffentlichen`), else null like an unknown value;
    the export for other platforms (export_praxis) keeps them."""
    data = to_exchange_dict(page)
    if data["kontakt"] and not page.kontakt_veroeffentlichen:
        kontakt = {**data["kontakt"], "email": None, "telefon": None}
        data["kontakt"] = kontakt if any(kontakt.values()) else None
    return data
