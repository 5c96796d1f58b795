"""A contact request counts as delivered once the mail server accepted its mail."""

from kontakt.delivery import mark_delivered
from kontakt.models import MAIL_REFERENCE_PREFIX
from plattform.mail import email_sent


def record_delivery(sender, reference: str, **kwargs) -> None:
    """email_sent receiver: mark the request the reference names as delivered."""
    number = reference.removeprefix(MAIL_REFERENCE_PREFIX)
    if reference.startswith(MAIL_REFERENCE_PREFIX) and number.isdigit():
        mark_delivered(int(number))


email_sent.connect(record_delivery, dispatch_uid="kontakt.record_delivery")
