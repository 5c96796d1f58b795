"""The evidence levels for the legend on an entry's page."""

from django import template

from praxis.models import Evidenz

register = template.Library()


@register.simple_tag
def evidenz_legende() -> list[dict[str, str]]:
    """The four levels in order, each with its label and criterion."""
    return [
        {"value": level.value, "label": str(level.label), "kriterium": level.kriterium}
        for level in Evidenz
    ]
