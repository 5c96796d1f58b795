"""Page, Kommune and programme events mark entries for re-indexing (search.tasks, search.sync)."""

from contextlib import suppress
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, post_page_move

from kommunen.models import Kommune, KommunePage
from kommunen.signals import kommunen_updated
from plattform.indexing import pages_indexed
from praxis.models import Foerderprogramm, PraxisPage
from search.sync import EngineUnavailable, engine_enabled, process_pending
from search.tasks import schedule_sync


def _entries_below(page: Page) -> list[int]:
    return list(PraxisPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


# An entry's document counts its adopters (`uebernahmen`): when an adopting entry is published,
# unpublished, deleted or names another original, the originals' documents change too.
ORIGINAL_BEFORE_SAVE = "_uebernommen_von_vor_dem_speichern"


@receiver(pre_save, sender=PraxisPage)
def remember_original(sender, instance, update_fields=None, **kwargs) -> None:
    """Note the original the stored row names, which this save may replace."""
    if engine_enabled() and instance.pk and update_fields is None:
        stored = PraxisPage.objects.filter(pk=instance.pk).values_list("uebernommen_von_id")
        setattr(instance, ORIGINAL_BEFORE_SAVE, (stored.first() or (None,))[0])


def _with_originals(page: PraxisPage) -> list[int]:
    """The entry and the originals it names now and named before this save."""
    originals = {page.uebernommen_von_id, getattr(page, ORIGINAL_BEFORE_SAVE, None)}
    return [page.pk, *(pk for pk in originals if pk is not None)]


# Wagtail sends its page signals with the concrete page class as sender: connected once for
# every page class, the type check hears entries of PraxisPage and of any subclass.
@receiver(page_published)
@receiver(page_unpublished)
def entry_published_or_unpublished(sender, instance: Page, **kwargs) -> None:
    if isinstance(instance, PraxisPage):
        schedule_sync(_with_originals(instance))


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    """A moved entry, or a moved profile with its entries, gets a new URL and lead Kommune."""
    if engine_enabled():
        schedule_sync(_entries_below(instance))


# Deleting a page deletes the rows of all its model classes, so a subclass's entry is heard here.
@receiver(post_delete, sender=PraxisPage)
def entry_deleted(sender, instance, **kwargs) -> None:
    schedule_sync(_with_originals(instance))


# Deleting a profile of any class (a LandkreisPage too) deletes its KommunePage row, so this
# one receiver hears every deleted profile, once.
@receiver(pre_delete, sender=KommunePage)
def profile_deleting(sender, instance, **kwargs) -> None:
    """The entries below a deleted profile disappear with it."""
    if engine_enabled():
        schedule_sync(_entries_below(instance))


def _entries_of(kommunen) -> list[int]:
    """Entries led by or partnered with these Kommunen carry their data."""
    entries = PraxisPage.objects.filter(Q(kommune__in=kommunen) | Q(partner__kommune__in=kommunen))
    return list(entries.values_list("pk", flat=True).distinct())


@receiver(post_save, sender=Kommune)
def kommune_changed(sender, instance, created: bool, **kwargs) -> None:
    """An edited register entry: re-index the entries that carry its data."""
    if not created and engine_enabled():
        schedule_sync(_entries_of([instance]))


@receiver(kommunen_updated)
def kommunen_imported(sender, ags: list[str], **kwargs) -> None:
    """A register import changed Kommunen in bulk (no post_save); re-index their entries."""
    if engine_enabled():
        schedule_sync(_entries_of(Kommune.objects.filter(ags__in=ags)))


# An entry's searchable Förderung holds the names of its linked programmes (and its engine
# document their slugs): a renamed programme re-indexes its entries in the engine and in
# Wagtail's index, which the database search reads.
PROGRAMME_BEFORE_SAVE = "_name_und_kuerzel_vor_dem_speichern"


@receiver(pre_save, sender=Foerderprogramm)
def remember_programme(sender, instance, **kwargs) -> None:
    """Note the stored name and slug, which this save may change."""
    if instance.pk:
        stored = Foerderprogramm.objects.filter(pk=instance.pk).values_list("name", "slug")
        setattr(instance, PROGRAMME_BEFORE_SAVE, stored.first())


@receiver(post_save, sender=Foerderprogramm)
def programme_changed(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    before = getattr(instance, PROGRAMME_BEFORE_SAVE, None)
    if created or raw or before == (instance.name, instance.slug):
        return
    reindex_entries(list(instance.praxisbeispiele.values_list("pk", flat=True)))


# The links of a deleted programme go with it; the entries' indexed text must follow.
@receiver(pre_delete, sender=Foerderprogramm)
def programme_deleting(sender, instance, **kwargs) -> None:
    page_ids = list(instance.praxisbeispiele.values_list("pk", flat=True))
    transaction.on_commit(partial(reindex_entries, page_ids))


def reindex_entries(page_ids: list[int]) -> None:
    """Re-index these entries in the engine and, after the commit, in Wagtail's index."""
    schedule_sync(page_ids)
    transaction.on_commit(partial(_enqueue_wagtail_index_updates, page_ids))


def _enqueue_wagtail_index_updates(page_ids: list[int]) -> None:
    # The task Wagtail itself queues when a page is saved.
    for pk in page_ids:
        insert_or_update_object_task.enqueue("praxis", "praxispage", str(pk))


@receiver(pages_indexed)
def pages_imported(sender, page_ids: list[int], **kwargs) -> None:
    """An import (or a "noch aktuell" confirmation, which publishes nothing) has committed:
    record the pages and do the index work now, not when a worker gets to it."""
    if not engine_enabled():
        return
    schedule_sync(page_ids)
    # If the engine is down, process_pending has logged it and the work stays recorded for
    # the queued sync task.
    with suppress(EngineUnavailable):
        process_pending(refresh=True)
