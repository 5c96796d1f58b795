"""Template tags for funding programmes on other pages: a Kommune's page and an entry's."""

from django import template

from kommunen.models import Kommune
from praxis.foerderprogramm_entries import ProgrammeUse, uses_in_land
from praxis.models import Foerderprogramm, PraxisPage

register = template.Library()


@register.simple_tag
def foerderprogramme_in_land(kommune: Kommune) -> list[ProgrammeUse]:
    """The programmes open to the Kommune's Land, with the public entries that used them."""
    return uses_in_land(kommune.bundesland)


@register.simple_tag
def foerderprogramme_of(page: PraxisPage) -> list[Foerderprogramm]:
    """The programmes an entry (or a draft revision of it) names, running ones first."""
    return sorted(page.foerderprogramme.all(), key=lambda programme: programme.beendet())
