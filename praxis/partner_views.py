"""Admin views where a partner Kommune's editors confirm or decline the partnerships named on
other Kommunen's entries (the rules: praxis/partnerschaft.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from praxis import partnerschaft

DECISIONS = {"bestaetigen": partnerschaft.confirm, "ablehnen": partnerschaft.decline}


def partner_requests(request: HttpRequest) -> TemplateResponse:
    """The open requests to every Kommune whose profile the user may edit."""
    requests = partnerschaft.open_requests_for(request.user)
    return TemplateResponse(
        request,
        "praxis/admin/partner_requests.html",
        {"partner_requests": requests, "header_title": _("Partneranfragen")},
    )


@require_POST
def decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """Confirm or decline one open request; only the partner Kommune's editors may."""
    action = DECISIONS.get(decision)
    partnership = partnerschaft.open_requests().filter(pk=pk).first()
    if action is None or partnership is None:
        raise Http404(_("Diese Partneranfrage gibt es nicht (mehr)."))
    if not partnerschaft.may_decide(request.user, partnership):
        raise PermissionDenied
    action(partnership, request.user)
    messages.success(request, _success_message(decision, partnership))
    return redirect(_next_url(request))


def _success_message(decision: str, partnership) -> str:
    values = {"partner": partnership.kommune.anzeigename, "titel": partnership.page.title}
    if decision == "bestaetigen":
        message = _("Bestätigt: „%(titel)s“ steht jetzt auf dem Profil von %(partner)s.")
    else:
        message = _("Abgelehnt: „%(titel)s“ nennt %(partner)s nicht mehr als Partnerkommune.")
    return message % values


def _next_url(request: HttpRequest) -> str:
    """Back where the buttons were (dashboard or listing), never to another host."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "praxis_partner_requests"
