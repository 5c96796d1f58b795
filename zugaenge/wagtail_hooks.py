"""The admin menu "Zugänge" (invite someone, the queue of participation requests), and the
page chooser kept from showing other Kommunen's drafts."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import page_permission_policy, register_permission_policy

from zugaenge.admin_views import (
    EinladenView,
    TeilnahmeanfragePermissionPolicy,
    TeilnahmeanfrageViewSet,
)
from zugaenge.models import Teilnahmeanfrage
from zugaenge.roles import may_invite_anyone

# Registered before the viewset asks for the model's policy (Wagtail 8).
register_permission_policy(Teilnahmeanfrage, TeilnahmeanfragePermissionPolicy(Teilnahmeanfrage))

anfragen_viewset = TeilnahmeanfrageViewSet()


class ZugangMenuItem(MenuItem):
    """Shown to the Kreis coordinations and the platform team only."""

    def is_shown(self, request) -> bool:
        return may_invite_anyone(request.user)


@hooks.register("register_admin_viewset")
def register_anfragen_viewset():
    return anfragen_viewset


@hooks.register("register_admin_urls")
def register_einladen_url():
    return [path("zugaenge/einladen/", EinladenView.as_view(), name="zugaenge_einladen")]


@hooks.register("register_admin_menu_item")
def register_zugaenge_menu():
    items = [
        ZugangMenuItem(_("Einladen"), reverse("zugaenge_einladen"), icon_name="user", order=100),
        ZugangMenuItem(
            _("Teilnahmeanfragen"),
            reverse("teilnahmeanfragen:index"),
            icon_name="mail",
            order=200,
        ),
    ]
    return SubmenuMenuItem(
        _("Zugänge"), Menu(items=items), icon_name="group", name="zugaenge", order=350
    )


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_others_in_the_chooser(pages, request):
    """The page chooser (for links) browses the whole tree; Wagtail would list every
    unpublished page in it, so an officer would see the titles of other Kommunen's drafts.
    Unpublished pages appear only to those who may edit them."""
    if request.user.is_superuser:
        return pages
    editable = page_permission_policy.instances_user_has_any_permission_for(
        request.user, {"add", "change", "publish"}
    )
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
