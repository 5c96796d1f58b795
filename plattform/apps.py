from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlattformConfig(AppConfig):
    name = "plattform"
    verbose_name = _("Plattform")
