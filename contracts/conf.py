"""Terms, norms and targets of the contracts app: ``settings.JENS_TERMIJNEN`` keys with these defaults."""

from datetime import date
from decimal import Decimal

from django.conf import settings

STANDAARD: dict[str, object] = {
    # fewer than this number of employees on 1 January = kleine aanbieder for that year
    "CONTRACTS_KLEINE_AANBIEDER_GRENS": 10,
    # minimum share (percent of the opdrachtsom) to be spent at small providers
    "CONTRACTS_NORM_KLEINE_AANBIEDERS_PCT": "4.0",
    # every provider with an open or running agreement has a monitorgesprek at least this often
    "CONTRACTS_MONITORGESPREK_MAANDEN": 12,
    # review of the annual accounts of year Y-1 due on this day of year Y ("MM-DD")
    "CONTRACTS_JAARREKENING_UITERLIJK": "10-01",
    # a contract ending within this many days without a successor is flagged
    "CONTRACTS_CONTRACT_EINDE_DAGEN": 90,
    # targets per year: transformation agreements {"jaar": ["streefdatum", aantal]}, monitoring meetings {"jaar": n}
    "CONTRACTS_DOEL_TRANSFORMATIEAFSPRAKEN": {"2023": ["2023-03-31", 10]},
    "CONTRACTS_DOEL_MONITORGESPREKKEN": {"2023": 27},
}


def waarde(sleutel: str):
    return getattr(settings, "JENS_TERMIJNEN", {}).get(sleutel, STANDAARD[sleutel])


def kleine_aanbieder_grens() -> int:
    return int(waarde("CONTRACTS_KLEINE_AANBIEDER_GRENS"))


def norm_kleine_aanbieders() -> Decimal:
    return Decimal(str(waarde("CONTRACTS_NORM_KLEINE_AANBIEDERS_PCT")))


def monitorgesprek_maanden() -> int:
    return int(waarde("CONTRACTS_MONITORGESPREK_MAANDEN"))


def jaarrekening_uiterlijk(jaar: int) -> date:
    """The due date in ``jaar`` for the review of the annual accounts of ``jaar - 1``."""
    maand, dag = (int(x) for x in str(waarde("CONTRACTS_JAARREKENING_UITERLIJK")).split("-"))
    return date(jaar, maand, dag)


def contract_einde_dagen() -> int:
    return int(waarde("CONTRACTS_CONTRACT_EINDE_DAGEN"))


def doel_transformatieafspraken(jaar: int) -> tuple[date | None, int | None]:
    doel = waarde("CONTRACTS_DOEL_TRANSFORMATIEAFSPRAKEN").get(str(jaar))
    if not doel:
        return None, None
    return date.fromisoformat(doel[0]), int(doel[1])


def doel_monitorgesprekken(jaar: int) -> int | None:
    doel = waarde("CONTRACTS_DOEL_MONITORGESPREKKEN").get(str(jaar))
    return int(doel) if doel is not None else None
