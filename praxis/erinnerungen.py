"""Reminder mails about entries not confirmed as current for 12 months
(`python manage.py erinnerungen_senden`, run daily by cron).

Who is asked: whoever may edit the entry at its lead Kommune, i.e. the members of the groups
with the edit permission on the Kommune's profile page (Wagtail page permissions); if nobody
there has an address, the groups that review the entry (`reviewer_groups`). Each editor gets
one mail listing all their due entries, each with a one-click "noch aktuell" link and the admin
edit link. Every reminder is recorded (`StandErinnerung`); an entry is reminded again only
after REMINDER_REPEAT_DAYS while it stays unconfirmed, so a second run sends nothing new.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import GroupPagePermission

from kommunen.permissions import reviewer_groups
from plattform.mail import queue_email
from praxis.models import PraxisPage, StandErinnerung
from praxis.stand import (
    CONFIRM_LINK_MAX_AGE,
    REMINDER_AFTER_MONTHS,
    REMINDER_REPEAT_DAYS,
    STALE_AFTER_MONTHS,
    month_label,
    reminder_cutoff,
    stand_on_or_before,
)
from praxis.stand_links import confirm_url, edit_url

Progress = Callable[[str], None]


@dataclass
class ReminderRun:
    """What one run found and did, for the command's output and the tests."""

    cutoff: date
    due: list[PraxisPage] = field(default_factory=list)
    already_reminded: int = 0
    mails: dict[str, list[PraxisPage]] = field(default_factory=dict)
    without_recipients: list[PraxisPage] = field(default_factory=list)


def due_entries(today: date) -> tuple[list[PraxisPage], int]:
    """Live entries not confirmed for REMINDER_AFTER_MONTHS and not reminded lately, and the
    number of those left out because they were reminded within REMINDER_REPEAT_DAYS."""
    unconfirmed = (
        PraxisPage.objects.live()
        .filter(stand_on_or_before(reminder_cutoff(today)))
        .select_related("kommune")
        .order_by("title", "pk")
    )
    since = timezone.make_aware(
        datetime.combine(today - timedelta(days=REMINDER_REPEAT_DAYS - 1), time.min)
    )
    reminded = set(
        StandErinnerung.objects.filter(page__in=unconfirmed, gesendet_am__gte=since).values_list(
            "page_id", flat=True
        )
    )
    due = [page for page in unconfirmed if page.pk not in reminded]
    return due, len(reminded)


def _with_address(users: QuerySet) -> QuerySet:
    return users.filter(is_active=True).exclude(email="").distinct().order_by("pk")


def kommune_editors(page: PraxisPage) -> QuerySet:
    """Active users with an address who may edit pages below the entry's lead profile."""
    groups = GroupPagePermission.objects.filter(
        page=page.get_parent(), permission__codename="change_page"
    ).values("group")
    return _with_address(get_user_model().objects.filter(groups__in=groups))


def responsible_editors(page: PraxisPage) -> list:
    """The lead Kommune's editors; if there are none, the entry's reviewers."""
    editors = list(kommune_editors(page))
    if editors:
        return editors
    reviewers = get_user_model().objects.filter(groups__in=reviewer_groups(page))
    return list(_with_address(reviewers))


