from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KontaktConfig(AppConfig):
    """Contact requests from visitors to the people behind entries and profiles."""

    name = "kontakt"
    verbose_name = _("Kontaktanfragen")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
