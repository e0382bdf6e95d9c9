from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from complaints.services import bereken_termijnen
from jens.models import Sluitingsdag

from .factories import KlachtFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ontvangen", "oppakken"),
    [
        (date(2023, 4, 21), date(2023, 5, 1)),  # Friday; King's Day (Thursday 27-04) does not count
        (date(2023, 1, 2), date(2023, 1, 9)),  # plain week: Monday -> next Monday
        (date(2023, 4, 22), date(2023, 5, 1)),  # received on a Saturday
        (date(2023, 12, 22), date(2024, 1, 3)),  # Christmas, Boxing Day and New Year's Day
        (date(2025, 5, 2), date(2025, 5, 12)),  # 5 May (Liberation Day) is not a working day
        (date(2024, 5, 8), date(2024, 5, 16)),  # Ascension Day 9 May 2024
    ],
)
def test_oppakken_uiterlijk_is_vijfde_werkdag_na_ontvangst(ontvangen, oppakken):
    assert bereken_termijnen(ontvangen) == (oppakken, ontvangen + timedelta(weeks=6))


def test_sluitingsdag_telt_niet_mee():
    Sluitingsdag.objects.create(datum=date(2023, 1, 4), omschrijving="Teamdag")
    assert bereken_termijnen(date(2023, 1, 2))[0] == date(2023, 1, 10)


def test_termijnen_worden_bij_aanmaken_opgeslagen_op_de_lokale_ontvangstdatum():
    # 23:30 UTC on 20 April is 01:30 on 21 April in Amsterdam: the local date counts
    ontvangen = datetime(2023, 4, 20, 23, 30, tzinfo=ZoneInfo("UTC"))
    klacht = KlachtFactory(ontvangen_op=ontvangen)
    klacht.refresh_from_db()
    assert klacht.ontvangen_datum == date(2023, 4, 21)
    assert klacht.oppakken_uiterlijk == date(2023, 5, 1)
    assert klacht.afhandelen_uiterlijk == date(2023, 6, 2)


def test_termijnen_volgen_de_instellingen(settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "KLACHT_OPPAKKEN_WERKDAGEN": 3, "KLACHT_AFHANDELEN_WEKEN": 8}
    assert bereken_termijnen(date(2023, 1, 2)) == (date(2023, 1, 5), date(2023, 2, 27))


def test_werkdagen_over_voor_een_hele_lijst_in_een_query(django_assert_num_queries):
    from jens.werkdagen import working_days_between, working_days_from

    Sluitingsdag.objects.create(datum=date(2023, 5, 19), omschrijving="Dag na Hemelvaart")
    vandaag = date(2023, 5, 10)
    datums = [date(2023, 5, 1), date(2023, 5, 10), date(2023, 5, 22), date(2023, 6, 2), None]
    with django_assert_num_queries(1):
        over = working_days_from(vandaag, datums)
    assert over == {d: working_days_between(vandaag, d) for d in datums if d}
    assert over[date(2023, 5, 22)] == 6  # 11, 12, 15, 16, 17, 22 (Ascension Day 18-5 and the closing day 19-5 skipped)
    assert working_days_from(vandaag, [None]) == {}
