"""The record of reminder mails about entries whose Stand is old, so that reminding is
idempotent: a second run of `erinnerungen_senden` the same day or month sends nothing new."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StandErinnerung(models.Model):
    """One reminder about one entry: when it went out and to how many editors."""

    page = models.ForeignKey(
        "praxis.PraxisPage",
        verbose_name=_("Praxisbeispiel"),
        on_delete=models.CASCADE,
        related_name="stand_erinnerungen",
    )
    gesendet_am = models.DateTimeField(_("gesendet am"), default=timezone.now, db_index=True)
    empfaenger = models.PositiveIntegerField(_("Zahl der Empfänger"), default=0)

    class Meta:
        verbose_name = _("Erinnerung an den Stand")
        verbose_name_plural = _("Erinnerungen an den Stand")
        ordering = ["-gesendet_am"]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.gesendet_am:%Y-%m-%d}"
