from django.conf import settings
from django.conf.urls.static import static
from django.urls import URLPattern, URLResolver, include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from plattform.api import api
from plattform.health import health
from praxis.feeds import FEED_URL_NAME, PraxisFeed
from praxis.foerderprogramm_views import foerderprogramm_list, foerderprogramm_page
from praxis.stand_links import CONFIRM_URL_NAME
from praxis.stand_views import noch_aktuell
from search.kommune_page import kommune_page

# A database outage answers 503, not 500 (plattform/errors.py).
handler500 = "plattform.errors.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("health/", health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("suche/", include("search.urls")),
    path("kommune/<str:ags>/", kommune_page, name="kommune"),
    path("foerderprogramme/", foerderprogramm_list, name="foerderprogramme"),
    path("foerderprogramme/<str:slug>/", foerderprogramm_page, name="foerderprogramm"),
    path("", include("kommunen.uebersicht.urls")),
    path("", include("praxis.urls")),
    path("feeds/praxis/", PraxisFeed(), name=FEED_URL_NAME),
    path("noch-aktuell/<str:token>/", noch_aktuell, name=CONFIRM_URL_NAME),
    path("mitmachen/", include("zugaenge.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
