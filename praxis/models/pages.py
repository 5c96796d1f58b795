"""The entry page (Praxisbeispiel) with its inline relations, and the listing page."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
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
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from django_stubs_ext import StrOrPromise

from kommunen.models import Kommune
from kommunen.permissions import EntryPermissionTester
from plattform.forms import MonthPanel
from plattform.routes import CONTACT_FORM_HOOK, serve_through_hook
from praxis.blocks import PraxisBodyBlock
from praxis.panels import CompletenessPanel, LeadKommunePanel
from praxis.stand import effective_stand, is_stale
from praxis.validators import MONTH_VALIDATOR

from .foerderprogramme import Foerderprogramm
from .taxonomies import EVIDENZ_KRITERIEN, Evidenz, Handlungsfeld, PraxisStatus, Zielgruppe


def _evidenz_legend() -> str:
    """The levels with their criteria, as the editor's help text."""
    return "; ".join(f"{level.label}: {EVIDENZ_KRITERIEN[level]}" for level in Evidenz)


class PraxisPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "praxis.PraxisPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# The search app renders the listing through this hook (search/wagtail_hooks.py): a function
# (page, request) -> HttpResponse. A hook rather than an import keeps search ← praxis one-way.
RENDER_LISTING_HOOK = "render_praxis_listing"

# praxis/beschlussvorlage/ builds on these models, so the entry reaches it through this hook
# (registered in praxis/wagtail_hooks.py): a function (page, request) -> HttpResponse.
BESCHLUSSVORLAGE_HOOK = "serve_beschlussvorlage"


