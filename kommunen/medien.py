"""Each Kommune's images and documents in its own collection.

The collections mirror the page tree: "Alle Medien" → a Landkreis → its Gemeinden, and the
kreisfreie Städte directly below the root; beside them "Gemeinsame Medien" for what every
editor may use (illustrations, logos of the network). Wagtail's collection permissions then
say who sees what (kommunen/permissions.py): an officer uploads into and chooses from the own
Kommune's collection and chooses from the shared one; a Kreis coordination the same for the
Kreis, whose collection holds its Gemeinden's; the platform editors everything.
"""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest

from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from kommunen.models import KommunePage, LandkreisPage

SHARED_NAME = "Gemeinsame Medien"


def shared_collection() -> Collection:
    """The collection every editor may choose from, directly below the root."""
    root = Collection.get_first_root_node()
    existing = Collection.objects.child_of(root).filter(name=SHARED_NAME).first()
    return existing or root.add_child(name=SHARED_NAME)


def collection_for(profile: KommunePage) -> Collection:
    """The profile's own collection, created below its Kreis's (or the root) the first time."""
    if profile.medien_id:
        existing = Collection.objects.filter(pk=profile.medien_id).first()
        if existing:
            return existing
    parent = _parent_collection(profile)
    name = profile.kommune.anzeigename[:255]
    collection = Collection.objects.child_of(parent).filter(name=name).first()
    collection = collection or parent.add_child(name=name)
    # No revision: the collection is no content of the page.
    KommunePage.objects.filter(pk=profile.pk).update(medien=collection)
    profile.medien = collection
    return collection


def _parent_collection(profile: KommunePage) -> Collection:
    """A Gemeinde's collection lives in its Kreis's, so the coordination sees it."""
    parent_page = profile.get_parent()
    if parent_page is not None and isinstance(parent_page.specific, LandkreisPage):
        return collection_for(parent_page.specific)
    return Collection.get_first_root_node()


def own_media_first(
    objects: QuerySet, request: HttpRequest, policy: CollectionPermissionPolicy
) -> QuerySet:
    """The media of the collections the editor uploads into (the own Kommune's) before the
    shared ones, newest first within each."""
    own = policy.collections_user_has_permission_for(request.user, "add")
    rank = Case(
        When(collection__in=own, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return objects.annotate(eigene_zuerst=rank).order_by("eigene_zuerst", "-created_at")
