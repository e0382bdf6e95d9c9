"""The demo reproduces every published finance figure through the selectors (half-year report 2023, annual report
2021): the statement, the care split in euros and the cost per unique client per month."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from financien import selectors
from jens.dashboard import kosten
from jens.periode import Periode

pytestmark = pytest.mark.django_db

K = Decimal("1000")


def _regels(periode: str) -> dict[str, Decimal]:
    staat = selectors.financiele_staat(Periode.parse(periode))
    return {r["sleutel"]: r for r in staat["regels"]}


@pytest.mark.parametrize(
    ("periode", "kolom"),
    [("2022", "2022"), ("2023H1", "2023H1")],
)
def test_financiele_staat_zoals_gepubliceerd(financien_demo, periode, kolom):
    import csv

    from financien.demo import DATA

    with (DATA / "financien_staat.csv").open(encoding="utf-8") as f:
        gepubliceerd = {r["post"]: Decimal(r[kolom]) * K for r in csv.DictReader(f)}
    regels = _regels(periode)
    naar_sleutel = {
        "inkomsten": "inkomsten",
        "voorliggend veld": "voorliggend_veld",
        "gebiedsteams": "gebiedsteams",
        "specialistische zorg": "specialistische_zorg",
        "subtotaal zorgkosten": "zorgkosten",
        "PGB": "pgb",
        "overige initiatieven": "overige_initiatieven",
        "overhead JENS": "overhead",
        "organisatiekosten": "organisatiekosten",
        "meerkosten bijdrage HLV": "meerkosten_bijdrage",
        "resultaat": "resultaat",
    }
    assert {post: regels[sleutel]["realisatie"] for post, sleutel in naar_sleutel.items()} == gepubliceerd


def test_resultaat_2023h1_en_meerkosten_bijdrage(financien_demo):
    staat = selectors.financiele_staat(Periode.parse("2023H1"))
    assert staat["resultaat"] == Decimal("-127000")
    assert staat["meerkosten_bijdrage"] == Decimal("1942000")  # the € 1,9 mln of the council letter
    assert staat["kosten"] == Decimal("19037000") and staat["inkomsten"] == Decimal("16968000")
    # the 2023 budget per line as published (the budgeted income is the demo assignment: € 33.936k)
    regels = _regels("2023H1")
    assert regels["zorgkosten"]["begroting_jaar"] == Decimal("33706000")
    assert regels["meerkosten_bijdrage"]["begroting_jaar"] == Decimal("-3540000")
    assert regels["gebiedsteams"]["begroting"] == Decimal("7720000")  # pro rata: half of € 15.440k


@pytest.mark.parametrize(
    ("periode", "uitbesteed", "totaal", "pct"),
    [("2021", 16340, 30724, 53), ("2022", 17829, 31918, 56), ("2023H1", 9140, 17216, 53)],
)
def test_zorgverdeling_in_euro(financien_demo, periode, uitbesteed, totaal, pct):
    r = selectors.zorgverdeling(Periode.parse(periode))
    assert r["uitbesteed"] == uitbesteed * K and r["totaal"] == totaal * K
    assert r["uitbesteed_pct"].quantize(Decimal("1"), rounding=ROUND_HALF_UP) == pct
    assert r["gebiedsteams_pct"] + r["uitbesteed_pct"] == 100


def test_uitbestede_zorg_is_precies_de_besteding_per_aanbieder(financien_demo):
    from django.db.models import Sum

    from contracts.models import Uitgave
    from financien.models import Kostenregel

    assert not Kostenregel.objects.filter(post="specialistische_zorg").exists()
    besteed = Uitgave.objects.filter(jaar=2023, maand__lte=6, categorie="specialistische_zorg").aggregate(
        s=Sum("bedrag")
    )["s"]
    # SQLite sums decimals as floating point (9140000.00000001); amounts are whole cents
    assert selectors.zorgverdeling(Periode.parse("2023H1"))["uitbesteed"] == besteed.quantize(Decimal("0.01"))


def test_kosten_per_unieke_client_per_maand_en_de_rijen_per_gemeente(cases_demo):
    """One demo load for these (the casework demo is large): the cost per client of 2022 and 2023H1 as published,
    with the mean of the month-end counts, while the published 2023H1 rows per gemeente stay as they are."""
    from cases import selectors as cases_selectors
    from cases.demo import cijfers

    for periode, gemiddeld, per_client, totaal in (("2022", 2572, 1153, 35603), ("2023H1", 2434, 1303, 19037)):
        r = kosten.kosten_per_client(Periode.parse(periode))
        assert r["kosten"] == totaal * K
        assert r["gemiddeld_in_zorg"] == gemiddeld, periode  # the mean of the month-end counts
        assert r["kosten_per_client"] == per_client, periode
        assert r["norm"] == 1332
    rapport = cases_selectors.clienten_rapport(Periode.parse("2023H1"))
    rijen = {r["gemeente"]: r for r in rapport["rijen"]}
    for gemeente, verwacht in cijfers().items():
        assert {k: rijen[gemeente][k] for k in verwacht} == verwacht
    hlv_2022 = cases_selectors.clienten_rapport(Periode.parse("2022"))["rijen"][-1]
    assert hlv_2022["bij_aanvang"] == 2565 and hlv_2022["ultimo"] == 2482
