from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZugaengeConfig(AppConfig):
    """Accounts of the network: invitations, participation requests and their admin queue."""

    name = "zugaenge"
    verbose_name = _("Zugänge")
