from datetime import date

import pytest

from contracts.models import Contract, Relatie
from contracts.selectors import actief_contract_op, heeft_actieve_relatie_of_contract_op
from tests.contracts.factories import ContractFactory, RelatieFactory, ZorgaanbiederFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "datum", "verwacht"),
    [
        (Contract.Status.ACTIEF, date(2022, 12, 31), False),
        (Contract.Status.ACTIEF, date(2023, 1, 1), True),
        (Contract.Status.ACTIEF, date(2023, 12, 31), True),
        (Contract.Status.ACTIEF, date(2024, 1, 1), False),
        (Contract.Status.OPGEZEGD, date(2023, 6, 1), True),
        (Contract.Status.CONCEPT, date(2023, 6, 1), False),
        (Contract.Status.BEEINDIGD, date(2023, 6, 1), False),
    ],
)
def test_actief_contract_op(status, datum, verwacht):
    contract = ContractFactory(status=status)
    assert (actief_contract_op(contract.zorgaanbieder, datum) == contract) is verwacht
    assert heeft_actieve_relatie_of_contract_op(contract.zorgaanbieder, datum) is verwacht


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [(date(2020, 12, 31), False), (date(2021, 1, 1), True), (date(2021, 4, 30), True), (date(2021, 5, 1), False)],
)
def test_relatie_telt_als_actieve_relatie(datum, verwacht):
    relatie = RelatieFactory(soort=Relatie.Soort.LID, geldig_van=date(2021, 1, 1), geldig_tot=date(2021, 5, 1))
    assert heeft_actieve_relatie_of_contract_op(relatie.zorgaanbieder, datum) is verwacht


def test_geen_relatie_geen_contract():
    assert heeft_actieve_relatie_of_contract_op(ZorgaanbiederFactory(), date(2023, 1, 1)) is False
