"""The admin's read-only list of contact requests, scoped by page permissions (permissions.py)."""

from datetime import datetime

from django.contrib.auth.models import Permission
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from kontakt.models import Kontaktanfrage
from kontakt.permissions import visible_to


class KontaktanfrageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_to(self.request.user).select_related("page", "empfaenger_kommune")


class KontaktanfrageInspectView(generic.InspectView):
    page_title = _("Kontaktanfrage")

    def get_object(self, queryset=None):
        """Another Kommune's request is "not found", not "forbidden": its existence is private."""
        return get_object_or_404(visible_to(self.request.user), pk=self.pk)

    def get_field_display_value(self, field_name, field):
        """Yes/no, local time and "keine Angabe" instead of Python's True, UTC and None."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return _("ja") if value else _("nein")
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return _("keine Angabe") if value is None else value

    def get_nachricht_display_value(self):
        # linebreaks() escapes the visitor's text first (autoescape), then adds <p> and <br>.
        return mark_safe(linebreaks(self.object.nachricht, autoescape=True))

    def get_email_display_value(self):
        return format_html('<a href="mailto:{0}">{0}</a>', self.object.email)

    def get_page_display_value(self):
        page = self.object.page
        if page is None:
            return _("(Seite gelöscht)")
        return format_html('<a href="{}">{}</a>', page.url or "", page.title)


class KontaktanfrageViewSet(ModelViewSet):
    """Contact requests to the Kommunen a user edits: read, answer by mail, never edit."""

    model = Kontaktanfrage
    name = "kontaktanfragen"
    url_namespace = "kontakt_kontaktanfrage"
    icon = "mail"
    menu_label = _("Kontaktanfragen")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = KontaktanfrageIndexView
    inspect_view_class = KontaktanfrageInspectView
    inspect_view_enabled = True
    list_display = [
        "name",
        "anliegen",
        "page",
        "empfaenger_kommune",
        DateColumn("erstellt_am", label=_("Eingegangen am"), sort_key="erstellt_am"),
        BooleanColumn("zugestellt", label=_("Zugestellt"), sort_key="zugestellt"),
    ]
    list_filter = ["anliegen"]
    list_per_page = 50
    # Not in the reference index: a page's "usage" would list who wrote to it, for anyone who
    # may see that page in the admin.
    add_to_reference_index = False
    ordering = ["-erstellt_am"]
    inspect_view_fields = [
        "erstellt_am",
        "anliegen",
        "name",
        "email",
        "kommune",
        "kommune_eingabe",
        "nachricht",
        "page",
        "empfaenger_kommune",
        "zustellweg",
        "zugestellt",
        "zugestellt_am",
        "einwilligung",
        "erinnert_am",
    ]

    def get_permissions_to_register(self):
        """None for the group editor: access follows page permissions, not model permissions."""
        return Permission.objects.none()

    def get_urlpatterns(self):
        """Only reading: the list and the detail, no add, edit, delete, history or usage."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]
