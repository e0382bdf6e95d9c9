"""The dashboard and the report with the staff demo: the published FTE figures, charts, and no employee names."""

import io
import re

import openpyxl
import pytest

from staff.models import Medewerker

pytestmark = pytest.mark.django_db


def test_management_ziet_fte_juni_2023_van_169_4_met_grafiek_en_tabel(web_als, staff_demo):
    response = web_als("management").get("/dashboard/", {"periode": "2023H1"})
    assert response.status_code == 200
    html = response.content.decode()
    tegel = re.search(r'<li class="tegel[^"]*" id="tegel-fte">(.*?)</li>', html, re.S).group(1)
    assert "Fte op 30-06-2023" in tegel and '<div class="waarde">169,4</div>' in tegel
    assert "+8,9%" in tegel or "+8,8%" in tegel  # published: +8,8% (from rounded figures)
    fte = re.search(r'<svg[^>]*id="grafiek-fte".*?</svg>', html, re.S).group(0)
    assert "<title" in fte and "<desc" in fte and fte.count("<polyline") == 3
    tabel = re.search(r'<table class="tabel" id="tabel-fte">.*?</table>', html, re.S).group(0)
    assert re.search(
        r"30-06-2023</th><td class=\"getal\">121,9</td><td class=\"getal\">38,4</td>"
        r"<td class=\"getal\">9,1</td><td class=\"getal\">169,4</td>",
        tabel,
    )


def test_gemeente_ziet_alleen_de_eigen_fte_en_geen_namen_van_medewerkers(web_als, staff_demo):
    response = web_als("gemeente", gemeenten=["heerlen"]).get("/dashboard/", {"periode": "2023H1"})
    html = response.content.decode()
    assert '<div class="waarde">121,9</div>' in html
    inhoud = html[html.index("<main") : html.index("</main>")]
    assert "Landgraaf" not in inhoud and "Voerendaal" not in inhoud
    namen = list(Medewerker.objects.values_list("naam", flat=True))
    assert len(namen) > 100
    assert not [n for n in namen if n in html]
    assert "@medewerker.example" not in html


def test_rapport_xlsx_heeft_een_werkblad_per_tabel_en_de_fte_bijlage(web_als, staff_demo):
    response = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="halfjaarrapportage-2023H1-hlv.xlsx"'
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "Fte-bijlage" in wb.sheetnames and "Meldcode-scholing" in wb.sheetnames
    assert len(wb.sheetnames) == len(set(wb.sheetnames))
    for ws in wb.worksheets:  # one table per sheet: a title, then the header row and the rows
        assert ws["A1"].value and ws["A5"].value
    fte = wb["Fte-bijlage"]
    kop = [c.value for c in fte[5]]
    assert kop[:5] == ["Peildatum", "Heerlen", "Landgraaf", "Voerendaal", "Totaal"]
    rijen = {r[0]: r for r in fte.iter_rows(min_row=6, values_only=True)}
    assert rijen["30-06-2023"][1:5] == (121.9, 38.4, 9.1, 169.4)
    assert rijen["30-06-2019"][4] == 84.9
