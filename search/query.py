"""A search request and its result, and the parsing of GET parameters with German errors."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import Bundesland, Kommune
from praxis.models import Handlungsfeld, PraxisStatus, Zielgruppe

SORTIERUNGEN = ("relevanz", "neueste")
FACETTEN = ("handlungsfeld", "zielgruppe", "groessenklasse", "bundesland", "status")
MEHRFACH_PARAMETER = (*FACETTEN, "kreis")
MAX_PRO_SEITE = 100
MAX_Q_LAENGE = 200
KREIS_PATTERN = re.compile(r"^(0[1-9]|1[0-6])\d{3}$")
AGS_PATTERN = re.compile(r"^(0[1-9]|1[0-6])\d{3}(\d{3})?$")


@dataclass(frozen=True)
class SuchAnfrage:
    q: str = ""
    handlungsfeld: tuple[str, ...] = ()
    zielgruppe: tuple[str, ...] = ()
    groessenklasse: tuple[str, ...] = ()
    bundesland: tuple[str, ...] = ()
    kreis: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    vergleich: str | None = None
    sortierung: str = "relevanz"
    seite: int = 1
    pro_seite: int = 20

    @property
    def hat_filter(self) -> bool:
        return any(getattr(self, name) for name in MEHRFACH_PARAMETER)

    def als_parameter(self) -> list[tuple[str, str]]:
        """The request as GET parameters (defaults left out), for links and shared URLs."""
        paare: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for name in MEHRFACH_PARAMETER:
            paare += [(name, wert) for wert in getattr(self, name)]
        if self.vergleich:
            paare.append(("vergleich", self.vergleich))
        if self.sortierung != "relevanz":
            paare.append(("sortierung", self.sortierung))
        if self.pro_seite != 20:
            paare.append(("pro_seite", str(self.pro_seite)))
        if self.seite != 1:
            paare.append(("seite", str(self.seite)))
        return paare


@dataclass
class Facettenwert:
    wert: str
    label: str
    anzahl: int


@dataclass
class Treffer:
    page_id: int
    score: float
    erklaerung: list[str] = field(default_factory=list)
    hervorhebung: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SuchErgebnis:
    anzahl: int
    treffer: list[Treffer]
    facetten: dict[str, list[Facettenwert]]
    backend: str


class AnfrageFehler(ValueError):
    """Invalid search parameters; the messages are German and meant for the user."""

    def __init__(self, meldungen: list[str]):
        super().__init__(" ".join(meldungen))
        self.meldungen = meldungen


def erlaubte_werte() -> dict[str, list[tuple[str, str]]]:
    """Every facet's values as (wert, label) in display order."""
    return {
        "handlungsfeld": list(Handlungsfeld.objects.values_list("slug", "name")),
        "zielgruppe": list(Zielgruppe.objects.values_list("slug", "name")),
        "groessenklasse": [(k.value, str(k.label)) for k in Groessenklasse],
        "bundesland": [(b.value, str(b.label)) for b in Bundesland],
        "status": [(s.value, str(s.label)) for s in PraxisStatus],
    }


def parse_anfrage(params, erlaubt: dict | None = None) -> SuchAnfrage:
    """Build a SuchAnfrage from a QueryDict (or dict of lists); raise AnfrageFehler if invalid."""
    erlaubt = erlaubt if erlaubt is not None else erlaubte_werte()
    fehler: list[str] = []
    werte: dict = {"q": _q(params, fehler)}
    for name in FACETTEN:
        werte[name] = _auswahl(params, name, {w for w, _label in erlaubt[name]}, fehler)
    werte["kreis"] = _kreise(params, fehler)
    werte["vergleich"] = _vergleich(params, fehler)
    werte["sortierung"] = _sortierung(params, fehler)
    werte["seite"] = _ganzzahl(params, "seite", 1, 1, 10_000, fehler)
    werte["pro_seite"] = _ganzzahl(params, "pro_seite", 20, 1, MAX_PRO_SEITE, fehler)
    if fehler:
        raise AnfrageFehler(fehler)
    return SuchAnfrage(**werte)


def _liste(params, name: str) -> list[str]:
    getlist: Callable = getattr(params, "getlist", None) or (lambda n: params.get(n, []))
    werte = getlist(name)
    werte = [werte] if isinstance(werte, str) else werte
    return [w.strip() for w in werte if w is not None and w.strip()]


def _einzel(params, name: str) -> str:
    werte = _liste(params, name)
    return werte[-1] if werte else ""


def _q(params, fehler: list[str]) -> str:
    q = " ".join(_einzel(params, "q").split())
    if len(q) > MAX_Q_LAENGE:
        fehler.append(
            _("Der Suchbegriff ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_Q_LAENGE}
        )
    return q


def _auswahl(params, name: str, erlaubt: set[str], fehler: list[str]) -> tuple[str, ...]:
    gewaehlt = tuple(dict.fromkeys(_liste(params, name)))
    for wert in gewaehlt:
        if wert not in erlaubt:
            fehler.append(
                _("Unbekannter Wert „%(wert)s“ für den Filter „%(name)s“.")
                % {"wert": wert, "name": name}
            )
    return gewaehlt


def _kreise(params, fehler: list[str]) -> tuple[str, ...]:
    kreise = tuple(dict.fromkeys(_liste(params, "kreis")))
    for wert in kreise:
        if not KREIS_PATTERN.match(wert):
            fehler.append(
                _("„%(wert)s“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern.") % {"wert": wert}
            )
    return kreise  # a well-formed but unknown Kreis key simply matches nothing


def _vergleich(params, fehler: list[str]) -> str | None:
    ags = _einzel(params, "vergleich")
    if not ags:
        return None
    if not AGS_PATTERN.match(ags):
        fehler.append(
            _(
                "„%(wert)s“ ist kein Amtlicher Gemeindeschlüssel: erwartet werden 8 Ziffern "
                "(Gemeinde) oder 5 Ziffern (Kreis)."
            )
            % {"wert": ags}
        )
    elif not Kommune.objects.filter(ags=ags).exists():
        fehler.append(_("Zum Gemeindeschlüssel „%(wert)s“ gibt es keine Kommune.") % {"wert": ags})
    return ags


def _sortierung(params, fehler: list[str]) -> str:
    sortierung = _einzel(params, "sortierung") or "relevanz"
    if sortierung not in SORTIERUNGEN:
        fehler.append(
            _("Unbekannte Sortierung „%(wert)s“; möglich sind „relevanz“ und „neueste“.")
            % {"wert": sortierung}
        )
    return sortierung


def _ganzzahl(params, name: str, standard: int, min_: int, max_: int, fehler: list[str]) -> int:
    text = _einzel(params, name)
    if not text:
        return standard
    try:
        zahl = int(text)
    except ValueError:
        zahl = None
    if zahl is None or not min_ <= zahl <= max_:
        fehler.append(
            _("„%(name)s“ muss eine ganze Zahl von %(min)d bis %(max)d sein.")
            % {"name": name, "min": min_, "max": max_}
        )
        return standard
    return zahl
