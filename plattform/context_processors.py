"""Values every template may read besides those of Django and Wagtail."""

from django.conf import settings
from django.http import HttpRequest


def wagtail_site_name(request: HttpRequest) -> dict[str, str]:
    """WAGTAIL_SITE_NAME: the name templates show when the current Site has none."""
    return {"WAGTAIL_SITE_NAME": settings.WAGTAIL_SITE_NAME}
