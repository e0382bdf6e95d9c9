"""Done when: with the demo data the 2023H1 report shows the published figures the demo reproduces.

The figures come from the staff and complaints demos, loaded with those apps' own demo functions (the full
``seed_demo`` also builds ~8,600 synthetic young people, which takes longer than this test needs)."""

import io
import re

import openpyxl
import pytest
from django.core.management import call_command

from jens.dashboard.rapport import bouw_rapport
from jens.dashboard.selectors import Filter
from jens.periode import Periode

pytestmark = pytest.mark.django_db


def test_halfjaarrapportage_2023h1_met_demodata(web_als, staff_demo, klachten_demo, tmp_path):
    # The management command: one sheet per table.
    xlsx, html = tmp_path / "2023H1.xlsx", tmp_path / "2023H1.html"
    call_command("rapportage", "2023H1", "--uitvoer", str(xlsx), "--html", str(html), stdout=io.StringIO())
    wb = openpyxl.load_workbook(xlsx)
    rapport = bouw_rapport(Filter(Periode.parse("2023H1")), maskeren=False)
    assert len(wb.sheetnames) == len(rapport.tabellen) >= 8
    assert [ws["A1"].value for ws in wb.worksheets] == [t.titel for t in rapport.tabellen]

    klachten = {r[0]: r[1:] for r in wb["Klachten per aard"].iter_rows(min_row=6, values_only=True)}
    assert klachten["Totaal"] == (18, 8)
    fte = {r[0]: r[1:5] for r in wb["Fte-bijlage"].iter_rows(min_row=6, values_only=True)}
    assert fte["30-06-2023"] == (121.9, 38.4, 9.1, 169.4)

    # The printable HTML shows the same figures in Dutch notation.
    tekst = html.read_text(encoding="utf-8")
    assert re.search(r'Totaal</th><td class="getal">18</td><td class="getal">8</td>', tekst)
    assert re.search(r'30-06-2023</th>(<td class="getal">[\d,]+</td>){3}<td class="getal">169,4</td>', tekst)

    # The dashboard tiles for management.
    pagina = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert re.search(r'id="tegel-klachten">.*?<div class="waarde">18</div>.*?2022H1: 8', pagina, re.S)
    assert re.search(r'id="tegel-fte">.*?<div class="waarde">169,4</div>', pagina, re.S)
