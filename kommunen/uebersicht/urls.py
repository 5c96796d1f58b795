"""Hands the overview's CSV addresses to Wagtail's page serving.

Wagtail's own URL pattern accepts only path segments of letters, digits, "-" and "_", so
`<Landkreis profile url>uebersicht/strukturen.csv` would never reach the page's routes. This
pattern accepts exactly the two file names and lets Wagtail route as usual (site, view
restrictions, the routes of LandkreisPage); plattform/urls.py includes it before Wagtail's.
"""

from django.urls import re_path

from wagtail import views as wagtail_views

urlpatterns = [
    re_path(
        r"^((?:[\w\-]+/)+uebersicht/(?:strukturen|praxis)\.csv)$",
        wagtail_views.serve,
        name="kreis_uebersicht_csv",
    ),
]
