"""Norms and limits of the dashboard and the half-year report: ``settings.JENS_TERMIJNEN`` keys with these
defaults (read on every use, so a changed setting applies without a restart of the code that imported it)."""

from django.conf import settings

STANDAARD: dict[str, float] = {
    # unique clients in care per month on which the lump sum is based (HLV together)
    "DASHBOARD_NORM_CLIENTEN_PER_MAAND": 2100,
    # cost per unique client per month (euro) that the lump sum allows
    "DASHBOARD_NORM_KOSTEN_PER_CLIENT": 1332,
    # share of complaints picked up within the pickup term (percent)
    "DASHBOARD_NORM_KLACHT_TIJDIG_PCT": 100,
    # producing the report synchronously may take at most this long; beyond it the report becomes a Celery job
    "DASHBOARD_RAPPORT_SYNC_SECONDEN": 2.0,
}


def waarde(sleutel: str) -> float:
    return getattr(settings, "JENS_TERMIJNEN", {}).get(sleutel, STANDAARD[sleutel])


def norm_clienten_per_maand() -> int:
    return int(waarde("DASHBOARD_NORM_CLIENTEN_PER_MAAND"))


def norm_klacht_tijdig_pct() -> int:
    return int(waarde("DASHBOARD_NORM_KLACHT_TIJDIG_PCT"))


def rapport_sync_seconden() -> float:
    return float(waarde("DASHBOARD_RAPPORT_SYNC_SECONDEN"))


def norm_kosten_per_client() -> int:
    return int(waarde("DASHBOARD_NORM_KOSTEN_PER_CLIENT"))
