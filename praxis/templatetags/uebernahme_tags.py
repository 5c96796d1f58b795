"""Template tags of the transfers (Übernahmen) shown on an entry's page."""

from django import template

from praxis import uebernahme
from praxis.models import PraxisPage

register = template.Library()


@register.simple_tag
def uebernahme_original(page: PraxisPage) -> PraxisPage | None:
    """The live, public entry this one adapted, with its lead Kommune."""
    return uebernahme.original(page)


@register.simple_tag
def uebernahme_adoptions(page: PraxisPage) -> list[uebernahme.Adoption]:
    """The live, public entries that adapted this one: Kommune, year, page."""
    return uebernahme.adoptions(page)
