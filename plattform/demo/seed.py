"""Load the demo content through the import commands, then profiles, images and settings."""

import json
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Site

from kommunen.models import Kommune, KommunenIndexPage, KommunePage
from kommunen.permissions import ensure_editorial_access
from plattform.demo.images import demo_collection, illustration
from plattform.demo.operator import set_operator_details
from plattform.demo.profiles import apply_profiles, load_profiles
from plattform.models import HomePage, PlattformEinstellungen
from plattform.standard_pages import ensure_standard_pages
from praxis.models import PraxisIndexPage, PraxisPage

DEMO_DIR = Path(__file__).resolve().parent
KOMMUNEN_FILE = DEMO_DIR / "kommunen.csv"
PRAXIS_FILE = DEMO_DIR / "praxisbeispiele.jsonl"
OPERATOR = "Praxisnetz Integration (Demo)"
CONTACT_EMAIL = "kontakt@praxisnetz.example.org"
INTRODUCTION = (
    "Kommunen zeigen, wie Integration vor Ort gelingt: Praxisbeispiele aus Dörfern, Klein- und "
    "Großstädten, mit Kosten, Personal und Ansprechpersonen. So finden Sie, was zu Ihrer "
    "Kommune passt."
)
# A few entries also show a second illustration inside their description.
IMAGE_BLOCK_IDS = (
    "kreis-stormarn-sprachmittlerpool",
    "trittau-gemeinsame-integrationsstelle",
    "bad-iburg-sport-fuer-alle",
    "marktbreit-interkultureller-garten",
)

Report = Callable[[str], None]


def demo_ids(path: Path = PRAXIS_FILE) -> list[str]:
    """The `id` of every demo entry, in file order."""
    with open(path, encoding="utf-8") as file:
        return [json.loads(line)["id"] for line in file if line.strip()]


def import_data(stdout) -> None:
    """Kommunen first, then the entries, both through the exchange-format import commands."""
    call_command("import_kommunen", str(KOMMUNEN_FILE), quiet=True, stdout=stdout)
    call_command("import_praxis", str(PRAXIS_FILE), stdout=stdout)


def set_images(report: Report) -> int:
    """Give every demo entry the illustration of its first Handlungsfeld; count changed pages."""
    changed = 0
    for page in PraxisPage.objects.filter(austausch_id__in=demo_ids()).order_by("path"):
        handlungsfelder = list(page.handlungsfelder.order_by("sort_order"))
        if not handlungsfelder:
            continue
        first, last = handlungsfelder[0], handlungsfelder[-1]
        image = illustration(first.slug, first.name)
        second_image = illustration(last.slug, last.name)
        needs_block = page.austausch_id in IMAGE_BLOCK_IDS and not _has_image_block(page)
        if page.bild_id == image.pk and not needs_block:
            continue
        draft = page.get_latest_revision_as_object()
        draft.bild = image
        if needs_block:
            draft.body = [*draft.body.raw_data, _image_block(second_image)]
        draft.save_revision().publish()
        changed += 1
        report(_("Bild gesetzt: %(titel)s") % {"titel": page.title})
    return changed


def _has_image_block(page: PraxisPage) -> bool:
    return any(block.block_type == "bild" for block in page.body)


def _image_block(image) -> dict:
    return {
        "type": "bild",
        "value": {"image": image.pk, "alt_text": image.description, "decorative": False},
        "id": str(uuid4()),
    }


def set_up_home(home: HomePage) -> bool:
    """Set the home page's introduction and publish it; False if it was already set."""
    if home.live and home.einleitung == INTRODUCTION:
        return False
    draft = home.get_latest_revision_as_object()
    draft.einleitung = INTRODUCTION
    draft.save_revision().publish()
    return True


def show_index_pages_in_menu(home: HomePage) -> None:
    """The entry listing and the Kommunen index are the items of the main menu."""
    index_pages = home.get_children().type(PraxisIndexPage, KommunenIndexPage).specific()
    for page in index_pages:
        if not page.show_in_menus:
            draft = page.get_latest_revision_as_object()
            draft.show_in_menus = True
            draft.save_revision().publish()


def set_settings(site: Site) -> None:
    """Operator name and contact address in the site settings."""
    settings = PlattformEinstellungen.for_site(site)
    if (settings.betreiber, settings.kontakt_email) != (OPERATOR, CONTACT_EMAIL):
        settings.betreiber, settings.kontakt_email = OPERATOR, CONTACT_EMAIL
        settings.save()


def summary() -> dict[str, int]:
    """Counts for the final report (and for the idempotency test)."""
    live = PraxisPage.objects.filter(austausch_id__in=demo_ids()).live()
    return {
        _("Kommunen"): Kommune.objects.count(),
        _("Profilseiten"): KommunePage.objects.live().count(),
        _("Praxisbeispiele"): live.count(),
        _("Kommunen mit Praxisbeispielen"): live.values("kommune").distinct().count(),
        _("Bilder"): get_image_model().objects.filter(collection=demo_collection()).count(),
    }


def run(stdout, report: Report) -> dict[str, int]:
    """Every step of the demo set-up in order; safe to run again (idempotent)."""
    report(_("1/5 Kommunen und Praxisbeispiele importieren …"))
    import_data(stdout)
    report(_("2/5 Profile der Kommunen …"))
    report(_("   %(n)d Profile aktualisiert") % {"n": apply_profiles(load_profiles(), report)})
    report(_("3/5 Bilder …"))
    report(_("   %(n)d Praxisbeispiele mit neuem Bild") % {"n": set_images(report)})
    report(_("4/5 Startseite, Standardseiten, Einstellungen …"))
    _set_up_platform(report)
    report(_("5/5 Redaktionsgruppen und Workflows …"))
    for login in ensure_editorial_access(demo=True):
        report(_("   Demo-Zugang: %(zugang)s") % {"zugang": login})
    return summary()


def _set_up_platform(report: Report) -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise CommandError(_("Die Standard-Website hat keine Startseite der Plattform als Wurzel."))
    if set_up_home(home):
        report(_("   Startseite: Einleitung gesetzt"))
    show_index_pages_in_menu(home)
    ensure_standard_pages(home)
    set_settings(site)
    set_operator_details(site)
