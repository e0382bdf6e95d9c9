from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jens.demo import demo_totp_code


class Command(BaseCommand):
    help = "Toont de TOTP-code van nu voor de demogebruikers (alleen buiten het productieprofiel)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("demo_totp draait niet in productie.")
        self.stdout.write(demo_totp_code())
