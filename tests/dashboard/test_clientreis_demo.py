"""Issue 12 part B with the demo data: the half-year report 2023H1 shows the published client journey (459 days against
the norm of 315), the reasons care ended against 85% regular, the seven largest providers, the waiting list per
quarter, the requests per month and the norms of the intake steps; a municipality sees its own figures, masked, and
no spending per provider."""

import io
import re
from decimal import Decimal

import openpyxl
import pytest

from cases import selectors as cases_selectors
from financien import selectors as financien_selectors
from jens.dashboard.rapport import bouw_rapport, naar_html, naar_xlsx
from jens.dashboard.selectors import Filter
from jens.models import Gemeente
from jens.periode import Periode
from tests import klok

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(klok.KERSTAVOND, tick=False)]

H1 = Periode.parse("2023H1")


@pytest.fixture
def demo(db):
    """The contracts demo (providers, spending) and the casework demo on top (with five employees)."""
    from cases.demo import seed as cases_seed
    from contracts.demo import seed as contracts_seed
    from tests.staff.factories import MedewerkerFactory

    contracts_seed(stdout=io.StringIO())
    MedewerkerFactory.create_batch(5)
    cases_seed(stdout=io.StringIO())


def _blad(wb, naam) -> dict:
    return {r[0]: r[1:] for r in wb[naam].iter_rows(min_row=6, values_only=True)}


def test_gepubliceerde_clientreis_en_einde_zorg_2023h1(demo, web_als):
    k = cases_selectors.klantreis_cijfers(H1)
    assert (k["gemiddelde_duur_dagen"], k["norm_dagen"]) == (459, 315)  # as published
    # every young person of the published inflow (778) came in for the first time, returning or continuing
    assert k["eerste_keer"] + k["terugkerend"] + k["voortzetting"] == 778
    assert k["terugkerend"] > 0 and k["voortzetting"] > 0
    assert k["afgeronde_klantreizen"] == 802  # the published outflow: each ended its journey
    e = cases_selectors.einde_redenen_rapport(H1)
    assert e["totaal"] == 802 and e["regulier_norm"] == 85
    assert Decimal("80") <= e["regulier_pct"] < Decimal("85")  # a realistic share, below the norm

    rapport = bouw_rapport(Filter(H1), maskeren=False)
    wb = openpyxl.load_workbook(io.BytesIO(naar_xlsx(rapport)))
    reis = _blad(wb, "Cliëntreis")
    assert reis["Gemiddelde duur klantreis (dagen)"] == (459, 315)
    assert reis["Regulier beëindigd (%)"] == (float(e["regulier_pct"]), 85)
    einde = _blad(wb, "Reden einde zorg")
    assert einde["Totaal"][1] == 802 and einde["volgens plan"][0] == "ja"
    soort = _blad(wb, "Hulpvragen per soort")
    assert soort["Totaal"][-1] == 778
    grootste = _blad(wb, "Grootste zorgaanbieders")
    assert len(grootste) == 9  # seven providers, the others, the total
    assert grootste["Totaal uitbestede zorg"][0] == 9140000  # the published outsourced care 2023H1
    kwartaal = _blad(wb, "Wachtlijst per kwartaal")
    assert set(kwartaal) == {"2023-K1", "2023-K2"}
    assert kwartaal["2023-K2"][2] == kwartaal["2023-K1"][1]  # compared with the previous quarter
    normen = _blad(wb, "Normen toeleiding")
    assert normen["Dossier binnen 5 werkdagen na ontvangst (%)"][1] == 100
    assert normen["Kernteam binnen 5 werkdagen na het dossier (%)"][1] == 100
    html = naar_html(rapport)
    assert re.search(r"Gemiddelde duur klantreis \(dagen\)</th><td[^>]*>459</td><td[^>]*>315</td>", html)

    pagina = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    assert re.search(r'id="tegel-klantreis">.*?<div class="waarde">459</div>', pagina, re.S)


def test_gemeente_ziet_eigen_cijfers_zonder_besteding_per_aanbieder(demo, web_als):
    voerendaal = Gemeente.objects.get(code="voerendaal")
    rapport = bouw_rapport(Filter(H1, voerendaal), maskeren=True)
    wb = openpyxl.load_workbook(io.BytesIO(naar_xlsx(rapport)))
    assert "Grootste zorgaanbieders" not in wb.sheetnames
    eigen = cases_selectors.klantreis_cijfers(H1, gemeente=voerendaal)
    assert eigen["afgeronde_klantreizen"] < 802
    assert _blad(wb, "Cliëntreis")["Afgeronde klantreizen"][0] == eigen["afgeronde_klantreizen"]
    # its own money: the providers' spending for Voerendaal adds up to its outsourced care
    r = financien_selectors.grootste_aanbieders(H1, gemeente=voerendaal)
    assert r["totaal"] == financien_selectors.zorgverdeling(H1, gemeente=voerendaal)["uitbesteed"]
    assert r["totaal"] < financien_selectors.grootste_aanbieders(H1)["totaal"]

    html = (
        web_als("gemeente", gemeenten=["voerendaal"])
        .get("/casussen/rapportage/", {"periode": "2023H1", "gemeente": "heerlen"})
        .content.decode()
    )
    assert "Cliëntenrapportage 2023H1 — Voerendaal" in html
    assert "Reden einde zorg" in html and "Wachtlijst per kwartaal" in html and "naar verwijzer" in html
