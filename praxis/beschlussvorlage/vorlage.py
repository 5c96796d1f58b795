"""What a Beschlussvorlage is written from: the entry, the Kommune it is written for, and the
facts around the entry that the sections read (programmes, partners, transfers, addresses)."""

from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from django_stubs_ext import StrOrPromise

from kommunen.models import Bundesland, Kommune, KommuneTyp
from praxis import uebernahme
from praxis.models import Foerderprogramm, PraxisPage

# The council that decides, by the type of the Kommune; Land constitutions name it differently
# (Stadtverordnetenversammlung, Rat), and the document is editable.
GREMIEN: dict[str, StrOrPromise] = {
    KommuneTyp.STADT: gettext_lazy("Stadtrat"),
    KommuneTyp.KREISFREIE_STADT: gettext_lazy("Stadtrat"),
    KommuneTyp.LANDKREIS: gettext_lazy("Kreistag"),
}
DEFAULT_GREMIUM = gettext_lazy("Gemeinderat")


@dataclass(frozen=True)
class Vorlage:
    """A Beschlussvorlage of `page` for `kommune` (None: for any reader), made on `erstellt`."""

    page: PraxisPage
    kommune: Kommune | None
    request: HttpRequest
    erstellt: date
    plattform: str

    @property
    def lead(self) -> Kommune | None:
        return self.page.kommune

    @property
    def fuer_lead(self) -> bool:
        """Written for the lead Kommune itself: a continuation, not an introduction."""
        return self.kommune is not None and self.kommune.pk == self.page.kommune_id

    @property
    def land(self) -> str | None:
        """The Land whose programmes apply: the reader's, else the lead Kommune's."""
        kommune = self.kommune or self.lead
        return kommune.bundesland if kommune else None

    @property
    def land_name(self) -> str:
        return Bundesland(self.land).label if self.land else ""

    @property
    def gremium(self) -> str:
        name = GREMIEN.get(self.kommune.typ, DEFAULT_GREMIUM) if self.kommune else DEFAULT_GREMIUM
        return str(name)

    @property
    def ziel(self) -> str:
        """Where the practice is to be introduced, as the running text says it."""
        return self.kommune.anzeigename if self.kommune else _("unserer Kommune")

    def url(self, page: PraxisPage) -> str:
        return page.get_full_url(self.request) or ""

    @property
    def entry_url(self) -> str:
        return self.url(self.page)

    @property
    def contact_url(self) -> str:
        """The entry's contact form, which mails the people behind it without showing an address."""
        return self.entry_url + self.page.reverse_subpage("kontakt")

    def programmes(self) -> tuple[list[Foerderprogramm], list[Foerderprogramm]]:
        """The entry's funding programmes that apply in the Land, and those that apply elsewhere."""
        programmes = list(self.page.foerderprogramme.all())
        if self.land is None:
            return programmes, []
        applying = [programme for programme in programmes if programme.gilt_in(self.land)]
        return applying, [programme for programme in programmes if programme not in applying]

    def open_programmes(self) -> list[Foerderprogramm]:
        """The applying programmes a Kommune can still apply to (not past their end date)."""
        applying, _elsewhere = self.programmes()
        return [programme for programme in applying if not programme.beendet(self.erstellt)]

    def partners(self) -> list[Kommune]:
        """The partner Kommunen as the entry's page lists them: all but those that declined."""
        partnerships = self.page.partner.filter(abgelehnt_am__isnull=True).select_related("kommune")
        return [partnership.kommune for partnership in partnerships]

    def adoptions(self) -> list[uebernahme.Adoption]:
        return uebernahme.adoptions(self.page)

    def original(self) -> PraxisPage | None:
        return uebernahme.original(self.page)
