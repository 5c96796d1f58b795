"""A circuit breaker for the search engine: a failure is remembered for a short while.

While the engine is remembered as failed, searches go straight to the database instead of
waiting for a timeout again, so an outage costs one slow request, not every request. The
memory lives in the `shared` cache (the database), which every process of the installation
sees; a per-process memory would let each worker process wait again.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)
CACHE_ALIAS = "shared"


def _key() -> str:
    # Per engine URL, so a test or a second installation on another engine is not affected.
    digest = hashlib.sha256(settings.SEARCH_URL.encode()).hexdigest()[:16]
    return f"search-engine-failed:{digest}"


def engine_recently_failed() -> bool:
    """True while a failure of the configured engine is remembered."""
    return caches[CACHE_ALIAS].get(_key()) is not None


def remember_failure(error: Exception) -> None:
    """Remember the failure for SEARCH_RETRY_AFTER seconds; the engine is tried again after."""
    seconds = settings.SEARCH_RETRY_AFTER
    caches[CACHE_ALIAS].set(_key(), timezone.now().isoformat(), timeout=seconds)
    logger.warning(
        "Suchmaschine nicht erreichbar (%s); die Datenbank antwortet, neuer Versuch in %s s",
        error,
        seconds,
    )


def forget_failure() -> None:
    """Try the engine again with the next request (tests, `search_index --check`)."""
    caches[CACHE_ALIAS].delete(_key())
