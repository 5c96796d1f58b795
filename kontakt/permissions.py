"""Who sees which contact requests: Wagtail page permissions on the recipient's profile.

Whoever may edit the recipient Kommune's profile page or one of its ancestors sees the requests
to that Kommune: its Integrationsbeauftragte, its Kreiskoordination, the platform editors.
Superusers see all. Requests are read-only in the admin; the retention command deletes them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from kontakt.models import Kontaktanfrage

EDIT_PERMISSION = "change_page"


def editable_roots(user) -> QuerySet:
    """The pages at which one of the user's groups may edit (and so everything below them)."""
    return Page.objects.filter(
        group_permissions__group__user=user,
        group_permissions__permission__codename=EDIT_PERMISSION,
    ).distinct()


def visible_to(user) -> QuerySet:
    """The contact requests the user may read."""
    requests = Kontaktanfrage.objects.all()
    if not (user.is_authenticated and user.is_active):
        return requests.none()
    if user.is_superuser:
        return requests
    paths = list(editable_roots(user).values_list("path", flat=True))
    if not paths:
        return requests.none()
    below = Q()
    for path in paths:
        below |= Q(empfaenger_kommune__profil__path__startswith=path)
    return requests.filter(below)


class KontaktanfragePermissionPolicy(BasePermissionPolicy):
    """Only "view", and only for the requests of the profiles a user may edit."""

    def user_has_permission(self, user, action) -> bool:
        if action != "view" or not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or editable_roots(user).exists()

    def users_with_any_permission(self, actions) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        editors = Q(
            groups__page_permissions__permission__codename=EDIT_PERMISSION,
        )
        return users.filter(editors | Q(is_superuser=True)).distinct()

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return action == "view" and visible_to(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if "view" not in actions:
            return Kontaktanfrage.objects.none()
        return visible_to(user)
