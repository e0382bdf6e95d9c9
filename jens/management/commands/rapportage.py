"""``manage.py rapportage 2023H1 [--gemeente heerlen] [--uitvoer pad.xlsx] [--html pad.html]``"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jens.dashboard.rapport import bouw_rapport, naar_html, naar_xlsx
from jens.dashboard.selectors import Filter
from jens.models import Gemeente
from jens.periode import Periode


class Command(BaseCommand):
    help = "Maakt de halfjaarrapportage (XLSX met een werkblad per tabel en/of afdrukbare HTML) voor een periode."

    def add_arguments(self, parser):
        parser.add_argument("periode", help="2023H1, 2023 of 2023-01-01..2023-06-30")
        parser.add_argument("--gemeente", default="", help="code van één gemeente (heerlen, landgraaf, voerendaal)")
        parser.add_argument(
            "--uitvoer", default="", help="pad van het XLSX-bestand (standaard halfjaarrapportage-<periode>.xlsx)"
        )
        parser.add_argument("--html", default="", help="pad van de afdrukbare HTML-versie")

    def handle(self, *args, periode: str, gemeente: str, uitvoer: str, html: str, **options):
        try:
            p = Periode.parse(periode)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        g = None
        if gemeente:
            g = Gemeente.objects.filter(code=gemeente).first()
            if g is None:
                raise CommandError(f"Onbekende gemeente: {gemeente}")
        start = time.monotonic()
        rapport = bouw_rapport(Filter(p, g), maskeren=False)
        if not uitvoer and not html:
            uitvoer = f"halfjaarrapportage-{p.label.replace('..', '_')}.xlsx"
        if uitvoer:
            Path(uitvoer).write_bytes(naar_xlsx(rapport))
            self.stdout.write(f"XLSX geschreven: {uitvoer} ({len(rapport.tabellen)} werkbladen)")
        if html:
            Path(html).write_text(naar_html(rapport), encoding="utf-8")
            self.stdout.write(f"HTML geschreven: {html}")
        for naam in rapport.ontbrekend:
            self.stderr.write(f"Ontbreekt (onderdeel niet in het rapport): {naam}")
        self.stdout.write(self.style.SUCCESS(f"Klaar in {time.monotonic() - start:.2f} s."))
