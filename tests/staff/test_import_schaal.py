"""The HR import at two sizes: the same number of queries for 5 rows and for 60, all-or-nothing kept,
and the history of every imported row written (in bulk)."""

from datetime import date

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staff.models import Medewerker, Plaatsing
from staff.resources import MedewerkerResource, PlaatsingResource
from tests.staff.factories import LidFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db

KOPPEN = ["personeelsnummer", "naam", "email", "werkgever", "functie", "in_dienst_van", "in_dienst_tot"]
PLAATSING = ["personeelsnummer", "gebied", "domein", "fte", "van", "tot"]


def _medewerkers(n: int, *, begin: int = 0) -> tablib.Dataset:
    return tablib.Dataset(
        *[[f"S{i:05d}", f"Medewerker {i}", "", "radar", "gezinswerker", "2020-01-01", ""] for i in range(begin, n)],
        headers=KOPPEN,
    )


def _importeer(resource, data):
    with CaptureQueriesContext(connection) as queries:
        resultaat = resource.import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors(), resultaat.invalid_rows
    return len([q for q in queries if "SAVEPOINT" not in q["sql"].upper()])


@pytest.fixture
def leden(db):
    LidFactory(naam="Radar")
    for _ in range(20):  # more providers do not cost more queries
        LidFactory()


def test_medewerkers_importeren_in_een_vast_aantal_queries(leden):
    klein = _importeer(MedewerkerResource(), _medewerkers(5))
    groot = _importeer(MedewerkerResource(), _medewerkers(65, begin=5))
    assert klein == groot <= 12
    assert Medewerker.objects.count() == 65
    assert Medewerker.history.filter(history_type="+").count() == 65  # history in bulk, not lost
    # updating existing rows (new names): again the same number of queries for 5 and for 60
    bijwerken_klein = tablib.Dataset(
        *[[f"S{i:05d}", f"Nieuw {i}", "", "Radar", "gezinswerker", "2020-01-01", ""] for i in range(5)], headers=KOPPEN
    )
    bijwerken_groot = tablib.Dataset(
        *[[f"S{i:05d}", f"Nieuw {i}", "", "Radar", "gezinswerker", "2020-01-01", ""] for i in range(5, 65)],
        headers=KOPPEN,
    )
    assert _importeer(MedewerkerResource(), bijwerken_klein) == _importeer(MedewerkerResource(), bijwerken_groot)
    assert Medewerker.objects.filter(naam__startswith="Nieuw").count() == 65
    assert Medewerker.history.filter(history_type="~").count() == 65


def test_plaatsingen_importeren_in_een_vast_aantal_queries(leden):
    radar = LidFactory(naam="Radar 2")
    for i in range(65):
        MedewerkerFactory(personeelsnummer=f"S{i:05d}", werkgever=radar, in_dienst_van=date(2020, 1, 1))

    def plaatsingen(nummers):
        return tablib.Dataset(
            *[[f"S{i:05d}", "heerlen-1", "gebiedsteam", "0.50", "2021-01-01", ""] for i in nummers], headers=PLAATSING
        )

    klein = _importeer(PlaatsingResource(), plaatsingen(range(5)))
    groot = _importeer(PlaatsingResource(), plaatsingen(range(5, 65)))
    assert klein == groot <= 12
    assert Plaatsing.objects.count() == 65 and Plaatsing.history.count() == 65


def test_foute_rij_achteraan_schrijft_niets_ook_in_bulk(leden):
    data = _medewerkers(40)
    data.append(["S99999", "Kapot", "", "Bestaat Niet", "gezinswerker", "2020-01-01", ""])
    data.append(["S00003", "Dubbel", "", "Radar", "gezinswerker", "2020-01-01", ""])
    resultaat = MedewerkerResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert "Onbekende zorgaanbieder 'Bestaat Niet'" in fouten[41]["werkgever"][0]
    assert "staat twee keer in het bestand" in fouten[42]["personeelsnummer"][0]
    assert not Medewerker.objects.exists() and not Medewerker.history.exists()


def test_twee_plaatsingen_in_een_bestand_samen_boven_een_fte(leden):
    """The rows of one file see each other (the preloaded placements grow with each accepted row)."""
    MedewerkerFactory(personeelsnummer="S1", werkgever=LidFactory(), in_dienst_van=date(2020, 1, 1))
    data = tablib.Dataset(
        ["S1", "heerlen-1", "gebiedsteam", "0.70", "2021-01-01", ""],
        ["S1", "heerlen-2", "gebiedsteam", "0.40", "2021-06-01", ""],
        headers=PLAATSING,
    )
    resultaat = PlaatsingResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert "het maximum is 1,00" in fouten[2]["fte"][0]
    assert not Plaatsing.objects.exists()
