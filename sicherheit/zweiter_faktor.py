"""An optional second factor for admin accounts: a time-based code (TOTP, RFC 6238) from an
authenticator app, through django-otp.

Each user decides in the admin's account settings (Benutzerkonto → Mehr Aktionen). Once a user
has a confirmed device, a password alone no longer opens the admin: until the code of the
session is confirmed, every admin address leads to the code form, and outside the admin the
session counts as not logged in. Wrong codes are slowed down by django-otp (1, 2, 4, … seconds
between attempts).
"""

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFY_URL_NAME = "zweiter_faktor_pruefen"
SETUP_URL_NAME = "zweiter_faktor_einrichten"


def needs_code(user) -> bool:
    """A logged-in user with a confirmed device whose session has not given its code yet."""
    if not getattr(user, "is_authenticated", False):
        return False
    verified = getattr(user, "is_verified", None)
    return not (verified and verified()) and user_has_device(user, confirmed=True)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` address if it points into this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else default


class ZweiterFaktorMiddleware:
    """After django-otp's OTPMiddleware: hold a session that still owes its code."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if needs_code(request.user):
            admin = reverse("wagtailadmin_home")
            if not request.path.startswith(admin):
                request.user = AnonymousUser()
            elif request.path not in self.open_paths():
                return redirect(f"{reverse(VERIFY_URL_NAME)}?{urlencode({'next': request.path})}")
        return self.get_response(request)

    @staticmethod
    def open_paths() -> set[str]:
        """What a session owing its code may still reach: the code form and the logout."""
        return {reverse(VERIFY_URL_NAME), reverse("wagtailadmin_logout")}
