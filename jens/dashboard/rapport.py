"""The half-year report: every table of the dashboard for one period (and optionally one municipality),
as one XLSX file (a sheet per table) and as printable HTML (app.css with its ``@media print`` rules, inlined).

``bouw_rapport`` computes the parts one by one; it reports progress after each part and, with a time budget,
stops with ``BudgetOverschreden`` as soon as the budget is spent, so the caller can hand the job to Celery.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from jens.dashboard import selectors as s
from jens.dashboard.weergave import blokken, maskeer_cellen, onderdeel_weergave
from jens.eenmalig import opbouw
from jens.getallen import xlsx_formaat

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = {"xlsx": (XLSX_MIME, "xlsx"), "html": ("text/html; charset=utf-8", "html")}


class BudgetOverschreden(Exception):
    """Producing the report takes longer than the synchronous time budget."""


@dataclass
class Rapport:
    filter: s.Filter
    maskeren: bool
    onderdelen: list[s.Onderdeel] = field(default_factory=list)
    duur_seconden: float = 0.0

    @property
    def gemeente_label(self) -> str:
        return self.filter.gemeente.naam if self.filter.gemeente else "Heerlen, Landgraaf en Voerendaal"

    @property
    def tabellen(self) -> list[s.Tabel]:
        return [
            t
            for o in self.onderdelen
            for t in o.tabellen
            if t.in_rapport and not (self.maskeren and t.alleen_onbeperkt)
        ]

    @property
    def ontbrekend(self) -> list[str]:
        return [naam for o in self.onderdelen for naam in o.ontbreekt]


def bouw_rapport(
    f: s.Filter,
    *,
    maskeren: bool,
    budget_seconden: float | None = None,
    voortgang: Callable[[int], None] | None = None,
) -> Rapport:
    """Compute every part of the report; ``voortgang(pct)`` after each part; ``BudgetOverschreden`` when the budget
    is spent before the last part is done."""
    start = time.monotonic()
    rapport = Rapport(f, maskeren)
    stappen = s.ONDERDELEN
    with opbouw():
        for i, maak in enumerate(stappen, start=1):
            rapport.onderdelen.append(maak(f))
            verstreken = time.monotonic() - start
            if budget_seconden is not None and verstreken > budget_seconden and i < len(stappen):
                raise BudgetOverschreden(f"{verstreken:.2f} s na {i} van {len(stappen)} onderdelen")
            if voortgang:
                voortgang(int(i * 90 / len(stappen)))
    rapport.duur_seconden = time.monotonic() - start
    return rapport


def bestandsnaam(rapport: Rapport, formaat: str) -> str:
    deel = rapport.filter.gemeente.code if rapport.filter.gemeente else "hlv"
    periode = re.sub(r"[^0-9A-Za-z-]+", "_", rapport.filter.periode.label)
    return f"halfjaarrapportage-{periode}-{deel}.{FORMATEN[formaat][1]}"


# --- XLSX -----------------------------------------------------------------------------------------------------

BLADNAMEN = {
    "clienten_per_gemeente": "Cliënten per gemeente",
    "wachtlijst": "Wachtlijst per gebied",
    "klachten_per_aard": "Klachten per aard",
    "klachten_kengetallen": "Klachten afhandeling",
    "fte": "Fte-bijlage",
    "meldcode_scholing": "Meldcode-scholing",
    "transformatie": "Transformatie en gesprekken",
    "kleine_aanbieders": "Kleine aanbieders (4%)",
    "kleine_aanbieders_lijst": "Kleine aanbieders besteding",
    "aanbieders_aantallen": "Aanbieders per soort (aantal)",
    "aanbieders_per_soort": "Aanbieders per soort (bijlage)",
}


def _bladnaam(titel: str, gebruikt: set[str]) -> str:
    basis = re.sub(r"[\[\]:*?/\\]", "-", titel)[:31].strip() or "Tabel"
    naam, n = basis, 2
    while naam.lower() in gebruikt:
        achtervoegsel = f" ({n})"
        naam, n = basis[: 31 - len(achtervoegsel)] + achtervoegsel, n + 1
    gebruikt.add(naam.lower())
    return naam


def naar_xlsx(rapport: Rapport) -> bytes:
    """One sheet per table: title, period and scope at the top, then a header row and the rows. Written with
    XlsxWriter (about twice as fast as openpyxl for the national report's 12,600 rows); every string is written
    as text, so a name such as "=HYPERLINK(...)" never becomes a formula."""
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    titel = wb.add_format({"bold": True, "font_size": 13})
    kopcel = wb.add_format({"bold": True, "bg_color": "#EEF3F8", "text_wrap": True, "valign": "top"})
    getalformaten: dict[str, object] = {}

    def getalformaat(formaat: str):
        if formaat not in getalformaten:
            getalformaten[formaat] = wb.add_format({"num_format": formaat})
        return getalformaten[formaat]

    gebruikt: set[str] = set()
    kop = 4  # the header row, counted from 0 (row 5 in Excel)
    for tabel in rapport.tabellen:
        ws = wb.add_worksheet(_bladnaam(tabel.blad or BLADNAMEN.get(tabel.sleutel) or tabel.titel, gebruikt))
        ws.write_string(0, 0, tabel.titel, titel)
        ws.write_string(1, 0, f"Periode {rapport.filter.periode.label} — {rapport.gemeente_label}")
        if tabel.toelichting:
            ws.write_string(2, 0, tabel.toelichting)
        for c, kolom in enumerate(tabel.kolommen):
            ws.write_string(kop, c, kolom.titel, kopcel)
            ws.set_column(c, c, 48 if c == 0 else 18)
        for r, rij in enumerate(maskeer_cellen(tabel, rapport.maskeren), start=kop + 1):
            # The same cells hidden as on the page (weergave.maskeer_cellen), the same decimals (jens.getallen).
            for c, (waarde, soort, vervanging) in enumerate(rij):
                if vervanging is not None:
                    waarde, soort = vervanging, ""
                if waarde == "" or waarde is None:
                    continue
                if soort == "janee":
                    ws.write_string(r, c, "ja" if waarde else "nee")
                elif isinstance(waarde, bool):
                    ws.write_boolean(r, c, waarde)
                elif isinstance(waarde, int | float | Decimal):
                    formaat = xlsx_formaat(waarde, soort)
                    ws.write_number(r, c, float(waarde), getalformaat(formaat) if formaat else None)
                elif isinstance(waarde, datetime):
                    ws.write_datetime(r, c, waarde, getalformaat("dd-mm-yyyy hh:mm"))
                elif isinstance(waarde, date):
                    ws.write_datetime(r, c, waarde, getalformaat("dd-mm-yyyy"))
                else:
                    ws.write_string(r, c, str(waarde))
        ws.freeze_panes(kop + 1, 0)
    if not rapport.tabellen:
        wb.add_worksheet("Geen gegevens").write_string(0, 0, "Er zijn nog geen onderdelen beschikbaar.")
    wb.close()
    return buffer.getvalue()


# --- HTML -----------------------------------------------------------------------------------------------------


def _stijl() -> str:
    pad = finders.find("jens/app.css")
    if not pad:  # pragma: no cover - app.css is part of the project
        return ""
    with open(pad, encoding="utf-8") as bestand:
        return bestand.read()


def stijl_csp_bron() -> str:
    """The Content-Security-Policy source that allows exactly the printable report's inline stylesheet."""
    digest = hashlib.sha256(_stijl().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def naar_html(rapport: Rapport) -> str:
    """A self-contained printable HTML document (the project's stylesheet, print rules included, inline)."""
    onderdelen = []
    for o in rapport.onderdelen:
        w = onderdeel_weergave(o, rapport.maskeren)
        sleutels = {t.sleutel for t in o.tabellen if t.in_rapport}
        w["tabellen"] = [t for t in w["tabellen"] if t["sleutel"] in sleutels]
        w["blokken"] = blokken(w["grafiek_tabellen"], w["tabellen"])
        onderdelen.append(w)
    return render_to_string(
        "dashboard/rapport_afdruk.html",
        {
            "rapport": rapport,
            "onderdelen": onderdelen,
            "stijl": _stijl(),
            "gemaakt_op": timezone.localtime(),
            "afdruk": True,  # tables unfolded: a closed <details> does not print
        },
    )


def exporteer(rapport: Rapport, formaat: str) -> bytes:
    if formaat == "xlsx":
        return naar_xlsx(rapport)
    return naar_html(rapport).encode("utf-8")
