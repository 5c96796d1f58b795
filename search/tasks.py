"""Background sync of the search index (django-tasks; database backend in production).

This module owns enqueueing: page events call `schedule_sync`, which records the pages
(search.sync) and starts `sync_index` once the transaction has committed.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_tasks import task

from search.sync import EngineUnavailable, mark_for_sync, process_pending

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
RETRY_DELAY = timedelta(minutes=1)


@task()
def sync_index(attempt: int = 1) -> dict:
    """Do all pending index work; on failure keep it recorded and retry later."""
    try:
        upserts, deletes = process_pending()
    except EngineUnavailable:
        retry_later(attempt)
        raise
    return {"upserts": upserts, "deletes": deletes}


def retry_later(attempt: int) -> bool:
    """Schedule another attempt with a growing delay, where the task backend can defer."""
    if attempt >= MAX_ATTEMPTS or not sync_index.get_backend().supports_defer:
        logger.warning("Kein weiterer automatischer Versuch; `search_index --catch-up` holt nach")
        return False
    later = timezone.now() + RETRY_DELAY * attempt
    sync_index.using(run_after=later).enqueue(attempt=attempt + 1)
    return True


def enqueue_sync() -> None:
    """Enqueue the sync task; a failure here must never break editing."""
    try:
        sync_index.enqueue()
    except Exception:
        logger.exception("Suchindex-Abgleich konnte nicht eingeplant werden")


def schedule_sync(page_ids: Iterable[int]) -> None:
    """Record that these pages must be re-synced, and start the sync task after the commit."""
    if mark_for_sync(page_ids):
        transaction.on_commit(enqueue_sync)
