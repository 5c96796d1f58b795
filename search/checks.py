"""System checks for the search settings (no network access)."""

from urllib.parse import urlparse

from django.conf import settings
from django.core import checks

from search.client import ENGINES, node_urls


@checks.register()
def check_search_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Every node in SEARCH_URL an http(s) URL, SEARCH_ENGINE empty or a known engine."""
    errors = [
        checks.Error(
            f"SEARCH_URL muss mit http:// oder https:// beginnen: {url!r}", id="search.E001"
        )
        for url in node_urls(getattr(settings, "SEARCH_URL", ""))
        if urlparse(url).scheme not in ("http", "https")
    ]
    engine = getattr(settings, "SEARCH_ENGINE", "")
    if engine and engine not in ENGINES:
        errors.append(
            checks.Error(
                f"SEARCH_ENGINE muss leer oder eines von {ENGINES} sein.", id="search.E002"
            )
        )
    if not getattr(settings, "SEARCH_INDEX_PREFIX", ""):
        errors.append(checks.Error("SEARCH_INDEX_PREFIX darf nicht leer sein.", id="search.E003"))
    if not getattr(settings, "SEARCH_REPLICAS", 0) >= 0:
        errors.append(checks.Error("SEARCH_REPLICAS muss 0 oder größer sein.", id="search.E005"))
    return errors + _timeout_errors()


TIMEOUT_SETTINGS = (
    "SEARCH_CONNECT_TIMEOUT",
    "SEARCH_TIMEOUT",
    "SEARCH_INDEX_TIMEOUT",
    "SEARCH_RETRY_AFTER",
)


def _timeout_errors() -> list[checks.CheckMessage]:
    return [
        checks.Error(f"{name} muss eine Zahl größer als 0 sein (Sekunden).", id="search.E004")
        for name in TIMEOUT_SETTINGS
        if not getattr(settings, name, 0) > 0
    ]
