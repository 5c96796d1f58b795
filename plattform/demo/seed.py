"""Load the demo content through the import commands, then profiles, images and settings."""

import json
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Site

from kommunen.models import Kommune, KommunePage
from kommunen.permissions import ensure_editorial_access
from plattform.demo.images import demo_sammlung, illustration
from plattform.demo.profiles import lade_profile, wende_profile_an
from plattform.models import HomePage, PlattformEinstellungen
from plattform.standard_pages import ensure_standardseiten
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
        if not felder:
            continue
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
        melde(_("Bild gesetzt: %(titel)s") % {"titel": page.title})
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


def zusammenfassung() -> dict[str, int]:
    """Counts for the final report (and for the idempotency test)."""
    live = PraxisPage.objects.filter(austausch_id__in=demo_ids()).live()
    return {
        _("Kommunen"): Kommune.objects.count(),
        _("Profilseiten"): KommunePage.objects.live().count(),
        _("Praxisbeispiele"): live.count(),
        _("Kommunen mit Praxisbeispielen"): live.values("kommune").distinct().count(),
        _("Bilder"): get_image_model().objects.filter(collection=demo_sammlung()).count(),
    }


def fuehre_aus(stdout, melde: Melde) -> dict[str, int]:
    """Every step of the demo set-up in order; safe to run again (idempotent)."""
    melde(_("1/5 Kommunen und Praxisbeispiele importieren …"))
    importiere_daten(stdout)
    melde(_("2/5 Profile der Kommunen …"))
    melde(_("   %(n)d Profile aktualisiert") % {"n": wende_profile_an(lade_profile(), melde)})
    melde(_("3/5 Bilder …"))
    melde(_("   %(n)d Praxisbeispiele mit neuem Bild") % {"n": setze_bilder(melde)})
    melde(_("4/5 Startseite, Standardseiten, Einstellungen …"))
    _richte_plattform_ein(melde)
    melde(_("5/5 Redaktionsgruppen und Workflows …"))
    for zeile in ensure_editorial_access(demo=True):
        melde(_("   Demo-Zugang: %(zugang)s") % {"zugang": zeile})
    return zusammenfassung()


def _richte_plattform_ein(melde: Melde) -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise CommandError(_("Die Standard-Website hat keine Startseite der Plattform als Wurzel."))
    if richte_startseite_ein(home):
        melde(_("   Startseite: Einleitung gesetzt"))
    ensure_standardseiten(home)
    setze_einstellungen(site)
