"""Serving the Beschlussvorlage of an entry (the `beschlussvorlage.docx` route of PraxisPage).

`?kommune=<AGS>` names the Kommune it is written for: any Kommune of the register. A malformed
key is a 400, an unknown one a 404, both as a German page with the form to try again.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.models import Site

from kommunen.models import Kommune, validate_ags
from praxis.models import PraxisPage

from .document import CONTENT_TYPE, build_document, document_bytes, file_name
from .vorlage import Vorlage

ERROR_TEMPLATE = "praxis/beschlussvorlage_fehler.html"
KOMMUNE_PARAMETER = "kommune"
SHOWN_CHARACTERS = 20


class KommuneNotFound(Exception):
    """The `kommune` parameter names no Kommune of the register; `status` is the answer's."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def kommune_of(value: str) -> Kommune | None:
    """The Kommune of an AGS from the address; None for none given (blank counts as none)."""
    ags = value.strip()
    if not ags:
        return None
    try:
        validate_ags(ags)
    except ValidationError as error:
        # validate_ags's message, with a long value shortened: it is shown back to the visitor
        invalid = error.error_list[0]
        shown = Truncator(ags).chars(SHOWN_CHARACTERS)
        raise KommuneNotFound(invalid.message % {"wert": shown}, status=400) from error
    kommune = Kommune.objects.select_related("kreis").filter(ags=ags).first()
    if kommune is None:
        message = _("Keine Kommune mit dem Schlüssel „%(ags)s“ gefunden.") % {"ags": ags}
        raise KommuneNotFound(message, status=404)
    return kommune


def serve_beschlussvorlage(page: PraxisPage, request: HttpRequest) -> HttpResponse:
    value = request.GET.get(KOMMUNE_PARAMETER, "")
    try:
        kommune = kommune_of(value)
    except KommuneNotFound as error:
        return _error_page(request, page, error, value)
    vorlage = Vorlage(
        page=page,
        kommune=kommune,
        request=request,
        erstellt=timezone.localdate(),
        plattform=_platform_name(request),
    )
    response = HttpResponse(document_bytes(build_document(vorlage)), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, file_name(page))
    response["X-Robots-Tag"] = "noindex"
    return response


def _platform_name(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _error_page(
    request: HttpRequest, page: PraxisPage, error: KommuneNotFound, value: str
) -> HttpResponse:
    shown = Truncator(value.strip()).chars(SHOWN_CHARACTERS)
    context = {"page": page, "fehler": error.message, "eingabe": shown}
    response = TemplateResponse(request, ERROR_TEMPLATE, context, status=error.status)
    response["X-Robots-Tag"] = "noindex"
    return response
