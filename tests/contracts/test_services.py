from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from contracts import services
from contracts.models import Contract, ContractRegel, Relatie, TransformatieAfspraak, Zorgaanbieder
from tests.contracts.factories import (
    AfspraakFactory,
    ContractFactory,
    ContractRegelFactory,
    RelatieFactory,
    ZorgaanbiederFactory,
)

pytestmark = pytest.mark.django_db

LID, ONDER = Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER


def fout(exc: pytest.ExceptionInfo, veld: str) -> str:
    return " ".join(exc.value.message_dict[veld])


# --- providers ---------------------------------------------------------------------------------


def test_naam_uniek_zonder_hoofdletters():
    services.sla_zorgaanbieder_op(naam="Scoor")
    with pytest.raises(ValidationError) as exc:
        services.sla_zorgaanbieder_op(naam="SCOOR")
    assert "naam" in exc.value.message_dict
    assert Zorgaanbieder.objects.count() == 1


def test_andere_naam_mag_geen_naam_van_andere_aanbieder_zijn():
    services.sla_zorgaanbieder_op(naam="Yvoor")
    with pytest.raises(ValidationError) as exc:
        services.sla_zorgaanbieder_op(naam="Stichting Yvoor", andere_namen=["yvoor"])
    assert "andere_namen" in exc.value.message_dict
    assert not Zorgaanbieder.objects.filter(naam="Stichting Yvoor").exists()


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a"])
def test_kvk_acht_cijfers(kvk):
    with pytest.raises(ValidationError) as exc:
        services.sla_zorgaanbieder_op(naam="Tobas", kvk_nummer=kvk)
    assert "8 cijfers" in fout(exc, "kvk_nummer")


def test_kvk_uniek_wanneer_ingevuld():
    services.sla_zorgaanbieder_op(naam="A", kvk_nummer="12345678")
    services.sla_zorgaanbieder_op(naam="B")
    services.sla_zorgaanbieder_op(naam="C")  # two empty KvK numbers are fine
    with pytest.raises(ValidationError) as exc:
        services.sla_zorgaanbieder_op(naam="D", kvk_nummer="12345678")
    assert "KvK" in str(exc.value)


# --- relation periods --------------------------------------------------------------------------

OVERLAP = [
    # existing [2021-01-01, 2021-05-01); new period; overlaps?
    (date(2020, 1, 1), date(2021, 1, 1), False),
    (date(2021, 5, 1), None, False),
    (date(2021, 4, 30), date(2021, 6, 1), True),
    (date(2020, 1, 1), date(2021, 1, 2), True),
    (date(2020, 1, 1), None, True),
    (date(2021, 2, 1), date(2021, 3, 1), True),
]


@pytest.mark.parametrize(("van", "tot", "overlapt"), OVERLAP)
def test_relatieperioden_overlappen_niet(van, tot, overlapt):
    aanbieder = ZorgaanbiederFactory()
    RelatieFactory(zorgaanbieder=aanbieder, geldig_van=date(2021, 1, 1), geldig_tot=date(2021, 5, 1))
    if overlapt:
        with pytest.raises(ValidationError) as exc:
            services.sla_relatie_op(zorgaanbieder=aanbieder, soort=ONDER, geldig_van=van, geldig_tot=tot)
        assert "overlapt" in fout(exc, "geldig_van")
        assert aanbieder.relaties.count() == 1
    else:
        services.sla_relatie_op(zorgaanbieder=aanbieder, soort=ONDER, geldig_van=van, geldig_tot=tot)
        assert aanbieder.relaties.count() == 2


def test_overlap_bij_andere_aanbieder_mag():
    RelatieFactory(geldig_van=date(2021, 1, 1))
    services.sla_relatie_op(zorgaanbieder=ZorgaanbiederFactory(), soort=LID, geldig_van=date(2021, 1, 1))
    assert Relatie.objects.count() == 2


def test_database_weigert_overlap_op_postgresql():
    aanbieder = ZorgaanbiederFactory()
    RelatieFactory(zorgaanbieder=aanbieder, geldig_van=date(2021, 1, 1))
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            Relatie.objects.create(zorgaanbieder=aanbieder, soort=ONDER, geldig_van=date(2022, 1, 1))
    else:  # SQLite has no exclusion constraint: the service is the guard there
        Relatie.objects.create(zorgaanbieder=aanbieder, soort=ONDER, geldig_van=date(2022, 1, 1))
        assert aanbieder.relaties.count() == 2


