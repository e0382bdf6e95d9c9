"""An e-mail backend that always fails, as an unreachable SMTP server does."""

from django.core.mail.backends.base import BaseEmailBackend


class KapotteMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP-server onbereikbaar")
