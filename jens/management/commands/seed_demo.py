import importlib
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from jens.demo import demo_totp_code, demo_totp_geheim, maak_demo_gebruikers
from jens.models import Signalering

# Each app may have ``<app>/demo.py`` with ``seed(stdout)``; they run in dependency order.
DEMO_APPS = ("jens", "contracts", "financien", "staff", "complaints", "cases")


def signaleer_alles() -> int:
    """Every app's signalering scan, as the periodic tasks run them, so the home pages are filled right after
    the seed. The demo's backlog is not e-mailed to the (invented) demo addresses: it counts as notified."""
    from cases.services import signaleer_te_laat
    from complaints.signaleringen import signaleer_klachten
    from contracts.signaleringen import signaleer_contracten
    from staff.signaleringen import sync_meldcode_signaleringen

    signaleer_contracten()
    sync_meldcode_signaleringen()
    signaleer_klachten()
    signaleer_te_laat()
    open_ = Signalering.objects.open()
    open_.filter(genotificeerd_op__isnull=True).update(genotificeerd_op=timezone.now())
    return open_.count()


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
            open_na_seed = signaleer_alles()
        self.stdout.write(
            f"Signaleringen: {open_na_seed} open (direct gescand, niet pas bij de eerste periodieke run)."
        )
        self.stdout.write(self.style.SUCCESS("Demodata geladen. Demogebruikers (gebruikersnaam / rol / wachtwoord):"))
        for username, rol, pw in gebruikers:
            self.stdout.write(f"  {username:<22} {rol:<22} {pw}")
        self.stdout.write(
            f"Tweede factor (TOTP) van alle demogebruikers, geheim: {demo_totp_geheim()}\n"
            "  zet het in een authenticator-app, of haal de code op met `python manage.py demo_totp`\n"
            f"  (of `oathtool --totp -b {demo_totp_geheim()}`); de code van nu: {demo_totp_code()}"
        )
