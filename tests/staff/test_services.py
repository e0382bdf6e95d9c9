from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from contracts.models import Relatie, Zorgaanbieder
from staff import services
from staff.models import Medewerker, Plaatsing, Scholing
from tests.staff.factories import LidFactory, MedewerkerFactory, PlaatsingFactory

pytestmark = pytest.mark.django_db


def _aanbieder(soort, van=date(2019, 1, 1), tot=None):
    a = Zorgaanbieder.objects.create(naam=f"Aanbieder {soort} {van}")
    Relatie.objects.create(zorgaanbieder=a, soort=soort, geldig_van=van, geldig_tot=tot)
    return a


def _nieuw(werkgever, in_dienst_van=date(2023, 3, 1)):
    return services.maak_medewerker(
        personeelsnummer="N1", naam="Nieuw", werkgever=werkgever, functie="gezinswerker", in_dienst_van=in_dienst_van
    )


@pytest.mark.parametrize(
    ("soort", "van", "tot", "in_dienst_van", "toegestaan"),
    [
        ("lid", date(2019, 1, 1), None, date(2023, 3, 1), True),
        ("lid", date(2023, 3, 1), None, date(2023, 3, 1), True),  # member from that very day
        ("lid", date(2023, 3, 2), None, date(2023, 3, 1), False),  # member a day later
        ("lid", date(2019, 1, 1), date(2023, 3, 1), date(2023, 3, 1), False),  # membership ended (exclusive)
        ("onderaannemer", date(2019, 1, 1), None, date(2023, 3, 1), True),  # strategic subcontractor
        ("onderaannemer", date(2019, 1, 1), date(2023, 3, 1), date(2023, 3, 1), False),
        ("leverancier", date(2019, 1, 1), None, date(2023, 3, 1), False),  # a plain supplier
        ("incidenteel", date(2019, 1, 1), None, date(2023, 3, 1), False),
    ],
)
def test_werkgever_moet_lid_of_onderaannemer_zijn_op_de_datum_in_dienst(soort, van, tot, in_dienst_van, toegestaan):
    werkgever = _aanbieder(soort, van, tot)
    if toegestaan:
        assert _nieuw(werkgever, in_dienst_van).pk
    else:
        with pytest.raises(ValidationError) as fout:
            _nieuw(werkgever, in_dienst_van)
        assert "geen lid en geen strategische onderaannemer van JENS" in fout.value.message_dict["werkgever"][0]
        assert not Medewerker.objects.exists()


def test_nieuwe_medewerker_krijgt_termijn_basistraining_na_8_weken():
    m = _nieuw(LidFactory())
    assert m.meldcode_basis_uiterlijk == date(2023, 4, 26)
    assert m.meldcode_opfris_uiterlijk is None


def test_scholing_zet_termijnen():
    m = _nieuw(LidFactory())
    services.registreer_scholing(medewerker=m, soort=Scholing.Soort.MELDCODE_BASIS, datum=date(2023, 3, 20))
    m.refresh_from_db()
    assert m.meldcode_basis_uiterlijk is None
    assert m.meldcode_opfris_uiterlijk == date(2024, 3, 20)
    services.registreer_scholing(medewerker=m, soort=Scholing.Soort.MELDCODE_OPFRIS, datum=date(2024, 2, 1))
    m.refresh_from_db()
    assert m.meldcode_opfris_uiterlijk == date(2025, 2, 1)


@pytest.mark.parametrize("fte", ["0", "0.00", "-0.5", "1.01", "1.5"])
def test_fte_buiten_0_tot_en_met_1_geweigerd(fte, gebied):
    m = MedewerkerFactory()
    with pytest.raises(ValidationError) as fout:
        services.start_plaatsing(
            medewerker=m, gebied=gebied("landgraaf"), domein="gebiedsteam", fte=Decimal(fte), van=date(2020, 1, 1)
        )
    assert "fte" in fout.value.message_dict
    assert not Plaatsing.objects.exists()


def test_database_weigert_fte_boven_1():
    m = MedewerkerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaatsingFactory(medewerker=m, fte=Decimal("1.20"))


def test_tot_voor_van_geweigerd(gebied):
    m = MedewerkerFactory()
    with pytest.raises(ValidationError) as fout:
        services.start_plaatsing(
            medewerker=m,
            gebied=gebied("landgraaf"),
            domein="gebiedsteam",
            fte=Decimal("0.5"),
            van=date(2021, 1, 1),
            tot=date(2020, 12, 1),
        )
    assert fout.value.message_dict["tot"] == ["De einddatum moet na de begindatum liggen."]


