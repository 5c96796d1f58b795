"""Parse and validate one line of the Praxisbeispiel exchange format (AUSTAUSCHFORMAT.md)."""

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from praxis.austausch import beschreibung
from praxis.models import Handlungsfeld, PraxisStatus, Zielgruppe

FELDER = (
    "id",
    "titel",
    "kommune",
    "partner_kommunen",
    "kurzbeschreibung",
    "beschreibung",
    "handlungsfelder",
    "zielgruppen",
    "schlagworte",
    "status",
    "beginn",
    "ende",
    "traeger",
    "foerderung",
    "kosten_jahr_eur",
    "personal",
    "uebertragbarkeit",
    "kontakt",
    "links",
)
KONTAKT_FELDER = ("name", "funktion", "email", "telefon")
ID_MUSTER = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
MONAT_MUSTER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID_IM_TEXT = re.compile(r'"id"\s*:\s*"([^"\\]{0,120})"')
KOSTEN_MAX = 2_147_483_647


class AustauschFehler(Exception):
    """A rejected line: its number, its `id` (if readable) and the reason, in German."""

    def __init__(self, zeile: int, austausch_id: str | None, grund: str) -> None:
        self.zeile, self.austausch_id, self.grund = zeile, austausch_id, grund
        super().__init__(str(self))

    def __str__(self) -> str:
        kennung = f"„{self.austausch_id}“" if self.austausch_id else _("unbekannt")
        return str(_("Zeile %(zeile)d (id %(id)s): %(grund)s")) % {
            "zeile": self.zeile,
            "id": kennung,
            "grund": self.grund,
        }


class Ungueltig(ValueError):
    """A value that breaks the contract; the message says why."""


class Verzeichnis:
    """Looks up AGS values and taxonomy slugs of the platform, caching what it has seen."""

    def __init__(self) -> None:
        self.handlungsfelder = {h.slug: h for h in Handlungsfeld.objects.all()}
        self.zielgruppen = {z.slug: z for z in Zielgruppe.objects.all()}
        self._kommunen: dict[str, Kommune] = {}

    def kommunen(self, ags_werte: Iterable[str]) -> dict[str, Kommune]:
        """The Kommunen of these AGS values that exist, keyed by AGS."""
        fehlend = set(ags_werte) - set(self._kommunen)
        if fehlend:
            for kommune in Kommune.objects.filter(ags__in=fehlend):
                self._kommunen[kommune.ags] = kommune
        return self._kommunen


def lies_zeile(text: str, zeile: int, verzeichnis: Verzeichnis) -> dict[str, Any]:
    """The clean, canonical entry of one JSON line; raises AustauschFehler if it is rejected."""
    try:
        roh = json.loads(text)
    except json.JSONDecodeError as fehler:
        gefunden = ID_IM_TEXT.search(text)
        grund = _("kein gültiges JSON (%(fehler)s).") % {"fehler": fehler.msg}
        raise AustauschFehler(zeile, gefunden and gefunden.group(1), grund) from None
    if not isinstance(roh, dict):
        raise AustauschFehler(zeile, None, str(_("Die Zeile ist kein JSON-Objekt.")))
    kennung = roh.get("id") if isinstance(roh.get("id"), str) else None
    eintrag, gruende = _pruefe(roh, verzeichnis)
    if gruende:
        raise AustauschFehler(zeile, kennung, "; ".join(gruende))
    return eintrag


def _pruefe(roh: dict, verzeichnis: Verzeichnis) -> tuple[dict[str, Any], list[str]]:
    """Check every key of the contract; returns the clean entry and the reasons for rejection."""
    gruende = [str(_("Schlüssel „%(s)s“ fehlt.") % {"s": s}) for s in FELDER if s not in roh]
    gruende += [str(_("unbekannter Schlüssel „%(s)s“.") % {"s": s}) for s in roh if s not in FELDER]
    eintrag: dict[str, Any] = {}
    for schluessel in FELDER:
        if schluessel not in roh:
            continue
        try:
            eintrag[schluessel] = PRUEFUNGEN[schluessel](roh[schluessel])
        except Ungueltig as fehler:
            gruende.append(f"„{schluessel}“: {fehler}")
    if not gruende:
        gruende += _pruefe_bezuege(eintrag, verzeichnis)
    return eintrag, gruende


