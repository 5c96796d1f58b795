"""The "Vorlage für den Gemeinderat" block of an entry's page."""

from django import template

from kommunen.lookup import chosen_kommune
from kommunen.models import Kommune

register = template.Library()


@register.simple_tag(takes_context=True)
def meine_kommune_fuer_vorlage(context) -> Kommune | None:
    """The visitor's chosen Kommune ("Meine Kommune", `?vergleich=<AGS>` as the search passes it
    on to the entries it lists), or None; a name or an unknown key is simply no choice here."""
    return chosen_kommune(context.get("request"))
