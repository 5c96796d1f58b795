"""Keep the denormalised lead Kommune of an entry in step with the page tree."""

from django.dispatch import receiver

from wagtail.signals import post_page_move

from praxis.models import PraxisPage


@receiver(post_page_move)
def update_lead_kommune(sender, instance, **kwargs) -> None:
    """A moved entry (or a moved profile with its entries) gets its new lead Kommune."""
    moved = PraxisPage.objects.descendant_of(instance, inclusive=True)
    for page in moved.specific():
        kommune = page.lead_kommune()
        if page.kommune_id != getattr(kommune, "pk", None):
            PraxisPage.objects.filter(pk=page.pk).update(kommune=kommune)
