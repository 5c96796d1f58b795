from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KommunenConfig(AppConfig):
    name = "kommunen"
    verbose_name = _("Kommunen")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
