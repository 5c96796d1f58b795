from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SicherheitConfig(AppConfig):
    """Hardening that spans the apps: proxy trust, upload checks, the second factor."""

    name = "sicherheit"
    verbose_name = _("Sicherheit")
