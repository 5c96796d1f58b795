"""The 500 handler: a database that cannot be reached is a 503 ("try again shortly").

While PostgreSQL restarts or fails over, every request that needs it raises an OperationalError
or InterfaceError. That is no programming error but a passing outage, so the visitor (and the
load balancer, and a monitoring check) gets 503 with Retry-After and a German page that needs no
database; every other error stays Django's 500.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

from plattform.middleware import API_PREFIX

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this while handling the uncaught exception, so sys.exc_info() names it."""
    if not isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return defaults.server_error(request)
    response = database_unavailable(request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def database_unavailable(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        message = _("Der Dienst ist vorübergehend nicht erreichbar. Bitte gleich noch einmal.")
        return JsonResponse({"fehler": message, "meldungen": [message]}, status=503)
    return HttpResponse(loader.render_to_string("503.html"), status=503)
