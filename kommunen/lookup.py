"""Finding Kommunen by what someone types: the start of the name, or the start of the AGS.

The admin chooser and the public "Kommunen wie meine" autocomplete use the same lookup; the
pages that follow the visitor's choice read it with `chosen_kommune`.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from kommunen.models import AGS_PATTERN, Kommune

CHOICE_PARAMETER = "vergleich"
UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))
MAX_VARIANTS = 8


def spelling_variants(word: str) -> set[str]:
    """The word as typed and, if it spells umlauts as ae/oe/ue/ss, with the umlauts."""
    variants = {word}
    for spelled, umlaut in UMLAUT_SPELLINGS:
        variants |= {v.replace(spelled, umlaut) for v in variants}
    return variants


def _name_prefix(text: str) -> Q:
    """Range conditions on the indexed anzeigename, as typed and capitalised, with umlaut variants.

    A range (>= prefix, < prefix + U+FFFF) uses the plain b-tree index on every database,
    unlike a case-insensitive LIKE.
    """
    variants = {text} | {v[:1].upper() + v[1:] for v in spelling_variants(text.lower())}
    condition = Q()
    for prefix in sorted(variants)[:MAX_VARIANTS]:
        condition |= Q(anzeigename__gte=prefix, anzeigename__lt=prefix + "\uffff")
    return condition


def matching_kommunen(text: str, kommunen: QuerySet | None = None) -> QuerySet:
    """The Kommunen whose AGS begins with the digits typed, or whose name begins with the text.

    "Muenster" also finds "Münster"; an empty text finds nothing.
    """
    kommunen = Kommune.objects.all() if kommunen is None else kommunen
    text = " ".join(text.split())
    if not text:
        return kommunen.none()
    if text.isascii() and text.isdigit():
        return kommunen.filter(ags__startswith=text)
    return kommunen.filter(_name_prefix(text))


def chosen_kommune(request: HttpRequest | None) -> Kommune | None:
    """The visitor's "Meine Kommune" as the pages pass it on (`?vergleich=<AGS>`), or None;
    a name or an unknown key is no choice here (the home page and the search resolve names)."""
    ags = request.GET.get(CHOICE_PARAMETER, "").strip() if request else ""
    if not AGS_PATTERN.match(ags):
        return None
    return Kommune.objects.select_related("kreis").filter(ags=ags).first()
