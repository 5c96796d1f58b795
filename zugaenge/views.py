"""The public "Mitmachen" page: a municipality asks to take part; a page to confirm it."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from kommunen.models import Kommune
from plattform.formschutz import limit_reached
from zugaenge.forms import CHOICE_FIELD, MitmachenForm
from zugaenge.requests import RETENTION_DAYS, receive_request

LIMIT_BUCKET = "mitmachen"


@require_http_methods(["GET", "POST"])
def mitmachen(request: HttpRequest) -> HttpResponse:
    """GET shows the form, POST stores the request (a 429 page beyond the limit per address)."""
    form = MitmachenForm(request.POST or None, initial=_kommune_from_link(request))
    if request.method == "POST" and form.is_valid():
        if limit_reached(request, LIMIT_BUCKET):
            return TemplateResponse(request, "zugaenge/zu_viele_anfragen.html", status=429)
        data = form.cleaned_data
        receive_request(
            data["kommune"], data["name"], data["funktion"], data["email"], data["nachricht"]
        )
        return redirect("zugaenge:danke")
    context = {
        "form": form,
        "choice_field": CHOICE_FIELD,
        "aufbewahrung_tage": RETENTION_DAYS,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }
    return TemplateResponse(request, "zugaenge/mitmachen.html", context)


def _kommune_from_link(request: HttpRequest) -> dict:
    """`?kommune=<AGS>` (the invitation on /kommune/<AGS>/) fills in the Kommune field."""
    kommune = Kommune.objects.filter(ags=request.GET.get("kommune", "")[:8]).first()
    return {"kommune": f"{kommune.anzeigename} ({kommune.ags})"} if kommune else {}


def danke(request: HttpRequest) -> HttpResponse:
    """Shown after sending: what happens next."""
    return TemplateResponse(request, "zugaenge/mitmachen_danke.html")
