"""The gaps of a Kreis in words: where profiles, structures or entries are missing."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .data import KreisOverview, OverviewRow


def gaps_of(overview: KreisOverview) -> list[str]:
    """Sentences such as "12 Gemeinden ohne Profil" or "keine Einträge im Handlungsfeld Wohnen"."""
    return [*_profile_gaps(overview.rows), *_entry_gaps(overview)]


def _count(n: int) -> str:
    return number_format(n, force_grouping=True)


def _profile_gaps(rows: list[OverviewRow]) -> list[str]:
    with_profile = [row for row in rows if row.has_profile]
    sentences = []
    if without := len(rows) - len(with_profile):
        sentences.append(
            ngettext("%(n)s Gemeinde ohne Profil", "%(n)s Gemeinden ohne Profil", without)
            % {"n": _count(without)}
        )
    if missing := sum(not row.structures["integrationsbeauftragte"] for row in with_profile):
        sentences.append(
            ngettext(
                "%(n)s Gemeinde mit Profil ohne Integrationsbeauftragte:n",
                "%(n)s Gemeinden mit Profil ohne Integrationsbeauftragte:n",
                missing,
            )
            % {"n": _count(missing)}
        )
    if missing := sum(not row.structures["integrationskonzept"] for row in with_profile):
        sentences.append(
            ngettext(
                "%(n)s Gemeinde mit Profil ohne Integrationskonzept",
                "%(n)s Gemeinden mit Profil ohne Integrationskonzept",
                missing,
            )
            % {"n": _count(missing)}
        )
    if idle := sum(not row.entries_total for row in with_profile):
        sentences.append(
            ngettext(
                "%(n)s Gemeinde mit Profil ohne Praxisbeispiel",
                "%(n)s Gemeinden mit Profil ohne Praxisbeispiel",
                idle,
            )
            % {"n": _count(idle)}
        )
    return sentences


def _entry_gaps(overview: KreisOverview) -> list[str]:
    if not overview.handlungsfelder:
        return []
    if not overview.entries_total:
        return [_("noch keine Praxisbeispiele im Kreis")]
    return [
        _("keine Einträge im Handlungsfeld %(handlungsfeld)s") % {"handlungsfeld": column.name}
        for column in overview.handlungsfelder
        if not overview.totals[column.slug]
    ]
