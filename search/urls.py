"""URLs of the search page; the API is mounted separately at /api/v1/."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="suche"),
    path("kommunen/", views.kommune_suggestions, name="kommunen"),
]