def _pruefe_bezuege(eintrag: dict[str, Any], verzeichnis: Verzeichnis) -> list[str]:
    """References to Kommunen and taxonomies must exist on this platform."""
    gruende = []
    if eintrag["beginn"] and eintrag["ende"] and eintrag["ende"] < eintrag["beginn"]:
        gruende.append(str(_("„ende“ liegt vor „beginn“.")))
    alle_ags = [eintrag["kommune"], *eintrag["partner_kommunen"]]
    bekannt = verzeichnis.kommunen(alle_ags)
    for ags in dict.fromkeys(alle_ags):
        if ags not in bekannt:
            gruende.append(str(_("Kommune mit AGS „%(ags)s“ gibt es nicht.") % {"ags": ags}))
    if eintrag["kommune"] in eintrag["partner_kommunen"]:
        gruende.append(str(_("Die federführende Kommune ist zugleich als Partner angegeben.")))
    for schluessel, bestand in (
        ("handlungsfelder", verzeichnis.handlungsfelder),
        ("zielgruppen", verzeichnis.zielgruppen),
    ):
        for slug in eintrag[schluessel]:
            if slug not in bestand:
                gruende.append(
                    str(
                        _("„%(feld)s“: unbekanntes Kürzel „%(slug)s“.")
                        % {"feld": schluessel, "slug": slug}
                    )
                )
    if not gruende:
        _ordne_taxonomien(eintrag, verzeichnis)
    return gruende


def _ordne_taxonomien(eintrag: dict[str, Any], verzeichnis: Verzeichnis) -> None:
    """Sets are kept in canonical order: taxonomy order for the managed lists."""
    for schluessel, bestand in (
        ("handlungsfelder", verzeichnis.handlungsfelder),
        ("zielgruppen", verzeichnis.zielgruppen),
    ):
        eintrag[schluessel] = sorted(
            eintrag[schluessel], key=lambda s, b=bestand: (b[s].sort_order, b[s].name)
        )


# --- checks of single values: each returns the clean value or raises Ungueltig ------------------


def _text(max_laenge: int | None = None, pflicht: bool = False) -> Callable[[Any], str | None]:
    """A string (surrounding whitespace removed); empty or null is None unless required."""

    def pruefe(wert: Any) -> str | None:
        if wert is None and not pflicht:
            return None
        if not isinstance(wert, str):
            raise Ungueltig(_("muss eine Zeichenkette sein."))
        wert = wert.strip()
        if not wert:
            if pflicht:
                raise Ungueltig(_("darf nicht leer sein."))
            return None
        if max_laenge and len(wert) > max_laenge:
            raise Ungueltig(_("höchstens %(n)d Zeichen.") % {"n": max_laenge})
        return wert

    return pruefe


def _liste(element: Callable[[Any], Any]) -> Callable[[Any], list]:
    """A JSON array whose elements all pass `element` and are not null."""

    def pruefe(wert: Any) -> list:
        if not isinstance(wert, list):
            raise Ungueltig(_("muss eine Liste sein ([] wenn leer)."))
        ergebnis = [element(e) for e in wert]
        if any(e is None for e in ergebnis):
            raise Ungueltig(_("Listeneinträge dürfen nicht leer sein."))
        return ergebnis

    return pruefe


def _ohne_doppelte(pruefe_liste: Callable[[Any], list]) -> Callable[[Any], list]:
    def pruefe(wert: Any) -> list:
        ergebnis = pruefe_liste(wert)
        if len(set(ergebnis)) != len(ergebnis):
            raise Ungueltig(_("enthält einen Wert doppelt."))
        return ergebnis

    return pruefe


