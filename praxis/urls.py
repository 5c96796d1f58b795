"""Hands the address of an entry's Beschlussvorlage to Wagtail's page serving.

Wagtail's own URL pattern accepts only path segments of letters, digits, "-" and "_" ending in
"/" (wagtail/urls.py; wagtail/wagtail#3653), so `<entry url>beschlussvorlage.docx` would never
reach the page's routes, and APPEND_SLASH would find no pattern for it with a slash either. This
pattern accepts exactly that file name and lets Wagtail route as usual (site, live pages, view
restrictions, the routes of PraxisPage); plattform/urls.py includes it before Wagtail's.
"""

from django.urls import re_path

from wagtail import views as wagtail_views

urlpatterns = [
    re_path(
        r"^((?:[\w\-]+/)+beschlussvorlage\.docx)$",
        wagtail_views.serve,
        name="praxis_beschlussvorlage",
    ),
]
