"""How fresh an entry is: its "Stand", when it is due for a reminder, when it counts as stale,
and confirming it ("noch aktuell") without a new revision.

The Stand of an entry is the day it was last confirmed as current. Publishing counts as a
confirmation (someone looked at the entry), so publishing sets `stand` as well
(praxis/signal_handlers.py). Entries published before the field existed have no `stand`; for
them the day of the last publication stands in (`effective_stand`). Everything that shows or
ranks by freshness — the page, the cards, the reminders and both search backends — reads the
date through `effective_stand`, so they always agree.
"""

import calendar
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.log_actions import log
from wagtail.models import Revision

from plattform.indexing import index_after_commit

# Entries not confirmed for this many months get a reminder mail ...
REMINDER_AFTER_MONTHS = 12
# ... and after this many they are marked "möglicherweise veraltet" and rank lower.
STALE_AFTER_MONTHS = 24
# While an entry stays unconfirmed, its editors are reminded again at most this often.
REMINDER_REPEAT_DAYS = 30
# The "noch aktuell" link of a reminder mail works this long.
CONFIRM_LINK_MAX_AGE = timedelta(days=60)
CONFIRM_LOG_ACTION = "praxis.stand_bestaetigt"


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day if it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def effective_stand(
    stand: date | None, last_published_at: datetime | None, first_published_at: datetime | None
) -> date | None:
    """The last confirmation, else the day of the last (or first) publication, else None."""
    if stand:
        return stand
    published = last_published_at or first_published_at
    return timezone.localdate(published) if published else None


def stale_cutoff(today: date | None = None) -> date:
    """Entries whose Stand is on or before this day are "möglicherweise veraltet"."""
    return months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


def reminder_cutoff(today: date | None = None) -> date:
    """Entries whose Stand is on or before this day are due for a reminder."""
    return months_before(today or timezone.localdate(), REMINDER_AFTER_MONTHS)


def is_stale(stand: date | None, today: date | None = None) -> bool:
    """True if the (effective) Stand is 24 months old or older; an entry without one is not."""
    return stand is not None and stand <= stale_cutoff(today)


def stand_on_or_before(day: date) -> Q:
    """Entries whose effective Stand is on or before `day`, as a database filter."""
    next_day = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    without_stand = Q(stand__isnull=True)
    return (
        Q(stand__lte=day)
        | (without_stand & Q(last_published_at__lt=next_day))
        | (without_stand & Q(last_published_at__isnull=True, first_published_at__lt=next_day))
    )


def month_label(day: date) -> str:
    """ "März 2026": the month and year in the active language."""
    return date_format(day, "F Y")


def confirm(page, user=None, today: date | None = None) -> date:
    """Set the entry's Stand to today: on the live page and in its live and latest revision
    (so that a later publication does not bring the old date back), without a new revision;
    logged in the page history and re-indexed. Returns the new Stand."""
    today = today or timezone.localdate()
    with transaction.atomic():
        type(page).objects.filter(pk=page.pk).update(stand=today)
        record_in_revisions([page.live_revision_id, page.latest_revision_id], today)
        log(instance=page, action=CONFIRM_LOG_ACTION, user=user)
        index_after_commit([page.pk])
    page.stand = today
    return today


def record_in_revisions(revision_ids: Iterable[int | None], stand: date | None) -> None:
    """Write the Stand into the stored content of these revisions."""
    for revision in Revision.objects.filter(pk__in={pk for pk in revision_ids if pk}):
        revision.content["stand"] = stand.isoformat() if stand else None
        revision.save(update_fields=["content"])


def publish_keeping_stand(page) -> Revision:
    """Save and publish a revision of `page` without confirming it: for machine edits (an
    import carries its own `stand`, the demo set-up adds pictures), which are no person's
    confirmation, unlike publishing in the editor (praxis/signal_handlers.py)."""
    stand = page.stand
    revision = page.save_revision()
    revision.publish()
    type(page).objects.filter(pk=page.pk).update(stand=stand)
    record_in_revisions([revision.pk], stand)
    return revision
