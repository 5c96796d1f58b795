"""System checks for the search settings (no network access)."""

from urllib.parse import urlparse

from django.conf import settings
from django.core import checks

from search.client import ENGINES


@checks.register()
def suche_konfiguration(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """SEARCH_URL must be an http(s) URL and SEARCH_ENGINE empty or a known engine."""
    fehler = []
    url = getattr(settings, "SEARCH_URL", "")
    if url and urlparse(url).scheme not in ("http", "https"):
        fehler.append(
            checks.Error(
                f"SEARCH_URL muss mit http:// oder https:// beginnen: {url!r}", id="search.E001"
            )
        )
    engine = getattr(settings, "SEARCH_ENGINE", "")
    if engine and engine not in ENGINES:
        fehler.append(
            checks.Error(
                f"SEARCH_ENGINE muss leer oder eines von {ENGINES} sein.", id="search.E002"
            )
        )
    if not getattr(settings, "SEARCH_INDEX_PREFIX", ""):
        fehler.append(checks.Error("SEARCH_INDEX_PREFIX darf nicht leer sein.", id="search.E003"))
    return fehler
