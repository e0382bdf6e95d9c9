from datetime import date

import pytest

from jens.periode import Periode


@pytest.mark.parametrize(
    ("tekst", "van", "tot", "vorig"),
    [
        ("2023H1", date(2023, 1, 1), date(2023, 6, 30), "2022H1"),
        ("2021h2", date(2021, 7, 1), date(2021, 12, 31), "2020H2"),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "2020"),
        ("2024-02-01..2024-02-29", date(2024, 2, 1), date(2024, 2, 29), "2023-02-01..2023-02-28"),
    ],
)
def test_parse_en_vorig_jaar(tekst, van, tot, vorig):
    p = Periode.parse(tekst)
    assert (p.van, p.tot) == (van, tot)
    assert p.vorig_jaar().label == vorig


@pytest.mark.parametrize("tekst", ["", "2023H3", "23H1", "2023-06-30..2023-01-01", "2023-02-30..2023-03-01"])
def test_ongeldige_periode(tekst):
    with pytest.raises(ValueError):
        Periode.parse(tekst)


def test_maanden():
    assert Periode.parse("2023H1").maanden() == [date(2023, m, 1) for m in range(1, 7)]
