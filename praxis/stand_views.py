"""The public "noch aktuell" page behind the link of a reminder mail.

GET shows the entry and a button; only POST confirms, so mail scanners that prefetch links
confirm nothing. No login: the signed token (praxis/stand_links.py) is the credential. The form
is exempt from CSRF because the token in the address already is a secret a forging site cannot
know, and a CSRF cookie would be the only cookie a public page sets.
"""

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from praxis.models import PraxisPage
from praxis.stand import CONFIRM_LINK_MAX_AGE, confirm
from praxis.stand_links import ConfirmRequest, LinkExpired, LinkInvalid, read_token

TEMPLATE = "praxis/stand/noch_aktuell.html"


def _answer(request: HttpRequest, state: str, status: int = 200, **context) -> HttpResponse:
    response = TemplateResponse(request, TEMPLATE, {"zustand": state, **context}, status=status)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leave in a Referer
    return response


def _entry(link: ConfirmRequest) -> PraxisPage | None:
    return PraxisPage.objects.live().select_related("kommune").filter(pk=link.page_id).first()


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def noch_aktuell(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm an entry as current: a button on GET, the confirmation on POST."""
    try:
        link = read_token(token)
    except LinkExpired:
        return _answer(request, "abgelaufen", status=410, gueltig_tage=CONFIRM_LINK_MAX_AGE.days)
    except LinkInvalid:
        return _answer(request, "ungueltig", status=400)
    entry = _entry(link)
    if entry is None:
        return _answer(request, "entfernt", status=404)
    if request.method == "POST":
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(pk=link.user_id).first() if link.user_id else None
        confirm(entry, user=user)
        return _answer(request, "bestaetigt", entry=entry)
    return _answer(request, "frage", entry=entry)