def reminder_message(user, entries: list[PraxisPage]) -> tuple[str, str]:
    """German subject and body of one editor's reminder about their due entries."""
    if len(entries) == 1:
        subject = _("Noch aktuell? Praxisbeispiel „%(titel)s“") % {"titel": entries[0].title}
    else:
        subject = _("Noch aktuell? %(n)d Praxisbeispiele warten auf Ihre Bestätigung") % {
            "n": len(entries)
        }
    intro = ngettext(
        "das folgende Praxisbeispiel wurde seit mindestens %(monate)d Monaten nicht mehr als "
        "aktuell bestätigt.",
        "die folgenden Praxisbeispiele wurden seit mindestens %(monate)d Monaten nicht mehr als "
        "aktuell bestätigt.",
        len(entries),
    ) % {"monate": REMINDER_AFTER_MONTHS}
    parts = [
        _("Guten Tag,"),
        intro
        + " "
        + _("Andere Kommunen verlassen sich auf die Angaben, bitte schauen Sie kurz darauf."),
        *(_entry_paragraph(page, user) for page in entries),
        _(
            "Der Link „noch aktuell“ gilt %(tage)d Tage und braucht keine Anmeldung. Ein "
            "Praxisbeispiel, das %(monate)d Monate lang nicht bestätigt wird, erscheint als "
            "„möglicherweise veraltet“ und in der Suche weiter unten."
        )
        % {"tage": CONFIRM_LINK_MAX_AGE.days, "monate": STALE_AFTER_MONTHS},
        ngettext(
            "Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel bearbeiten dürfen.",
            "Sie erhalten diese Nachricht, weil Sie diese Praxisbeispiele bearbeiten dürfen.",
            len(entries),
        ),
    ]
    return subject, "\n\n".join(parts)


def _entry_paragraph(page: PraxisPage, user) -> str:
    stand = page.aktueller_stand
    values = {
        "titel": page.title,
        "kommune": page.kommune.anzeigename if page.kommune else _("unbekannt"),
        "stand": month_label(stand) if stand else _("unbekannt"),
        "bestaetigen": confirm_url(page.pk, user.pk),
        "bearbeiten": edit_url(page.pk),
    }
    return (
        _(
            "„%(titel)s“ (%(kommune)s), Stand: %(stand)s\n"
            "Noch aktuell? Ein Klick genügt:\n%(bestaetigen)s\n"
            "Etwas hat sich geändert? Hier bearbeiten:\n%(bearbeiten)s"
        )
        % values
    )


def send_reminders(today: date | None = None, progress: Progress | None = None) -> ReminderRun:
    """Queue one mail per responsible editor about their due entries and record them."""
    today = today or timezone.localdate()
    say = progress or (lambda line: None)
    run = ReminderRun(cutoff=reminder_cutoff(today))
    run.due, run.already_reminded = due_entries(today)
    say(_due_line(run))
    by_user: dict[int, list[PraxisPage]] = defaultdict(list)
    recipients: dict[int, int] = defaultdict(int)
    users = {}
    for page in run.due:
        editors = responsible_editors(page)
        if not editors:
            run.without_recipients.append(page)
        for user in editors:
            users[user.pk] = user
            by_user[user.pk].append(page)
            recipients[page.pk] += 1
    with transaction.atomic():
        for user_pk, entries in by_user.items():
            user = users[user_pk]
            if queue_email(*reminder_message(user, entries), to=[user.email]):
                run.mails[user.email] = entries
                say(_mail_line(user, entries))
        StandErinnerung.objects.bulk_create(
            StandErinnerung(page=page, empfaenger=recipients[page.pk])
            for page in run.due
            if recipients[page.pk]
        )
    return run


def _due_line(run: ReminderRun) -> str:
    line = _("Stand bis %(tag)s (seit %(monate)d Monaten nicht bestätigt): %(n)d fällig.") % {
        "tag": date_format(run.cutoff, "d.m.Y"),
        "monate": REMINDER_AFTER_MONTHS,
        "n": len(run.due),
    }
    if run.already_reminded:
        line += " " + _("%(n)d weitere wurden in den letzten %(tage)d Tagen schon erinnert.") % {
            "n": run.already_reminded,
            "tage": REMINDER_REPEAT_DAYS,
        }
    return line


def _mail_line(user, entries: list[PraxisPage]) -> str:
    return ngettext(
        "  E-Mail an %(person)s <%(email)s>: %(n)d Praxisbeispiel",
        "  E-Mail an %(person)s <%(email)s>: %(n)d Praxisbeispiele",
        len(entries),
    ) % {"person": user.get_username(), "email": user.email, "n": len(entries)}
