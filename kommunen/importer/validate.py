"""Validation of all Datensätze of a file against each other and the register in the database."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kommunen.models.register import Bundesland, KommuneTyp, validate_ags

from .records import Datensatz, Fehlerliste

OHNE_KREIS = {KommuneTyp.LANDKREIS, KommuneTyp.KREISFREIE_STADT}


def pruefe(datensaetze: list[Datensatz], bestand: dict[str, dict], fehler: Fehlerliste) -> None:
    """Report every invalid Datensatz with its line number; `bestand` maps AGS → stored values."""
    typen = {ags: werte["typ"] for ags, werte in bestand.items()}
    erste_zeile: dict[str, int] = {}
    for datensatz in datensaetze:
        if datensatz.ags in erste_zeile:
            fehler.melde(
                datensatz.zeile,
                _("AGS %(ags)s steht schon in Zeile %(zeile)d.")
                % {"ags": datensatz.ags, "zeile": erste_zeile[datensatz.ags]},
            )
            continue
        erste_zeile[datensatz.ags] = datensatz.zeile
        typen[datensatz.ags] = datensatz.typ
    for datensatz in datensaetze:
        grund = grund_der_ablehnung(datensatz, typen)
        if grund:
            fehler.melde(datensatz.zeile, grund)


def grund_der_ablehnung(datensatz: Datensatz, typen: dict[str, str]) -> str | None:
    """Why this Datensatz cannot be imported, or None; `typen` maps every known AGS to its typ."""
    for pruefung in (_ags_grund, _typ_grund, _einwohner_grund, _land_grund):
        grund = pruefung(datensatz)
        if grund:
            return grund
    return _kreis_grund(datensatz, typen)


def _ags_grund(datensatz: Datensatz) -> str | None:
    try:
        validate_ags(datensatz.ags)
    except ValidationError as exc:
        return exc.messages[0]
    return None


def _typ_grund(datensatz: Datensatz) -> str | None:
    if datensatz.typ not in KommuneTyp.values:
        return _("Unbekannter Typ „%(typ)s“; erlaubt sind: %(typen)s.") % {
            "typ": datensatz.typ,
            "typen": ", ".join(KommuneTyp.values),
        }
    stellen = 5 if datensatz.typ == KommuneTyp.LANDKREIS else 8
    if len(datensatz.ags) != stellen:
        return _("Der AGS einer Kommune vom Typ „%(typ)s“ hat %(n)d Ziffern, nicht %(ist)d.") % {
            "typ": datensatz.typ,
            "n": stellen,
            "ist": len(datensatz.ags),
        }
    return None


def _einwohner_grund(datensatz: Datensatz) -> str | None:
    if datensatz.einwohner is None and datensatz.typ != KommuneTyp.LANDKREIS:
        return _("Die Einwohnerzahl fehlt.")
    if datensatz.einwohner is not None and datensatz.einwohner < 0:
        return _("Die Einwohnerzahl darf nicht negativ sein (%(n)d).") % {"n": datensatz.einwohner}
    return None


def _land_grund(datensatz: Datensatz) -> str | None:
    if datensatz.bundesland not in Bundesland.values:
        return _("Unbekanntes Bundesland „%(land)s“; erwartet wird ein Kürzel wie SH oder BY.") % {
            "land": datensatz.bundesland
        }
    schluessel = Bundesland(datensatz.bundesland).land_schluessel
    if not datensatz.ags.startswith(schluessel):
        return _(
            "AGS %(ags)s gehört nicht zu %(land)s: AGS aus %(land)s beginnen mit %(schluessel)s."
        ) % {"ags": datensatz.ags, "land": datensatz.bundesland, "schluessel": schluessel}
    return None


def _kreis_grund(datensatz: Datensatz, typen: dict[str, str]) -> str | None:
    kreis = datensatz.kreis_ags
    if not kreis:
        return None
    if datensatz.typ in OHNE_KREIS:
        return _(
            "Landkreise und kreisfreie Städte gehören keinem Kreis an (kreis_ags leer lassen)."
        )
    if not datensatz.ags.startswith(kreis) or len(kreis) != 5:
        return _("AGS %(ags)s beginnt nicht mit dem Kreisschlüssel %(kreis)s.") % {
            "ags": datensatz.ags,
            "kreis": kreis,
        }
    if kreis not in typen:
        return _("Kreis %(kreis)s steht weder in der Datei noch in der Datenbank.") % {
            "kreis": kreis
        }
    if typen[kreis] != KommuneTyp.LANDKREIS:
        return _("%(kreis)s ist kein Landkreis, sondern vom Typ „%(typ)s“.") % {
            "kreis": kreis,
            "typ": typen[kreis],
        }
    return None
