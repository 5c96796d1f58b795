"""Keeping the index in step: record pending work, then do it when the engine answers.

Enqueueing the background run is the task module's job (search.tasks.schedule_sync).
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from search.client import connection_errors
from search.indices import sync_pages
from search.models import IndexAuftrag

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


class EngineUnavailable(RuntimeError):
    """The engine did not take the pending work; it stays recorded for the next run."""


def engine_enabled() -> bool:
    return bool(settings.SEARCH_URL)


def mark_for_sync(page_ids: Iterable[int]) -> bool:
    """Record that these pages must be re-synced; False if there is nothing to record."""
    ids = sorted(set(page_ids))
    if not engine_enabled() or not ids:
        return False
    for pk in ids:
        IndexAuftrag.objects.update_or_create(page_id=pk)
    return True


def pending_count() -> int:
    """How many pages wait for the index."""
    return IndexAuftrag.objects.count()


def process_pending(refresh: bool = False) -> tuple[int, int]:
    """Sync every recorded page; (upserts, deletes), or raise EngineUnavailable."""
    upserts = deletes = 0
    cutoff = timezone.now()
    jobs = list(IndexAuftrag.objects.filter(aktualisiert__lte=cutoff).order_by("pk"))
    for start in range(0, len(jobs), BATCH_SIZE):
        batch = jobs[start : start + BATCH_SIZE]
        upserted, deleted = _sync_batch(batch, refresh)
        upserts, deletes = upserts + upserted, deletes + deleted
        # Work recorded again after `cutoff` is kept for the next run.
        IndexAuftrag.objects.filter(pk__in=[j.pk for j in batch], aktualisiert__lte=cutoff).delete()
    return upserts, deletes


def _sync_batch(batch: list[IndexAuftrag], refresh: bool) -> tuple[int, int]:
    try:
        return sync_pages([j.page_id for j in batch], refresh=refresh)
    # mypy does not accept a starred tuple of exception types here ([misc]).
    except (*connection_errors(), RuntimeError) as error:  # type: ignore[misc]
        IndexAuftrag.objects.filter(pk__in=[j.pk for j in batch]).update(
            versuche=F("versuche") + 1, letzter_fehler=str(error)[:2000]
        )
        logger.error(
            "Suchindex nicht erreichbar, %d Seite(n) bleiben vorgemerkt: %s", len(batch), error
        )
        raise EngineUnavailable(str(error)) from error
