"""Funding programmes seen with the public entries that used them: the programme list, a
Kommune's "Förderprogramme in <Land>" and a programme's own page.

Running programmes come before ended ones everywhere: a reader looks for money they can still
apply for; ended programmes stay listed for the entries that were paid from them.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import ngettext

from kommunen.models import Bundesland

from .models import Foerderprogramm, FoerderTraeger, PraxisPage
from .models.pages import PraxisPageQuerySet

ENTRIES_SHOWN = 3
TRAEGER_ORDER = list(FoerderTraeger.values)  # EU, Bund, Land, Stiftung, Sonstige

ProgrammeLink = PraxisPage.foerderprogramme.through


@dataclass(frozen=True)
class ProgrammeUse:
    """A programme, how many public entries used it and the first few of them."""

    programme: Foerderprogramm
    anzahl: int
    entries: list[PraxisPage] = field(default_factory=list)
    beendet: bool = False


@dataclass(frozen=True)
class ProgrammeGroup:
    """The programmes of one Träger (a Land's programmes: of one Land) on the list page."""

    title: str
    uses: list[ProgrammeUse]


def public_entries() -> PraxisPageQuerySet:
    """Live entries without a view restriction: what public pages may show."""
    return PraxisPage.objects.live().public()


def entries_of(programme: Foerderprogramm) -> PraxisPageQuerySet:
    """The public entries that name this programme, newest first, ready for cards."""
    return (
        public_entries()
        .filter(foerderprogramme=programme)
        .for_cards()
        .order_by("-first_published_at", "title")
    )


def programme_uses(
    programmes: list[Foerderprogramm], land: str = "", shown: int = ENTRIES_SHOWN
) -> list[ProgrammeUse]:
    """Each programme with its number of public entries and up to `shown` of them (those of
    `land` first), running programmes first; three queries (the view restrictions, the counts,
    the examples), however many programmes and entries."""
    links = ProgrammeLink.objects.filter(
        foerderprogramm__in=programmes, praxispage__in=public_entries()
    )
    counts = _entry_counts(links)
    examples = _first_entries(links, land, shown) if shown else {}
    today = timezone.localdate()
    uses = [
        ProgrammeUse(p, counts.get(p.pk, 0), examples.get(p.pk, []), p.beendet(today))
        for p in programmes
    ]
    return sorted(uses, key=lambda use: use.beendet)  # stable: keeps the programmes' order


def uses_in_land(land: str) -> list[ProgrammeUse]:
    """The programmes open to Kommunen of this Land: its own first, then the federal and EU
    ones, each with the entries that used it."""
    programmes = sorted(
        Foerderprogramm.objects.in_land(land),
        key=lambda p: (p.traeger != FoerderTraeger.LAND, TRAEGER_ORDER.index(p.traeger), p.name),
    )
    return programme_uses(programmes, land)


def grouped_uses(land: str = "") -> tuple[list[ProgrammeGroup], list[ProgrammeUse]]:
    """The running programmes grouped by Träger (a Land's by Land), and the ended ones after
    them; with `land`, only those open to Kommunen of that Land."""
    programmes = Foerderprogramm.objects.in_land(land) if land else Foerderprogramm.objects.all()
    ordered = sorted(programmes, key=lambda p: (_group_key(p), p.name))
    uses = programme_uses(ordered, land, shown=0)
    running = [use for use in uses if not use.beendet]
    groups = []
    for _key, members in groupby(running, key=lambda use: _group_key(use.programme)):
        members_list = list(members)
        groups.append(ProgrammeGroup(_group_title(members_list[0].programme), members_list))
    return groups, [use for use in uses if use.beendet]


def _group_key(programme: Foerderprogramm) -> tuple[int, int, str]:
    """EU, Bund, then one group per Land (in AGS order), Stiftung, Sonstige."""
    rank = TRAEGER_ORDER.index(programme.traeger)
    if programme.traeger != FoerderTraeger.LAND or programme.bundesweit:
        return rank, -1, ""
    return rank, Bundesland.values.index(programme.laender_codes[0]), programme.laender


def _group_title(programme: Foerderprogramm) -> str:
    """ "EU", "Bund", … or, for a Land's programmes, "Land Bayern"."""
    if programme.traeger != FoerderTraeger.LAND or programme.bundesweit:
        return str(programme.get_traeger_display())
    laender = programme.laender_codes
    title = ngettext("Land %(laender)s", "Länder %(laender)s", len(laender))
    return title % {"laender": programme.geltungsbereich}


def _entry_counts(links: QuerySet) -> dict[int, int]:
    rows = links.values("foerderprogramm").annotate(anzahl=Count("praxispage", distinct=True))
    return {row["foerderprogramm"]: row["anzahl"] for row in rows}


def _first_entries(links: QuerySet, land: str, shown: int) -> dict[int, list[PraxisPage]]:
    """Per programme the first `shown` public entries: of Kommunen in `land` first, then by
    title. A window function numbers them per programme, so no more rows are loaded."""
    same_land = Case(
        When(praxispage__kommune__bundesland=land, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = (
        links.annotate(
            rang=Window(
                RowNumber(),
                partition_by=[F("foerderprogramm")],
                order_by=[same_land.asc(), F("praxispage__title").asc()],
            )
        )
        .filter(rang__lte=shown)
        .select_related("praxispage__kommune")
        .order_by("foerderprogramm", "rang")
    )
    examples: dict[int, list[PraxisPage]] = {}
    for row in rows:
        examples.setdefault(row.foerderprogramm_id, []).append(row.praxispage)
    return examples
