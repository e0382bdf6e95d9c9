from datetime import date

import pytest

from jens.models import Sluitingsdag
from jens.werkdagen import add_working_days, feestdag, is_werkdag, working_days_between


@pytest.mark.parametrize(
    ("start", "n", "verwacht", "waarom"),
    [
        (date(2023, 4, 21), 5, date(2023, 5, 1), "Koningsdag 27-04-2023 (donderdag) telt niet"),
        (date(2025, 4, 24), 2, date(2025, 4, 28), "Koningsdag 2025 valt op zaterdag 26-04 (27e is zondag)"),
        (date(2023, 5, 4), 1, date(2023, 5, 8), "5 mei 2023 is vrij, ook buiten een lustrumjaar"),
        (date(2024, 5, 3), 1, date(2024, 5, 6), "5 mei 2024 is een zondag: gewoon het weekend"),
        (date(2024, 3, 28), 1, date(2024, 4, 2), "Goede Vrijdag 29-03 en Tweede Paasdag 01-04-2024"),
        (date(2023, 4, 6), 1, date(2023, 4, 11), "Goede Vrijdag 07-04 en Tweede Paasdag 10-04-2023"),
        (date(2023, 12, 22), 3, date(2023, 12, 29), "Kerst 25-26 december"),
        (date(2024, 12, 24), 3, date(2024, 12, 31), "Kerst op woensdag en donderdag: vr 27, ma 30, di 31"),
        (date(2024, 12, 30), 1, date(2024, 12, 31), "oudjaarsdag is een werkdag"),
        (date(2024, 12, 31), 1, date(2025, 1, 2), "Nieuwjaarsdag telt niet, jaargrens"),
        (date(2023, 5, 17), 1, date(2023, 5, 19), "Hemelvaartsdag 18-05-2023"),
        (date(2023, 5, 26), 1, date(2023, 5, 30), "Tweede Pinksterdag 29-05-2023"),
        (date(2026, 4, 24), 1, date(2026, 4, 28), "Koningsdag 2026 op maandag 27-04"),
        (date(2023, 6, 2), 5, date(2023, 6, 9), "gewone week: vrijdag + 5 werkdagen"),
        (date(2023, 6, 3), 1, date(2023, 6, 5), "ontvangen op zaterdag: maandag is de eerste werkdag"),
        (date(2023, 6, 5), 0, date(2023, 6, 5), "n = 0 geeft de begindatum"),
    ],
)
def test_add_working_days(db, start, n, verwacht, waarom):
    assert add_working_days(start, n) == verwacht, waarom
    assert working_days_between(start, verwacht) == n


@pytest.mark.parametrize(
    ("datum", "werkdag"),
    [
        (date(2025, 4, 26), False),  # Koningsdag op zaterdag
        (date(2025, 4, 28), True),
        (date(2023, 4, 27), False),
        (date(2023, 5, 5), False),
        (date(2022, 5, 5), False),
        (date(2023, 4, 7), False),
        (date(2023, 12, 26), False),
        (date(2023, 12, 27), True),
        (date(2023, 6, 10), False),  # zaterdag
    ],
)
def test_is_werkdag(db, datum, werkdag):
    assert is_werkdag(datum) is werkdag


def test_koningsdag_naam(db):
    assert feestdag(date(2025, 4, 26)) is not None
    assert feestdag(date(2025, 4, 27)) is None


def test_sluitingsdag_is_geen_werkdag(db):
    vrijdag_na_hemelvaart = date(2023, 5, 19)
    assert is_werkdag(vrijdag_na_hemelvaart)
    assert add_working_days(date(2023, 5, 17), 1) == vrijdag_na_hemelvaart
    Sluitingsdag.objects.create(datum=vrijdag_na_hemelvaart, omschrijving="Brugdag na Hemelvaart")
    assert not is_werkdag(vrijdag_na_hemelvaart)
    assert add_working_days(date(2023, 5, 17), 1) == date(2023, 5, 22)
    assert working_days_between(date(2023, 5, 17), date(2023, 5, 22)) == 1


def test_working_days_between_is_negatief_terug_in_de_tijd(db):
    assert working_days_between(date(2023, 5, 1), date(2023, 4, 21)) == -5


def test_negatief_aantal_wordt_geweigerd(db):
    with pytest.raises(ValueError):
        add_working_days(date(2023, 1, 2), -1)
