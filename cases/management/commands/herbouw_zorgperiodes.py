import time

from django.core.management.base import BaseCommand

from cases.models import Klantreisdeel, Zorgperiode
from cases.zorgperiodes import herbouw


class Command(BaseCommand):
    help = (
        "Herbouw de zorgperiodes (waar de cliënttellingen op rekenen) en de klantreizen uit alle hulpvragen, "
        "set-gewijs."
    )

    def handle(self, *args, **options):
        start = time.monotonic()
        herbouw()
        self.stdout.write(
            f"{Zorgperiode.objects.count()} zorgperiodes en {Klantreisdeel.objects.count()} klantreisdelen "
            f"herbouwd in {time.monotonic() - start:.1f} s."
        )
