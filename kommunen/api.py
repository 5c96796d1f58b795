"""The Kommune endpoint of the JSON API: a Kommune of the official register."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from ninja import Router, Status

from kommunen.models import Kommune
from plattform.api_schemas import ErrorResponse, ResponseModel, error_body

router = Router(tags=["Kommunen"])


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
    "/kommunen/{ags}/", response={200: KommuneSchema, 404: ErrorResponse}, summary="Kommune"
)
def kommune_detail(request: HttpRequest, ags: str):
    """A Kommune of the official register, with its profile URL if it takes part."""
    kommune = kommune_or_404(ags)
    return kommune_as_dict(kommune, request) if isinstance(kommune, Kommune) else kommune
