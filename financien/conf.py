"""Norms of the finances: ``settings.JENS_TERMIJNEN`` keys with these defaults (read on every use)."""

from decimal import Decimal

from django.conf import settings

STANDAARD: dict[str, object] = {
    # a cost line is flagged when its realised costs so far this year exceed the budget pro rata by more than this
    "FINANCIEN_MARGE_BOVEN_BEGROTING_PCT": "5",
}


def waarde(sleutel: str):
    return getattr(settings, "JENS_TERMIJNEN", {}).get(sleutel, STANDAARD[sleutel])


def marge_boven_begroting_pct() -> Decimal:
    return Decimal(str(waarde("FINANCIEN_MARGE_BOVEN_BEGROTING_PCT")))
