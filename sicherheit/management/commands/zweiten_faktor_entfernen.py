"""Removes a user's second factor, for someone who lost the phone with the authenticator app;
afterwards the password alone logs in, and the user can set up a new app."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Entfernt die Zwei-Faktor-Anmeldung eines Zugangs (verlorenes Telefon)."

    def add_arguments(self, parser):
        parser.add_argument("benutzername", help="Benutzername des Zugangs")

    def handle(self, *args, benutzername: str, **options):
        user = get_user_model().objects.filter(username=benutzername).first()
        if user is None:
            raise CommandError(f"Keinen Zugang mit dem Benutzernamen „{benutzername}“ gefunden.")
        removed, _details = TOTPDevice.objects.filter(user=user).delete()
        if removed:
            self.stdout.write(f"Zwei-Faktor-Anmeldung von „{benutzername}“ entfernt.")
        else:
            self.stdout.write(f"„{benutzername}“ hatte keine Zwei-Faktor-Anmeldung.")
