from django.conf import settings
from django.core.management.base import BaseCommand

from jens.toegangslog import opschonen


class Command(BaseCommand):
    help = "Bewaartermijn: verwijdert regels van het toegangslog ouder dan JENS_TOEGANGSLOG_BEWAAR_JAREN (standaard 5)."

    def handle(self, *args, **options):
        aantal = opschonen()
        self.stdout.write(
            f"{aantal} regels ouder dan {settings.JENS_TOEGANGSLOG_BEWAAR_JAREN} jaar uit het toegangslog verwijderd."
        )
