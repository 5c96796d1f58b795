"""Admin of the entries: the managed taxonomies as snippets, the Kreis overview's entry counts
and the "noch aktuell" log action (the mail on a withdrawal is part of the review loop,
pruefung/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kommunen.uebersicht import ENTRY_COUNTS_HOOK
from praxis import admin_hooks  # noqa: F401  (hooks of the partner confirmation and transfers)
from praxis.beschlussvorlage.views import serve_beschlussvorlage
from praxis.kreisuebersicht import kreis_entry_counts
from praxis.models import Foerderprogramm, Handlungsfeld, Zielgruppe
from praxis.models.pages import BESCHLUSSVORLAGE_HOOK
from praxis.stand import CONFIRM_LOG_ACTION


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


class FoerderprogrammViewSet(SnippetViewSet):
    model = Foerderprogramm
    icon = "doc-full"
    menu_label = _("Förderprogramme")
    menu_name = "foerderprogramme"
    list_display = ["name", "slug", "traeger", "geltungsbereich", "laeuft_bis"]
    list_filter = ["traeger", "bundesweit"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    add_to_admin_menu = True
    menu_order = 250


register_snippet(TaxonomyViewSetGroup)
register_snippet(FoerderprogrammViewSet)
hooks.register(ENTRY_COUNTS_HOOK, kreis_entry_counts)
hooks.register(BESCHLUSSVORLAGE_HOOK, serve_beschlussvorlage)


@hooks.register("register_log_actions")
def register_stand_confirmation(actions) -> None:
    """The page history shows "noch aktuell" confirmations, which create no revision."""
    actions.register_action(
        CONFIRM_LOG_ACTION, _("Als aktuell bestätigt"), _("Als aktuell bestätigt (Stand)")
    )
