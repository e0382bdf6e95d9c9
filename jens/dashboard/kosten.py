"""Cost per unique client per month: the finances (``financien``) divided by the clients in care (``cases``).

Cost per client per month = total costs of the period / months / average number of unique clients in care per
month, where the average is the mean of the month-end counts (as JENS publishes it: HLV 2023H1 2.434). The
published figures: 2022 € 35.603k / 12 / 2.572 = € 1.153; 2023H1 € 19.037k / 6 / 2.434 = € 1.303."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cases import selectors as cases_selectors
from financien import selectors as financien_selectors
from jens.dashboard import conf
from jens.periode import Periode


def gemiddeld_in_zorg_per_maand(periode: Periode, *, gemeente=None) -> Decimal | None:
    """The mean of the month-end counts of unique clients in care (unrounded). The one place that computes it for
    the finances; it reads the monthly counts of ``cases.selectors.clienten_per_maand`` (one query)."""
    per_maand = cases_selectors.clienten_per_maand(periode, gemeente=gemeente)
    if not per_maand:
        return None
    return Decimal(sum(m["in_zorg"] for m in per_maand)) / len(per_maand)


def kosten_per_client(periode: Periode, *, gemeente=None, staat: dict | None = None) -> dict:
    """The cost per unique client per month against the norm (``DASHBOARD_NORM_KOSTEN_PER_CLIENT``)."""
    staat = staat or financien_selectors.financiele_staat(periode, gemeente=gemeente)
    gemiddeld = gemiddeld_in_zorg_per_maand(periode, gemeente=gemeente)
    maanden = staat["maanden"]
    per_client = None
    if gemiddeld and maanden and staat["kosten"]:
        per_client = (staat["kosten"] / maanden / gemiddeld).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return {
        "periode": periode.label,
        "kosten": staat["kosten"],
        "maanden": maanden,
        "gemiddeld_in_zorg": gemiddeld.quantize(Decimal("1"), rounding=ROUND_HALF_UP) if gemiddeld else None,
        "gemiddeld_in_zorg_exact": gemiddeld,
        "kosten_per_client": per_client,
        "norm": conf.norm_kosten_per_client(),
    }
