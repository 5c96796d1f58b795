from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlattformConfig(AppConfig):
    name = "plattform"
    verbose_name = _("Plattform")

    def ready(self) -> None:
        from plattform import checks  # noqa: F401
        from plattform.forms import register_number_fields

        register_number_fields()
