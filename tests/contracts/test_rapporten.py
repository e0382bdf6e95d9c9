from datetime import date
from decimal import Decimal

import pytest

from contracts import selectors
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


@pytest.mark.parametrize(
    ("aantal", "minder_dan", "klein"),
    [(9, None, True), (10, None, False), (0, None, True), (None, 10, True), (None, 11, False)],
)
def test_kleine_aanbieder_afgeleid_van_personeelsomvang(aantal, minder_dan, klein):
    omvang = PersoneelsomvangFactory(jaar=2021, aantal_medewerkers=aantal, minder_dan=minder_dan)
    assert (omvang.zorgaanbieder in selectors.kleine_aanbieders(2021)) is klein
    assert omvang.zorgaanbieder not in selectors.kleine_aanbieders(2022)


def test_vier_procent_regel_met_gepubliceerde_cijfers_2021(gemeente):
    OpdrachtFactory(
        gemeente=gemeente("heerlen"), jaar=2021, lumpsum=18610295, verhoging_lumpsum=2418527, aanvullende_taken=407988
    )
    OpdrachtFactory(gemeente=gemeente("landgraaf"), jaar=2021, lumpsum=Decimal("12829808"))
    klein = PersoneelsomvangFactory(jaar=2021, aantal_medewerkers=4).zorgaanbieder
    groot = PersoneelsomvangFactory(jaar=2021, aantal_medewerkers=40).zorgaanbieder
    UitgaveFactory(zorgaanbieder=klein, jaar=2021, maand=1, bedrag=Decimal("2000000"))
    UitgaveFactory(zorgaanbieder=klein, jaar=2021, maand=2, bedrag=Decimal("476696"))
    UitgaveFactory(zorgaanbieder=groot, jaar=2021, bedrag=Decimal("9000000"))
    UitgaveFactory(zorgaanbieder=klein, jaar=2022, bedrag=Decimal("5"))
    rapport = selectors.kleine_aanbieders_rapport(2021)
    assert rapport["opdrachtsom"] == Decimal("34266618.00")
    assert rapport["besteed_kleine_aanbieders"] == Decimal("2476696.00")
    assert rapport["percentage"] == Decimal("7.2")
    assert rapport["norm"] == Decimal("4.0")
    assert rapport["voldaan"] is True
    assert rapport["aanbieders"] == [{"naam": klein.naam, "bedrag": Decimal("2476696.00")}]


def test_vier_procent_norm_uit_instellingen(settings, gemeente):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "CONTRACTS_NORM_KLEINE_AANBIEDERS_PCT": "8.0"}
    OpdrachtFactory(jaar=2021, lumpsum=100)
    UitgaveFactory(zorgaanbieder=PersoneelsomvangFactory().zorgaanbieder, bedrag=Decimal("7.5"))
    rapport = selectors.kleine_aanbieders_rapport(2021)
    assert (rapport["percentage"], rapport["norm"], rapport["voldaan"]) == (Decimal("7.5"), Decimal("8.0"), False)


def test_zonder_opdracht_niet_voldaan():
    rapport = selectors.kleine_aanbieders_rapport(2030)
    assert rapport["voldaan"] is False and rapport["percentage"] == Decimal("0.0")


def test_aanbieders_per_soort_op_datum():
    welsun = ZorgaanbiederFactory(naam="Welsun")
    RelatieFactory(zorgaanbieder=welsun, soort="lid", geldig_van=date(2021, 1, 1), geldig_tot=date(2021, 5, 1))
    RelatieFactory(
        zorgaanbieder=welsun, soort="onderaannemer", geldig_van=date(2021, 5, 1), geldig_tot=date(2022, 1, 1)
    )
    klein = ZorgaanbiederFactory(naam="Kinso")
    RelatieFactory(zorgaanbieder=klein, soort="leverancier", geldig_van=date(2021, 1, 1))
    PersoneelsomvangFactory(zorgaanbieder=klein, jaar=2021, aantal_medewerkers=3)
    RelatieFactory(zorgaanbieder=ZorgaanbiederFactory(naam="aXnaga"), soort="leverancier")
    assert selectors.aanbieders_per_soort_op(date(2021, 4, 30)) == {
        "lid": ["Welsun"],
        "onderaannemer": [],
        "leverancier": ["aXnaga"],
        "incidenteel": [],
        "kleine_aanbieder": ["Kinso"],
    }
    op_1_mei = selectors.aanbieders_per_soort_op(date(2021, 5, 1))
    assert op_1_mei["lid"] == [] and op_1_mei["onderaannemer"] == ["Welsun"]
    assert selectors.aanbieders_per_soort_op(date(2022, 1, 1))["leverancier"] == ["aXnaga", "Kinso"]


