"""New profiles get their editorial group (and, for a Landkreis, its review workflow) at once."""

from django.apps import apps
from django.db.models.signals import post_save

from wagtail.models import GroupCollectionPermission

from kommunen.models import KommunePage, LandkreisPage
from kommunen.permissions import (
    ensure_editorial_access,
    ensure_kommune_editors,
    ensure_kreis_coordination,
)


def create_editorial_access(sender, instance: KommunePage, created: bool, raw=False, **kwargs):
    """A Landkreis profile gets its Kreis coordination, every other profile its own editors."""
    if not created or raw:
        return
    if isinstance(instance, LandkreisPage):
        ensure_kreis_coordination(instance)
    else:
        ensure_kommune_editors(instance)


# post_save names the concrete class as sender, so connect once per profile page class.
for page_class in apps.get_models():
    if issubclass(page_class, KommunePage):
        post_save.connect(create_editorial_access, sender=page_class)


def move_media_to_kommune_collections(sender, **kwargs) -> None:
    """After `migrate`: on an installation from before media were kept per Kommune, the role
    groups still hold media rights on the root collection (every Kommune's media); once, every
    profile gets its own collection and its groups their rights there (kommunen/medien.py)."""
    legacy = GroupCollectionPermission.objects.filter(
        collection__depth=1, group__page_permissions__page__in=KommunePage.objects.all()
    )
    if legacy.exists():
        ensure_editorial_access()
