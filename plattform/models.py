"""The home page, the standard pages (Impressum, Datenschutz, ...) and the site settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from django_stubs_ext import StrOrPromise

from plattform.cookies import login_cookies
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

    def get_context(self, request, *args, **kwargs):
        """Legal pages add the operator's details from the site settings around the text."""
        context = super().get_context(request, *args, **kwargs)
        einstellungen = PlattformEinstellungen.for_request(request)
        kind = einstellungen.legal_kind(self)
        if kind:
            context["einstellungen"] = einstellungen
            context["cookies"] = login_cookies()
            context["anmeldesperre"] = {  # django-axes, as configured (sicherheit)
                "versuche": settings.AXES_FAILURE_LIMIT,
                "minuten": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            }
            context["legal_template"] = f"plattform/includes/rechtliches/{kind}.html"
        return context


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
    """Who runs the platform, the operator's legal details and the footer pages.

    Impressum, Datenschutz and Barrierefreiheitserklärung render these details, so that the
    pages' prose stays editable while names and addresses live in one place.
    """

    # The footer pages in the order the footer shows them; each names the kind of legal page.
    FOOTER_FIELDS = ("impressum", "datenschutz", "barrierefreiheit")
    # The details without which the legal pages are incomplete (system check plattform.W001).
    REQUIRED_FIELDS = (
        "betreiber",
        "anschrift",
        "vertretung",
        "telefon",
        "kontakt_email",
        "verantwortlich_inhalt",
        "datenschutzbeauftragte",
        "aufsichtsbehoerde",
        "protokoll_speicherdauer_tage",
        "barrierefreiheit_pruefung",
        "barrierefreiheit_geprueft_am",
        "barrierefreiheit_erstellt_am",
        "schlichtungsstelle",
    )

    betreiber = models.CharField(
        _("Betreiber"),
        max_length=200,
        blank=True,
        help_text=_("Name der Stelle, die die Plattform betreibt (erscheint in der Fußzeile)."),
    )
    anschrift = models.TextField(
        _("Anschrift"),
        blank=True,
        help_text=_("Postanschrift der betreibenden Stelle, eine Zeile je Angabe."),
    )
    vertretung = models.CharField(
        _("Vertretungsberechtigte Person"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel die Leitung der Stelle, mit Funktion."),
    )
    telefon = models.CharField(
        _("Telefon"),
        max_length=50,
        blank=True,
        help_text=_("Für Fragen zur Plattform und Rückmeldungen zur Barrierefreiheit."),
    )
    kontakt_email = models.EmailField(
        _("Kontakt-E-Mail"),
        blank=True,
        help_text=_("Adresse für Fragen zur Plattform."),
    )
    verantwortlich_inhalt = models.TextField(
        _("Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)"),
        blank=True,
        help_text=_("Name und Anschrift der inhaltlich verantwortlichen Person."),
    )
    datenschutzbeauftragte = models.TextField(
        _("Datenschutzbeauftragte:r"),
        blank=True,
        help_text=_("Name oder Stelle und Kontakt (Anschrift, E-Mail) der oder des Beauftragten."),
    )
    aufsichtsbehoerde = models.TextField(
        _("Zuständige Datenschutz-Aufsichtsbehörde"),
        blank=True,
        help_text=_("Name, Anschrift und Internetadresse der Aufsichtsbehörde."),
    )
    protokoll_speicherdauer_tage = models.PositiveSmallIntegerField(
        _("Speicherdauer der Server-Protokolle (Tage)"),
        null=True,
        blank=True,
        help_text=_("Nach wie vielen Tagen der Webserver seine Zugriffsprotokolle löscht."),
    )
    barrierefreiheit_pruefung = models.CharField(
        _("Art der Prüfung der Barrierefreiheit"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „Selbstbewertung“ oder „BITV-Test durch …“."),
    )
    barrierefreiheit_geprueft_am = models.DateField(_("Datum der Prüfung"), null=True, blank=True)
    barrierefreiheit_erstellt_am = models.DateField(
        _("Erklärung zur Barrierefreiheit erstellt am"), null=True, blank=True
    )
    schlichtungsstelle = models.TextField(
        _("Schlichtungs- oder Durchsetzungsstelle des Landes"),
        blank=True,
        help_text=_("Name, Anschrift und Internetadresse der für die Stelle zuständigen Behörde."),
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
        MultiFieldPanel(
            [
                FieldPanel(name)
                for name in (
                    "betreiber",
                    "anschrift",
                    "vertretung",
                    "telefon",
                    "kontakt_email",
                    "verantwortlich_inhalt",
                )
            ],
            heading=_("Betreiber (Impressum)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("datenschutzbeauftragte"),
                FieldPanel("aufsichtsbehoerde"),
                FieldPanel("protokoll_speicherdauer_tage"),
            ],
            heading=_("Datenschutz"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("barrierefreiheit_pruefung"),
                FieldPanel("barrierefreiheit_geprueft_am"),
                FieldPanel("barrierefreiheit_erstellt_am"),
                FieldPanel("schlichtungsstelle"),
            ],
            heading=_("Barrierefreiheit"),
        ),
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

    def legal_kind(self, page: Page) -> str | None:
        """ "impressum", "datenschutz" or "barrierefreiheit" if the footer links `page` as such."""
        for name in self.FOOTER_FIELDS:
            if getattr(self, f"{name}_id") == page.pk:
                return name
        return None

    def missing_details(self) -> list[str]:
        """The verbose names of the required legal details still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED_FIELDS
            if getattr(self, name) in (None, "")
        ]


class Formularversand(models.Model):
    """One submission of a public form, kept for the rate limit's window (plattform.formschutz)."""

    bucket = models.CharField(max_length=50)
    client = models.CharField(max_length=64)  # keyed hash of the address, not the address
    zeitpunkt = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["bucket", "client", "zeitpunkt"])]
        verbose_name = _("Formularversand")
        verbose_name_plural = _("Formularversände")

    def __str__(self) -> str:
        return f"{self.bucket} {self.zeitpunkt:%Y-%m-%d %H:%M}"
