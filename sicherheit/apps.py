from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from PIL import Image


class SicherheitConfig(AppConfig):
    """Hardening that spans the apps: proxy trust, upload checks, the second factor."""

    name = "sicherheit"
    verbose_name = _("Sicherheit")

    def ready(self) -> None:
        # Pillow warns above this many pixels and refuses twice as many, wherever an image is
        # opened (uploads, renditions in web and worker processes); its default is 89 million.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
