"""The dashboard opens on the last period with figures, and a tile without figures says so instead of 0,0% red."""

import re
from datetime import date
from decimal import Decimal

import pytest

from jens.dashboard.views import standaard_periode
from tests import klok
from tests.contracts.factories import OpdrachtFactory

pytestmark = pytest.mark.django_db


def test_zonder_opdrachtsom_van_dit_jaar_het_laatste_jaar_met_gegevens():
    OpdrachtFactory(jaar=2023, lumpsum=Decimal("34266618"))
    assert standaard_periode(date(2026, 12, 3)).label == "2023H2"  # not the empty 2026H1
    OpdrachtFactory(jaar=2026, lumpsum=Decimal("1"))
    assert standaard_periode(date(2026, 12, 3)).label == "2026H1"
    assert standaard_periode(date(2027, 3, 1)).label == "2026H2"


def test_zonder_enige_gegevens_het_laatste_voltooide_halfjaar():
    assert standaard_periode(date(2026, 12, 3)).label == "2026H1"
    assert standaard_periode(date(2027, 1, 1)).label == "2026H2"


@pytest.mark.time_machine(klok.KERSTAVOND, tick=False)
def test_dashboard_opent_op_gegevens_en_een_tegel_zonder_gegevens_zegt_dat(web_als):
    OpdrachtFactory(jaar=2023, lumpsum=Decimal("34266618"))
    html = web_als("management").get("/dashboard/").content.decode()
    assert "<h1>Dashboard 2023H2" in html
    html = web_als("management").get("/dashboard/", {"periode": "2027H1"}).content.decode()
    tegel = re.search(r'<li class="tegel ([a-z]*)" id="tegel-kleine_aanbieders">(.*?)</li>', html, re.S)
    assert tegel.group(1) == "" and "0,0%" not in tegel.group(2)
    assert "Geen gegevens in deze periode" in tegel.group(2)
