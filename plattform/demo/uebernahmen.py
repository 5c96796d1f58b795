"""Demo transfers between demo Kommunen and the demo partnerships' confirmations (idempotent).

The exchange format (version 1) carries neither, so seed_demo sets them after the import.
"""

from django.utils import timezone

from praxis.models import PraxisPage, PraxisPartner

# (original, adopter) by exchange id: the adopter names the original as `uebernommen_von`.
TRANSFERS = (
    ("bargteheide-sprachcafe", "ostritz-begegnungscafe"),
    ("bargteheide-sprachcafe", "menslage-deutsch-im-verein"),
    ("siek-willkommensmappe", "herrnhut-willkommensbesuche"),
)
# One partnership stays an open request, so that the demo shows one: Lütjensee, named by
# Trittau, answers in the admin of the Kreiskoordination Stormarn (and of Lütjensee's editors).
OPEN_PARTNERSHIP = ("trittau-gemeinsame-integrationsstelle", "01062045")


def link_transfers() -> int:
    """Publish every adopter with its original where it does not name it yet; count changes."""
    changed = 0
    for original_id, adopter_id in TRANSFERS:
        original = PraxisPage.objects.filter(austausch_id=original_id).first()
        adopter = PraxisPage.objects.filter(austausch_id=adopter_id).first()
        if original is None or adopter is None or adopter.uebernommen_von_id == original.pk:
            continue
        draft = adopter.get_latest_revision_as_object()
        draft.uebernommen_von = original
        draft.save_revision().publish()
        changed += 1
    return changed


def confirm_partnerships(entry_ids: list[str]) -> int:
    """Confirm the undecided partnerships of the demo entries but the one left open."""
    entry, ags = OPEN_PARTNERSHIP
    undecided = PraxisPartner.objects.filter(
        page__austausch_id__in=entry_ids, bestaetigt=False, abgelehnt_am__isnull=True
    ).exclude(page__austausch_id=entry, kommune__ags=ags)
    return undecided.update(bestaetigt=True, bestaetigt_am=timezone.now())


def transfer_count(entry_ids: list[str]) -> int:
    """Live demo entries that name the entry they adapted."""
    adopters = PraxisPage.objects.live().filter(austausch_id__in=entry_ids)
    return adopters.filter(uebernommen_von__isnull=False).count()


def open_partnership_count(entry_ids: list[str]) -> int:
    return PraxisPartner.objects.filter(
        page__austausch_id__in=entry_ids, bestaetigt=False, abgelehnt_am__isnull=True
    ).count()
