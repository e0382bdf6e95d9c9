"""The dashboard and the report with the complaints demo: 18 against 8, and nothing about a complainant."""

import io
import re

import openpyxl
import pytest

from complaints.models import Klacht

pytestmark = pytest.mark.django_db


def _tegel(html: str, sleutel: str) -> str:
    return re.search(rf'<li class="tegel[^"]*" id="tegel-{sleutel}">(.*?)</li>', html, re.S).group(1)


def test_klachten_2023h1_tegen_2022h1_is_18_tegen_8(web_als, klachten_demo):
    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    tegel = _tegel(html, "klachten")
    assert '<div class="waarde">18</div>' in tegel and "2022H1: 8" in tegel
    tabel = re.search(r'<table class="tabel" id="tabel-klachten_per_aard">.*?</table>', html, re.S).group(0)
    assert re.search(r'Totaal</th><td class="getal">18</td><td class="getal">8</td>', tabel)
    assert re.search(r'Verwijzing en de daarbij behorende procedures</th><td class="getal">7</td>', tabel)
    assert 'id="grafiek-klachten"' in html


def test_rapport_xlsx_klachten_per_aard_tegen_vorig_jaar(web_als, klachten_demo):
    response = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(response.content))["Klachten per aard"]
    assert [c.value for c in ws[5]] == ["Aard", "2023H1", "2022H1"]
    rijen = {r[0]: r[1:] for r in ws.iter_rows(min_row=6, values_only=True)}
    assert rijen["Totaal"] == (18, 8)
    assert rijen["Privacy (dossiers en communicatie)"] == (2, 2)


def test_gemeente_ziet_kleine_aantallen_als_minder_dan_5_en_niets_over_indieners(web_als, klachten_demo):
    client = web_als("gemeente", gemeenten=["voerendaal"])
    html = client.get("/dashboard/", {"periode": "2023H1"}).content.decode()
    # 18 complaints spread over three municipalities: Voerendaal has 6, per aard fewer than 5.
    assert '<div class="waarde">6</div>' in _tegel(html, "klachten")
    tabel = re.search(r'<table class="tabel" id="tabel-klachten_per_aard">.*?</table>', html, re.S).group(0)
    assert "&lt;5" in tabel
    assert not re.search(r'<td class="getal">[1-4]</td>', tabel)
    for klacht in Klacht.objects.all():
        for tekst in (klacht.indiener_naam, klacht.indiener_email, klacht.omschrijving, klacht.referentie):
            assert not tekst or tekst not in html
        for tekst in (klacht.uitspraak, klacht.maatregelen, klacht.aanbevelingen):
            assert not tekst or tekst not in html
    rapport = client.post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode()
    assert "Demo-indiener" not in rapport and "&lt;5" in rapport
    xlsx = client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.content))["Klachten per aard"]
    waarden = [v for r in ws.iter_rows(min_row=6, min_col=2, values_only=True) for v in r]
    assert "<5" in waarden and not [v for v in waarden if isinstance(v, int) and 0 < v < 5]
