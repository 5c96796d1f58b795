"""The home page, the standard pages (Impressum, Datenschutz, ...) and the site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from django_stubs_ext import StrOrPromise

from plattform.home import home_context


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
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context())
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
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


def _footer_page(verbose_name: StrOrPromise, help_text: StrOrPromise) -> models.ForeignKey:
    return models.ForeignKey(
        StandardPage,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="cog")
class PlattformEinstellungen(BaseSiteSetting):
    """Who runs the platform and which legal pages the footer links; shown on every page."""

    # The footer pages in the order the footer shows them.
    FOOTER_FIELDS = ("impressum", "datenschutz", "barrierefreiheit")

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

    impressum = _footer_page(
        _("Impressum"), _("Die Seite, die die Fußzeile als Impressum verlinkt.")
    )
    datenschutz = _footer_page(
        _("Datenschutz"), _("Die Seite, die die Fußzeile als Datenschutzerklärung verlinkt.")
    )
    barrierefreiheit = _footer_page(
        _("Barrierefreiheit"),
        _("Die Seite, die die Fußzeile als Erklärung zur Barrierefreiheit verlinkt."),
    )

    panels = [
        FieldPanel("betreiber"),
        FieldPanel("kontakt_email"),
        MultiFieldPanel(
            [FieldPanel(name) for name in FOOTER_FIELDS], heading=_("Seiten in der Fußzeile")
        ),
    ]
    select_related = FOOTER_FIELDS

    class Meta:
        verbose_name = _("Plattform-Einstellungen")

    @property
    def footer_pages(self) -> list[StandardPage]:
        """The chosen footer pages in footer order, as far as they are live."""
        pages = (getattr(self, name) for name in self.FOOTER_FIELDS)
        return [page for page in pages if page is not None and page.live]
