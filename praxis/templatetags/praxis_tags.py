"""Template tags for entries shown on other pages: a Kommune's profile, an entry's partners."""

from django import template

from kommunen.models import Kommune, load_public_profiles
from praxis.models import PraxisPage
from praxis.models.pages import PraxisPageQuerySet

register = template.Library()


def _public_cards() -> PraxisPageQuerySet:
    """Public listings show live entries without a view restriction only."""
    return PraxisPage.objects.live().public().for_cards()


@register.simple_tag
def entries_led_by(kommune: Kommune) -> PraxisPageQuerySet:
    """The public entries of a lead Kommune, newest first, for its profile."""
    return _public_cards().led_by(kommune).order_by("-first_published_at")


@register.simple_tag
def entries_partnered_by(kommune: Kommune) -> PraxisPageQuerySet:
    """The public entries a Kommune takes part in as a partner, for its profile."""
    return _public_cards().partnered_by(kommune)


@register.simple_tag
def partner_kommunen(page: PraxisPage) -> list[Kommune]:
    """The partner Kommunen of an entry in the editors' order, their public profiles loaded;
    not those that declined the partnership (praxis/partnerschaft.py)."""
    partnerships = page.partner.filter(abgelehnt_am__isnull=True).select_related("kommune")
    kommunen = [partnership.kommune for partnership in partnerships]
    load_public_profiles(kommunen)
    return kommunen
