"""The provider tiles: the 4% rule, transformation agreements and monitoring meetings against their targets."""

import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from contracts.models import Relatie
from tests.contracts.factories import (
    AfspraakFactory,
    GesprekFactory,
    OpdrachtFactory,
    PersoneelsomvangFactory,
    RelatieFactory,
    UitgaveFactory,
    ZorgaanbiederFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbieders():
    """2021 as published: € 2.476.696 at small providers on € 34.266.618 (7,2%); three agreements and two
    monitoring meetings in 2023 against the targets 10 and 27."""
    klein = ZorgaanbiederFactory(naam="Praktijk Klein")
    RelatieFactory(zorgaanbieder=klein, soort=Relatie.Soort.LEVERANCIER, geldig_van=date(2020, 1, 1))
    PersoneelsomvangFactory(zorgaanbieder=klein, jaar=2021, aantal_medewerkers=4)
    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618.00"))
    UitgaveFactory(zorgaanbieder=klein, jaar=2021, maand=3, bedrag=Decimal("2476696.00"))
    for i in range(3):
        lid = ZorgaanbiederFactory(naam=f"Lid {i}")
        RelatieFactory(zorgaanbieder=lid, soort=Relatie.Soort.LID, geldig_van=date(2019, 1, 1))
        AfspraakFactory(zorgaanbieder=lid, afgesproken_op=date(2023, 2, 1))
    GesprekFactory(gehouden_op=date(2023, 3, 1))
    GesprekFactory(gehouden_op=date(2023, 5, 1))


def _tegel(html: str, sleutel: str) -> re.Match:
    return re.search(rf'<li class="tegel ([a-z]*)" id="tegel-{sleutel}">(.*?)</li>', html, re.S)


def test_vier_procent_regel_2021_is_groen_met_7_2_procent(web_als, aanbieders):
    html = web_als("management").get("/dashboard/", {"periode": "2021H1"}).content.decode()
    tegel = _tegel(html, "kleine_aanbieders")
    assert tegel.group(1) == "groen"
    assert '<div class="waarde">7,2%</div>' in tegel.group(2) and "Norm: minimaal 4,0%" in tegel.group(2)
    assert "Praktijk Klein" in html  # management sees the providers behind the figure


def test_transformatie_en_monitorgesprekken_tegen_hun_streefaantal(web_als, aanbieders):
    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    transformatie = _tegel(html, "transformatie")
    assert transformatie.group(1) == "rood"
    assert '<div class="waarde">3</div>' in transformatie.group(2) and "minimaal 10" in transformatie.group(2)
    assert "31-03-2023" in transformatie.group(2)
    gesprekken = _tegel(html, "monitorgesprekken")
    assert gesprekken.group(1) == "rood" and '<div class="waarde">2</div>' in gesprekken.group(2)
    assert "minimaal 27" in gesprekken.group(2)


def test_inkoper_ziet_de_aanbiederstegels(web_als, aanbieders):
    response = web_als("inkoper").get("/dashboard/", {"periode": "2021H1"})
    assert _tegel(response.content.decode(), "kleine_aanbieders").group(1) == "groen"


def test_namen_per_soort_in_het_rapport_niet_op_het_dashboard(web_als, aanbieders):
    # The appendix of every provider by name grows with the register (10,000 rows at national scale):
    # the dashboard shows the counts per kind, the report the names.
    # (the report's sheet: test_bijlage_zorgaanbieders_per_soort_in_het_rapport)
    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert 'id="tabel-aanbieders_aantallen"' in html and 'id="tabel-aanbieders_per_soort"' not in html
    assert "Lid 0" not in html


def test_gemeente_ziet_aantallen_per_soort_maar_geen_namen_van_aanbieders(web_als, aanbieders):
    client = web_als("gemeente", gemeenten=["heerlen"])
    html = client.get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert "Praktijk Klein" not in html and "Lid 0" not in html
    assert 'id="tabel-aanbieders_aantallen"' in html and 'id="tabel-aanbieders_per_soort"' not in html
    assert re.search(r'Leden</th><td class="getal">3</td>', html)  # providers are not people: no "<5"
    xlsx = client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert "Aanbieders per soort (bijlage)" not in wb.sheetnames and "Kleine aanbieders besteding" not in wb.sheetnames
    assert "Aanbieders per soort (aantal)" in wb.sheetnames


def test_bijlage_zorgaanbieders_per_soort_in_het_rapport(web_als, aanbieders):
    xlsx = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.content))["Aanbieders per soort (bijlage)"]
    rijen = list(ws.iter_rows(min_row=6, values_only=True))
    assert ("Leden", "Lid 0") in rijen and ("Gecontracteerde leveranciers", "Praktijk Klein") in rijen
