"""Load the demo content through the import commands, then profiles, images and settings."""

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Site

from kommunen.models import Kommune, KommunePage
from plattform.demo.bilder import demo_sammlung, illustration
from plattform.demo.profile import lade_profile, wende_profile_an
from plattform.models import HomePage, PlattformEinstellungen
from praxis.models import PraxisPage

DEMO = Path(__file__).resolve().parent
KOMMUNEN_DATEI = DEMO / "kommunen.csv"
PRAXIS_DATEI = DEMO / "praxisbeispiele.jsonl"
BETREIBER = "Praxisnetz Integration (Demo)"
KONTAKT_EMAIL = "kontakt@praxisnetz.example.org"
EINLEITUNG = (
    "Kommunen zeigen, wie Integration vor Ort gelingt: Praxisbeispiele aus Dörfern, Klein- und "
    "Großstädten, mit Kosten, Personal und Ansprechpersonen. So finden Sie, was zu Ihrer "
    "Kommune passt."
)
# A few entries also show a second illustration inside their description.
BILDBLOCK_IDS = (
    "kreis-stormarn-sprachmittlerpool",
    "trittau-gemeinsame-integrationsstelle",
    "bad-iburg-sport-fuer-alle",
    "marktbreit-interkultureller-garten",
)

Melde = Callable[[str], None]


def demo_ids(pfad: Path = PRAXIS_DATEI) -> list[str]:
    """The `id` of every demo entry, in file order."""
    with open(pfad, encoding="utf-8") as datei:
        return [json.loads(zeile)["id"] for zeile in datei if zeile.strip()]


def importiere_daten(stdout) -> None:
    """Kommunen first, then the entries, both through the exchange-format import commands."""
    call_command("import_kommunen", str(KOMMUNEN_DATEI), quiet=True, stdout=stdout)
    call_command("import_praxis", str(PRAXIS_DATEI), stdout=stdout)


def setze_bilder(melde: Melde) -> int:
    """Give every demo entry the illustration of its first Handlungsfeld; count changed pages."""
    geaendert = 0
    for page in PraxisPage.objects.filter(austausch_id__in=demo_ids()).order_by("path"):
        felder = list(page.handlungsfelder.order_by("sort_order"))
        bild = illustration(felder[0].slug, felder[0].name)
        zweites = illustration(felder[-1].slug, felder[-1].name)
        braucht_block = page.austausch_id in BILDBLOCK_IDS and not _hat_bildblock(page)
        if page.bild_id == bild.pk and not braucht_block:
            continue
        entwurf = page.get_latest_revision_as_object()
        entwurf.bild = bild
        if braucht_block:
            entwurf.body = [*entwurf.body.raw_data, _bildblock(zweites)]
        entwurf.save_revision().publish()
        geaendert += 1
        melde(f"Bild gesetzt: {page.title}")
    return geaendert


def _hat_bildblock(page: PraxisPage) -> bool:
    return any(block.block_type == "bild" for block in page.body)


def _bildblock(bild) -> dict:
    return {
        "type": "bild",
        "value": {"image": bild.pk, "alt_text": bild.description, "decorative": False},
        "id": str(uuid4()),
    }


def richte_startseite_ein(home: HomePage) -> bool:
    """Set the home page's introduction and publish it; False if it was already set."""
    if home.live and home.einleitung == EINLEITUNG:
        return False
    entwurf = home.get_latest_revision_as_object()
    entwurf.einleitung = EINLEITUNG
    entwurf.save_revision().publish()
    return True


def setze_einstellungen(site: Site) -> None:
    """Operator name and contact address in the site settings."""
    einstellungen = PlattformEinstellungen.for_site(site)
    if (einstellungen.betreiber, einstellungen.kontakt_email) != (BETREIBER, KONTAKT_EMAIL):
        einstellungen.betreiber, einstellungen.kontakt_email = BETREIBER, KONTAKT_EMAIL
        einstellungen.save()


def optional(modulnamen: tuple[str, ...], funktion: str) -> Callable | None:
    """A function of another part of the project if it is installed, else None."""
    for name in modulnamen:
        try:
            return getattr(importlib.import_module(name), funktion)
        except (ImportError, AttributeError):
            continue
    return None


def zusammenfassung() -> dict[str, int]:
    """Counts for the final report (and for the idempotency test)."""
    live = PraxisPage.objects.filter(austausch_id__in=demo_ids()).live()
    return {
        "Kommunen": Kommune.objects.count(),
        "Profile": KommunePage.objects.live().count(),
        "Praxisbeispiele": live.count(),
        "Kommunen mit Praxisbeispielen": live.values("kommune").distinct().count(),
        "Bilder": get_image_model().objects.filter(collection=demo_sammlung()).count(),
    }


def fuehre_aus(stdout, melde: Melde) -> dict[str, int]:
    """Every step of the demo set-up in order; safe to run again (idempotent)."""
    melde("1/5 Kommunen und Praxisbeispiele importieren …")
    importiere_daten(stdout)
    melde("2/5 Profile der Kommunen …")
    melde(f"   {wende_profile_an(lade_profile(), melde)} Profile aktualisiert")
    melde("3/5 Bilder …")
    melde(f"   {setze_bilder(melde)} Praxisbeispiele mit neuem Bild")
    melde("4/5 Startseite, Standardseiten, Einstellungen …")
    _richte_plattform_ein(melde)
    melde("5/5 Redaktionsgruppen und Workflows …")
    ensure_redaktion = optional(("plattform.redaktion", "kommunen.redaktion"), "ensure_redaktion")
    for zeile in ensure_redaktion(demo=True) if ensure_redaktion else []:
        melde(f"   Demo-Zugang: {zeile}")
    return zusammenfassung()


def _richte_plattform_ein(melde: Melde) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if isinstance(home, HomePage) and richte_startseite_ein(home):
        melde("   Startseite: Einleitung gesetzt")
    ensure_standardseiten = optional(("plattform.standardseiten",), "ensure_standardseiten")
    if ensure_standardseiten:
        ensure_standardseiten(home)
    setze_einstellungen(site)
