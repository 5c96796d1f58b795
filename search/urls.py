"""URLs of the search page; the API is mounted separately at /api/v1/."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.suche, name="suche"),
    path("kommunen/", views.kommunen_vorschlaege, name="kommunen"),
]
