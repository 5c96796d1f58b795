"""What the search page shows besides the hits: facet groups, filter chips, loosening hints."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from search.query import FACETTEN, SuchAnfrage, SuchErgebnis, erlaubte_werte

FACETTEN_TITEL = {
    "handlungsfeld": _("Handlungsfeld"),
    "zielgruppe": _("Zielgruppe"),
    "groessenklasse": _("Größe der Kommune"),
    "bundesland": _("Bundesland"),
    "status": _("Stand"),
    "kreis": _("Kreis"),
}


@dataclass
class Option:
    wert: str
    label: str
    anzahl: int
    gewaehlt: bool


@dataclass
class Gruppe:
    name: str
    titel: str
    optionen: list[Option]


@dataclass
class Chip:
    titel: str
    wert: str
    entfernen_url: str


@dataclass
class Lockerung:
    titel: str
    url: str
    anzahl: int


def url_fuer(anfrage: SuchAnfrage, **aenderung) -> str:
    """The search page URL of the request with some fields changed, always from page 1."""
    geaendert = replace(anfrage, seite=1, **aenderung)
    paare = geaendert.als_parameter()
    if anfrage.vergleich and not geaendert.vergleich:
        paare.append(("vergleich", ""))  # an explicit empty value forgets the remembered one
    return "?" + urlencode(paare) if paare else "?"


def gruppen(anfrage: SuchAnfrage, ergebnis: SuchErgebnis) -> list[Gruppe]:
    """The facet fieldsets: every value with its count, the selected ones checked."""
    return [
        Gruppe(
            name=name,
            titel=str(FACETTEN_TITEL[name]),
            optionen=[
                Option(f.wert, f.label, f.anzahl, f.wert in getattr(anfrage, name))
                for f in ergebnis.facetten.get(name, [])
            ],
        )
        for name in FACETTEN
    ]


def _label(name: str, wert: str, labels: dict) -> str:
    if name == "kreis":
        kreis = Kommune.objects.filter(ags=wert).first()
        return kreis.anzeigename if kreis else wert
    return labels.get(name, {}).get(wert, wert)


def chips(anfrage: SuchAnfrage, vergleich: Kommune | None) -> list[Chip]:
    """One removable chip per selected value, the query and the comparison Kommune."""
    labels = {name: dict(werte) for name, werte in erlaubte_werte().items()}
    ergebnis = []
    if anfrage.q:
        ergebnis.append(Chip(str(_("Suchbegriff")), anfrage.q, url_fuer(anfrage, q="")))
    for name in (*FACETTEN, "kreis"):
        for wert in getattr(anfrage, name):
            rest = tuple(w for w in getattr(anfrage, name) if w != wert)
            titel = str(FACETTEN_TITEL[name])
            ergebnis.append(
                Chip(titel, _label(name, wert, labels), url_fuer(anfrage, **{name: rest}))
            )
    if vergleich:
        titel = str(_("Kommunen wie"))
        ergebnis.append(Chip(titel, vergleich.anzeigename, url_fuer(anfrage, vergleich=None)))
    return ergebnis


def lockerungen(anfrage: SuchAnfrage, suchen) -> list[Lockerung]:
    """For an empty result: what dropping each active filter (or the query) would yield."""
    vorschlaege = []
    for name in (*FACETTEN, "kreis"):
        if getattr(anfrage, name):
            gelockert = replace(anfrage, seite=1, pro_seite=1, **{name: ()})
            vorschlaege.append(
                Lockerung(
                    str(FACETTEN_TITEL[name]),
                    url_fuer(anfrage, **{name: ()}),
                    suchen(gelockert).anzahl,
                )
            )
    if len(vorschlaege) > 1:
        ohne_filter = {name: () for name in (*FACETTEN, "kreis")}
        gelockert = replace(anfrage, seite=1, pro_seite=1, **ohne_filter)
        vorschlaege.append(
            Lockerung(
                str(_("alle Filter")), url_fuer(anfrage, **ohne_filter), suchen(gelockert).anzahl
            )
        )
    if anfrage.q and anfrage.hat_filter:
        ohne_q = replace(anfrage, seite=1, pro_seite=1, q="")
        vorschlaege.append(
            Lockerung(str(_("Suchbegriff")), url_fuer(anfrage, q=""), suchen(ohne_q).anzahl)
        )
    return sorted(vorschlaege, key=lambda v: -v.anzahl)
