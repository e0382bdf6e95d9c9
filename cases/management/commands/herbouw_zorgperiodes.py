import time

from django.core.management.base import BaseCommand

from cases.models import Zorgperiode
from cases.zorgperiodes import herbouw


class Command(BaseCommand):
    help = "Herbouw de zorgperiodes (waar de cliënttellingen op rekenen) uit alle hulpvragen, set-gewijs."

    def handle(self, *args, **options):
        start = time.monotonic()
        herbouw()
        self.stdout.write(f"{Zorgperiode.objects.count()} zorgperiodes herbouwd in {time.monotonic() - start:.1f} s.")