def test_einde_relatie_na_begin():
    with pytest.raises(ValidationError) as exc:
        services.sla_relatie_op(
            zorgaanbieder=ZorgaanbiederFactory(), soort=LID, geldig_van=date(2021, 5, 1), geldig_tot=date(2021, 5, 1)
        )
    assert "na de begindatum" in fout(exc, "geldig_tot")


def test_wissel_relatie_welsun():
    welsun = ZorgaanbiederFactory(naam="Welsun")
    RelatieFactory(zorgaanbieder=welsun, soort=LID, geldig_van=date(2021, 1, 1), geldig_tot=date(2022, 1, 1))
    services.wissel_relatie(zorgaanbieder=welsun, nieuwe_soort=ONDER, per=date(2021, 5, 1))
    assert list(welsun.relaties.order_by("geldig_van").values_list("soort", "geldig_van", "geldig_tot")) == [
        (LID, date(2021, 1, 1), date(2021, 5, 1)),
        (ONDER, date(2021, 5, 1), date(2022, 1, 1)),
    ]


# --- contracts ---------------------------------------------------------------------------------


def test_nieuw_contract_is_concept():
    contract = services.sla_contract_op(
        zorgaanbieder=ZorgaanbiederFactory(), soort=Contract.Soort.LEVERING, kenmerk="K-1", startdatum=date(2023, 1, 1)
    )
    assert contract.status == Contract.Status.CONCEPT


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"einddatum": date(2022, 12, 31)}, "einddatum"),
        ({"plafond": Decimal("-1")}, "plafond"),
        ({"soort": Contract.Soort.INCIDENTEEL}, "incidentele_reden"),
        ({"soort": Contract.Soort.INCIDENTEEL, "incidentele_reden": "buiten_regio"}, "client_referentie"),
        ({"client_referentie": "C-1"}, "client_referentie"),
    ],
)
def test_contract_ongeldig(velden, veld):
    basis = {"soort": Contract.Soort.LEVERING, "kenmerk": "K-1", "startdatum": date(2023, 1, 1)}
    with pytest.raises(ValidationError) as exc:
        services.sla_contract_op(zorgaanbieder=ZorgaanbiederFactory(), **{**basis, **velden})
    assert veld in exc.value.message_dict
    assert not Contract.objects.exists()


def test_incidenteel_contract_met_reden_en_client():
    contract = services.sla_contract_op(
        zorgaanbieder=ZorgaanbiederFactory(),
        soort=Contract.Soort.INCIDENTEEL,
        kenmerk="INC-1",
        startdatum=date(2023, 1, 1),
        incidentele_reden=Contract.IncidenteleReden.RECHTER_GI,
        client_referentie="CL-77",
    )
    assert contract.get_incidentele_reden_display() == "opgelegd door rechter of gecertificeerde instelling"


S = Contract.Status


@pytest.mark.parametrize(
    ("van", "naar", "mag"),
    [
        (S.CONCEPT, S.ACTIEF, True),
        (S.CONCEPT, S.OPGEZEGD, False),
        (S.ACTIEF, S.OPGEZEGD, True),
        (S.ACTIEF, S.BEEINDIGD, True),
        (S.ACTIEF, S.CONCEPT, False),
        (S.OPGEZEGD, S.BEEINDIGD, True),
        (S.OPGEZEGD, S.ACTIEF, False),
        (S.BEEINDIGD, S.ACTIEF, False),
    ],
)
def test_contractstatus_overgangen(van, naar, mag):
    contract = ContractFactory(status=van)
    if mag:
        services.wijzig_contractstatus(contract=contract, naar=naar)
    else:
        with pytest.raises(ValidationError) as exc:
            services.wijzig_contractstatus(contract=contract, naar=naar)
        assert "kan niet naar" in fout(exc, "status")
    contract.refresh_from_db()
    assert contract.status == (naar if mag else van)


def test_tariefwijziging_is_nieuwe_regel_en_geschiedenis_blijft():
    regel = ContractRegelFactory(tarief=Decimal("70.00"), geldig_van=date(2023, 1, 1))
    services.voeg_tarief_toe(
        contract=regel.contract,
        product=regel.product,
        eenheid="uur",
        tarief=Decimal("75.00"),
        geldig_van=date(2023, 7, 1),
    )
    assert list(ContractRegel.objects.order_by("geldig_van").values_list("tarief", flat=True)) == [
        Decimal("70.00"),
        Decimal("75.00"),
    ]


