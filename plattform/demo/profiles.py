"""Apply the structured integration profiles of `profile.json` to the Kommune profile pages."""

import json
from collections import Counter
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
# What applying a profile did: filled in a page that had no profile, changed one, or nothing.
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


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


def has_profile(page: KommunePage) -> bool:
    """Whether any profile field or list of the page is filled in; a new profile page has none."""
    empty = {field: page._meta.get_field(field).get_default() for field in target_values({})}
    if any(getattr(page, field) != value for field, value in empty.items()):
        return True
    return page.netzwerke.exists() or page.kontaktpersonen.exists()


def apply_profile(page: KommunePage, data: dict[str, Any]) -> str:
    """Write the profile onto the page and publish a revision; CREATED, UPDATED or UNCHANGED."""
    if page.live and is_unchanged(page, data):
        return UNCHANGED
    outcome = UPDATED if has_profile(page) else CREATED
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
    return outcome


def apply_profiles(profiles: dict[str, dict[str, Any]]) -> Counter[str]:
    """Apply every profile (creating missing profile pages); how many pages had which outcome."""
    outcomes: Counter[str] = Counter({CREATED: 0, UPDATED: 0, UNCHANGED: 0})
    for ags, data in profiles.items():
        kommune = Kommune.objects.filter(ags=ags).first()
        if kommune is None:
            raise CommandError(_("Profil für unbekannten AGS %(ags)s.") % {"ags": ags})
        outcomes[apply_profile(ensure_profile(kommune), data)] += 1
    return outcomes
