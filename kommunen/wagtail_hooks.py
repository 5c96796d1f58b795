from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kommunen.chooser import KommuneChooserViewSet
from kommunen.medien import own_media_first
from kommunen.models import Kommune


@hooks.register("construct_image_chooser_queryset")
def own_images_first(images, request):
    return own_media_first(images, request, policy_registry.get_by_type(get_image_model()))


@hooks.register("construct_document_chooser_queryset")
def own_documents_first(documents, request):
    policy = policy_registry.get_by_type(get_document_model())
    return own_media_first(documents, request, policy)


class KommuneViewSet(SnippetViewSet):
    """The municipality register; mostly filled by `import_kommunen`, searchable by name and AGS."""

    model = Kommune
    chooser_viewset_class = KommuneChooserViewSet
    icon = "site"
    menu_label = _("Gemeindeverzeichnis")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["anzeigename", "ags", "typ", "einwohner", "groessenklasse", "bundesland"]
    list_filter = ["typ", "groessenklasse", "bundesland"]
    search_fields = ["anzeigename", "name", "ags"]
    search_backend_name = None
    list_per_page = 50
    panels = [
        FieldRowPanel([FieldPanel("ags"), FieldPanel("typ")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("anzeigename")]),
        FieldRowPanel(
            [
                FieldPanel("einwohner"),
                FieldPanel("groessenklasse", read_only=True),
            ]
        ),
        FieldRowPanel([FieldPanel("bundesland"), FieldPanel("kreis")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("flaeche_km2"), FieldPanel("postleitzahl")]),
                FieldRowPanel([FieldPanel("breitengrad"), FieldPanel("laengengrad")]),
                FieldPanel("verstaedterung"),
                FieldPanel("gemeindefrei"),
            ],
            heading=_("Weitere Angaben aus dem Gemeindeverzeichnis"),
        ),
    ]


register_snippet(KommuneViewSet)
