"""Template access to kommunen.grammar: `{{ page.kommune|genitive }}` → "des Kreises Stormarn"."""

from django import template

from kommunen import grammar

register = template.Library()


@register.filter
def genitive(kommune) -> str:
    return grammar.genitive(kommune)
