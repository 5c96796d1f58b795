"""New profiles get their editorial group (and, for a Landkreis, its review workflow) at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from kommunen.models import KommunePage, LandkreisPage
from kommunen.permissions import ensure_kommune_redaktion, ensure_kreis_koordination


@receiver(post_save, sender=KommunePage)
def kommune_redaktion_anlegen(sender, instance: KommunePage, created: bool, raw=False, **kwargs):
    if created and not raw:
        ensure_kommune_redaktion(instance)


@receiver(post_save, sender=LandkreisPage)
def kreis_koordination_anlegen(sender, instance: LandkreisPage, created: bool, raw=False, **kwargs):
    if created and not raw:
        ensure_kreis_koordination(instance)
