"""Stored contact requests are deleted once the retention period has passed (DSGVO: no longer
than needed); `manage.py kontaktanfragen_loeschen` runs this daily from cron."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from kontakt.models import Kontaktanfrage, retention_days

BATCH_SIZE = 500


@dataclass(frozen=True)
class Loeschung:
    cutoff: datetime
    count: int


def delete_expired(
    dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> Loeschung:
    """Delete (or, with `dry_run`, count) the requests older than the retention period, in
    batches so that a long backlog never holds one long lock; `progress` hears each batch."""
    cutoff = timezone.now() - timedelta(days=retention_days())
    expired = Kontaktanfrage.objects.filter(erstellt_am__lt=cutoff)
    if dry_run:
        return Loeschung(cutoff, expired.count())
    deleted = 0
    while batch := list(expired.values_list("pk", flat=True)[:BATCH_SIZE]):
        with transaction.atomic():
            deleted += Kontaktanfrage.objects.filter(pk__in=batch).delete()[0]
        if progress:
            progress(deleted)
    return Loeschung(cutoff, deleted)
