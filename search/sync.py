"""Keeping the index in step: record pending work, then do it when the engine answers."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.client import verbindungsfehler
from search.indices import seiten_abgleichen
from search.models import IndexAuftrag

logger = logging.getLogger(__name__)
BLOCK = 500


class SuchmaschineNichtErreichbar(RuntimeError):
    """The engine did not take the pending work; it stays recorded for the next run."""


def engine_aktiv() -> bool:
    return bool(settings.SEARCH_URL)


def vormerken(page_ids: Iterable[int]) -> None:
    """Record that these pages must be re-synced, and start the sync task after the commit."""
    ids = sorted(set(page_ids))
    if not engine_aktiv() or not ids:
        return
    for pk in ids:
        IndexAuftrag.objects.update_or_create(page_id=pk)
    transaction.on_commit(starten)


def starten() -> None:
    """Enqueue the sync task; a failure here must never break editing."""
    from search.tasks import index_abgleichen

    try:
        index_abgleichen.enqueue()
    except Exception:
        logger.exception("Suchindex-Abgleich konnte nicht eingeplant werden")


def offen() -> int:
    """How many pages wait for the index."""
    return IndexAuftrag.objects.count()


def abarbeiten(refresh: bool = False) -> tuple[int, int]:
    """Sync every recorded page; (upserts, deletes), or raise SuchmaschineNichtErreichbar."""
    upserts = deletes = 0
    stand = timezone.now()
    auftraege = list(IndexAuftrag.objects.filter(aktualisiert__lte=stand).order_by("pk"))
    for start in range(0, len(auftraege), BLOCK):
        block = auftraege[start : start + BLOCK]
        neu, weg = _block_abgleichen(block, refresh)
        upserts, deletes = upserts + neu, deletes + weg
        # Work recorded again after `stand` is kept for the next run.
        IndexAuftrag.objects.filter(pk__in=[a.pk for a in block], aktualisiert__lte=stand).delete()
    return upserts, deletes


def _block_abgleichen(block: list[IndexAuftrag], refresh: bool) -> tuple[int, int]:
    try:
        return seiten_abgleichen([a.page_id for a in block], refresh=refresh)
    except (*verbindungsfehler(), RuntimeError) as fehler:
        IndexAuftrag.objects.filter(pk__in=[a.pk for a in block]).update(
            versuche=F("versuche") + 1, letzter_fehler=str(fehler)[:2000]
        )
        logger.error(
            "Suchindex nicht erreichbar, %d Seite(n) bleiben vorgemerkt: %s", len(block), fehler
        )
        raise SuchmaschineNichtErreichbar(str(fehler)) from fehler
