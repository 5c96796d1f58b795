"""The vocabularies an entry is classified by: managed taxonomies and the status choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class Taxonomie(models.Model):
    """A managed list entry with a stable slug used by the exchange format."""

    name = models.CharField(_("Bezeichnung"), max_length=100, unique=True)
    slug = models.SlugField(
        _("Kürzel"),
        max_length=60,
        unique=True,
        help_text=_("Stabiles Kürzel für Austauschformat und Filter-Adressen; nicht mehr ändern."),
    )
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("beschreibung"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Handlungsfeld(Taxonomie):
    """A field of action of municipal integration work (Sprache, Wohnen, ...)."""

    class Meta(Taxonomie.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class Zielgruppe(Taxonomie):
    """A group an entry is meant for (Geflüchtete, Familien, ...)."""

    class Meta(Taxonomie.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class PraxisStatus(models.TextChoices):
    GEPLANT = "geplant", _("geplant")
    LAUFEND = "laufend", _("laufend")
    ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")
    VERSTETIGT = "verstetigt", _("verstetigt")


class Evidenz(models.TextChoices):
    """How well a practice is proven (AUSTAUSCHFORMAT.md, version 2): a level, not a score."""

    IDEE = "idee", _("Idee")
    ERPROBT = "erprobt", _("erprobt")
    AUSGEWERTET = "ausgewertet", _("ausgewertet")
    EVALUIERT = "evaluiert", _("extern evaluiert")

    @property
    def kriterium(self) -> str:
        """What the level means, for the legend on the page and the help in the editor."""
        return str(EVIDENZ_KRITERIEN[self])


EVIDENZ_KRITERIEN = {
    Evidenz.IDEE: _("geplant, noch nicht ausprobiert"),
    Evidenz.ERPROBT: _("durchgeführt, Erfahrungen sind aufgeschrieben"),
    Evidenz.AUSGEWERTET: _("eigene Auswertung mit Zahlen oder Rückmeldungen"),
    Evidenz.EVALUIERT: _("externe oder wissenschaftliche Evaluation, Bericht verlinkt"),
}