class PraxisIndexPage(Page):
    """The listing of all entries: the search with an empty query, with the same filters."""

    einleitung = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Kurzer Text über der Liste der Praxisbeispiele.")
    )

    content_panels = [*Page.content_panels, FieldPanel("einleitung")]

    parent_page_types = ["plattform.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    show_in_menus_default = True

    def serve(self, request, *args, **kwargs):
        """Rendered by the search app; without it, just the title and introduction."""
        renderers = hooks.get_hooks(RENDER_LISTING_HOOK)
        if renderers:
            return renderers[-1](self, request)
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        """The preview shows the listing as it is served, with its filters and entries."""
        return self.serve(request)

    class Meta:
        verbose_name = _("Praxisbeispiel-Übersicht")


# The long texts of an entry that no card (praxis/includes/entry_card.html, the search's
# hit_card.html, the API's hits) shows.
CARDLESS_FIELDS = ("body", "erfahrungen", "uebertragbarkeit")


class PraxisPageQuerySet(PageQuerySet):
    """Entries seen from a Kommune, and what an entry card needs."""

    def led_by(self, kommune: Kommune) -> "PraxisPageQuerySet":
        """The entries of this lead Kommune (they stand below its profile)."""
        return self.filter(kommune=kommune)

    def partnered_by(self, kommune: Kommune) -> "PraxisPageQuerySet":
        """The entries this Kommune takes part in as a partner Kommune, once it has confirmed."""
        return self.filter(partner__kommune=kommune, partner__bestaetigt=True).distinct()

    def for_cards(self) -> "PraxisPageQuerySet":
        """With what an entry card shows, so that a list of cards costs no query per card,
        and without the long texts no card shows (the body's JSON is most of a row)."""
        return (
            self.select_related("kommune", "bild")
            .prefetch_related("handlungsfelder")
            .defer(*CARDLESS_FIELDS)
        )


class PraxisPage(RoutablePageMixin, Page):
    """A good-practice entry of its lead Kommune, with the conditions under which it worked."""

    austausch_id = models.SlugField(
        _("Austausch-ID"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Stabile Kennung für den Austausch mit anderen Plattformen. Wird beim ersten "
            "Speichern vergeben und danach nicht mehr geändert."
        ),
    )
    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("federführende Kommune"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="praxisbeispiele",
    )
    kurzbeschreibung = models.TextField(
        _("Kurzbeschreibung"),
        max_length=500,
        help_text=_(
            "Ein bis zwei Sätze, die in Suchergebnissen und Listen erscheinen "
            "(höchstens 500 Zeichen)."
        ),
    )
    body = StreamField(
        PraxisBodyBlock(),
        verbose_name=_("Beschreibung"),
        blank=True,
        help_text=_("Ausführliche Beschreibung: Absätze, Bilder, Dokumente und Zitate."),
    )
    bild = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Vorschaubild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Erscheint in Listen und oben auf der Seite. Bitte einen Alternativtext pflegen."
        ),
    )
    handlungsfelder = ParentalManyToManyField(
        Handlungsfeld,
        verbose_name=_("Handlungsfelder"),
        related_name="praxisbeispiele",
        help_text=_("Alle Handlungsfelder, in denen das Praxisbeispiel wirkt."),
    )
    zielgruppen = ParentalManyToManyField(
        Zielgruppe,
        verbose_name=_("Zielgruppen"),
        related_name="praxisbeispiele",
        blank=True,
    )
    schlagworte = ClusterTaggableManager(
        through=PraxisPageTag,
        verbose_name=_("Schlagworte"),
        blank=True,
        help_text=_("Freie Stichworte, durch Komma getrennt."),
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=PraxisStatus.choices,
        default=PraxisStatus.LAUFEND,
    )
    beginn = models.CharField(
        _("Beginn"),
        max_length=7,
        blank=True,
        validators=[MONTH_VALIDATOR],
        help_text=_("Monat des Starts im Format JJJJ-MM."),
    )
    ende = models.CharField(
        _("Ende"),
        max_length=7,
        blank=True,
        validators=[MONTH_VALIDATOR],
        help_text=_("Monat des Endes im Format JJJJ-MM; leer lassen, wenn es weiterläuft."),
    )
    traeger = models.CharField(
        _("Träger"), max_length=255, blank=True, help_text=_("Wer führt das Projekt durch?")
    )
    kosten_jahr_eur = models.PositiveIntegerField(
        _("Kosten pro Jahr (Euro)"),
        null=True,
        blank=True,
        help_text=_("Ungefähre jährliche Kosten in Euro, ohne Cent. Leer, wenn unbekannt."),
    )
    kosten_einmalig_eur = models.PositiveIntegerField(
        _("Einmalige Kosten (Euro)"),
        null=True,
        blank=True,
        help_text=_(
            "Kosten für den Aufbau, zum Beispiel Schulungen oder Ausstattung. Leer, wenn unbekannt."
        ),
    )
    foerderprogramme = ParentalManyToManyField(
        Foerderprogramm,
        verbose_name=_("Förderprogramme"),
        related_name="praxisbeispiele",
        blank=True,
        help_text=_(
            "Die Programme, aus denen das Praxisbeispiel gefördert wurde. Haushaltsmittel, "
            "Spenden und andere Quellen stehen unter „Weitere Finanzierung“."
        ),
    )
    evidenz = models.CharField(
        _("Wie gut ist es belegt?"),
        max_length=20,
        choices=Evidenz.choices,
        blank=True,
        help_text=lazy(_evidenz_legend, str)(),
    )
    evaluation_url = models.URLField(
        _("Link zur Auswertung"),
        max_length=500,
        blank=True,
        help_text=_("Bericht einer Auswertung oder Evaluation, falls es einen gibt."),
    )
    erfahrungen = models.TextField(
        _("Erfahrungen und Stolpersteine"),
        blank=True,
        help_text=_("Was hat gut funktioniert, was nicht? Was würden Sie heute anders machen?"),
    )
    personal = models.CharField(
        _("Personal"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel „0,25 Stellen Koordination, 20 Ehrenamtliche“."),
    )
    uebertragbarkeit = models.TextField(
        _("Übertragbarkeit"),
        blank=True,
        help_text=_("Was braucht eine andere Kommune, um das zu übernehmen? Was war entscheidend?"),
    )
    kontakt_name = models.CharField(_("Name"), max_length=200, blank=True)
    kontakt_funktion = models.CharField(_("Funktion"), max_length=200, blank=True)
    kontakt_email = models.EmailField(_("E-Mail"), blank=True)
    kontakt_telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    uebernommen_von = models.ForeignKey(
        "self",
        verbose_name=_("Übernommen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uebernahmen",
        help_text=_(
            "Das Praxisbeispiel einer anderen Kommune, das hier übernommen und angepasst wurde. "
            "Es zeigt dann diese Kommune unter „Übernommen von“."
        ),
    )
    stand = models.DateField(
        _("zuletzt als aktuell bestätigt"),
        null=True,
        blank=True,
        help_text=_(
            "Wird beim Veröffentlichen und mit dem Link „noch aktuell“ aus der Erinnerungs-E-Mail "
            "auf den Tag gesetzt."
        ),
    )
    kontakt_veroeffentlichen = models.BooleanField(
        _("Einwilligung zur Veröffentlichung liegt vor"),
        default=False,
        help_text=_(
            "Nur mit Einwilligung der Kontaktperson ankreuzen: erst dann erscheinen ihre "
            "E-Mail-Adresse und Telefonnummer auf der öffentlichen Seite. Ohne Einwilligung "
            "erreichen Besucher sie über das Formular „Kontakt aufnehmen“."
        ),
    )

    objects = PageManager.from_queryset(PraxisPageQuerySet)()

    content_panels = [
        CompletenessPanel(heading=_("Vollständigkeit")),
        LeadKommunePanel(heading=_("Federführende Kommune")),
        TitleFieldPanel("title"),
        FieldPanel("kurzbeschreibung"),
        FieldPanel("bild"),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("handlungsfelder", widget=forms.CheckboxSelectMultiple),
        FieldPanel("zielgruppen", widget=forms.CheckboxSelectMultiple),
        FieldPanel("schlagworte"),
        InlinePanel(
            "partner",
            heading=_("Partnerkommunen"),
            label=_("Partnerkommune"),
            help_text=_(
                "Kommunen, die das Praxisbeispiel gemeinsam mit der federführenden Kommune tragen."
            ),
        ),
        FieldPanel("uebernommen_von"),
    ]
    conditions_panels = [
        FieldRowPanel(
            [
                FieldPanel("status"),
                MonthPanel("beginn", help_text=_("Monat des Starts, zum Beispiel 03/2023.")),
                MonthPanel(
                    "ende",
                    help_text=_(
                        "Monat des Endes, zum Beispiel 12/2025; leer lassen, wenn es weiterläuft."
                    ),
                ),
            ],
            heading=_("Laufzeit"),
        ),
        FieldPanel("traeger"),
        FieldRowPanel(
            [
                FieldPanel("kosten_einmalig_eur"),
                FieldPanel("kosten_jahr_eur"),
                FieldPanel("personal"),
            ],
            heading=_("Aufwand"),
        ),
        FieldPanel("foerderprogramme", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "foerderungen",
            heading=_("Weitere Finanzierung"),
            label=_("Finanzierungsquelle"),
            help_text=_("Haushaltsmittel, Spenden oder Programme, die oben nicht aufgeführt sind."),
        ),
        FieldPanel("uebertragbarkeit"),
        MultiFieldPanel(
            [
                FieldPanel("evidenz", widget=forms.RadioSelect),
                FieldPanel("evaluation_url"),
                FieldPanel("erfahrungen"),
            ],
            heading=_("Wirkung und Erfahrungen"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kontakt_name"), FieldPanel("kontakt_funktion")]),
                FieldRowPanel([FieldPanel("kontakt_email"), FieldPanel("kontakt_telefon")]),
                FieldPanel("kontakt_veroeffentlichen"),
            ],
            heading=_("Kontakt"),
        ),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(classification_panels, heading=_("Einordnung")),
            ObjectList(conditions_panels, heading=_("Rahmenbedingungen")),
            ObjectList(
                [
                    *Page.promote_panels,
                    FieldPanel("austausch_id", read_only=True),
                    FieldPanel("stand", read_only=True),
                ],
                heading=_("Veröffentlichung"),
            ),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("kurzbeschreibung"),
        index.SearchField("body"),
        index.SearchField("uebertragbarkeit"),
        index.SearchField("traeger"),
        index.SearchField("personal"),
        index.RelatedFields("foerderungen", [index.SearchField("name")]),
        index.RelatedFields("foerderprogramme", [index.SearchField("name")]),
        index.SearchField("erfahrungen"),
        index.RelatedFields("schlagworte", [index.SearchField("name")]),
        index.RelatedFields("handlungsfelder", [index.SearchField("name")]),
        index.RelatedFields("zielgruppen", [index.SearchField("name")]),
        index.RelatedFields("kommune", [index.SearchField("anzeigename")]),
        index.FilterField("status"),
        index.FilterField("kommune"),
    ]

    parent_page_types = ["kommunen.KommunePage", "kommunen.LandkreisPage"]
    subpage_types: list[str] = []
    # An entry stands below its Kommune in the tree but belongs to the listing in the main menu.
    menu_section = PraxisIndexPage

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")

    def clean(self) -> None:
        super().clean()
        if self.beginn and self.ende and self.ende < self.beginn:
            raise ValidationError({"ende": _("Das Ende darf nicht vor dem Beginn liegen.")})
        if message := self._uebernahme_error():
            raise ValidationError({"uebernommen_von": message})

    def save(self, *args, **kwargs) -> None:
        self.kommune = self.lead_kommune()
        if not self.austausch_id:
            self.austausch_id = self._unique_austausch_id()
        super().save(*args, **kwargs)

    def permissions_for_user(self, user) -> EntryPermissionTester:
        """Officers may withdraw (unpublish) the entries they may edit (kommunen.permissions)."""
        return EntryPermissionTester(user, self)

    def lead_kommune(self) -> Kommune | None:
        """The Kommune whose profile page this entry stands under."""
        parent = self.get_parent() if self.path else None
        return getattr(parent.specific, "kommune", None) if parent else None

    def _uebernahme_error(self) -> StrOrPromise | None:
        """An entry cannot adapt itself, nor one that (through others) adapted it."""
        if self.uebernommen_von_id is None or self.pk is None:
            return None
        if self.uebernommen_von_id == self.pk:
            return _("Ein Praxisbeispiel kann nicht von sich selbst übernommen sein.")
        seen, current = {self.pk}, self.uebernommen_von_id
        while current is not None and current not in seen:
            seen.add(current)
            current = (
                PraxisPage.objects.filter(pk=current)
                .values_list("uebernommen_von_id", flat=True)
                .first()
            )
        if current == self.pk:
            return _(
                "Dieses Praxisbeispiel wurde selbst (direkt oder über andere) von dem gewählten "
                "übernommen. Bitte ein anderes wählen: Übernahmen dürfen keinen Kreis bilden."
            )
        return None

    def _unique_austausch_id(self) -> str:
        kommune = self.kommune.anzeigename if self.kommune else ""
        stem = slugify(f"{kommune}-{self.slug or self.title}")[:110]
        candidate, n = stem, 2
        while PraxisPage.objects.filter(austausch_id=candidate).exclude(pk=self.pk).exists():
            candidate, n = f"{stem}-{n}", n + 1
        return candidate

    @path("kontakt/", name="kontakt")
    def kontakt_aufnehmen(self, request):
        """Kontakt aufnehmen: the contact form, served by the kontakt app."""
        return serve_through_hook(CONTACT_FORM_HOOK, self, request)

    # Routes always end in "/"; the address has none and reaches Wagtail through praxis/urls.py.
    @re_path(r"^beschlussvorlage\.docx/$", name="beschlussvorlage")
    def beschlussvorlage(self, request):
        """The draft council paper as a Word document (praxis/beschlussvorlage/)."""
        return serve_through_hook(BESCHLUSSVORLAGE_HOOK, self, request)

    @property
    def beschlussvorlage_url(self) -> str:
        """`<entry url>beschlussvorlage.docx`, without the slash every route ends in; "" if the
        page has no address (a new page in preview)."""
        if not self.url:
            return ""
        return self.url + self.reverse_subpage("beschlussvorlage").rstrip("/")

    @property
    def aktueller_stand(self) -> date | None:
        """The "Stand": last confirmed, else last published (praxis/stand.py)."""
        return effective_stand(self.stand, self.last_published_at, self.first_published_at)

    @property
    def veraltet(self) -> bool:
        """Not confirmed for 24 months: marked "möglicherweise veraltet", ranked lower."""
        return is_stale(self.aktueller_stand)

    @property
    def paragraphs(self) -> list:
        """The `absatz` blocks of the body, which form the exchange `beschreibung`."""
        return [block for block in self.body if block.block_type == "absatz"]


class PraxisPartner(Orderable):
    """A partner Kommune of an intermunicipal entry; it shows on the partner's profile only
    once the partner's editors have confirmed (praxis/partnerschaft.py)."""

    page = ParentalKey(PraxisPage, on_delete=models.CASCADE, related_name="partner")
    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="partnerschaften",
    )
    bestaetigt = models.BooleanField(_("bestätigt"), default=False, editable=False)
    bestaetigt_am = models.DateTimeField(_("bestätigt am"), null=True, editable=False)
    bestaetigt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestätigt von"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    abgelehnt_am = models.DateTimeField(_("abgelehnt am"), null=True, editable=False)
    abgelehnt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("abgelehnt von"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    angefragt_am = models.DateTimeField(_("angefragt am"), null=True, editable=False)

    panels = [FieldPanel("kommune")]

    # The partner's decision, written only by praxis.partnerschaft (queryset updates); a new
    # partner starts as an open request.
    OPEN_REQUEST = {
        "bestaetigt": False,
        "bestaetigt_am": None,
        "bestaetigt_von_id": None,
        "abgelehnt_am": None,
        "abgelehnt_von_id": None,
        "angefragt_am": None,
    }

    class Meta(Orderable.Meta):
        verbose_name = _("Partnerkommune")
        verbose_name_plural = _("Partnerkommunen")
        constraints = [
            models.UniqueConstraint(fields=["page", "kommune"], name="praxis_partner_einmalig")
        ]

    def save(self, *args, **kwargs) -> None:
        self._keep_stored_decision()
        super().save(*args, **kwargs)

    def _keep_stored_decision(self) -> None:
        """A revision holds a copy of this row from when it was saved: publishing it must not
        undo the partner's decision made since. A new row, or a row now naming another
        Kommune, is an open request."""
        names = list(self.OPEN_REQUEST)
        stored = None
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values("kommune_id", *names).first()
        if stored is None or stored["kommune_id"] != self.kommune_id:
            stored = self.OPEN_REQUEST
        for name in names:
            setattr(self, name, stored[name])


class PraxisFoerderung(Orderable):
    """Free-text funding of the entry (budget, donations, programmes not managed here); the
    managed programmes are `PraxisPage.foerderprogramme` (exchange format: `foerderung`)."""

    page = ParentalKey(PraxisPage, on_delete=models.CASCADE, related_name="foerderungen")
    name = models.CharField(
        _("Finanzierungsquelle"),
        max_length=255,
        help_text=_("Zum Beispiel „Haushaltsmittel der Gemeinde“ oder „Spenden“."),
    )

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("Förderung")
        verbose_name_plural = _("Förderungen")


class PraxisLink(Orderable):
    """A link to more about the entry (project site, press article, evaluation)."""

    page = ParentalKey(PraxisPage, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("Adresse"), max_length=500)

    panels = [FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Link")
        verbose_name_plural = _("Links")
