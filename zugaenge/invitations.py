"""Giving someone access: profile page, role group, user and the invitation mail, in one place.

`zugang_anlegen`, the admin's invitation form and accepting a participation request all go
through `grant_access`. The set-your-password link is Django's password-reset token on
Wagtail's own confirm view, so there is no second password mechanism; it stops working once
the password is set (the token hashes the password).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kommunen.grammar import kreis_genitive
from kommunen.models import Kommune, KommunePage, KommuneTyp, LandkreisPage
from kommunen.permissions import (
    ensure_kommune_editors,
    ensure_kreis_coordination,
    ensure_platform_editors,
)
from kommunen.profiles import ensure_profile
from plattform.mail import queue_email
from zugaenge.roles import Rolle, role_error


class ZugangError(ValueError):
    """Access cannot be granted; the message is German and meant for the person asking."""


@dataclass
class Zugang:
    """What `grant_access` found or made, for the command's report and the admin's message."""

    kommune: Kommune
    profile: KommunePage
    profile_created: bool
    group: Group
    user: User
    user_created: bool
    joined_group: bool
    link: str  # the set-your-password link, or the login address if a password is set

    @property
    def invited(self) -> bool:
        """True if the mail carries a set-your-password link (the user has no password yet)."""
        return not self.user.has_usable_password()


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def normalized_email(email: str) -> str:
    """The address as stored and used as user name; a German ZugangError if it is none."""
    address = (email or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise ZugangError(
            _("„%(email)s“ ist keine gültige E-Mail-Adresse.") % {"email": address}
        ) from None
    local, _at, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def set_password_link(user: User) -> str:
    """Wagtail's password-reset confirm view with a fresh token for the user."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(reverse("wagtailadmin_password_reset_confirm", args=(uid, token)))


@transaction.atomic
def grant_access(
    kommune: Kommune,
    email: str,
    rolle: str,
    name: str = "",
    invited_by: User | None = None,
    accepted_request: bool = False,
) -> Zugang:
    """Make sure the Kommune has its profile and role group, the person a user in that group,
    and send them the invitation (or, with a password already set, a note with the login).

    Idempotent: run again, it creates nothing twice and sends the link again.
    """
    if error := role_error(kommune, rolle):
        raise ZugangError(error)
    address = normalized_email(email)
    profile, profile_created = _profile(kommune)
    group = _role_group(profile, rolle)
    user, user_created = _user(address, name)
    joined = not user.groups.filter(pk=group.pk).exists()
    user.groups.add(group)
    link = set_password_link(user) if not user.has_usable_password() else absolute("/admin/")
    zugang = Zugang(kommune, profile, profile_created, group, user, user_created, joined, link)
    _send_invitation(zugang, rolle, invited_by, accepted_request)
    return zugang


def _profile(kommune: Kommune) -> tuple[KommunePage, bool]:
    existed = KommunePage.objects.filter(kommune=kommune).exists()
    try:
        return ensure_profile(kommune), not existed
    except ValidationError as exc:
        raise ZugangError(" ".join(exc.messages)) from None


def _role_group(profile: KommunePage, rolle: str) -> Group:
    ensure_platform_editors()  # the reviewers of kreisfreie Städte exist before anyone submits
    if rolle == Rolle.KOORDINATION:
        return ensure_kreis_coordination(LandkreisPage.objects.get(pk=profile.pk))
    return ensure_kommune_editors(profile)


def _user(address: str, name: str) -> tuple[User, bool]:
    """The user with that address (or user name); a new one has no password until they set it.
    A deactivated user who is invited again is active again: the invitation is the decision."""
    users = User.objects
    user = users.filter(email__iexact=address).order_by("pk").first()
    user = user or users.filter(username__iexact=address).order_by("pk").first()
    created = user is None
    if user is None:
        user = users.create_user(username=address.lower()[:150], email=address)
        user.set_unusable_password()
        first, _space, last = name.strip().rpartition(" ")
        user.first_name, user.last_name = (first or last)[:150], (last if first else "")[:150]
    user.email = user.email or address
    user.is_active = True
    user.save()
    return user, created


def _send_invitation(
    zugang: Zugang, rolle: str, invited_by: User | None, accepted_request: bool
) -> None:
    kommune = zugang.kommune
    template = "einladung" if zugang.invited else "neue_rolle"
    context = {
        "zugang": zugang,
        "kommune": kommune,
        "koordination": rolle == Rolle.KOORDINATION,
        "publishes": kommune.typ == KommuneTyp.KREISFREIE_STADT,
        "reviewers": _reviewer_name(kommune),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "edit_url": absolute(reverse("wagtailadmin_pages:edit", args=(zugang.profile.pk,))),
        "login_url": absolute(reverse("wagtailadmin_login")),
        "valid_until": timezone.localtime(
            timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
        ),
        "contact": _contact(invited_by),
        "accepted_request": accepted_request,
    }
    subject = _("Ihr Zugang zu %(site)s: %(kommune)s") % {
        "site": settings.WAGTAIL_SITE_NAME,
        "kommune": kommune.anzeigename,
    }
    body = render_to_string(f"zugaenge/mails/{template}.txt", context)
    queue_email(subject, body, [zugang.user.email])


def _reviewer_name(kommune: Kommune) -> str:
    """Who approves the officers' entries, as the mail names it."""
    if kommune.kreis is not None:
        return _("die Kreiskoordination %(kreis)s") % {
            "kreis": kreis_genitive(kommune.kreis.anzeigename)
        }
    return _("die Plattform-Redaktion")


def _contact(invited_by: User | None) -> str:
    """Whom to ask for a new link: the person who invited, else the platform team."""
    if invited_by is not None and invited_by.email:
        name = invited_by.get_full_name() or invited_by.get_username()
        return f"{name} <{invited_by.email}>"
    return _("die Plattform-Redaktion")
