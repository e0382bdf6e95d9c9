from datetime import date

import pytest

from contracts import signaleringen as s
from contracts.models import Contract
from jens.models import EmailBericht, Signalering
from tests.contracts.factories import (
    ActiepuntFactory,
    AfspraakFactory,
    ContractFactory,
    GesprekFactory,
    JaarrekeningFactory,
    RelatieFactory,
)

pytestmark = pytest.mark.django_db


def open_voor(soort):
    return set(Signalering.objects.open().filter(soort=soort).values_list("object_id", flat=True))


@pytest.mark.parametrize(
    ("einddatum", "gemeld"),
    [(date(2023, 10, 1), False), (date(2023, 9, 30), True), (date(2023, 12, 30), False), (date(2023, 7, 2), True)],
)
def test_contract_loopt_af_binnen_90_dagen(einddatum, gemeld):
    contract = ContractFactory(startdatum=date(2023, 1, 1), einddatum=einddatum)
    s.signaleer_contracten(date(2023, 7, 2))
    assert (contract.pk in open_voor(s.CONTRACT_LOOPT_AF)) is gemeld


def test_contract_met_opvolger_niet_gemeld_en_vanzelf_opgelost():
    contract = ContractFactory(startdatum=date(2023, 1, 1), einddatum=date(2023, 8, 1))
    s.signaleer_contracten(date(2023, 7, 1))
    assert open_voor(s.CONTRACT_LOOPT_AF) == {contract.pk}
    ContractFactory(zorgaanbieder=contract.zorgaanbieder, startdatum=date(2023, 8, 2), status=Contract.Status.CONCEPT)
    s.signaleer_contracten(date(2023, 7, 2))
    assert open_voor(s.CONTRACT_LOOPT_AF) == set()


def test_eenmaal_gemeld(maak_gebruiker, django_capture_on_commit_callbacks):
    maak_gebruiker("inkoper")
    ActiepuntFactory(deadline=date(2023, 4, 1))
    with django_capture_on_commit_callbacks(execute=True):
        s.signaleer_contracten(date(2023, 4, 2))
    with django_capture_on_commit_callbacks(execute=True):
        s.signaleer_contracten(date(2023, 4, 3))
    assert Signalering.objects.filter(soort=s.ACTIEPUNT_TE_LAAT).count() == 1
    assert EmailBericht.objects.count() == 1


@pytest.mark.parametrize(("afgerond", "gemeld"), [(None, True), (date(2023, 4, 1), False)])
def test_actiepunt_over_deadline(afgerond, gemeld):
    punt = ActiepuntFactory(deadline=date(2023, 4, 1), afgerond_op=afgerond)
    s.signaleer_contracten(date(2023, 4, 2))
    assert (punt.pk in open_voor(s.ACTIEPUNT_TE_LAAT)) is gemeld


@pytest.mark.parametrize(
    ("status", "gemeld"), [("open", True), ("lopend", True), ("gerealiseerd", False), ("vervallen", False)]
)
def test_afspraak_over_streefdatum(status, gemeld):
    afspraak = AfspraakFactory(streefdatum=date(2023, 6, 30), status=status)
    s.signaleer_contracten(date(2023, 7, 1))
    assert (afspraak.pk in open_voor(s.AFSPRAAK_TE_LAAT)) is gemeld


@pytest.mark.parametrize(
    ("laatste_monitorgesprek", "gemeld"),
    [(None, True), (date(2023, 7, 1), True), (date(2023, 7, 2), False), (date(2024, 6, 1), False)],
)
def test_monitorgesprek_elke_12_maanden(laatste_monitorgesprek, gemeld):
    afspraak = AfspraakFactory(afgesproken_op=date(2023, 2, 1), streefdatum=date(2025, 1, 1), status="lopend")
    if laatste_monitorgesprek:
        GesprekFactory(
            zorgaanbieder=afspraak.zorgaanbieder, gepland_op=laatste_monitorgesprek, gehouden_op=laatste_monitorgesprek
        )
    s.signaleer_contracten(date(2024, 7, 2))
    assert (afspraak.zorgaanbieder_id in open_voor(s.MONITORGESPREK_TE_LAAT)) is gemeld


def test_gepland_gesprek_niet_gehouden():
    gesprek = GesprekFactory(gepland_op=date(2023, 3, 1), gehouden_op=None)
    s.signaleer_contracten(date(2023, 3, 1))
    assert open_voor(s.GESPREK_NIET_GEHOUDEN) == set()
    s.signaleer_contracten(date(2023, 3, 2))
    assert open_voor(s.GESPREK_NIET_GEHOUDEN) == {gesprek.pk}


@pytest.mark.parametrize(
    ("soort", "vandaag", "beoordeeld", "gemeld"),
    [
        ("lid", date(2023, 10, 1), False, False),
        ("lid", date(2023, 10, 2), False, True),
        ("onderaannemer", date(2023, 10, 2), False, True),
        ("leverancier", date(2023, 10, 2), False, False),
        ("lid", date(2023, 10, 2), True, False),
    ],
)
def test_jaarrekening_uiterlijk_1_oktober(soort, vandaag, beoordeeld, gemeld):
    relatie = RelatieFactory(soort=soort, geldig_van=date(2022, 11, 1))  # not yet a member on 1-10-2022
    if beoordeeld:
        JaarrekeningFactory(
            zorgaanbieder=relatie.zorgaanbieder,
            boekjaar=2022,
            beoordeeld_op=date(2023, 9, 1),
            oordeel="geen_bijzonderheden",
        )
    s.signaleer_contracten(vandaag)
    assert (relatie.zorgaanbieder_id in open_voor(s.JAARREKENING_ONTBREEKT)) is gemeld


def test_een_query_per_soort(django_assert_num_queries):
    from contracts import selectors

    ActiepuntFactory.create_batch(3, deadline=date(2023, 4, 1))
    AfspraakFactory.create_batch(3, afgesproken_op=date(2022, 6, 1), streefdatum=date(2023, 1, 1))
    for query in (
        selectors.actiepunten_te_laat(date(2023, 5, 1)),
        selectors.afspraken_te_laat(date(2023, 5, 1)),
        selectors.contracten_zonder_opvolger(date(2023, 5, 1)),
        selectors.monitorgesprek_te_laat(date(2023, 5, 1)),
        selectors.gesprek_gepland_niet_gehouden(date(2023, 5, 1)),
        selectors.jaarrekening_ontbreekt(date(2023, 5, 1)),
    ):
        with django_assert_num_queries(1):
            [str(obj) for obj in query]
