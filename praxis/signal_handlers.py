"""Keep the denormalised lead Kommune of an entry, and its search index entry, in step; ask
the partner Kommunen of a published entry to confirm."""

from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published, post_page_move

from kommunen.signals import kommunen_updated
from plattform.indexing import index_after_commit
from praxis.models import PraxisPage
from praxis.partnerschaft import request_partnerships
from praxis.stand import record_in_revisions


@receiver(post_page_move)
def update_lead_kommune(sender, instance, **kwargs) -> None:
    """A moved entry (or a moved profile with its entries) gets its new lead Kommune."""
    moved = PraxisPage.objects.descendant_of(instance, inclusive=True)
    for page in moved.specific():
        kommune = page.lead_kommune()
        if page.kommune_id != getattr(kommune, "pk", None):
            PraxisPage.objects.filter(pk=page.pk).update(kommune=kommune)


@receiver(kommunen_updated)
def reindex_entries_of_updated_kommunen(sender, ags: list[str], **kwargs) -> None:
    """An entry is found by its Kommune's name; a register import renames without page saves."""
    entries = PraxisPage.objects.filter(kommune__ags__in=ags)
    index_after_commit(entries.values_list("pk", flat=True))


@receiver(page_published)
def ask_partners_to_confirm(sender, instance, revision=None, **kwargs) -> None:
    """Partners named on a published entry confirm before it shows on their profile."""
    if isinstance(instance, PraxisPage):
        request_partnerships(instance, getattr(revision, "user", None))


@receiver(page_published)
def publishing_confirms_the_stand(sender, instance, revision=None, **kwargs) -> None:
    """Publishing means someone looked at the entry: its Stand becomes today, on the page and
    in the published revision (connected before the search app's receiver, so the index sees it)."""
    if not isinstance(instance, PraxisPage):
        return
    today = timezone.localdate()
    PraxisPage.objects.filter(pk=instance.pk).update(stand=today)
    record_in_revisions([getattr(revision, "pk", None), instance.latest_revision_id], today)
    instance.stand = today
