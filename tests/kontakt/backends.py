"""The one fault the contact tests simulate: a mail server that refuses the connection."""

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """Like an SMTP server that is down: every send is refused."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
