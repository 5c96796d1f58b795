"""The home page and the standard pages (Impressum, Datenschutz, Barrierefreiheitserklärung)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The entry page: search box, entry by Handlungsfeld, newest entries and counts."""

    einleitung = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_(
            "Ein bis zwei Sätze unter der Hauptüberschrift, die sagen, wofür es die Plattform gibt."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("einleitung")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "kommunen.KommunenIndexPage",
        "praxis.PraxisIndexPage",
        "plattform.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        from plattform.home import startseiten_kontext

        context = super().get_context(request, *args, **kwargs)
        context.update(startseiten_kontext(self))
        return context


class StandardPage(Page):
    """A plain text page such as Impressum, Datenschutz or the Barrierefreiheitserklärung."""

    text = RichTextField(
        _("Text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        help_text=_("Der Inhalt der Seite. Überschriften bitte in der richtigen Reihenfolge."),
    )

    content_panels = [*Page.content_panels, FieldPanel("text")]
    search_fields = [*Page.search_fields, index.SearchField("text")]

    parent_page_types = ["plattform.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


@register_setting(icon="cog")
class PlattformEinstellungen(BaseSiteSetting):
    """Who runs the platform; shown in the footer and used by the standard pages."""

    betreiber = models.CharField(
        _("Betreiber"),
        max_length=200,
        blank=True,
        help_text=_("Name der Stelle, die die Plattform betreibt (erscheint in der Fußzeile)."),
    )
    kontakt_email = models.EmailField(
        _("Kontakt-E-Mail"),
        blank=True,
        help_text=_("Adresse für Fragen zur Plattform."),
    )

    panels = [FieldPanel("betreiber"), FieldPanel("kontakt_email")]

    class Meta:
        verbose_name = _("Plattform-Einstellungen")
