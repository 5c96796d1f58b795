"""The search document of a Praxisbeispiel, with its lead Kommune denormalised."""

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags

from elasticsearch.dsl import Date, Document, Double, Integer, Keyword, Text

from kommunen.models import Kommune
from praxis.models import PraxisPage, PraxisPartner
from praxis.uebernahme import adopters_prefetch, adoption_count
from search.analysis import FUZZY_ANALYZER, INDEX_ANALYZER, SEARCH_ANALYZER
from search.kosten import kostenrahmen
from search.ranking import einwohner_log10, kreis_ags

# Raised whenever a field is added or changed: an index of an older version is rebuilt before
# it takes writes (search.indices), since its mapping lacks the field. 2: kosten, evidenz,
# foerderprogramme.
MAPPING_VERSION = 2


def _text(fields: dict | None = None, **kwargs) -> Text:
    """German text with an `unscharf` subfield of whole, folded words for typo tolerance."""
    subfields = {"unscharf": Text(analyzer=FUZZY_ANALYZER), **(fields or {})}
    return Text(
        analyzer=INDEX_ANALYZER, search_analyzer=SEARCH_ANALYZER, fields=subfields, **kwargs
    )


class PraxisDocument(Document):
    """One live, public PraxisPage; the document id is the page id."""

    page_id = Integer()
    austausch_id = Keyword()
    title = _text(index_options="offsets")
    kurzbeschreibung = _text(index_options="offsets")
    body = _text(index_options="offsets")
    uebertragbarkeit = _text()
    traeger = _text()
    personal = _text()
    foerderung = _text()  # the free-text funding and the names of the linked programmes
    tags = _text(fields={"roh": Keyword()})
    handlungsfelder = Keyword()
    handlungsfelder_labels = _text()
    zielgruppen = Keyword()
    zielgruppen_labels = _text()
    status = Keyword()
    kosten = Keyword()  # the class of the yearly cost (search.kosten)
    evidenz = Keyword()
    foerderprogramme = Keyword()  # slugs
    first_published_at = Date()
    stand = Date()  # last confirmed, else last published (praxis.stand.effective_stand)
    url = Keyword(index=False)
    kommune_ags = Keyword()
    kommune_name = _text()
    groessenklasse = Keyword()
    einwohner = Integer()
    einwohner_log10 = Double()
    bundesland = Keyword()
    kreis_ags = Keyword()
    verstaedterung = Integer()
    partner_ags = Keyword()
    uebernahmen = Integer()  # live, public adopters; re-indexed when an adopter changes
    kosten_jahr_eur = Integer()  # "ohne Kosten", "günstig" in a query (search.understanding)

    @classmethod
    def from_page(cls, page: PraxisPage) -> "PraxisDocument":
        """Build the document from a page (prefetched with `pages_for_index()` ideally)."""
        tags = [item.tag.name for item in page.tagged_items.all()]
        handlungsfelder = list(page.handlungsfelder.all())
        zielgruppen = list(page.zielgruppen.all())
        programmes = list(page.foerderprogramme.all())
        doc = cls(
            meta={"id": page.pk},
            page_id=page.pk,
            austausch_id=page.austausch_id,
            title=page.title,
            kurzbeschreibung=page.kurzbeschreibung,
            body=body_text(page),
            uebertragbarkeit=page.uebertragbarkeit,
            traeger=page.traeger,
            personal=page.personal,
            foerderung=funding_names(page, programmes),
            tags=tags,
            handlungsfelder=[h.slug for h in handlungsfelder],
            handlungsfelder_labels=[h.name for h in handlungsfelder],
            zielgruppen=[z.slug for z in zielgruppen],
            zielgruppen_labels=[z.name for z in zielgruppen],
            status=page.status,
            kosten=kostenrahmen(page.kosten_jahr_eur),
            evidenz=page.evidenz or None,
            foerderprogramme=[p.slug for p in programmes],
            first_published_at=page.first_published_at,
            stand=page.aktueller_stand,
            url=page.get_url() or "",
            partner_ags=[p.kommune.ags for p in page.partner.all()],
            uebernahmen=adoption_count(page),
            kosten_jahr_eur=page.kosten_jahr_eur,
        )
        if page.kommune:
            doc.set_kommune_fields(page.kommune)
        return doc

    def set_kommune_fields(self, kommune: Kommune) -> None:
        """Denormalise the lead Kommune's comparability features."""
        self.kommune_ags = kommune.ags
        self.kommune_name = kommune.anzeigename
        self.groessenklasse = kommune.groessenklasse
        self.einwohner = kommune.einwohner or 0
        self.einwohner_log10 = einwohner_log10(kommune.einwohner or 0)
        self.bundesland = kommune.bundesland
        self.kreis_ags = kreis_ags(kommune.ags)
        self.verstaedterung = kommune.verstaedterung


def funding_names(page: PraxisPage, programmes: list) -> list[str]:
    """The Förderung as text: the free-text sources and the names of the linked `programmes`,
    so that "AMIF" finds an entry that links the programme without naming it."""
    return [f.name for f in page.foerderungen.all()] + [p.name for p in programmes]


def body_text(page: PraxisPage) -> str:
    """The searchable text of the StreamField body, without markup."""
    field = PraxisPage._meta.get_field("body")
    parts = field.get_searchable_content(page.body)
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def pages_for_index() -> QuerySet:
    """Live, public entries with everything the document needs prefetched."""
    return (
        PraxisPage.objects.live()
        .public()
        .select_related("kommune")
        .prefetch_related(
            "handlungsfelder",
            "zielgruppen",
            "tagged_items__tag",
            "foerderungen",
            "foerderprogramme",
            Prefetch("partner", queryset=PraxisPartner.objects.select_related("kommune")),
            adopters_prefetch(),
        )
        .order_by("pk")
    )
