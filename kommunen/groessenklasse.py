"""Size classes of German municipalities (BBSR thresholds), derived from Einwohner."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Groessenklasse(models.TextChoices):
    LANDGEMEINDE = "landgemeinde", _("Landgemeinde (unter 5.000)")
    KLEINSTADT = "kleinstadt", _("Kleinstadt (5.000 bis 19.999)")
    MITTELSTADT = "mittelstadt", _("Mittelstadt (20.000 bis 99.999)")
    GROSSSTADT = "grossstadt", _("Großstadt (ab 100.000)")
    LANDKREIS = "landkreis", _("Landkreis")


# Lower bound of each municipal class, largest first.
THRESHOLDS = (
    (100_000, Groessenklasse.GROSSSTADT),
    (20_000, Groessenklasse.MITTELSTADT),
    (5_000, Groessenklasse.KLEINSTADT),
    (0, Groessenklasse.LANDGEMEINDE),
)


def groessenklasse_for(typ: str, einwohner: int | None) -> str:
    """Return the size class of a Kommune of this typ with this many inhabitants."""
    if typ == "landkreis":
        return Groessenklasse.LANDKREIS
    for lower_bound, groessenklasse in THRESHOLDS:
        if (einwohner or 0) >= lower_bound:
            return groessenklasse
    raise ValueError(f"Einwohner must not be negative: {einwohner}")
