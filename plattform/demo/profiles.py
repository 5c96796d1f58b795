"""Apply the structured integration profiles of `profile.json` to the Kommune profile pages."""

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management import CommandError
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kommunen.models import Kommune, KommunePage, Kontaktperson, Netzwerk
from kommunen.profiles import ensure_profile

PROFILE_DATEI = Path(__file__).resolve().parent / "profile.json"

# Plain fields copied as they are; `einleitung` and the Stellenumfang are converted first.
FELDER = (
    "website",
    "integrationsbeauftragte",
    "koordinierungsstelle",
    "koordinierungsstelle_beschreibung",
    "integrationsbeirat",
    "integrationsbeirat_seit",
    "integrationskonzept",
    "integrationskonzept_jahr",
    "integrationskonzept_fortschreibung",
    "integrationskonzept_teilhabeorientiert",
    "runder_tisch",
    "runder_tisch_beschreibung",
    "steuerungsgruppe",
    "steuerungsgruppe_beschreibung",
    "migrantenselbstorganisationen",
    "migrantenselbstorganisationen_beschreibung",
)
TEXTFELDER = [f for f in FELDER if f == "website" or f.endswith(("beschreibung", "beauftragte"))]
KONTAKT_FELDER = ("name", "funktion", "email", "telefon", "veroeffentlichen")


def lade_profile(pfad: Path = PROFILE_DATEI) -> dict[str, dict[str, Any]]:
    """The profiles keyed by AGS."""
    return json.loads(pfad.read_text(encoding="utf-8"))


def soll_werte(daten: dict[str, Any]) -> dict[str, Any]:
    """The page field values a profile entry asks for (text fields never None)."""
    werte = {feld: daten.get(feld) for feld in FELDER}
    for feld in TEXTFELDER:
        werte[feld] = werte[feld] or ""
    umfang = daten.get("integrationsbeauftragte_stellenumfang")
    werte["integrationsbeauftragte_stellenumfang"] = Decimal(umfang) if umfang else None
    einleitung = daten.get("einleitung")
    werte["einleitung"] = str(format_html("<p>{}</p>", einleitung)) if einleitung else ""
    return werte


def _inlines(netzwerke: list[dict], kontakte: list[dict]) -> tuple[list, list]:
    return (
        [(n["name"], n.get("beschreibung") or "") for n in netzwerke],
        [tuple(k.get(f) or ("" if f != "veroeffentlichen" else False) for f in KONTAKT_FELDER)
         for k in kontakte],
    )  # fmt: skip


def ist_unveraendert(page: KommunePage, daten: dict[str, Any]) -> bool:
    """Whether the page already shows exactly this profile."""
    soll = soll_werte(daten)
    if any(getattr(page, feld) != wert for feld, wert in soll.items()):
        return False
    ist_inlines = _inlines(
        list(page.netzwerke.values("name", "beschreibung")),
        list(page.kontaktpersonen.values(*KONTAKT_FELDER)),
    )
    return ist_inlines == _inlines(daten.get("netzwerke", []), daten.get("kontaktpersonen", []))


def wende_profil_an(page: KommunePage, daten: dict[str, Any]) -> bool:
    """Write the profile onto the page and publish a revision; False if nothing changed."""
    if page.live and ist_unveraendert(page, daten):
        return False
    entwurf = page.get_latest_revision_as_object()
    for feld, wert in soll_werte(daten).items():
        setattr(entwurf, feld, wert)
    netzwerke, kontakte = _inlines(daten.get("netzwerke", []), daten.get("kontaktpersonen", []))
    entwurf.netzwerke = [
        Netzwerk(name=name, beschreibung=text, sort_order=i)
        for i, (name, text) in enumerate(netzwerke)
    ]
    entwurf.kontaktpersonen = [
        Kontaktperson(**dict(zip(KONTAKT_FELDER, werte, strict=True)), sort_order=i)
        for i, werte in enumerate(kontakte)
    ]
    entwurf.save_revision().publish()
    return True


def wende_profile_an(
    profile: dict[str, dict[str, Any]], melde: Callable[[str], None] | None = None
) -> int:
    """Apply every profile (creating missing profile pages); returns how many pages changed."""
    geaendert = 0
    for ags, daten in profile.items():
        kommune = Kommune.objects.filter(ags=ags).first()
        if kommune is None:
            raise CommandError(_("Profil für unbekannten AGS %(ags)s.") % {"ags": ags})
        page = ensure_profile(kommune)
        if wende_profil_an(page, daten):
            geaendert += 1
            if melde:
                werte = {"titel": page.title, "ags": ags}
                melde(_("Profil aktualisiert: %(titel)s (%(ags)s)") % werte)
    return geaendert
