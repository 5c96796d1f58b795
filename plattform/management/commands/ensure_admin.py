"""Create or reset the local superuser and print how to log in."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand
from django.db import transaction


@transaction.atomic
def ensure_admin(username: str, password: str, email: str = "") -> tuple[AbstractBaseUser, bool]:
    """Make `username` an active superuser with `password`; return (user, created)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email}
    )
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return user, created


def admin_url() -> str:
    """The Wagtail admin address derived from BASE_URL (WAGTAILADMIN_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


class Command(BaseCommand):
    """Give a local or demo installation a known administrator; idempotent."""

    help = (
        "Legt den Superuser an oder setzt sein Passwort zurück (ADMIN_PASSWORD oder zufällig) "
        "und gibt die Anmeldedaten aus."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")
        parser.add_argument("--url", default=None, help="Adresse der Verwaltung für die Ausgabe.")

    def handle(self, *args, username: str, email: str, url: str | None, **options):
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        _, created = ensure_admin(username, password, email)
        action = "angelegt" if created else "Passwort zurückgesetzt"
        self.stdout.write(self.style.SUCCESS(f"Administrator {action}."))
        self.stdout.write(f"  Anmeldung: {url or admin_url()}")
        self.stdout.write(f"  Benutzer:  {username}")
        self.stdout.write(f"  Passwort:  {password}")
