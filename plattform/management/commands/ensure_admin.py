"""Create or reset the local superuser (and, with --demo, the demo editors) and print the logins."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand
from django.db import transaction

from kommunen.permissions import ensure_editorial_access


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
        "und gibt die Anmeldedaten aus; mit --demo auch die der Demo-Zugänge."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")
        parser.add_argument("--url", default=None, help="Adresse der Verwaltung für die Ausgabe.")
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Auch die Demo-Zugänge (seed_demo) mit neuen Passwörtern ausgeben.",
        )

    def handle(self, *args, username: str, email: str, url: str | None, demo: bool, **options):
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        _, created = ensure_admin(username, password, email)
        action = "angelegt" if created else "Passwort zurückgesetzt"
        self.stdout.write(self.style.SUCCESS(f"Administrator {action}."))
        self.stdout.write(f"  Anmeldung: {url or admin_url()}")
        self.stdout.write(f"  Benutzer:  {username}")
        self.stdout.write(f"  Passwort:  {password}")
        if demo:
            self.write_demo_logins()

    def write_demo_logins(self) -> None:
        logins = ensure_editorial_access(demo=True)
        if not logins:
            self.stdout.write("Keine Demo-Zugänge: erst „manage.py seed_demo“ ausführen.")
            return
        self.stdout.write("Demo-Zugänge (Benutzer / Passwort):")
        for login in logins:
            self.stdout.write(f"  {login}")
