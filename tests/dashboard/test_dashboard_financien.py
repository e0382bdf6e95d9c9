"""The finances on the dashboard and in the half-year report: result against budget, cost per client against its
norm and the care split in euros against last year; the statement as an XLSX sheet and printable HTML; a gemeente
sees only its own money."""

import io
import re

import openpyxl
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def financien_demo(db):
    from contracts.demo import seed as contracts_seed
    from financien.demo import seed as financien_seed

    contracts_seed(stdout=io.StringIO())
    financien_seed(stdout=io.StringIO())


def _tegel(html: str, sleutel: str) -> re.Match:
    return re.search(rf'<li class="tegel ([a-z]*)" id="tegel-{sleutel}">(.*?)</li>', html, re.S)


def _rijen(ws) -> dict[str, list]:
    return {r[0]: list(r[1:]) for r in ws.iter_rows(min_row=6, values_only=True) if r[0]}


def test_tegels_rapport_en_afdruk_2023h1_met_de_gepubliceerde_cijfers(web_als, financien_demo):
    from cases.demo import seed
    from tests.staff.factories import MedewerkerFactory

    MedewerkerFactory.create_batch(5)
    seed(stdout=io.StringIO())
    client = web_als("management")
    html = client.get("/dashboard/", {"periode": "2023H1"}).content.decode()
    resultaat = _tegel(html, "financien_resultaat")
    assert '<div class="waarde">-€ 127.000</div>' in resultaat.group(2)
    assert resultaat.group(1) == "rood"  # the budget pro rata: € 33.936k / 2 − (€ 37.512k − € 3.540k) / 2
    per_client = _tegel(html, "kosten_per_client")
    assert per_client.group(1) == "groen"
    assert '<div class="waarde">€ 1.303</div>' in per_client.group(2) and "maximaal € 1.332" in per_client.group(2)
    assert "2022: € 1.153" in per_client.group(2)
    verdeling = _tegel(html, "zorg_uitbesteed_euro")
    assert '<div class="waarde">53,1%</div>' in verdeling.group(2) and "2022: 55,9%" in verdeling.group(2)
    assert "Zorg door de gebiedsteams (aantal zorginzetten)" in html  # the count-based view, labelled

    xlsx = client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    staat = _rijen(wb["Financiële staat"])
    assert staat["Resultaat"][0] == -127000 and staat["Meerkosten bijdrage gemeenten"][0] == -1942000
    assert staat["Subtotaal zorgkosten"][0] == 17216000 and staat["Totaal kosten"][0] == 19037000
    assert staat["Specialistische (uitbestede) zorg"][3] == 17636000  # the 2023 budget
    assert staat["Resultaat"][5] == -67000  # the 2022 column beside it
    kpc = _rijen(wb["Kosten per cliënt"])
    assert kpc["2023H1"][:4] == [19037000, 6, 2434, 1303] and kpc["2022"][:4] == [35603000, 12, 2572, 1153]
    verdeling = _rijen(wb["Zorgverdeling in euro's"])
    assert verdeling["Zorgkosten in euro's 2023H1"][1:] == [9140000, pytest.approx(53.1)]
    assert verdeling["Zorgkosten in euro's 2022"][2] == pytest.approx(55.9)
    assert len(_rijen(wb["Kosten per maand"])) == 6

    afdruk = client.post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode()
    assert "Financiële staat 2023H1 (HLV)" in afdruk and "-€ 127.000" in afdruk and "€ 1.303" in afdruk


def test_gemeente_ziet_alleen_eigen_geld(web_als, financien_demo):
    client = web_als("gemeente", gemeenten=["landgraaf"])
    html = client.get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert "Financiële staat 2023H1 (Landgraaf)" in html
    assert "€ 4.550.000" in html  # Landgraaf's assignment 2023 (€ 9.100.000), half a year
    assert "€ 16.968.000" not in html  # not the income of HLV
    assert client.get("/dashboard/", {"periode": "2023H1", "gemeente": "heerlen"}).status_code == 404
    xlsx = client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx", "gemeente": "landgraaf"})
    staat = _rijen(openpyxl.load_workbook(io.BytesIO(xlsx.content))["Financiële staat"])
    assert staat["Inkomsten (opdracht gemeenten)"][0] == 4550000
    assert (
        client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx", "gemeente": "heerlen"}).status_code == 404
    )


def test_inkoper_ziet_de_financiele_tegels(web_als, financien_demo):
    html = web_als("inkoper").get("/dashboard/", {"periode": "2022"}).content.decode()
    resultaat = _tegel(html, "financien_resultaat")
    assert '<div class="waarde">-€ 67.000</div>' in resultaat.group(2)
    assert "Geen begroting voor deze periode." in resultaat.group(2)
    assert _tegel(html, "kosten_per_client") and _tegel(html, "zorg_uitbesteed_euro")


def test_zonder_gegevens_geen_fout(web_als):
    html = web_als("management").get("/dashboard/", {"periode": "2019H1"}).content.decode()
    assert "Geen gegevens in deze periode" in _tegel(html, "kosten_per_client").group(2)
