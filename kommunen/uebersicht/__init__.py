"""The Kreis overview: a Landkreis's Gemeinden, their structures, entries and gaps at a glance.

Served at `<Landkreis profile url>uebersicht/` (routes of LandkreisPage) with two CSV downloads,
and as JSON at /api/v1/kreise/<AGS>/uebersicht/ (kommunen/api.py). The entries come from the
praxis app through the `kreis_uebersicht_praxis` hook (see data.ENTRY_COUNTS_HOOK), so kommunen
never imports praxis.
"""

from .build import build_overview
from .data import (
    ENTRY_COUNTS_HOOK,
    STRUCTURES,
    Activity,
    EntryCounts,
    HandlungsfeldColumn,
    KreisOverview,
    OverviewRow,
)

__all__ = [
    "ENTRY_COUNTS_HOOK",
    "STRUCTURES",
    "Activity",
    "EntryCounts",
    "HandlungsfeldColumn",
    "KreisOverview",
    "OverviewRow",
    "build_overview",
]
