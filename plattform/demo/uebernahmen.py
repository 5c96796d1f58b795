"""The demo partnerships' confirmations (idempotent) and the counts of transfers and open
requests. The transfers between demo Kommunen travel in the demo file (`uebernommen_von`,
exchange format version 2); confirmations are not part of the format, so seed_demo sets them
after the import."""

from django.utils import timezone

from praxis.models import PraxisPage, PraxisPartner

# One partnership stays an open request, so that the demo shows one: Lütjensee, named by
# Trittau, answers in the admin of the Kreiskoordination Stormarn (and of Lütjensee's editors).
OPEN_PARTNERSHIP = ("trittau-gemeinsame-integrationsstelle", "01062045")


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
