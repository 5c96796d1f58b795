"""Pending index work, so that nothing is lost while the search engine is down."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexAuftrag(models.Model):
    """A page whose search document must be brought in line with the database.

    Whether it is upserted or deleted is decided when the work is done, from the page's state.
    """

    page_id = models.PositiveIntegerField(_("Seiten-ID"), unique=True)
    angelegt = models.DateTimeField(_("angelegt"), auto_now_add=True)
    aktualisiert = models.DateTimeField(_("aktualisiert"), auto_now=True)
    versuche = models.PositiveIntegerField(_("Versuche"), default=0)
    letzter_fehler = models.TextField(_("letzter Fehler"), blank=True)

    class Meta:
        verbose_name = _("Index-Auftrag")
        verbose_name_plural = _("Index-Aufträge")
        ordering = ["angelegt"]

    def __str__(self) -> str:
        return f"Seite {self.page_id}"
