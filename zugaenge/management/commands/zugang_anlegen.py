"""Give someone access to a Kommune: profile, role group, user and the invitation mail."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kommunen.models import AGS_PATTERN, Kommune
from zugaenge.invitations import Zugang, ZugangError, grant_access
from zugaenge.roles import Rolle

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


def kommune_for(ags: str) -> Kommune:
    """The Kommune of the register with that AGS, or a German CommandError."""
    ags = ags.strip()
    if not AGS_PATTERN.match(ags):
        raise CommandError(
            f"„{ags}“ ist kein Amtlicher Gemeindeschlüssel: erwartet werden 8 Ziffern "
            "(Gemeinde, Stadt) oder 5 Ziffern (Landkreis)."
        )
    kommune = Kommune.objects.filter(ags=ags).select_related("kreis").first()
    if kommune is None:
        raise CommandError(
            f"Im Gemeindeverzeichnis gibt es keine Kommune mit dem AGS {ags}. "
            "Ist das Verzeichnis importiert (manage.py import_kommunen)?"
        )
    return kommune


def report(zugang: Zugang) -> list[str]:
    """One line per thing found or made, in German."""
    kommune, user = zugang.kommune, zugang.user
    return [
        f"Profil: {zugang.profile.title} ({'angelegt' if zugang.profile_created else 'vorhanden'})",
        f"Gruppe: {zugang.group.name}",
        f"Benutzer: {user.get_username()} ("
        + ("angelegt" if zugang.user_created else "vorhanden")
        + (", zur Gruppe hinzugefügt)" if zugang.joined_group else ", schon in der Gruppe)"),
        (
            f"Einladung an {user.email} für {kommune.anzeigename} verschickt."
            if zugang.invited
            else f"{user.email} hat schon ein Passwort: Nachricht mit der Anmeldung verschickt."
        ),
    ]


class Command(BaseCommand):
    """Onboard an officer or a Kreis coordinator; idempotent; a second run sends the link again."""

    help = (
        "Legt für eine Kommune (AGS) das Profil, die Rollengruppe und den Zugang an und schickt "
        "die Einladung mit dem Link zum Festlegen des Passworts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kommune", required=True, metavar="AGS", help="AGS der Kommune.")
        parser.add_argument("--email", required=True, help="E-Mail-Adresse der Person.")
        parser.add_argument(
            "--rolle",
            required=True,
            choices=Rolle.values,
            help="beauftragte (Integrationsbeauftragte einer Kommune) oder koordination "
            "(Kreiskoordination eines Landkreises).",
        )
        parser.add_argument("--name", default="", help="Name für die Anrede (freiwillig).")

    def handle(self, *args, kommune: str, email: str, rolle: str, name: str, **options):
        target = kommune_for(kommune)
        try:
            zugang = grant_access(target, email, rolle, name=name)
        except ZugangError as exc:
            raise CommandError(str(exc)) from None
        for line in report(zugang):
            self.stdout.write(line)
        if settings.EMAIL_BACKEND == CONSOLE_BACKEND:
            self.stdout.write(f"Link: {zugang.link}")
        self.stdout.write(self.style.SUCCESS("Fertig."))
