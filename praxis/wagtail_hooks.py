"""Admin of the entries: the managed taxonomies as snippets (the mail on a withdrawal is part of
the review loop, pruefung/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from praxis.models import Handlungsfeld, Zielgruppe


class HandlungsfeldViewSet(SnippetViewSet):
    model = Handlungsfeld
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class ZielgruppeViewSet(SnippetViewSet):
    model = Zielgruppe
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (HandlungsfeldViewSet, ZielgruppeViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomien")
    menu_name = "taxonomien"


register_snippet(TaxonomyViewSetGroup)
