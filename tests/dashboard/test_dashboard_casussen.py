"""The casework parts: clients per municipality, waiting list, care in area teams, Veilig Thuis; and what a
municipality may see of them."""

import io
import re

import openpyxl
import pytest

from cases.models import Jeugdige, VeiligThuisMelding
from tests.dashboard.conftest import BSNS, CASUSSEN_2023H1

pytestmark = pytest.mark.django_db


def _tabel(html: str, sleutel: str) -> str:
    return re.search(rf'<table class="tabel" id="tabel-{sleutel}">.*?</table>', html, re.S).group(0)


def _rij(tabel: str, kop: str) -> list[str]:
    rij = re.search(rf"<tr><th scope=\"row\">{re.escape(kop)}</th>(.*?)</tr>", tabel, re.S).group(1)
    return re.findall(r"<td[^>]*>(.*?)</td>", rij)


def test_management_ziet_clienten_per_gemeente_met_hlv_totaal(web_als, casussen):
    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    tabel = _tabel(html, "clienten_per_gemeente")
    h = CASUSSEN_2023H1["Heerlen"]
    assert _rij(tabel, "Heerlen") == [str(h[k]) for k in ("bij_aanvang", "instroom", "uitstroom", "ultimo")] + ["10"]
    assert _rij(tabel, "HLV") == ["8", "8", "3", "13", "11"]
    assert _rij(_tabel(html, "wachtlijst"), "Heerlen gebied 1") == ["3", "60,0"]  # medians of days: one decimal
    assert 'id="grafiek-clienten"' in html and 'id="grafiek-instroom"' in html and 'id="grafiek-wachtlijst"' in html
    vt = _rij(_tabel(html, "meldcode_veilig_thuis"), "Veilig Thuis-meldingen opgevolgd (%)")
    assert vt == ["50,0%", "100,0%"]
    tegel = re.search(r'<li class="tegel ([a-z]*)" id="tegel-veilig_thuis">', html)
    assert tegel.group(1) == "rood"


def test_gemeente_ziet_alleen_totalen_met_kleine_aantallen_als_minder_dan_5(web_als, casussen):
    html = web_als("gemeente", gemeenten=["heerlen"]).get("/dashboard/", {"periode": "2023H1"}).content.decode()
    tabel = _tabel(html, "clienten_per_gemeente")
    # Uitstroom 3 is "<5"; with 8 at the start, 6 in and 11 at the end it would follow (8 + 6 - 11). The instroom
    # is on a tile as well, so the start goes; with the mean per month (10, half of start plus end) the end would
    # then follow, so it goes too (jens.privacy.verborgen_in_stelsel; cases.selectors.verborgen_clienten).
    assert _rij(tabel, "Heerlen") == ["—", "6", "&lt;5", "—", "10"]
    assert "HLV" not in tabel and "Voerendaal" not in tabel
    # 3 waiting: the count and the median of so few are hidden.
    assert _rij(_tabel(html, "wachtlijst"), "Heerlen gebied 1") == ["&lt;5", "—"]
    # Two Veilig Thuis reports: neither the count nor the share is shown.
    tabel_vt = _tabel(html, "meldcode_veilig_thuis")
    assert _rij(tabel_vt, "Veilig Thuis-meldingen ontvangen") == ["&lt;5", "—"]
    assert _rij(tabel_vt, "Veilig Thuis-meldingen opgevolgd (%)") == ["—", "100,0%"]
    tegel = re.search(r'<li class="tegel " id="tegel-veilig_thuis">(.*?)</li>', html, re.S).group(1)
    assert "%" not in tegel.replace("minimaal 100,0%", "")


def test_gemeente_ziet_geen_naam_bsn_of_vrije_tekst(web_als, casussen):
    client = web_als("gemeente", gemeenten=["heerlen"])
    paginas = [
        client.get("/dashboard/", {"periode": "2023H1"}).content.decode(),
        client.post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode(),
    ]
    xlsx = openpyxl.load_workbook(io.BytesIO(client.post("/rapportage/", {"periode": "2023H1"}).content))
    paginas.append(" ".join(str(v) for ws in xlsx.worksheets for r in ws.iter_rows(values_only=True) for v in r))
    verboden = [*BSNS, "Zwaantje", "Testkind", "Gerrit Opvolger"]
    verboden += [j.clientnummer for j in Jeugdige.objects.all()]
    verboden += [m.omschrijving for m in VeiligThuisMelding.objects.all()]
    for inhoud in paginas:
        assert not [v for v in verboden if v in inhoud]
        assert not re.search(r"\b\d{9}\b", inhoud)  # nothing that looks like a BSN


def test_voerendaal_ziet_zijn_eigen_kleine_aantallen_niet_precies(web_als, casussen):
    html = web_als("gemeente", gemeenten=["voerendaal"]).get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert _rij(_tabel(html, "clienten_per_gemeente"), "Voerendaal") == ["0", "&lt;5", "0", "&lt;5", "&lt;5"]
    figuur = re.search(r'<figure class="grafiek-figuur" id="grafiek-clienten-figuur">.*?</figure>', html, re.S).group(0)
    svg, tabel = figuur.split("</svg>")
    # April to June have 2 in care: not drawn, and shown as <5 in the table folded under the chart; January to
    # March (0) are drawn.
    assert svg.count("<circle") == 3 and "apr 2023: " not in svg
    uitklap = re.search(r'<details class="tabel-uitklap" id="uitklap-clienten_per_maand">.*?</details>', html, re.S)
    assert re.search(r'apr 2023</th><td class="getal">&lt;5</td>', uitklap.group(0))
    assert "<table" not in tabel  # one table per chart, not a second copy inside the figure


def test_rapport_xlsx_met_casussen(web_als, casussen):
    response = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    rijen = {r[0]: r[1:] for r in wb["Cliënten per gemeente"].iter_rows(min_row=6, values_only=True)}
    assert rijen["HLV"] == (8, 8, 3, 13, 11)
    assert {r[0]: r[1] for r in wb["Wachtlijst per gebied"].iter_rows(min_row=6, values_only=True)} == {
        "Heerlen gebied 1": 3
    }
    assert "Meldcode en Veilig Thuis" in wb.sheetnames and "Normen toeleiding" in wb.sheetnames


@pytest.mark.parametrize(("norm", "kleur"), [(2100, "groen"), (10, "oranje"), (9, "rood")])
def test_norm_voor_clienten_per_maand_is_instelbaar(web_als, casussen, settings, norm, kleur):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_NORM_CLIENTEN_PER_MAAND": norm}
    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    tegel = re.search(r'<li class="tegel ([a-z]*)" id="tegel-clienten">(.*?)</li>', html, re.S)
    assert tegel.group(1) == kleur and '<div class="waarde">11</div>' in tegel.group(2)


def test_gemeente_xlsx_verbergt_de_mediaan_in_een_rij_met_een_klein_aantal_net_als_de_pagina(web_als, casussen):
    response = web_als("gemeente", gemeenten=["heerlen"]).post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    rijen = {r[0]: r[1:] for r in wb["Wachtlijst per gebied"].iter_rows(min_row=6, values_only=True)}
    assert rijen == {"Heerlen gebied 1": ("<5", "—")}  # 3 waiting: neither the count nor their median
