"""The `kontakt/` route of entries and profiles: GET shows the form, POST sends it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from wagtail.models import Page

from kommunen.lookup import chosen_kommune
from kontakt.delivery import submit
from kontakt.forms import KontaktForm
from kontakt.models import Anliegen, retention_days
from kontakt.recipients import recipients_for
from plattform.cookies import form_cookies
from plattform.formschutz import limit_reached
from praxis.models import PraxisPage

RATE_LIMIT_BUCKET = "kontakt"
RATE_LIMIT_WINDOW_SECONDS = 60 * 60  # formschutz.limit_reached counts per hour
SENT_PARAMETER = "gesendet"


def contact_form(page: Page, request: HttpRequest) -> HttpResponse:
    """Serve the contact form of `page` (an entry or a profile)."""
    if request.method == "POST":
        response = _post(page, request)
    elif request.GET.get(SENT_PARAMETER):
        context = {"empfang": recipients_for(page)}
        response = _render(request, page, "kontakt/kontakt_gesendet.html", context)
    else:
        response = _render_form(request, page, KontaktForm(initial=_initial(request)))
    # Each form carries its own CSRF token and timestamp: never from a cache.
    add_never_cache_headers(response)
    return response


def _post(page: Page, request: HttpRequest) -> HttpResponse:
    form = KontaktForm(request.POST)
    if not form.is_valid():
        return _render_form(request, page, form)
    if limit_reached(request, RATE_LIMIT_BUCKET):
        context = {"nachricht": form.cleaned_data["nachricht"]}
        response = _render(request, page, "kontakt/zu_viele_anfragen.html", context, status=429)
        response["Retry-After"] = str(RATE_LIMIT_WINDOW_SECONDS)
        return response
    submit(page, form.cleaned_data, request)
    return redirect(f"{contact_url(page)}?{SENT_PARAMETER}=1")


def _initial(request: HttpRequest) -> dict:
    """A link may preselect the Anliegen (`kontakt/?anliegen=hospitation`) and the visitor's
    chosen Kommune (`?vergleich=<AGS>`), written as the form resolves it: "Name (AGS)"."""
    initial = {}
    anliegen = request.GET.get("anliegen", "")
    if anliegen in Anliegen.values:
        initial["anliegen"] = anliegen
    kommune = chosen_kommune(request)
    if kommune is not None:
        initial["kommune"] = f"{kommune.anzeigename} ({kommune.ags})"
    return initial


def _render_form(request: HttpRequest, page: Page, form: KontaktForm) -> HttpResponse:
    context = {
        "form": form,
        "empfang": recipients_for(page),
        "aufbewahrung_tage": retention_days(),
        "cookies": form_cookies(),
    }
    return _render(request, page, "kontakt/kontakt_form.html", context)


def _render(
    request: HttpRequest, page: Page, template: str, context: dict, status: int = 200
) -> HttpResponse:
    base = {"page": page, "self": page, "is_entry": isinstance(page.specific, PraxisPage)}
    return TemplateResponse(request, template, base | context, status=status)


def contact_url(page: Page) -> str:
    """The address of the page's contact form (`<page url>kontakt/`)."""
    return page.url + page.specific.reverse_subpage("kontakt")
