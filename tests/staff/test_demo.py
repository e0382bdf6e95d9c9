import io
from datetime import date
from decimal import Decimal

import pytest

from jens.templatetags.jens import getal
from staff import demo
from staff.models import Formatie, Medewerker, Plaatsing, Scholing
from staff.selectors import fte_rapport, meldcode_scholing_cijfers


@pytest.fixture
def demodata(db):
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


def test_demo_is_gespreid_en_laat_scholingsgaten(demodata):
    (regel,) = fte_rapport([date(2023, 6, 30)])
    assert len(regel["per_gebied"]) == 6
    assert all(r["fte"] > 0 for r in regel["per_domein"])
    assert len(regel["per_functie"]) >= 8
    assert Medewerker.objects.filter(personeelsnummer__startswith=demo.PREFIX).count() > 150
    assert Formatie.objects.count() == 12
    cijfers = meldcode_scholing_cijfers(op=date.today())
    assert 0 < len(cijfers["zonder_basis"]) < 20
    assert Decimal(85) < cijfers["aandeel_opfris"] < Decimal(100)
    assert Scholing.objects.filter(soort=Scholing.Soort.THEMABIJEENKOMST_HGKM).exists()


def test_demo_twee_keer_draaien_verdubbelt_niets(demodata):
    aantal = Plaatsing.objects.count()
    demo.seed(stdout=io.StringIO())
    assert Plaatsing.objects.count() == aantal
