import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine

from jens.templatetags.jens import getal
from staff import demo
from staff.models import Formatie, Medewerker, Plaatsing, Scholing
from staff.selectors import fte_rapport, meldcode_scholing_cijfers

VANDAAG = date(2026, 12, 2)  # the day the refresher share of the old demo landed on the 85% edge


@pytest.fixture
def demodata(db):
    with time_machine.travel(VANDAAG, tick=False):
        demo.seed(stdout=io.StringIO())


def test_demo_reproduceert_elke_rij_van_de_gepubliceerde_tabel(demodata):
    rapport = fte_rapport(sorted(demo.FTE_GEPUBLICEERD))
    assert len(rapport) == len(demo.FTE_GEPUBLICEERD)
    for regel in rapport:
        heerlen, landgraaf, voerendaal, totaal = demo.FTE_GEPUBLICEERD[regel["peildatum"]]
        per_gemeente = {r["gemeente"]: r["fte"] for r in regel["per_gemeente"]}
        assert per_gemeente == {
            "Heerlen": Decimal(heerlen),
            "Landgraaf": Decimal(landgraaf),
            "Voerendaal": Decimal(voerendaal),
        }, regel["peildatum"]
        assert regel["totaal"] == Decimal(totaal), regel["peildatum"]


def test_demo_juni_2023_en_verschil_met_juni_2022(demodata):
    (regel,) = fte_rapport([date(2023, 6, 30)])
    assert getal(regel["totaal"]) == "169,4"
    per_gemeente = {r["gemeente"]: getal(r["fte"]) for r in regel["per_gemeente"]}
    assert per_gemeente == {"Heerlen": "121,9", "Landgraaf": "38,4", "Voerendaal": "9,1"}
    assert regel["verschil_jaar_pct"] == Decimal("8.8")


def test_demo_is_gespreid(demodata):
    (regel,) = fte_rapport([date(2023, 6, 30)])
    assert len(regel["per_gebied"]) == 6
    assert all(r["fte"] > 0 for r in regel["per_domein"])
    assert len(regel["per_functie"]) >= 8
    assert Medewerker.objects.filter(personeelsnummer__startswith=demo.PREFIX).count() > 150
    assert Formatie.objects.count() == 12
    assert Scholing.objects.filter(soort=Scholing.Soort.THEMABIJEENKOMST_HGKM).exists()


# The demo follows today; its training gaps must not wander over a norm's edge on some day. Dates that
# catch the usual traps: the old edge, a leap day, 5 May, the last working day before Christmas, 31 December,
# and one long after the published figures.
@pytest.mark.parametrize(
    "dag",
    [VANDAAG, date(2027, 5, 5), date(2027, 12, 24), date(2027, 12, 31), date(2028, 2, 29), date(2031, 7, 1)],
    ids=str,
)
def test_scholingsgaten_zijn_op_elke_dag_gelijk(db, dag):
    with time_machine.travel(dag, tick=False):
        demo.seed(stdout=io.StringIO())
    cijfers = meldcode_scholing_cijfers(op=dag)
    assert 0 < len(cijfers["zonder_basis"]) < 20
    # below the 90% norm (a gap to show) and clear of the 85% bound on every date
    assert Decimal(86) < cijfers["aandeel_opfris"] < cijfers["norm_opfris"]
    assert cijfers["aandeel_basis"] < 100


def test_demo_twee_keer_draaien_verdubbelt_niets(demodata):
    aantal = Plaatsing.objects.count()
    demo.seed(stdout=io.StringIO())
    assert Plaatsing.objects.count() == aantal


def test_demo_medewerkers_van_strategische_onderaannemers_in_de_gebiedsteams(db, maak_gebruiker):
    """The seeds: staff of the strategic subcontractors work in the area teams, beside the members' staff."""
    from contracts import demo as contracts_demo
    from contracts.selectors import soort_op

    maak_gebruiker("inkoper", username="inkoper")
    with time_machine.travel(VANDAAG, tick=False):
        contracts_demo.seed(stdout=io.StringIO())
        demo.seed(stdout=io.StringIO())
    bij_onderaannemer = Plaatsing.objects.filter(
        medewerker__werkgever__naam__in=demo.ONDERAANNEMERS, domein="gebiedsteam"
    ).select_related("medewerker__werkgever")
    assert bij_onderaannemer.exists()
    for plaatsing in bij_onderaannemer:
        assert soort_op(plaatsing.medewerker.werkgever, plaatsing.van) == "onderaannemer"
