"""Editorial access through Wagtail itself: groups with page permissions on profile subtrees,
and the review workflow (submit → Kreis review → publish) attached to each Landkreis."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from kommunen.models import KommunenIndexPage, KommunePage, LandkreisPage

# Officers write and submit; coordinators also publish what their Kreis's Gemeinden submit.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
ADMIN_PERMISSIONS = (("wagtailadmin", "access_admin"), ("kommunen", "view_kommune"))
PLATFORM_EDITORS = "Plattform-Redaktion"


def ensure_editorial_access(demo: bool = False) -> list[str]:
    """Groups and workflows for every profile; with `demo`, an officer and a coordinator login."""
    with transaction.atomic():
        ensure_platform_editors()
        for landkreis in LandkreisPage.objects.select_related("kommune"):
            ensure_kreis_coordination(landkreis)
        for profile in KommunePage.objects.filter(landkreispage=None).select_related("kommune"):
            ensure_kommune_editors(profile)
        return _demo_logins() if demo else []


def ensure_platform_editors() -> Group:
    """Reviews entries of kreisfreie Städte and may publish anywhere below the Kommunen index."""
    index = KommunenIndexPage.objects.first()
    group = _group(PLATFORM_EDITORS, index, PUBLISHER_PAGE_PERMISSIONS)
    _workflow(index, _("Freigabe durch die Plattform-Redaktion"), group)
    return group


def ensure_kreis_coordination(landkreis: LandkreisPage) -> Group:
    """The Kreis coordination edits and publishes below its Kreis and reviews submissions."""
    name = _("Kreiskoordination %(kreis)s") % {"kreis": landkreis.kommune.anzeigename}
    group = _group(name, landkreis, PUBLISHER_PAGE_PERMISSIONS)
    _workflow(landkreis, _("Freigabe durch die %(gruppe)s") % {"gruppe": name}, group)
    return group


def ensure_kommune_editors(profile: KommunePage) -> Group:
    """The municipality's own editors keep its profile and write entries, then submit them."""
    name = _("Redaktion %(kommune)s") % {"kommune": profile.kommune.anzeigename}
    return _group(name, profile, EDITOR_PAGE_PERMISSIONS)


def _group(name: str, page: Page, page_permissions: tuple[str, ...]) -> Group:
    group, _created = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(*_permissions(ADMIN_PERMISSIONS))
    for permission in _permissions(("wagtailcore", codename) for codename in page_permissions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    root = Collection.get_first_root_node()
    for permission in _permissions(MEDIA_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group


def _permissions(pairs) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


def _workflow(page: Page, name: str, group: Group) -> Workflow:
    workflow, created = Workflow.objects.get_or_create(name=name[:255])
    if created:
        task = GroupApprovalTask.objects.create(name=_("Prüfung: %(gruppe)s") % {"gruppe": group})
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _demo_logins() -> list[str]:
    """An officer of a Gemeinde and the coordinator of its Kreis, with new passwords each run."""
    profile = KommunePage.objects.filter(landkreispage=None, kommune__kreis__isnull=False).first()
    if profile is None:
        return []
    landkreis = LandkreisPage.objects.get(kommune=profile.kommune.kreis)
    logins = []
    for username, group in (
        ("kommune-demo", ensure_kommune_editors(profile)),
        ("kreis-demo", ensure_kreis_coordination(landkreis)),
    ):
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.save()
        user.groups.set([group])
        logins.append(f"{username} / {password}  ({group.name})")
    return logins
