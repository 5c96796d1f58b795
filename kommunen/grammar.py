"""A Kommune's name in running German text: "Website des Kreises Stormarn", "der Stadt Ahrensburg".

The register names a Kreis as it calls itself ("Kreis Stormarn", "Landkreis Harburg", "Region
Hannover", "Rems-Murr-Kreis", "Märkischer Kreis"; the bare "Stormarn" where the designation is a
separate field) and gives a Gemeinde's designation after a comma ("Ahrensburg, Stadt", "Lübeck,
Hansestadt", "Ebersberg, GKSt"). The genitive puts the article before that designation and
declines it.
"""

from kommunen.models.register import Bundesland, KommuneTyp

# Leading words that are only the Kreis's designation; its name proper follows.
KREIS_DESIGNATIONS = ("Kreis", "Landkreis")
FEMININE_KREIS_DESIGNATIONS = ("Region", "Städteregion")
# The register abbreviates some designations (Bayern, Sachsen).
ABBREVIATIONS = {"St": "Stadt", "GKSt": "Große Kreisstadt", "M": "Markt"}
MASCULINE_DESIGNATIONS = {"Markt": "des Marktes", "Flecken": "des Fleckens"}
FEMININE_ENDINGS = ("stadt", "gemeinde")


def genitive(kommune) -> str:
    """The Kommune with article and designation in the genitive: "des Landkreises Harburg"."""
    if kommune.typ == KommuneTyp.LANDKREIS:
        return kreis_genitive(kommune.anzeigename)
    if kommune.gemeindefrei:
        return f"des gemeindefreien Gebiets {kommune.anzeigename}"
    return f"{_designation_genitive(kommune)} {kommune.anzeigename}"


def in_land(code: str) -> str:
    """ "in Bayern", but "im Saarland": the one Land whose name takes an article."""
    land = Bundesland(code)
    return f"im {land.label}" if land == Bundesland.SL else f"in {land.label}"


def kreis_genitive(name: str) -> str:
    """ "Kreis Stormarn" → "des Kreises Stormarn", "Rems-Murr-Kreis" → "des Rems-Murr-Kreises",
    "Region Hannover" → "der Region Hannover", the bare "Stormarn" → "des Kreises Stormarn"."""
    first, _space, rest = name.partition(" ")
    if rest and first.lower().endswith("kreis"):  # Landkreis Harburg, Eifelkreis Bitburg-Prüm
        return f"des {first}es {rest}"
    if name.lower().endswith("kreis"):  # Ortenaukreis, Märkischer Kreis
        *adjectives, noun = name.split(" ")
        return " ".join(["des", *(_weak_adjective(word, "er") for word in adjectives), noun + "es"])
    if rest and first in FEMININE_KREIS_DESIGNATIONS:
        return f"der {name}"
    if rest and first == "Regionalverband":
        return f"des Regionalverbands {rest}"
    return f"des Kreises {name}"


def short_kreis_name(name: str) -> str:
    """The Kreis's name without a leading "Kreis"/"Landkreis": "Kreis Stormarn" → "Stormarn";
    names in which the designation is part of the name ("Region Hannover") stay whole."""
    first, _space, rest = name.partition(" ")
    return rest if rest and first in KREIS_DESIGNATIONS else name


def _designation_genitive(kommune) -> str:
    """ "Ahrensburg, Stadt" → "der Stadt", "Ebersberg, GKSt" → "der Großen Kreisstadt", "…,
    Markt" → "des Marktes"; without a designation (or one of unknown gender), what the type says."""
    _name, _comma, suffixes = kommune.name.partition(",")
    suffix = suffixes.split(",")[0].strip()
    designation = ABBREVIATIONS.get(suffix, suffix)
    if designation in MASCULINE_DESIGNATIONS:
        return MASCULINE_DESIGNATIONS[designation]
    *adjectives, noun = designation.split(" ")
    if noun.lower().endswith(FEMININE_ENDINGS):
        return " ".join(["der", *(_weak_adjective(word, "e") for word in adjectives), noun])
    is_town = kommune.typ in (KommuneTyp.STADT, KommuneTyp.KREISFREIE_STADT)
    return "der Stadt" if is_town else "der Gemeinde"


def _weak_adjective(word: str, ending: str) -> str:
    """ "Märkischer" (ending "er") or "Große" (ending "e") in the genitive after an article."""
    if word[:1].isupper() and word.endswith(ending):
        return word[: -len(ending)] + "en"
    return word