def _austausch_id(wert: Any) -> str:
    if not isinstance(wert, str) or not ID_MUSTER.match(wert):
        raise Ungueltig(_("muss ein Kürzel aus Buchstaben, Ziffern, - und _ sein (höchstens 120)."))
    return wert


def _ags(wert: Any) -> str:
    if not isinstance(wert, str) or not re.fullmatch(r"\d{5}|\d{8}", wert):
        raise Ungueltig(_("ein AGS ist eine Zeichenkette aus 8 (Kreis: 5) Ziffern."))
    return wert


def _status(wert: Any) -> str:
    if wert not in PraxisStatus.values:
        raise Ungueltig(
            _("unbekannter Status %(wert)s; erlaubt: %(erlaubt)s.")
            % {
                "wert": json.dumps(wert, ensure_ascii=False),
                "erlaubt": ", ".join(PraxisStatus.values),
            }
        )
    return wert


def _monat(wert: Any) -> str | None:
    if wert is None:
        return None
    if not isinstance(wert, str) or not MONAT_MUSTER.match(wert):
        raise Ungueltig(_("muss ein Monat im Format JJJJ-MM sein oder null."))
    return wert


def _kosten(wert: Any) -> int | None:
    if wert is None:
        return None
    if isinstance(wert, bool) or not isinstance(wert, int) or not 0 <= wert <= KOSTEN_MAX:
        raise Ungueltig(_("muss eine ganze Zahl ab 0 sein oder null."))
    return wert


def _schlagworte(wert: Any) -> list[str]:
    """Free tags as a set: duplicates dropped, sorted case-insensitively."""
    return sorted(dict.fromkeys(_liste(_text(100))(wert)), key=lambda s: (s.casefold(), s))


def _url(wert: Any) -> str:
    wert = _text(500, pflicht=True)(wert)
    try:
        URLValidator()(wert)
    except ValidationError:
        raise Ungueltig(_("„%(url)s“ ist keine gültige Adresse.") % {"url": wert}) from None
    return wert


def _kontakt(wert: Any) -> dict[str, str | None] | None:
    if wert is None:
        return None
    if not isinstance(wert, dict) or set(wert) != set(KONTAKT_FELDER):
        raise Ungueltig(_("muss null oder ein Objekt mit name, funktion, email, telefon sein."))
    kontakt = {
        "name": _text(200)(wert["name"]),
        "funktion": _text(200)(wert["funktion"]),
        "email": _email(wert["email"]),
        "telefon": _text(50)(wert["telefon"]),
    }
    return kontakt if any(kontakt.values()) else None


def _email(wert: Any) -> str | None:
    wert = _text(254)(wert)
    if wert is not None:
        try:
            EmailValidator()(wert)
        except ValidationError:
            raise Ungueltig(
                _("„%(email)s“ ist keine gültige E-Mail-Adresse.") % {"email": wert}
            ) from None
    return wert


PRUEFUNGEN: dict[str, Callable[[Any], Any]] = {
    "id": _austausch_id,
    "titel": _text(255, pflicht=True),
    "kommune": _ags,
    "partner_kommunen": _ohne_doppelte(_liste(_ags)),
    "kurzbeschreibung": _text(500, pflicht=True),
    "beschreibung": lambda wert: beschreibung.normalisiert(_text()(wert)),
    "handlungsfelder": _ohne_doppelte(_liste(_text(60))),
    "zielgruppen": _ohne_doppelte(_liste(_text(60))),
    "schlagworte": _schlagworte,
    "status": _status,
    "beginn": _monat,
    "ende": _monat,
    "traeger": _text(255),
    "foerderung": _liste(_text(255)),
    "kosten_jahr_eur": _kosten,
    "personal": _text(255),
    "uebertragbarkeit": _text(),
    "kontakt": _kontakt,
    "links": _liste(_url),
}
