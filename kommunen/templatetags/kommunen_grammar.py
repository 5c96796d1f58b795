"""Template access to kommunen.grammar: `{{ page.kommune|genitive }}` → "des Kreises Stormarn",
`{{ kommune.bundesland|in_land }}` → "in Bayern"."""

from django import template

from kommunen import grammar

register = template.Library()


@register.filter
def genitive(kommune) -> str:
    return grammar.genitive(kommune)


@register.filter(name="in_land")
def in_land(code: str) -> str:
    return grammar.in_land(code)
