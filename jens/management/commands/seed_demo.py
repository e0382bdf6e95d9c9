import importlib
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from jens.demo import maak_demo_gebruikers

# Each app may have ``<app>/demo.py`` with ``seed(stdout)``; they run in dependency order.
DEMO_APPS = ("contracts", "financien", "staff", "complaints", "cases")


class Command(BaseCommand):
    help = "Laadt demodata (synthetisch, geen echte personen) en maakt één demogebruiker per rol."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ook in het productieprofiel uitvoeren.")

    def handle(self, *args, force: bool = False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("seed_demo draait niet in productie (gebruik --force als u dit echt wilt).")
        with transaction.atomic():
            gebruikers = maak_demo_gebruikers(os.environ.get("JENS_DEMO_WACHTWOORD") or None)
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demodata geladen. Demogebruikers (gebruikersnaam / rol / wachtwoord):"))
        for username, rol, pw in gebruikers:
            self.stdout.write(f"  {username:<22} {rol:<22} {pw}")