def test_transformatie_rapport_tegen_doel_uit_instellingen():
    for i in range(12):
        AfspraakFactory(afgesproken_op=date(2023, 3, 31 if i < 11 else 1))
    AfspraakFactory(afgesproken_op=date(2023, 4, 1))  # after the target date
    aanbieder = ZorgaanbiederFactory()
    AfspraakFactory.create_batch(2, zorgaanbieder=aanbieder, afgesproken_op=date(2023, 1, 5), status="gerealiseerd")
    rapport = selectors.transformatie_rapport(peildatum=date(2023, 6, 30))
    assert rapport["streefdatum"] == date(2023, 3, 31) and rapport["streefaantal"] == 10
    assert rapport["aantal_aanbieders_met_afspraak"] == 13
    assert rapport["voldaan"] is True
    per_status = {r["status"]: r["aantal"] for r in rapport["per_status"]}
    assert per_status["lopend"] == 13 and per_status["gerealiseerd"] == 2 and per_status["open"] == 0


def test_transformatie_rapport_eigen_doel():
    AfspraakFactory(afgesproken_op=date(2023, 3, 1))
    rapport = selectors.transformatie_rapport(peildatum=date(2023, 6, 30), streefdatum=date(2023, 2, 1), streefaantal=1)
    assert rapport["aantal_aanbieders_met_afspraak"] == 0 and rapport["voldaan"] is False


def test_gesprekken_rapport():
    GesprekFactory.create_batch(3, gehouden_op=date(2023, 5, 1))
    GesprekFactory(soort="verbindingsgesprek", gehouden_op=date(2023, 5, 1))
    GesprekFactory(gehouden_op=date(2022, 5, 1))
    GesprekFactory(gepland_op=date(2023, 11, 1), gehouden_op=None)  # planned, passed, not held
    rapport = selectors.gesprekken_rapport(2023, vandaag=date(2023, 12, 1))
    assert rapport["monitorgesprekken_gehouden"] == 3
    assert rapport["streefaantal"] == 27 and rapport["voldaan"] is False
    assert {r["soort"]: r["gehouden"] for r in rapport["per_soort"]} == {"monitorgesprek": 3, "verbindingsgesprek": 1}
    assert rapport["achterstallig"] == 1


def test_uitgaven_rapport_top():
    a, b = ZorgaanbiederFactory(naam="A"), ZorgaanbiederFactory(naam="B")
    UitgaveFactory(zorgaanbieder=a, jaar=2023, categorie="pgb", bedrag=Decimal("10"))
    UitgaveFactory(zorgaanbieder=a, jaar=2023, categorie="gebiedsteams", bedrag=Decimal("5"))
    UitgaveFactory(zorgaanbieder=b, jaar=2023, categorie="pgb", bedrag=Decimal("20"))
    rapport = selectors.uitgaven_rapport(2023, top=1)
    assert rapport["totaal"] == Decimal("35")
    assert rapport["top_aanbieders"] == [{"naam": "B", "bedrag": Decimal("20.00")}]
    assert len(rapport["per_aanbieder_categorie"]) == 3
    assert {r["categorie"]: r["bedrag"] for r in rapport["per_categorie"]}["pgb"] == Decimal("30")


def test_relatie_soorten_komen_overeen_met_rapportsleutels():
    assert set(Relatie.Soort.values) | {"kleine_aanbieder"} == set(selectors.aanbieders_per_soort_op(date(2023, 1, 1)))
