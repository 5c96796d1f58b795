"""The address of a page's contact form, and the retention period for the privacy texts."""

from urllib.parse import urlencode

from django import template

from kommunen.lookup import CHOICE_PARAMETER, chosen_kommune
from kontakt.models import retention_days
from kontakt.views import contact_url

register = template.Library()


@register.simple_tag(takes_context=True)
def kontakt_url(context, page) -> str:
    """`<page url>kontakt/` of an entry or profile, with the visitor's "Meine Kommune" if chosen,
    so the form can fill it in."""
    kommune = chosen_kommune(context.get("request"))
    url = contact_url(page)
    return f"{url}?{urlencode({CHOICE_PARAMETER: kommune.ags})}" if kommune else url


@register.simple_tag
def kontakt_aufbewahrung_tage() -> int:
    """Days after which stored contact requests are deleted (KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE)."""
    return retention_days()
