"""Writing Records into the register: an upsert by AGS in batches, Landkreise first."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kommunen.groessenklasse import groessenklasse_for
from kommunen.models.register import Kommune, KommuneTyp, anzeigename_from

from .records import EXTRA_FIELDS, PROGRESS_EVERY, Progress, Record, format_count

BASE_FIELDS = (
    "name",
    "anzeigename",
    "typ",
    "einwohner",
    "bundesland",
    "kreis_id",
    "groessenklasse",
)


@dataclass
class ImportSummary:
    """What an import did, for the summary line."""

    gemeinden: int = 0
    landkreise: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changed_ags: list[str] = field(default_factory=list, repr=False)

    def summary_line(self) -> str:
        """E.g. "11.004 Gemeinden, 294 Landkreise: 11.298 neu, 0 aktualisiert, 0 unverändert."."""
        counts = {
            "neu": format_count(self.created),
            "aktualisiert": format_count(self.updated),
            "unveraendert": format_count(self.unchanged),
        }
        outcome = _("%(neu)s neu, %(aktualisiert)s aktualisiert, %(unveraendert)s unverändert.")
        kommunen = f"{gemeinden_text(self.gemeinden)}, {landkreise_text(self.landkreise)}"
        return f"{kommunen}: {outcome % counts}"


def gemeinden_text(count: int) -> str:
    """E.g. "1 Gemeinde", "11.004 Gemeinden"."""
    return ngettext("%(n)s Gemeinde", "%(n)s Gemeinden", count) % {"n": format_count(count)}


def landkreise_text(count: int) -> str:
    """E.g. "1 Landkreis", "294 Landkreise"."""
    return ngettext("%(n)s Landkreis", "%(n)s Landkreise", count) % {"n": format_count(count)}


def load_stored() -> dict[str, dict]:
    """Every stored Kommune as a dict of the imported fields, keyed by AGS."""
    fields = ("id", "ags", *BASE_FIELDS, *EXTRA_FIELDS)
    return {values["ags"]: values for values in Kommune.objects.values(*fields).iterator(2_000)}


def add_kreis_totals(records: list[Record], stored: dict[str, dict]) -> None:
    """Give the file's Landkreise the sum of their Gemeinden (file and database) as figures.

    Einwohner only where the file gave none; Fläche whenever some Gemeinde has one."""
    ags_by_id = {values["id"]: ags for ags, values in stored.items()}
    figures = {
        ags: (ags_by_id.get(values["kreis_id"]), values["einwohner"], values["flaeche_km2"])
        for ags, values in stored.items()
        if values["kreis_id"]
    }
    for record in records:
        flaeche = record.extra.get("flaeche_km2", stored.get(record.ags, {}).get("flaeche_km2"))
        figures[record.ags] = (record.kreis_ags, record.einwohner, flaeche)
    einwohner: defaultdict[str | None, int] = defaultdict(int)
    flaechen: defaultdict[str | None, Decimal] = defaultdict(Decimal)
    for kreis, count, flaeche in figures.values():
        einwohner[kreis] += count or 0
        if flaeche is not None:
            flaechen[kreis] += flaeche
    for record in records:
        if record.typ != KommuneTyp.LANDKREIS:
            continue
        if record.einwohner is None:
            record.einwohner = einwohner[record.ags]
        if record.ags in flaechen:
            record.extra["flaeche_km2"] = flaechen[record.ags]


def write_records(
    records: list[Record], stored: dict[str, dict], progress: Progress
) -> ImportSummary:
    """Create or update the Records; unchanged Kommunen are not written at all."""
    summary = ImportSummary()
    kreise = [record for record in records if record.typ == KommuneTyp.LANDKREIS]
    gemeinden = [record for record in records if record.typ != KommuneTyp.LANDKREIS]
    summary.landkreise, summary.gemeinden = len(kreise), len(gemeinden)
    _write_group(kreise, stored, {}, summary, progress, landkreise_text)
    kreis_ags = {record.kreis_ags for record in gemeinden if record.kreis_ags}
    kreis_ids = dict(Kommune.objects.filter(ags__in=kreis_ags).values_list("ags", "id"))
    _write_group(gemeinden, stored, kreis_ids, summary, progress, gemeinden_text)
    return summary


def _write_group(
    records: list[Record],
    stored: dict[str, dict],
    kreis_ids: dict[str, int],
    summary: ImportSummary,
    progress: Progress,
    counted: Callable[[int], str],
) -> None:
    to_write: dict[tuple[str, ...], list[Kommune]] = defaultdict(list)
    for record in records:
        old = stored.get(record.ags)
        values = target_values(record, old, kreis_ids)
        if old and all(old[name] == value for name, value in values.items()):
            summary.unchanged += 1
            continue
        summary.created += old is None
        if old is not None:
            summary.updated += 1
            summary.changed_ags.append(record.ags)
        to_write[tuple(values)].append(Kommune(ags=record.ags, **values))
    total = sum(len(kommunen) for kommunen in to_write.values())
    progress(_("Schreibe %(was)s …") % {"was": counted(total)})
    written = 0
    for fields, kommunen in to_write.items():
        for start in range(0, len(kommunen), PROGRESS_EVERY):
            _upsert(kommunen[start : start + PROGRESS_EVERY], fields)
            written += len(kommunen[start : start + PROGRESS_EVERY])
            progress(f"  {format_count(written)} / {counted(total)}")


def _upsert(kommunen: list[Kommune], fields: tuple[str, ...]) -> None:
    Kommune.objects.bulk_create(
        kommunen,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["ags"],
        update_fields=[name.removesuffix("_id") for name in fields],
    )


def target_values(record: Record, old: dict | None, kreis_ids: dict[str, int]) -> dict:
    """The field values a Kommune gets from this Record (groessenklasse included)."""
    anzeigename = record.anzeigename
    if anzeigename is None:  # keep a display name edited on the platform
        kept = old and old["name"] == record.name and old["anzeigename"]
        anzeigename = kept or anzeigename_from(record.name)
    return {
        "name": record.name,
        "anzeigename": anzeigename,
        "typ": record.typ,
        "einwohner": record.einwohner,
        "bundesland": record.bundesland,
        "kreis_id": kreis_ids[record.kreis_ags] if record.kreis_ags else None,
        "groessenklasse": groessenklasse_for(record.typ, record.einwohner),
        **record.extra,
    }
