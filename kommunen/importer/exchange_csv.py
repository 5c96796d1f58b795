"""Records of the CSV exchange format (`ags,name,typ,einwohner,bundesland,kreis_ags`)."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .records import Datensatz, Fehlerliste, ganzzahl

SPALTEN = ("ags", "name", "typ", "einwohner", "bundesland", "kreis_ags")


def ist_kopfzeile(zellen: list[str]) -> bool:
    """Whether a header line announces the exchange format."""
    return [zelle.strip().lower() for zelle in zellen[: len(SPALTEN)]] == list(SPALTEN)


def lies_austausch(zeilen: Iterable[tuple[int, list[str]]]) -> tuple[list[Datensatz], Fehlerliste]:
    """Turn (line number, cells) pairs after the header into Datensätze."""
    datensaetze, fehler = [], Fehlerliste()
    for nummer, zellen in zeilen:
        if not any(zelle.strip() for zelle in zellen):
            continue
        if len(zellen) != len(SPALTEN):
            fehler.melde(
                nummer,
                _("Erwartet werden %(soll)d Spalten, gefunden %(ist)d.")
                % {"soll": len(SPALTEN), "ist": len(zellen)},
            )
            continue
        try:
            datensaetze.append(_datensatz(nummer, [zelle.strip() for zelle in zellen]))
        except ValueError as exc:
            fehler.melde(nummer, str(exc))
    return datensaetze, fehler


def _datensatz(nummer: int, zellen: list[str]) -> Datensatz:
    ags, name, typ, einwohner, bundesland, kreis_ags = zellen
    if not name:
        raise ValueError(_("Der Name fehlt."))
    return Datensatz(
        zeile=nummer,
        ags=ags,
        typ=typ,
        name=name,
        bundesland=bundesland.upper(),
        kreis_ags=kreis_ags or None,
        einwohner=ganzzahl(einwohner),
        # None: keep a display name edited on the platform while the official name is unchanged
        anzeigename=None,
    )
