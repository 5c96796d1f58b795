"""Remind the editors of entries not confirmed as current for 12 months (for a daily cron)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from praxis.erinnerungen import ReminderRun, send_reminders


class Command(BaseCommand):
    """Idempotent: an entry is reminded again only after 30 days while it stays unconfirmed."""

    help = _(
        "Schickt den Redaktionen eine E-Mail zu Praxisbeispielen, die seit 12 Monaten nicht als "
        "aktuell bestätigt wurden, mit einem Link „noch aktuell“ und einem Link zum Bearbeiten. "
        "Für einen täglichen Cronjob: ein zweiter Lauf am selben Tag oder im selben Monat "
        "schickt nichts Neues."
    )

    def handle(self, *args, **options) -> None:
        run = send_reminders(progress=self.stdout.write)
        for line in summary(run):
            self.stdout.write(line)


def summary(run: ReminderRun) -> list[str]:
    """The German closing lines of a run: entries nobody could be asked about, and the total."""
    lines = [
        _(
            "  Für „%(titel)s“ hat weder die Redaktion noch die Prüfung eine E-Mail-Adresse; "
            "keine Erinnerung."
        )
        % {"titel": page.title}
        for page in run.without_recipients
    ]
    reminded = len({page.pk for entries in run.mails.values() for page in entries})
    mails = ngettext("%(n)d E-Mail", "%(n)d E-Mails", len(run.mails)) % {"n": len(run.mails)}
    entries = ngettext("%(n)d Praxisbeispiel", "%(n)d Praxisbeispielen", reminded) % {"n": reminded}
    lines.append(
        _("Fertig: %(mails)s zu %(eintraege)s vorgemerkt.") % {"mails": mails, "eintraege": entries}
    )
    return lines
