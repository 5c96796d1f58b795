"""A contact request counts as delivered once the mail server accepted its mail; a published
entry reminds those who asked to take over a practice to link it (uebernahme_erinnerung.py)."""

from wagtail.signals import page_published

from kontakt.delivery import mark_delivered
from kontakt.models import MAIL_REFERENCE_PREFIX
from kontakt.uebernahme_erinnerung import remind_to_link
from plattform.mail import email_sent
from praxis.models import PraxisPage


def record_delivery(sender, reference: str, **kwargs) -> None:
    """email_sent receiver: mark the request the reference names as delivered."""
    number = reference.removeprefix(MAIL_REFERENCE_PREFIX)
    if reference.startswith(MAIL_REFERENCE_PREFIX) and number.isdigit():
        mark_delivered(int(number))


email_sent.connect(record_delivery, dispatch_uid="kontakt.record_delivery")


def remind_adopters(sender, instance, **kwargs) -> None:
    """page_published receiver: a newly published entry may be the take-over someone asked about."""
    if isinstance(instance, PraxisPage):
        remind_to_link(instance)


page_published.connect(remind_adopters, dispatch_uid="kontakt.remind_adopters")
