"""The address of a page's contact form, and the retention period for the privacy texts."""

from django import template

from kontakt.models import retention_days
from kontakt.views import contact_url

register = template.Library()


@register.simple_tag
def kontakt_url(page) -> str:
    """`<page url>kontakt/` of an entry or profile."""
    return contact_url(page)


@register.simple_tag
def kontakt_aufbewahrung_tage() -> int:
    """Days after which stored contact requests are deleted (KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE)."""
    return retention_days()
