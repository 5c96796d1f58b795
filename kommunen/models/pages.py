"""Profiles of participating Kommunen: the page tree mirrors Kreis and Gemeinde."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kommunen.forms import KommunePageForm
from kommunen.uebersicht import views as uebersicht
from plattform.routes import CONTACT_FORM_HOOK, serve_through_hook

from .register import Kommune

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class KommunenIndexPage(Page):
    """The directory of participating Kommunen; Landkreise and kreisfreie Städte hang below it."""

    einleitung = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kurzer Text über der Liste der Kommunen."),
    )

    content_panels = [*Page.content_panels, FieldPanel("einleitung")]

    parent_page_types = ["plattform.HomePage"]
    subpage_types = ["kommunen.LandkreisPage", "kommunen.KommunePage"]
    max_count = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Kommunen-Übersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = (
            KommunePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("kommune")
            .order_by("kommune__anzeigename")
        )
        return context


class IntegrationsbeauftragteArt(models.TextChoices):
    KEINE = "", _("keine Stelle")
    HAUPTAMTLICH = "hauptamtlich", _("hauptamtlich")
    EHRENAMTLICH = "ehrenamtlich", _("ehrenamtlich")


class KommunePage(RoutablePageMixin, Page):
    """Profile of a Gemeinde or Stadt: introduction, integration structures, contacts, entries."""

    kommune = models.OneToOneField(
        Kommune,
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="profil",
        help_text=_("Der Eintrag im amtlichen Gemeindeverzeichnis, zu dem dieses Profil gehört."),
    )
    # The Kommune's own media collection (kommunen/medien.py); set when its editors' group is.
    medien = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("Mediensammlung"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    einleitung = RichTextField(
        _("Kurzvorstellung"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Zwei bis drei Sätze: Wer sind wir, was ist uns in der Integrationsarbeit wichtig?"
        ),
    )
    website = models.URLField(
        _("Website"), blank=True, help_text=_("Adresse der Integrationsseite der Kommune.")
    )
    integrationsbeauftragte = models.CharField(
        _("Integrationsbeauftragte:r"),
        max_length=20,
        blank=True,
        choices=IntegrationsbeauftragteArt.choices,
        help_text=_("Gibt es eine:n Integrationsbeauftragte:n, und in welcher Form?"),
    )
    integrationsbeauftragte_stellenumfang = models.DecimalField(
        _("Stellenumfang (Vollzeitstellen)"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Zum Beispiel 0,5 für eine halbe Stelle."),
    )
    koordinierungsstelle = models.BooleanField(
        _("Koordinierungsstelle Integration"),
        default=False,
        help_text=_("Gibt es eine Stelle, die die Integrationsarbeit koordiniert?"),
    )
    koordinierungsstelle_beschreibung = models.CharField(
        _("Koordinierungsstelle: Angaben"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel Ansiedlung im Sozialamt, Zuständigkeit für mehrere Gemeinden."),
    )
    integrationsbeirat = models.BooleanField(_("Integrationsbeirat"), default=False)
    integrationsbeirat_seit = models.PositiveSmallIntegerField(
        _("Integrationsbeirat seit"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Jahr der Gründung."),
    )
    integrationskonzept = models.BooleanField(_("Integrationskonzept"), default=False)
    integrationskonzept_jahr = models.PositiveSmallIntegerField(
        _("Integrationskonzept: Jahr"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Jahr des Beschlusses."),
    )
    integrationskonzept_fortschreibung = models.PositiveSmallIntegerField(
        _("Integrationskonzept: letzte Fortschreibung"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
    )
    integrationskonzept_teilhabeorientiert = models.BooleanField(
        _("Integrationskonzept ist teilhabeorientiert"),
        default=False,
        help_text=_("Richtet sich das Konzept an alle Einwohner:innen und ihre Teilhabe aus?"),
    )
    integrationskonzept_dokument = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Integrationskonzept: Dokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    runder_tisch = models.BooleanField(_("Runder Tisch"), default=False)
    runder_tisch_beschreibung = models.CharField(
        _("Runder Tisch: Angaben"),
        max_length=255,
        blank=True,
        help_text=_("Name, Turnus, wer teilnimmt."),
    )
    steuerungsgruppe = models.BooleanField(_("Steuerungsgruppe / Begleitgremium"), default=False)
    steuerungsgruppe_beschreibung = models.CharField(
        _("Steuerungsgruppe: Angaben"),
        max_length=255,
        blank=True,
    )
    migrantenselbstorganisationen = models.PositiveSmallIntegerField(
        _("Migrantenselbstorganisationen (Anzahl)"),
        null=True,
        blank=True,
        help_text=_("Wie viele Migrantenselbstorganisationen sind in der Kommune aktiv?"),
    )
    migrantenselbstorganisationen_beschreibung = models.CharField(
        _("Migrantenselbstorganisationen: Angaben"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel Namen oder Zusammenarbeit mit der Verwaltung."),
    )

    content_panels = [
        TitleFieldPanel("title", help_text=_("Der Name, wie er auf der Seite erscheinen soll.")),
        FieldPanel("kommune"),
        FieldPanel("einleitung"),
        FieldPanel("website"),
    ]
    structure_panels = [
        MultiFieldPanel(
            [
                FieldPanel("integrationsbeauftragte"),
                FieldPanel("integrationsbeauftragte_stellenumfang"),
            ],
            heading=_("Integrationsbeauftragte:r"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("koordinierungsstelle"),
                FieldPanel("koordinierungsstelle_beschreibung"),
            ],
            heading=_("Koordinierungsstelle"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("integrationsbeirat"),
                FieldPanel("integrationsbeirat_seit"),
            ],
            heading=_("Integrationsbeirat"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("integrationskonzept"),
                FieldRowPanel(
                    [
                        FieldPanel("integrationskonzept_jahr"),
                        FieldPanel("integrationskonzept_fortschreibung"),
                    ]
                ),
                FieldPanel("integrationskonzept_teilhabeorientiert"),
                FieldPanel("integrationskonzept_dokument"),
            ],
            heading=_("Integrationskonzept"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("runder_tisch"),
                FieldPanel("runder_tisch_beschreibung"),
                FieldPanel("steuerungsgruppe"),
                FieldPanel("steuerungsgruppe_beschreibung"),
            ],
            heading=_("Gremien"),
        ),
        InlinePanel("netzwerke", heading=_("Netzwerke"), label=_("Netzwerk")),
        MultiFieldPanel(
            [
                FieldPanel("migrantenselbstorganisationen"),
                FieldPanel("migrantenselbstorganisationen_beschreibung"),
            ],
            heading=_("Migrantenselbstorganisationen"),
        ),
    ]
    contact_panels = [
        InlinePanel("kontaktpersonen", heading=_("Ansprechpersonen"), label=_("Ansprechperson")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profil")),
            ObjectList(structure_panels, heading=_("Integrationsstrukturen")),
            ObjectList(contact_panels, heading=_("Ansprechpersonen")),
            ObjectList(Page.promote_panels, heading=_("Veröffentlichung")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("einleitung"),
        index.RelatedFields("kommune", [index.SearchField("anzeigename")]),
    ]

    base_form_class = KommunePageForm

    parent_page_types = ["kommunen.KommunenIndexPage", "kommunen.LandkreisPage"]
    subpage_types = ["praxis.PraxisPage"]

    class Meta:
        verbose_name = _("Kommune-Profil")
        verbose_name_plural = _("Kommune-Profile")

    @property
    def public_contacts(self):
        return self.kontaktpersonen.filter(veroeffentlichen=True)

    def with_content_json(self, content):
        """The media collection belongs to the Kommune, not to a revision: publishing an older
        revision keeps the current one."""
        page = super().with_content_json(content)
        page.medien_id = self.medien_id
        return page

    @path("kontakt/", name="kontakt")
    def kontakt_aufnehmen(self, request):
        """Kontakt aufnehmen: the contact form, served by the kontakt app."""
        return serve_through_hook(CONTACT_FORM_HOOK, self, request)


class LandkreisPage(KommunePage):
    """Profile of a Landkreis: its coordination, and the profiles of its Gemeinden below it."""

    parent_page_types = ["kommunen.KommunenIndexPage"]
    subpage_types = ["kommunen.KommunePage", "praxis.PraxisPage"]

    class Meta:
        verbose_name = _("Landkreis-Profil")
        verbose_name_plural = _("Landkreis-Profile")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gemeinde_profiles"] = (
            KommunePage.objects.live()
            .public()
            .child_of(self)
            .select_related("kommune")
            .order_by("kommune__anzeigename")
        )
        return context

    # The Kreis overview (kommunen/uebersicht/): the page and its two CSV downloads.
    @path("uebersicht/")
    def uebersicht(self, request):
        return uebersicht.overview_page(self, request)

    # Routes always end in "/"; the CSV addresses have none (kommunen/uebersicht/urls.py).
    @re_path(r"^uebersicht/strukturen\.csv/?$")
    def uebersicht_strukturen_csv(self, request):
        return uebersicht.structures_csv(self, request)

    @re_path(r"^uebersicht/praxis\.csv/?$")
    def uebersicht_praxis_csv(self, request):
        return uebersicht.entries_csv(self, request)


class Netzwerk(Orderable):
    """A network the Kommune takes part in (e.g. a regional integration network)."""

    page = ParentalKey(KommunePage, on_delete=models.CASCADE, related_name="netzwerke")
    name = models.CharField(_("Name"), max_length=200)
    beschreibung = models.CharField(
        _("Beschreibung"),
        max_length=255,
        blank=True,
        help_text=_("Wer ist beteiligt, worum geht es?"),
    )

    panels = [FieldPanel("name"), FieldPanel("beschreibung")]

    class Meta(Orderable.Meta):
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")


class Kontaktperson(Orderable):
    """A contact person of the Kommune; shown publicly only with their documented consent."""

    page = ParentalKey(KommunePage, on_delete=models.CASCADE, related_name="kontaktpersonen")
    name = models.CharField(_("Name"), max_length=200)
    funktion = models.CharField(_("Funktion"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    veroeffentlichen = models.BooleanField(
        _("Einwilligung zur Veröffentlichung liegt vor"),
        default=False,
        help_text=_(
            "Nur mit schriftlicher Einwilligung ankreuzen: erst dann erscheint die "
            "Person auf der öffentlichen Seite."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("funktion")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("telefon")]),
        FieldPanel("veroeffentlichen"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
