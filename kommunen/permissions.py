"""Editorial access through Wagtail itself: groups with page permissions on profile subtrees,
and the review workflow (submit → Kreis review → publish) attached to each Landkreis.

The roles are exactly: `Integrationsbeauftragte <Kommune>` (officers: edit below their profile
and submit; in a kreisfreie Stadt they also publish), `Kreiskoordination <Kreis>` (publish below
the Landkreis profile and review its Gemeinden), `Plattform-Redaktion` and the superusers.

Officers may also withdraw (unpublish) the live entries below their Kommune: publishing needs
the review, withdrawing an entry whose project has ended must not. Wagtail ties unpublishing
to `publish_page`, so entries answer with their own permission tester (`EntryPermissionTester`,
used by `PraxisPage.permissions_for_user`).
"""

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
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from kommunen.grammar import short_kreis_name
from kommunen.medien import collection_for, shared_collection
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage

# Officers write and submit; coordinators also publish what their Kreis's Gemeinden submit.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
# On "Gemeinsame Medien" (kommunen/medien.py), for the groups of one Kommune or Kreis.
SHARED_MEDIA_PERMISSIONS = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
ADMIN_PERMISSIONS = (("wagtailadmin", "access_admin"), ("kommunen", "view_kommune"))
PLATFORM_EDITORS = "Plattform-Redaktion"


class EntryPermissionTester(PagePermissionTester):
    """Whoever may edit an entry may withdraw it; a once published entry is deleted only by
    those who may publish, so that withdrawing never turns into deleting."""

    def can_unpublish(self) -> bool:
        return super().can_unpublish() or self.can_withdraw()

    def can_withdraw(self) -> bool:
        """Unpublish through the editing right alone (officers), not through `publish_page`."""
        if not self._is_editor_only() or "change" not in self.permissions:
            return False
        return self.page.live and not self.page_is_root and not self.page_locked()

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if self._is_editor_only() and self.page.first_published_at:
            return False
        return super().can_delete(ignore_bulk)

    def _is_editor_only(self) -> bool:
        """An active user without `publish_page` here (superusers have no permission set)."""
        if not self.user.is_active or self.user.is_superuser:
            return False
        return "publish" not in self.permissions


def reviewer_groups(page: Page) -> list[Group]:
    """The groups that review the page in its workflow: for a Gemeinde its Kreis coordination,
    for a kreisfreie Stadt the platform editors, who are also asked when no workflow applies."""
    workflow = page.get_workflow()
    tasks = workflow.tasks.filter(active=True).specific() if workflow else []
    groups = [
        group
        for task in tasks
        if isinstance(task, GroupApprovalTask)
        for group in task.groups.all()
    ]
    return groups or list(Group.objects.filter(name=PLATFORM_EDITORS))


def profiles_of(user) -> list[KommunePage]:
    """The profiles whose subtrees the user's groups may edit: an officer's Kommune, a
    coordinator's Landkreis (as LandkreisPage). Read from the page permissions, not from group
    names; empty for the platform editors (their permission is on the Kommunen index)."""
    if not user.is_authenticated or not user.is_active:
        return []
    pages = GroupPagePermission.objects.filter(group__user=user).values("page_id")
    profiles = KommunePage.objects.filter(pk__in=pages).select_related("kommune")
    return sorted(profiles.specific(), key=lambda profile: profile.title)


def edits_whole_platform(user) -> bool:
    """Whether one of the user's groups holds page permissions on the Kommunen index or above
    (the platform editors), which covers every profile."""
    index = KommunenIndexPage.objects.first()
    if index is None or not user.is_authenticated or not user.is_active:
        return False
    above = Page.objects.ancestor_of(index, inclusive=True)
    return GroupPagePermission.objects.filter(group__user=user, page__in=above).exists()


def kreis_profile_of(profile: KommunePage) -> LandkreisPage | None:
    """The Landkreis profile a Gemeinde profile belongs to; a Landkreis profile is its own."""
    if isinstance(profile, LandkreisPage):
        return profile
    kreis = profile.kommune.kreis_id if profile.kommune_id else None
    return LandkreisPage.objects.filter(kommune_id=kreis).first() if kreis else None


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
    kreis = short_kreis_name(landkreis.kommune.anzeigename)  # not "Kreiskoordination Kreis …"
    name = _role_name(_("Kreiskoordination %(kreis)s") % {"kreis": kreis}, landkreis)
    group = _group(name, landkreis, PUBLISHER_PAGE_PERMISSIONS, collection_for(landkreis))
    _workflow(landkreis, _("Freigabe durch die %(gruppe)s") % {"gruppe": group.name}, group)
    return group


def ensure_kommune_editors(profile: KommunePage) -> Group:
    """The municipality's integration officers keep its profile and write entries; in a
    kreisangehörige Gemeinde they submit them, in a kreisfreie Stadt they publish them."""
    name = _("Integrationsbeauftragte %(kommune)s") % {"kommune": profile.kommune.anzeigename}
    publishes = profile.kommune.typ == KommuneTyp.KREISFREIE_STADT
    permissions = PUBLISHER_PAGE_PERMISSIONS if publishes else EDITOR_PAGE_PERMISSIONS
    return _group(_role_name(name, profile), profile, permissions, collection_for(profile))


def _role_name(name: str, page: KommunePage) -> str:
    """The role's group name: the one already holding rights on this profile, else `name`, or
    `name (AGS)` when another profile's group has that name (many Gemeinden are a Neustadt),
    so that two Kommunen never share one group and with it their rights."""
    qualified = f"{name} ({page.kommune.ags})"
    own = Group.objects.filter(name__in=[name[:150], qualified[:150]], page_permissions__page=page)
    if existing := own.values_list("name", flat=True).first():
        return existing
    taken = Group.objects.filter(name=name[:150], page_permissions__isnull=False).exists()
    return qualified if taken else name


def _group(
    name: str, page: Page, page_permissions: tuple[str, ...], media: Collection | None = None
) -> Group:
    """The role's group with its page permissions and its media: a Kommune's or Kreis's own
    collection and the shared one, or (`media` None: the platform editors) every collection."""
    group, _created = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(*_permissions(ADMIN_PERMISSIONS))
    for permission in _permissions(("wagtailcore", codename) for codename in page_permissions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    root = Collection.get_first_root_node()
    _grant_media(group, media or root, MEDIA_PERMISSIONS)
    if media is not None:
        _grant_media(group, shared_collection(), SHARED_MEDIA_PERMISSIONS)
        # Groups made before media were per Kommune had them on the root: every Kommune's.
        GroupCollectionPermission.objects.filter(
            group=group, collection=root, permission__in=_permissions(MEDIA_PERMISSIONS)
        ).delete()
    return group


def _grant_media(group: Group, collection: Collection, pairs) -> None:
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


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


DEMO_DOMAIN = "example.org"


def _demo_logins() -> list[str]:
    """An officer of a Gemeinde and the coordinator of its Kreis, with new passwords each run
    and an address at example.org, so that the review mails have someone to go to."""
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
        email = f"{username}@{DEMO_DOMAIN}"
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.email = email  # review mails and reminders reach the demo accounts
        user.set_password(password)
        user.save()
        user.groups.set([group])
        logins.append(f"{username} / {password}  ({group.name}, {email})")
    return logins
