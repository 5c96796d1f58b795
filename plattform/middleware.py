"""Middleware of the platform.

`ControlCharacterMiddleware` refuses control characters in the address before any view sees them:
PostgreSQL cannot store or compare text with a NUL character (a `DataError`, so a 500), and no
page, parameter or key of the platform contains control characters. One check at the edge keeps
every view, lookup and path converter from having to repeat it.

`NotFoundPageMiddleware` (development only) shows the platform's German 404 page where Django's
English technical one would appear.
"""

import re
from collections.abc import Callable
from urllib.parse import unquote

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import get_resolver, get_urlconf
from django.utils.translation import gettext as _

# C0 controls and DEL; tab, line feed and carriage return may stand in a search text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PATH_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
API_PREFIX = "/api/"


def has_control_characters(request: HttpRequest) -> bool:
    """True if the path or the decoded query string contains a control character."""
    query = unquote(request.META.get("QUERY_STRING", ""), errors="replace")
    return bool(PATH_CONTROL_CHARACTERS.search(request.path) or CONTROL_CHARACTERS.search(query))


def refusal(request: HttpRequest) -> HttpResponse:
    """A German 400: JSON in the API's error shape, plain text elsewhere."""
    message = _(
        "Die Adresse enthält Steuerzeichen (zum Beispiel ein Nullbyte) und kann nicht "
        "verarbeitet werden."
    )
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"fehler": message, "meldungen": [message]}, status=400)
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


class ControlCharacterMiddleware:
    """Answer 400 to any request whose address contains control characters."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request):
            return refusal(request)
        return self.get_response(request)


class NotFoundPageMiddleware:
    """Under DEBUG, Django answers a missing page with its technical 404 page, in English. In
    development this shows the page visitors get in production instead (the `handler404` of the
    URL configuration, templates/404.html), so that it can be seen and worked on; errors other
    than 404 keep their technical page.

    A view's `Http404` is caught here before Django turns it into the technical page; an address
    that matches no URL pattern never reaches a view and is recognised by its missing
    `resolver_match`. Responses a view returns itself (the API's JSON 404) stay as they are.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 404 and request.resolver_match is None:
            return not_found_page(request, Http404(request.path))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404):
            return not_found_page(request, exception)
        return None


def not_found_page(request: HttpRequest, exception: Http404) -> HttpResponse:
    """What Django answers with DEBUG off: the URL configuration's 404 handler."""
    handler = get_resolver(get_urlconf()).resolve_error_handler(404)
    # Django calls the handler with the exception as keyword; its stub types it as a bare view.
    return handler(request, exception=exception)  # type: ignore[call-arg]
