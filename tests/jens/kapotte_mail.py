from django.core.mail.backends.base import BaseEmailBackend


class KapotteBackend(BaseEmailBackend):
    """An e-mail backend whose server is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mailserver onbereikbaar")
