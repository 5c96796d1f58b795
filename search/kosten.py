"""The classes of yearly costs the `kosten` filter offers: both backends classify alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kostenrahmen(models.TextChoices):
    KEINE = "keine", _("keine Kosten (0 €)")
    BIS_1000 = "bis-1000", _("1 bis 1.000 €")
    BIS_10000 = "bis-10000", _("1.001 bis 10.000 €")
    UEBER_10000 = "ueber-10000", _("mehr als 10.000 €")
    UNBEKANNT = "unbekannt", _("keine Angabe")


def kostenrahmen(kosten_jahr_eur: int | None) -> str:
    """The class (its value) of an entry's yearly cost in whole euros; None: not stated."""
    if kosten_jahr_eur is None:
        return Kostenrahmen.UNBEKANNT.value
    if kosten_jahr_eur == 0:
        return Kostenrahmen.KEINE.value
    if kosten_jahr_eur <= 1_000:
        return Kostenrahmen.BIS_1000.value
    if kosten_jahr_eur <= 10_000:
        return Kostenrahmen.BIS_10000.value
    return Kostenrahmen.UEBER_10000.value
