"""Import of the municipality register from a Destatis GV-ISys extract or the exchange CSV."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kommunen.models import Kommune
from kommunen.signals import kommunen_updated

from .read import lies_datei
from .records import Fortschritt, ImportFehler, zahl
from .upsert import Bilanz, ergaenze_kreissummen, lade_bestand, schreibe
from .validate import pruefe

__all__ = ["Bilanz", "ImportFehler", "import_kommunen"]


def _still(_text: str) -> None:
    """Progress sink for quiet runs."""


def import_kommunen(pfad: Path | str, fortschritt: Fortschritt | None = None) -> Bilanz:
    """Read, validate and upsert a register file; all or nothing (ImportFehler if a line is bad)."""
    melde = fortschritt or _still
    auszug = lies_datei(Path(pfad), melde)
    if not auszug.datensaetze and not auszug.fehler:
        raise ImportFehler(_("Die Datei enthält keine Kommunen."))
    with transaction.atomic():
        melde(_("Prüfe %(n)s Kommunen …") % {"n": zahl(len(auszug.datensaetze))})
        bestand = lade_bestand()
        pruefe(auszug.datensaetze, bestand, auszug.fehler)
        if auszug.fehler:
            raise ImportFehler(auszug.fehler.als_text())
        ergaenze_kreissummen(auszug.datensaetze, bestand)
        bilanz = schreibe(auszug.datensaetze, bestand, melde)
        if bilanz.geaenderte_ags:
            kommunen_updated.send(sender=Kommune, ags=bilanz.geaenderte_ags)
        return bilanz
