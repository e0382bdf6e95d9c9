"""Demo finances from the published finance statement (``financien/data/financien_staat.csv``, copied from the
reference data; amounts × € 1.000): the 2023 budget per line, the booked costs per month of 2022 (first half as
published for 2022H1, the rest of the year the difference to the 2022 column) and of the first half of 2023,
and the care costs of 2021 (annual report 2021: € 30.724k care costs, of which € 16.340k outsourced; the split
over voorliggend veld and gebiedsteams is not published: demo). Each JENS-wide amount is split over the gemeenten
by their assignment (``contracts.Opdracht``) and evenly over the months. The outsourced care is not booked here:
the contracts demo records it as spending per provider (``contracts.Uitgave``) with the same totals.
Idempotent: a second run changes nothing."""

import csv
from decimal import Decimal
from pathlib import Path

from contracts.demo import opdracht_aandelen, verdeel_naar
from financien.models import Begrotingsregel, Kostenpost, Kostenregel

DATA = Path(__file__).resolve().parent / "data"
DUIZEND = Decimal("1000")
POSTEN = {  # the statement's wording -> line
    "voorliggend veld": Kostenpost.VOORLIGGEND_VELD,
    "gebiedsteams": Kostenpost.GEBIEDSTEAMS,
    "specialistische zorg": Kostenpost.SPECIALISTISCHE_ZORG,
    "PGB": Kostenpost.PGB,
    "overige initiatieven": Kostenpost.OVERIGE_INITIATIEVEN,
    "overhead JENS": Kostenpost.OVERHEAD,
    "organisatiekosten": Kostenpost.ORGANISATIEKOSTEN,
    "meerkosten bijdrage HLV": Kostenpost.MEERKOSTEN_BIJDRAGE,
}
# 2021: only the care costs are published; demo split of the area-team part (30.724 - 16.340 = 14.384).
ZORGKOSTEN_2021 = {Kostenpost.VOORLIGGEND_VELD: Decimal("590"), Kostenpost.GEBIEDSTEAMS: Decimal("13794")}
BRON = "demo: halfjaarrapportage 2023 (financiën)"


def staat() -> dict[str, dict[str, Decimal]]:
    """Per line (Kostenpost) the published columns in euros, the contribution as a positive amount."""
    with (DATA / "financien_staat.csv").open(encoding="utf-8") as f:
        rijen = {r["post"]: r for r in csv.DictReader(f)}
    return {
        post: {k: abs(Decimal(rijen[naam][k])) * DUIZEND for k in ("2022", "2023_begroting", "2022H1", "2023H1")}
        for naam, post in POSTEN.items()
    }


def _maandregels(jaar: int, maanden: range, post: str, bedrag: Decimal, bron: str) -> list[Kostenregel]:
    aandelen = opdracht_aandelen(jaar)
    regels = []
    for gemeente_id, deel in zip(aandelen, verdeel_naar(bedrag, list(aandelen.values())), strict=True):
        for maand, maanddeel in zip(maanden, verdeel_naar(deel, [1] * len(maanden)), strict=True):
            regels.append(
                Kostenregel(gemeente_id=gemeente_id, jaar=jaar, maand=maand, post=post, bedrag=maanddeel, bron=bron)
            )
    return regels


def seed(stdout) -> None:
    if Kostenregel.objects.exists() or Begrotingsregel.objects.exists():
        stdout.write("financien: demodata bestaat al")
        return
    cijfers = staat()
    begroting = []
    aandelen = opdracht_aandelen(2023)
    for post, kolommen in cijfers.items():
        for gemeente_id, deel in zip(
            aandelen, verdeel_naar(kolommen["2023_begroting"], list(aandelen.values())), strict=True
        ):
            begroting.append(
                Begrotingsregel(gemeente_id=gemeente_id, jaar=2023, post=post, bedrag=deel, toelichting=BRON)
            )
    Begrotingsregel.objects.bulk_create(begroting)
    kosten = []
    for post, kolommen in cijfers.items():
        if post == Kostenpost.SPECIALISTISCHE_ZORG:  # spending per provider (contracts demo)
            continue
        kosten += _maandregels(2022, range(1, 7), post, kolommen["2022H1"], BRON)
        kosten += _maandregels(2022, range(7, 13), post, kolommen["2022"] - kolommen["2022H1"], BRON)
        kosten += _maandregels(2023, range(1, 7), post, kolommen["2023H1"], BRON)
    for post, bedrag in ZORGKOSTEN_2021.items():
        kosten += _maandregels(2021, range(1, 13), post, bedrag * DUIZEND, "demo: jaarrapportage 2021 (zorgkosten)")
    Kostenregel.objects.bulk_create(kosten, batch_size=2000)
    stdout.write(f"financien: {len(begroting)} begrotingsregels, {len(kosten)} kostenregels")
