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

PROFILES_FILE = Path(__file__).resolve().parent / "profile.json"

# Plain fields copied as they are; `einleitung` and the Stellenumfang are converted first.
FIELDS = (
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
TEXT_FIELDS = [f for f in FIELDS if f == "website" or f.endswith(("beschreibung", "beauftragte"))]
CONTACT_FIELDS = ("name", "funktion", "email", "telefon", "veroeffentlichen")


def load_profiles(path: Path = PROFILES_FILE) -> dict[str, dict[str, Any]]:
    """The profiles keyed by AGS."""
    return json.loads(path.read_text(encoding="utf-8"))


def target_values(data: dict[str, Any]) -> dict[str, Any]:
    """The page field values a profile entry asks for (text fields never None)."""
    values = {field: data.get(field) for field in FIELDS}
    for field in TEXT_FIELDS:
        values[field] = values[field] or ""
    stellenumfang = data.get("integrationsbeauftragte_stellenumfang")
    values["integrationsbeauftragte_stellenumfang"] = (
        Decimal(stellenumfang) if stellenumfang else None
    )
    einleitung = data.get("einleitung")
    values["einleitung"] = str(format_html("<p>{}</p>", einleitung)) if einleitung else ""
    return values


def _inlines(netzwerke: list[dict], kontakte: list[dict]) -> tuple[list, list]:
    return (
        [(n["name"], n.get("beschreibung") or "") for n in netzwerke],
        [tuple(k.get(f) or ("" if f != "veroeffentlichen" else False) for f in CONTACT_FIELDS)
         for k in kontakte],
    )  # fmt: skip


def is_unchanged(page: KommunePage, data: dict[str, Any]) -> bool:
    """Whether the page already shows exactly this profile."""
    target = target_values(data)
    if any(getattr(page, field) != value for field, value in target.items()):
        return False
    current_inlines = _inlines(
        list(page.netzwerke.values("name", "beschreibung")),
        list(page.kontaktpersonen.values(*CONTACT_FIELDS)),
    )
    return current_inlines == _inlines(data.get("netzwerke", []), data.get("kontaktpersonen", []))


def apply_profile(page: KommunePage, data: dict[str, Any]) -> bool:
    """Write the profile onto the page and publish a revision; False if nothing changed."""
    if page.live and is_unchanged(page, data):
        return False
    draft = page.get_latest_revision_as_object()
    for field, value in target_values(data).items():
        setattr(draft, field, value)
    netzwerke, kontakte = _inlines(data.get("netzwerke", []), data.get("kontaktpersonen", []))
    draft.netzwerke = [
        Netzwerk(name=name, beschreibung=text, sort_order=i)
        for i, (name, text) in enumerate(netzwerke)
    ]
    draft.kontaktpersonen = [
        Kontaktperson(**dict(zip(CONTACT_FIELDS, values, strict=True)), sort_order=i)
        for i, values in enumerate(kontakte)
    ]
    draft.save_revision().publish()
    return True


def apply_profiles(
    profiles: dict[str, dict[str, Any]], report: Callable[[str], None] | None = None
) -> int:
    """Apply every profile (creating missing profile pages); returns how many pages changed."""
    changed = 0
    for ags, data in profiles.items():
        kommune = Kommune.objects.filter(ags=ags).first()
        if kommune is None:
            raise CommandError(_("Profil für unbekannten AGS %(ags)s.") % {"ags": ags})
        page = ensure_profile(kommune)
        if apply_profile(page, data):
            changed += 1
            if report:
                values = {"titel": page.title, "ags": ags}
                report(_("Profil aktualisiert: %(titel)s (%(ags)s)") % values)
    return changed
