"""Background sync of the search index (django-tasks; database backend in production)."""

import logging
from datetime import timedelta

from django.utils import timezone

from django_tasks import task

from search.sync import SuchmaschineNichtErreichbar, abarbeiten

logger = logging.getLogger(__name__)
MAX_VERSUCHE = 10
WARTEZEIT = timedelta(minutes=1)


@task()
def index_abgleichen(versuch: int = 1) -> dict:
    """Do all pending index work; on failure keep it recorded and retry later."""
    try:
        upserts, deletes = abarbeiten()
    except SuchmaschineNichtErreichbar:
        wiederholen(versuch)
        raise
    return {"upserts": upserts, "deletes": deletes}


def wiederholen(versuch: int) -> bool:
    """Schedule another attempt with a growing delay, where the task backend can defer."""
    if versuch >= MAX_VERSUCHE or not index_abgleichen.get_backend().supports_defer:
        logger.warning("Kein weiterer automatischer Versuch; `search_index --catch-up` holt nach")
        return False
    spaeter = timezone.now() + WARTEZEIT * versuch
    index_abgleichen.using(run_after=spaeter).enqueue(versuch=versuch + 1)
    return True
