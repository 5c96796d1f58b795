"""Parse and validate one line of the Praxisbeispiel exchange format (AUSTAUSCHFORMAT.md)."""

import json
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from praxis.exchange.fields import PRUEFUNGEN, Ungueltig
from praxis.models import Handlungsfeld, Zielgruppe

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
ID_IM_TEXT = re.compile(r'"id"\s*:\s*"([^"\\]{0,120})"')


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


def lies_zeile(text: str, zeile: int, verzeichnis: Verzeichnis | None = None) -> dict[str, Any]:
    """The clean, canonical entry of one JSON line; raises AustauschFehler if it is rejected."""
    verzeichnis = verzeichnis or Verzeichnis()
    try:
        roh = json.loads(text)
    except json.JSONDecodeError as fehler:
        gefunden = ID_IM_TEXT.search(text)
        grund = _("kein gültiges JSON (Fehler bei Zeichen %(pos)d).") % {"pos": fehler.colno}
        raise AustauschFehler(zeile, gefunden and gefunden.group(1), grund) from None
    if not isinstance(roh, dict):
        raise AustauschFehler(zeile, None, str(_("Die Zeile ist kein JSON-Objekt.")))
    kennung = roh.get("id") if isinstance(roh.get("id"), str) else None
    eintrag, gruende = _pruefe(roh, verzeichnis)
    if gruende:
        raise AustauschFehler(zeile, kennung, "; ".join(g.rstrip(".") for g in gruende) + ".")
    return eintrag


def _pruefe(roh: dict, verzeichnis: Verzeichnis) -> tuple[dict[str, Any], list[str]]:
    """Check every key of the contract; returns the clean entry and the reasons for rejection."""
    gruende = []
    if fehlend := [f"„{s}“" for s in FELDER if s not in roh]:
        gruende.append(str(_("fehlende Schlüssel: %(s)s") % {"s": ", ".join(fehlend)}))
    if unbekannt := [f"„{s}“" for s in roh if s not in FELDER]:
        gruende.append(str(_("unbekannte Schlüssel: %(s)s") % {"s": ", ".join(unbekannt)}))
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