@pytest.mark.parametrize(
    ("van", "tot", "fte", "toegestaan"),
    [
        (date(2021, 1, 1), None, "0.20", True),  # 0.80 + 0.20 = 1.00
        (date(2021, 1, 1), None, "0.21", False),
        (date(2019, 6, 1), date(2020, 1, 1), "0.50", False),  # before service: refused on van
        (date(2022, 1, 1), None, "0.30", True),  # the 0.80 one ends on 2022-01-01 (exclusive)
        (date(2021, 12, 31), date(2022, 1, 1), "0.30", False),  # one day of overlap is enough
    ],
)
def test_som_overlappende_plaatsingen_hoogstens_1(van, tot, fte, toegestaan, gebied):
    m = MedewerkerFactory(in_dienst_van=date(2020, 1, 1))
    PlaatsingFactory(medewerker=m, fte=Decimal("0.80"), van=date(2020, 1, 1), tot=date(2022, 1, 1))
    aanroep = {
        "medewerker": m,
        "gebied": gebied("heerlen-1"),
        "domein": "gebiedsteam",
        "fte": Decimal(fte),
        "van": van,
        "tot": tot,
    }
    if toegestaan:
        services.start_plaatsing(**aanroep)
        assert Plaatsing.objects.count() == 2
    else:
        with pytest.raises(ValidationError):
            services.start_plaatsing(**aanroep)
        assert Plaatsing.objects.count() == 1


def test_maximum_fte_is_instelbaar(settings, gebied):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "STAFF_MAX_FTE_PER_MEDEWERKER": "1.20"}
    m = MedewerkerFactory()
    PlaatsingFactory(medewerker=m, fte=Decimal("1.00"))
    services.start_plaatsing(
        medewerker=m, gebied=gebied("heerlen-2"), domein="voorliggend_veld", fte=Decimal("0.20"), van=date(2021, 1, 1)
    )
    assert Plaatsing.objects.count() == 2


def test_uren_wijzigen_beeindigt_oude_en_start_nieuwe_plaatsing():
    p = PlaatsingFactory(fte=Decimal("0.80"), van=date(2020, 1, 1))
    nieuw = services.wijzig_uren(plaatsing=p, fte=Decimal("1.00"), per=date(2021, 7, 1))
    p.refresh_from_db()
    assert p.tot == date(2021, 7, 1) and p.fte == Decimal("0.80")
    assert (nieuw.van, nieuw.tot, nieuw.fte, nieuw.gebied_id) == (date(2021, 7, 1), None, Decimal("1.00"), p.gebied_id)


def test_uren_wijzigen_boven_maximum_verandert_niets():
    p = PlaatsingFactory(fte=Decimal("0.50"), van=date(2020, 1, 1))
    PlaatsingFactory(medewerker=p.medewerker, fte=Decimal("0.50"), van=date(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.wijzig_uren(plaatsing=p, fte=Decimal("0.60"), per=date(2021, 1, 1))
    p.refresh_from_db()
    assert p.tot is None and Plaatsing.objects.count() == 2


def test_plaatsing_niet_na_uit_dienst():
    m = MedewerkerFactory(in_dienst_van=date(2020, 1, 1), in_dienst_tot=date(2021, 1, 1))
    with pytest.raises(ValidationError) as fout:
        services.start_plaatsing(
            medewerker=m,
            gebied=m.werkgever and PlaatsingFactory.build().gebied,
            domein="gebiedsteam",
            fte=Decimal("0.5"),
            van=date(2020, 1, 1),
        )
    assert "tot" in fout.value.message_dict


def test_formatie_negatief_geweigerd(gebied):
    with pytest.raises(ValidationError) as fout:
        services.leg_formatie_vast(
            gebied=gebied("landgraaf"), domein="gebiedsteam", fte=Decimal("-1"), geldig_van=date(2023, 1, 1)
        )
    assert "fte" in fout.value.message_dict


@pytest.mark.parametrize(
    ("soort", "toegestaan"),
    [("lid", True), ("onderaannemer", True), ("leverancier", False)],
)
def test_plaatsing_vraagt_werkgever_lid_of_onderaannemer_op_de_startdatum(gebied, soort, toegestaan):
    """Staff of a strategic subcontractor are placed in an area team; staff of a plain supplier are not.
    The employer was a member when the employee joined and has the kind ``soort`` from 2023."""
    werkgever = _aanbieder("lid", tot=date(2023, 1, 1))
    Relatie.objects.create(zorgaanbieder=werkgever, soort=soort, geldig_van=date(2023, 1, 1))
    medewerker = MedewerkerFactory(werkgever=werkgever, in_dienst_van=date(2020, 1, 1))
    aanroep = {
        "medewerker": medewerker,
        "gebied": gebied("heerlen-1"),
        "domein": "gebiedsteam",
        "fte": Decimal("0.50"),
        "van": date(2023, 6, 1),
    }
    if toegestaan:
        assert services.start_plaatsing(**aanroep).pk
        return
    with pytest.raises(ValidationError) as fout:
        services.start_plaatsing(**aanroep)
    assert fout.value.message_dict["van"] == [
        f"{werkgever} is op 01-06-2023 geen lid en geen strategische onderaannemer van JENS; "
        "alleen leden en strategische onderaannemers kunnen werkgever zijn."
    ]
    assert not Plaatsing.objects.exists()
    # before 2023 the employer was a member: a placement then is allowed, and ending it later too
    plaatsing = services.start_plaatsing(**{**aanroep, "van": date(2022, 1, 1)})
    assert services.beeindig_plaatsing(plaatsing=plaatsing, tot=date(2023, 6, 1)).tot == date(2023, 6, 1)
