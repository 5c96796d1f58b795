"""What the Kreis overview shows: one row per Gemeinde, the Kreis's own row, entries, activity.

The shapes only; build.py fills them. The entry counts come from the praxis app through the hook
ENTRY_COUNTS_HOOK, so this app defines the shape (EntryCounts) and praxis fills it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrOrPromise

from kommunen.models.register import Kommune

# A function (kreis: Kommune, request: HttpRequest | None, limit: int) -> EntryCounts, registered
# by the praxis app (praxis/wagtail_hooks.py): the live public entries led by the Kreis and its
# Gemeinden, counted per Handlungsfeld, and the `limit` most recently published ones.
ENTRY_COUNTS_HOOK = "kreis_uebersicht_praxis"


@dataclass(frozen=True)
class Structure:
    """One integration structure, a column of the structures matrix."""

    key: str  # the JSON key of "strukturen"
    label: StrOrPromise  # CSV header and the screen reader's column name
    header: StrOrPromise  # column header on the page, with soft hyphens for narrow columns


STRUCTURES: tuple[Structure, ...] = (
    Structure(
        "integrationsbeauftragte",
        _("Integrationsbeauftragte:r"),
        _("Integrations\u00adbeauftragte:r"),
    ),
    Structure("koordinierungsstelle", _("Koordinierungsstelle"), _("Koordinierungs\u00adstelle")),
    Structure("integrationsbeirat", _("Integrationsbeirat"), _("Integrations\u00adbeirat")),
    Structure("integrationskonzept", _("Integrationskonzept"), _("Integrations\u00adkonzept")),
    Structure("runder_tisch", _("Runder Tisch"), _("Runder Tisch")),
    Structure("steuerungsgruppe", _("Steuerungsgruppe"), _("Steuerungs\u00adgruppe")),
    Structure("netzwerke", _("Netzwerke"), _("Netzwerke")),
    Structure(
        "migrantenselbstorganisationen",
        _("Migrantenselbstorganisationen"),
        _("Migranten\u00adselbst\u00adorganisationen"),
    ),
)


@dataclass(frozen=True)
class HandlungsfeldColumn:
    """One Handlungsfeld, a column of the entries matrix and a bar of the chart."""

    slug: str
    name: str


@dataclass(frozen=True)
class Activity:
    """A publication in the Kreis: an entry or a profile, first published or updated."""

    when: datetime
    kind: str  # "praxis" or "profil"
    title: str
    kommune: str  # the display name of the Kommune it belongs to
    url: str
    full_url: str
    first_publication: bool


@dataclass
class EntryCounts:
    """What the entries contribute (filled by the praxis app through ENTRY_COUNTS_HOOK)."""

    handlungsfelder: list[HandlungsfeldColumn] = field(default_factory=list)
    per_kommune: dict[int, dict[str, int]] = field(default_factory=dict)  # Kommune id -> slug -> n
    totals: dict[int, int] = field(default_factory=dict)  # Kommune id -> entries, each once
    recent: list[Activity] = field(default_factory=list)


@dataclass
class OverviewRow:
    """A Gemeinde (or the Kreis itself) with its structures and entries.

    `structures` holds True/False per Structure key, None where nothing is known: every key
    without a public profile, and Migrantenselbstorganisationen when the profile gives no number.
    """

    kommune: Kommune
    profile_url: str | None
    profile_full_url: str | None
    structures: dict[str, bool | None]
    details: dict[str, str]  # short words shown beside a ✓, e.g. "hauptamtlich", "3"
    entries: dict[str, int]
    entries_total: int

    @property
    def has_profile(self) -> bool:
        return self.profile_url is not None

    @property
    def cells(self) -> list[tuple[Structure, bool | None, str]]:
        """(structure, value, detail) in column order, for the template."""
        return [(s, self.structures[s.key], self.details.get(s.key, "")) for s in STRUCTURES]

    @property
    def entry_cells(self) -> list[int]:
        """The entries per Handlungsfeld in column order (`entries` is built in that order)."""
        return list(self.entries.values())


@dataclass
class KreisOverview:
    """Everything the page, the CSV files and the JSON answer show, computed once."""

    kreis: Kommune
    kreis_row: OverviewRow
    rows: list[OverviewRow]  # the Gemeinden of the register, by name
    handlungsfelder: list[HandlungsfeldColumn]
    totals: dict[str, int]  # slug -> entries of the whole Kreis (Gemeinden and the Kreis)
    entries_total: int
    activity: list[Activity]
    gaps: list[str] = field(default_factory=list)

    structures = STRUCTURES

    @property
    def profile_count(self) -> int:
        return sum(row.has_profile for row in self.rows)

    @property
    def entry_matrix_rows(self) -> list[OverviewRow]:
        """The Gemeinden the page's entries matrix lists: those with a profile or an entry
        (without a public profile a Gemeinde has, but for a rare unpublished parent, none)."""
        return [row for row in self.rows if row.has_profile or row.entries_total]

    @property
    def rows_without_entry_row(self) -> int:
        return len(self.rows) - len(self.entry_matrix_rows)

    @property
    def total_cells(self) -> list[int]:
        return [self.totals[column.slug] for column in self.handlungsfelder]
