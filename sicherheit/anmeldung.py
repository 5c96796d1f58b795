"""Login lockout (django-axes): after `AXES_FAILURE_LIMIT` failed logins with one user name,
that name is locked for `AXES_COOLOFF_TIME`, from every address.

Locking the name, not the address, is what stops guessing one account's password from many
machines, and it never locks out a whole town hall behind one NAT address because several
colleagues mistyped. The price, someone locking a known name on purpose, is bounded: a failed
attempt during the lockout does not extend it (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def login_name(request: HttpRequest, credentials: dict | None) -> str | None:
    """The name the lockout counts: "Admin", "admin " and "ADMIN" are one name."""
    name = (credentials or {}).get("username") or request.POST.get("username")
    return name.strip().casefold() if isinstance(name, str) else None


def lockout_page(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The German page a locked-out login gets (AXES_LOCKOUT_CALLABLE), status 429."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minuten": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "sicherheit/anmeldung_gesperrt.html", context, status=429)
