"""Import of the municipality register from a Destatis GV-ISys extract or the exchange CSV."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kommunen.models import Kommune
from kommunen.signals import kommunen_updated

from .read import read_file
from .records import Progress, RegisterImportError, format_count
from .upsert import ImportSummary, add_kreis_totals, load_stored, write_records
from .validate import validate_records

__all__ = ["SHIPPED_REGISTER", "ImportSummary", "RegisterImportError", "import_kommunen"]

# The official register the project ships (Destatis GV-ISys extract, dl-de/by-2-0; see
# kommunen/data/README.md): every Gemeinde and Kreis is known from the first start.
SHIPPED_REGISTER = Path(__file__).resolve().parents[1] / "data/gemeindeverzeichnis-gv-auszug.csv.gz"


def _silent(_text: str) -> None:
    """Progress sink for quiet runs."""


def import_kommunen(path: Path | str, progress: Progress | None = None) -> ImportSummary:
    """Read, validate and upsert a register file: all or nothing, RegisterImportError if bad."""
    report = progress or _silent
    parsed = read_file(Path(path), report)
    if not parsed.records and not parsed.errors:
        raise RegisterImportError(_("Die Datei enthält keine Kommunen."))
    with transaction.atomic():
        count = len(parsed.records)
        report(
            ngettext("Prüfe %(n)s Kommune …", "Prüfe %(n)s Kommunen …", count)
            % {"n": format_count(count)}
        )
        stored = load_stored()
        validate_records(parsed.records, stored, parsed.errors)
        if parsed.errors:
            raise RegisterImportError(parsed.errors.as_text())
        add_kreis_totals(parsed.records, stored)
        summary = write_records(parsed.records, stored, report)
        if summary.changed_ags:
            kommunen_updated.send(sender=Kommune, ags=summary.changed_ags)
        return summary