@pytest.mark.parametrize(
    ("tarief", "geldig_van", "veld"),
    [
        (Decimal("-1"), date(2023, 7, 1), "tarief"),
        (Decimal("80"), date(2023, 1, 1), "geldig_van"),  # not after the latest line
        (Decimal("80"), date(2024, 1, 1), "geldig_van"),  # after the contract's end
    ],
)
def test_tarief_ongeldig(tarief, geldig_van, veld):
    regel = ContractRegelFactory(geldig_van=date(2023, 1, 1))
    with pytest.raises(ValidationError) as exc:
        services.voeg_tarief_toe(
            contract=regel.contract, product=regel.product, eenheid="uur", tarief=tarief, geldig_van=geldig_van
        )
    assert veld in exc.value.message_dict
    assert ContractRegel.objects.count() == 1


# --- agreements, meetings, accounts -----------------------------------------------------------


def test_afspraak_streefdatum_niet_voor_afspraak():
    with pytest.raises(ValidationError) as exc:
        services.sla_afspraak_op(
            zorgaanbieder=ZorgaanbiederFactory(),
            opdracht="x",
            gewenst_resultaat="y",
            afgesproken_op=date(2023, 3, 1),
            streefdatum=date(2023, 2, 1),
        )
    assert "streefdatum" in exc.value.message_dict


def test_afspraak_gerealiseerd_vraagt_toelichting_en_is_eindstatus():
    afspraak = AfspraakFactory()
    with pytest.raises(ValidationError):
        services.wijzig_afspraakstatus(afspraak=afspraak, naar=TransformatieAfspraak.Status.GEREALISEERD)
    services.wijzig_afspraakstatus(afspraak=afspraak, naar="gerealiseerd", realisatie="Wachttijd nu 3 weken")
    with pytest.raises(ValidationError):
        services.wijzig_afspraakstatus(afspraak=afspraak, naar="lopend")


def test_gesprek_niet_in_toekomst_gehouden():
    with pytest.raises(ValidationError) as exc:
        services.sla_gesprek_op(
            zorgaanbieder=ZorgaanbiederFactory(),
            soort="monitorgesprek",
            gepland_op=date(2023, 3, 1),
            gehouden_op=date(2023, 3, 2),
            vandaag=date(2023, 3, 1),
        )
    assert "gehouden_op" in exc.value.message_dict


def test_gesprek_bespreekt_alleen_eigen_afspraken():
    with pytest.raises(ValidationError) as exc:
        services.sla_gesprek_op(
            zorgaanbieder=ZorgaanbiederFactory(),
            soort="monitorgesprek",
            gepland_op=date(2023, 3, 1),
            afspraken=[AfspraakFactory()],
        )
    assert "afspraken" in exc.value.message_dict


def test_jaarrekening_twijfel_vraagt_toelichting(maak_gebruiker):
    aanbieder = ZorgaanbiederFactory()
    with pytest.raises(ValidationError) as exc:
        services.beoordeel_jaarrekening(
            zorgaanbieder=aanbieder, boekjaar=2022, oordeel="twijfel_continuiteit", door=None, op=date(2023, 6, 1)
        )
    assert "toelichting" in exc.value.message_dict
    beoordeling = services.beoordeel_jaarrekening(
        zorgaanbieder=aanbieder,
        boekjaar=2022,
        oordeel="geen_bijzonderheden",
        door=maak_gebruiker("inkoper"),
        op=date(2023, 6, 1),
    )
    assert beoordeling.ontvangen_op == date(2023, 6, 1)


def test_personeelsomvang_aantal_of_bovengrens():
    aanbieder = ZorgaanbiederFactory()
    with pytest.raises(ValidationError):
        services.leg_personeelsomvang_vast(zorgaanbieder=aanbieder, jaar=2021)
    services.leg_personeelsomvang_vast(zorgaanbieder=aanbieder, jaar=2021, aantal_medewerkers=12)
    services.leg_personeelsomvang_vast(zorgaanbieder=aanbieder, jaar=2021, aantal_medewerkers=8)
    assert aanbieder.personeelsomvang.get().aantal_medewerkers == 8


def test_uitgave_niet_negatief(gemeente):
    with pytest.raises(ValidationError) as exc:
        services.leg_uitgave_vast(
            zorgaanbieder=ZorgaanbiederFactory(),
            jaar=2021,
            maand=1,
            gemeente=gemeente("heerlen"),
            categorie="pgb",
            bedrag=Decimal("-5"),
        )
    assert "negatief" in fout(exc, "bedrag")
