from decimal import Decimal

import pytest

from jens.privacy import KLEIN_TEKST, is_klein_aantal


@pytest.mark.parametrize(
    ("aantal", "klein"), [(0, False), (1, True), (4, True), (5, False), (None, False), (True, False)]
)
def test_klein_aantal(aantal, klein):
    assert is_klein_aantal(aantal) is klein
    assert KLEIN_TEKST == "<5"


from jens.privacy import VERBORGEN, maskeer_deel, maskeer_groep  # noqa: E402


@pytest.mark.parametrize(
    ("aantallen", "getoond"),
    [
        ([5, 1], ["—", "<5"]),  # Klacht 5, melding 1, total 6: 6 - 5 would give the 1 away
        ([12, 7, 2], [12, "—", "<5"]),  # the smallest other count goes with it
        ([12, 3, 2], [12, "<5", "<5"]),  # two hidden: neither can be derived
        ([12, 0, 3], [12, "—", "<5"]),
        ([12, 7, 0], [12, 7, 0]),  # nothing hidden
        ([3], ["<5"]),
    ],
)
def test_een_totaal_verraadt_geen_verborgen_aantal(aantallen, getoond):
    assert maskeer_groep(aantallen) == getoond
    assert VERBORGEN == "—"


def test_een_aandeel_van_minder_dan_5_personen_wordt_niet_getoond():
    assert maskeer_deel(Decimal("100.0"), 3) is None
    assert maskeer_deel(Decimal("100.0"), 5) == Decimal("100.0")
    assert maskeer_deel(None, 0) is None
