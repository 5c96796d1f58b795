"""Public URLs of the network's access, mounted at /mitmachen/."""

from django.urls import path

from zugaenge import views

app_name = "zugaenge"

urlpatterns = [
    path("", views.mitmachen, name="mitmachen"),
    path("danke/", views.danke, name="danke"),
]
