"""Load the demo content through the importers, then profiles, images and settings.

Each step reports one summary line; nothing per item, so the logins printed last stay in view.
"""

import json
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from django.core.management import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.images import get_image_model
from wagtail.models import Site

from kommunen.importer import SHIPPED_REGISTER, RegisterImportError, import_kommunen
from kommunen.models import Kommune, KommunenIndexPage, KommunePage
from kommunen.permissions import ensure_editorial_access
from plattform.demo import profiles, uebernahmen
from plattform.demo.images import demo_collection, illustration
from plattform.demo.operator import set_operator_details
from plattform.models import HomePage, PlattformEinstellungen
from plattform.standard_pages import ensure_standard_pages
from praxis.exchange import importer as praxis_importer
from praxis.exchange.parse import ExchangeError
from praxis.models import PraxisIndexPage, PraxisPage
from praxis.stand import publish_keeping_stand

DEMO_DIR = Path(__file__).resolve().parent
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


def import_register() -> str:
    """Every Kommune of the shipped register through the register import; its summary line.
    A newer extract imported later (`import_kommunen`) updates the same records."""
    try:
        return import_kommunen(SHIPPED_REGISTER).summary_line()
    except RegisterImportError as error:
        raise CommandError(str(error)) from error


def import_praxis_file() -> str:
    """The demo entries through the exchange-format import; how many were new, changed, same."""
    validated = praxis_importer.validate_file(PRAXIS_FILE.read_text(encoding="utf-8").split("\n"))
    if validated.errors:
        raise CommandError("\n".join(map(str, validated.errors)))
    try:
        counts = praxis_importer.import_validated(validated)
    except ExchangeError as error:
        raise CommandError(str(error)) from error
    return _("%(neu)d neu, %(akt)d aktualisiert, %(gleich)d unverändert.") % {
        "neu": counts[praxis_importer.CREATED],
        "akt": counts[praxis_importer.UPDATED],
        "gleich": counts[praxis_importer.UNCHANGED],
    }


def apply_demo_profiles() -> str:
    """The structured profiles onto the Kommune pages; how many were filled in, changed, same."""
    outcomes = profiles.apply_profiles(profiles.load_profiles())
    return _("%(neu)d angelegt, %(akt)d aktualisiert, %(gleich)d unverändert.") % {
        "neu": outcomes[profiles.CREATED],
        "akt": outcomes[profiles.UPDATED],
        "gleich": outcomes[profiles.UNCHANGED],
    }


def set_demo_images() -> str:
    """Draw the missing illustrations and give them to the entries; what was done, in a line."""
    images = get_image_model().objects.filter(collection=demo_collection())
    before = images.count()
    changed = set_images()
    created = images.count() - before
    return ngettext(
        "%(bilder)d angelegt, %(n)d Praxisbeispiel bebildert.",
        "%(bilder)d angelegt, %(n)d Praxisbeispiele bebildert.",
        changed,
    ) % {"bilder": created, "n": changed}


def set_images() -> int:
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
        publish_keeping_stand(draft)
        changed += 1
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
        _("Übernahmen"): uebernahmen.transfer_count(demo_ids()),
        _("offene Partneranfragen"): uebernahmen.open_partnership_count(demo_ids()),
    }


def run(report: Report, demo_logins: bool = True) -> tuple[dict[str, int], list[str]]:
    """Every step of the demo set-up in order; safe to run again (idempotent).

    Returns the totals and, with `demo_logins`, the demo accounts with their new passwords.
    """
    report(_("Demo-Inhalte:"))
    report("  " + _("Gemeindeverzeichnis: %(was)s") % {"was": import_register()})
    report("  " + _("Praxisbeispiele: %(was)s") % {"was": import_praxis_file()})
    report("  " + _("Profile: %(was)s") % {"was": apply_demo_profiles()})
    report("  " + _("Bilder: %(was)s") % {"was": set_demo_images()})
    # Partner confirmations have no line of their own: the totals show them.
    uebernahmen.confirm_partnerships(demo_ids())
    report("  " + _("Startseite: %(was)s") % {"was": _set_up_platform()})
    logins = ensure_editorial_access(demo=demo_logins)
    report("  " + _("Redaktionsgruppen und Workflows: bereit."))
    return summary(), logins


def _set_up_platform() -> str:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise CommandError(_("Die Standard-Website hat keine Startseite der Plattform als Wurzel."))
    changed = set_up_home(home)
    show_index_pages_in_menu(home)
    ensure_standard_pages(home)
    set_settings(site)
    set_operator_details(site)
    if changed:
        return _("Einleitung gesetzt; Standardseiten und Einstellungen bereit.")
    return _("unverändert; Standardseiten und Einstellungen bereit.")
