"""The seven largest providers by spending on outsourced care in the period, per gemeente its own money."""

from decimal import Decimal

import pytest

from contracts.models import Uitgave, Zorgaanbieder
from financien import selectors
from jens.models import Gemeente
from jens.periode import Periode

pytestmark = pytest.mark.django_db

H1 = Periode.parse("2023H1")


def _uitgave(aanbieder, bedrag, *, maand=3, jaar=2023, gemeente="heerlen", categorie="specialistische_zorg"):
    Uitgave.objects.create(
        zorgaanbieder=aanbieder,
        jaar=jaar,
        maand=maand,
        gemeente=Gemeente.objects.get(code=gemeente),
        categorie=categorie,
        bedrag=Decimal(bedrag),
    )


def _vul(n: int) -> list[Zorgaanbieder]:
    aanbieders = [Zorgaanbieder.objects.create(naam=f"Aanbieder {i:02d}") for i in range(n)]
    for i, a in enumerate(aanbieders):
        _uitgave(a, 1000 + 100 * i, maand=1 + i % 6)
    return aanbieders


def test_zeven_grootste_met_aandeel_en_de_rest():
    aanbieders = _vul(9)  # 1.000 .. 1.800
    _uitgave(aanbieders[0], 5000, maand=7)  # after the period
    _uitgave(aanbieders[0], 5000, jaar=2022)  # the year before
    _uitgave(aanbieders[1], 5000, categorie="pgb")  # not outsourced care
    _uitgave(aanbieders[2], 700, gemeente="landgraaf")  # another gemeente
    r = selectors.grootste_aanbieders(H1)
    namen = [x["zorgaanbieder"] for x in r["rijen"]]
    # Aanbieder 02: 1.200 in Heerlen + 700 in Landgraaf = 1.900, the largest
    assert namen == ["Aanbieder 02", "Aanbieder 08", "Aanbieder 07", "Aanbieder 06", "Aanbieder 05", "Aanbieder 04",
                     "Aanbieder 03"]  # fmt: skip
    assert r["rijen"][0]["bedrag"] == Decimal("1900.00")
    assert r["totaal"] == Decimal("13300.00")
    assert r["overig_bedrag"] == Decimal("2100.00")  # Aanbieder 00 and 01
    assert r["rijen"][0]["aandeel_pct"] == Decimal("14.3")  # 1.900 / 13.300


def test_gemeente_ziet_alleen_eigen_besteding():
    a, b = Zorgaanbieder.objects.create(naam="A"), Zorgaanbieder.objects.create(naam="B")
    _uitgave(a, 500, gemeente="voerendaal")
    _uitgave(b, 900, gemeente="heerlen")
    r = selectors.grootste_aanbieders(H1, gemeente=Gemeente.objects.get(code="voerendaal"))
    assert [(x["zorgaanbieder"], x["bedrag"]) for x in r["rijen"]] == [("A", Decimal("500.00"))]
    assert r["totaal"] == Decimal("500.00")


@pytest.mark.parametrize("n", [3, 40])
def test_vast_aantal_queries(django_assert_num_queries, n):
    _vul(n)
    with django_assert_num_queries(2):
        r = selectors.grootste_aanbieders(H1)
    assert len(r["rijen"]) == min(n, 7)
