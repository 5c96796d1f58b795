"""Whole public pages from the cache for visitors without a session, emptied on every change.

Django's cache middleware does the work (cache keys per URL and Vary header, no caching of a
response that sets a cookie, of private or no-store responses, of anything but 200); this
module narrows it to visitors without a session, so editors always see the live site, and
keeps browsers from holding pages themselves: after a publish the next visit is fresh.

Any change a public page may show empties the whole cache ("seiten", a database table every
worker shares) once the change has committed: a publish changes the entry, its profile, the
listings, the search, the feed and the Kommune pages alike, so finer purging would only miss
pages. `PAGE_CACHE_SECONDS` bounds what no signal tells of (an engine outage notice, the
"veraltet" marker as days pass).
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from kommunen.models import Kommune
from kommunen.signals import kommunen_updated
from plattform.models import PlattformEinstellungen
from praxis.models import Foerderprogramm, Handlungsfeld, Zielgruppe

NEVER_CACHED_PATHS = ("/admin/", "/health/")


def served_from_cache(request: HttpRequest) -> bool:
    """Whether this request may be answered from, and stored in, the page cache: not for a
    session (editors) nor for a visitor with a message waiting to be shown once."""
    return (
        settings.CACHE_MIDDLEWARE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path.startswith(NEVER_CACHED_PATHS)
    )


class FetchFromPageCacheMiddleware(FetchFromCacheMiddleware):
    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        if not served_from_cache(request):
            request._cache_update_cache = False  # type: ignore[attr-defined]
            return None
        return super().process_request(request)


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    def _should_update_cache(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        # Django keeps a cookie out of the cache only when the response varies on Cookie;
        # here no response that sets one is stored at all.
        return (
            super()._should_update_cache(request, response)  # type: ignore[misc]
            and served_from_cache(request)
            and not response.cookies
        )

    # The stubs allow a str as response, which no middleware here ever passes on.
    def process_response(  # type: ignore[override]
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        result = super().process_response(request, response)
        assert isinstance(result, HttpResponseBase)
        if served_from_cache(request) and "Expires" in result:
            # Django told the browser to keep the page as long as the cache does; only the
            # server's copy is emptied on publish, so the browser must ask again every time.
            del result["Expires"]
            result["Cache-Control"] = "max-age=0"
        return result


def empty_page_cache() -> None:
    """Empty the page cache once the current transaction has committed."""
    if settings.CACHE_MIDDLEWARE_SECONDS > 0:
        transaction.on_commit(caches[settings.CACHE_MIDDLEWARE_ALIAS].clear)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Kommune)
@receiver(post_delete, sender=Kommune)
@receiver(kommunen_updated)
@receiver(post_save, sender=Foerderprogramm)
@receiver(post_delete, sender=Foerderprogramm)
@receiver(post_save, sender=Handlungsfeld)
@receiver(post_delete, sender=Handlungsfeld)
@receiver(post_save, sender=Zielgruppe)
@receiver(post_delete, sender=Zielgruppe)
@receiver(post_save, sender=PlattformEinstellungen)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _public_content_changed(sender, **kwargs) -> None:
    empty_page_cache()
