from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PraxisConfig(AppConfig):
    name = "praxis"
    verbose_name = _("Praxisbeispiele")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
