from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from complaints import services
from complaints.models import Klacht, KlachtStap, Status
from tests import klok

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def officier(maak_gebruiker):
    return maak_gebruiker("klachtenfunctionaris", first_name="Karin", last_name="Klacht")


def fout(exc, veld: str) -> str:
    return " ".join(exc.value.message_dict[veld])


def test_volledige_route_via_commissie_met_tijdlijn(officier):
    klacht = KlachtFactory(ontvangen_op=moment(date(2023, 4, 21)))
    nu = moment(date(2023, 4, 25), 11)
    klacht = services.voer_actie(klacht=klacht, actie="oppakken", door=officier, versie=1, notitie="Gebeld", nu=nu)
    assert klacht.status == Status.OPGEPAKT
    assert klacht.opgepakt_op == nu and klacht.opgepakt_door == officier
    assert klacht.werkdagen_tot_oppakken == 2
    klacht = door_workflow(
        klacht,
        ["in_behandeling", "naar_commissie", "uitspraak", "maatregelen", "afsluiten"],
        officier,
        naar_commissie={"datum": date(2023, 5, 10)},
        uitspraak={"datum": date(2023, 6, 20), "uitspraak": "Deels gegrond.", "uitkomst": "deels_gegrond"},
        maatregelen={"datum": date(2023, 7, 10), "maatregelen": "Werkinstructie aangepast."},
    )
    assert klacht.status == Status.AFGESLOTEN and klacht.afgesloten_op is not None
    assert klacht.maatregelen_uiterlijk == date(2023, 7, 20)  # one month after the judgment
    stappen = list(KlachtStap.objects.filter(klacht=klacht).values_list("actie", "naar_status", "door_naam"))
    assert [s[0] for s in stappen] == [
        "ontvangen",
        "oppakken",
        "in_behandeling",
        "naar_commissie",
        "uitspraak",
        "maatregelen",
        "afsluiten",
    ]
    assert stappen[1] == ("oppakken", Status.OPGEPAKT, "Karin Klacht")
    assert klacht.versie == 7


def test_afhandelen_vraagt_een_uitkomst(officier):
    klacht = door_workflow(KlachtFactory(), ["oppakken", "in_behandeling"], officier)
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(klacht=klacht, actie="afhandelen", door=officier, versie=klacht.versie)
    assert "uitkomst" in fout(exc, "uitkomst")
    klacht.refresh_from_db()
    assert klacht.status == Status.IN_BEHANDELING and klacht.versie == 3
    klacht = services.voer_actie(
        klacht=klacht, actie="afhandelen", door=officier, versie=klacht.versie, uitkomst="ongegrond"
    )
    assert (klacht.status, klacht.uitkomst) == (Status.AFGEHANDELD, "ongegrond")


@pytest.mark.parametrize(
    ("acties", "actie"),
    [
        ([], "afhandelen"),  # not picked up yet
        ([], "uitspraak"),
        (["oppakken"], "oppakken"),  # twice
        (["oppakken", "in_behandeling", "naar_commissie"], "afhandelen"),
        (["oppakken", "intrekken"], "oppakken"),  # withdrawn is closed
    ],
)
def test_transitie_buiten_de_tabel_wordt_geweigerd(officier, acties, actie):
    klacht = door_workflow(KlachtFactory(), acties, officier, intrekken={"notitie": "Indiener trekt in."})
    status, versie = klacht.status, klacht.versie
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(klacht=klacht, actie=actie, door=officier, versie=versie, uitkomst="opgelost")
    assert "kan niet bij een klacht met status" in fout(exc, "status")
    klacht.refresh_from_db()
    assert (klacht.status, klacht.versie) == (status, versie)


def test_onbekende_actie(officier):
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(klacht=KlachtFactory(), actie="verwijderen", door=officier, versie=1)
    assert "Onbekende actie" in fout(exc, "actie")


def test_intrekken_kan_vanuit_elke_open_status_met_reden(officier):
    klacht = door_workflow(KlachtFactory(), ["oppakken", "in_behandeling", "naar_commissie"], officier)
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(klacht=klacht, actie="intrekken", door=officier, versie=klacht.versie)
    assert "ingetrokken" in fout(exc, "notitie")
    klacht = services.voer_actie(
        klacht=klacht, actie="intrekken", door=officier, versie=klacht.versie, notitie="Opgelost in gesprek."
    )
    assert klacht.status == Status.INGETROKKEN and klacht.afgesloten_op is not None


def test_gelijktijdige_actie_met_oude_versie_geeft_conflict_en_overschrijft_niets(officier, maak_gebruiker):
    collega = maak_gebruiker("klachtenfunctionaris")
    klacht = KlachtFactory()
    services.voer_actie(klacht=klacht, actie="oppakken", door=officier, versie=1)
    with pytest.raises(services.VersieConflict):
        services.voer_actie(klacht=klacht, actie="intrekken", door=collega, versie=1, notitie="Dubbel")
    klacht.refresh_from_db()
    assert (klacht.status, klacht.opgepakt_door, klacht.versie) == (Status.OPGEPAKT, officier, 2)
    assert KlachtStap.objects.filter(klacht=klacht).count() == 2


@pytest.mark.time_machine(klok.BEVRIJDINGSDAG)
def test_uitspraak_niet_voor_verzending_en_niet_in_de_toekomst(officier):
    klacht = door_workflow(
        KlachtFactory(ontvangen_op=moment(date(2023, 3, 1))),
        ["oppakken", "in_behandeling", "naar_commissie"],
        officier,
        naar_commissie={"datum": date(2023, 3, 20)},
    )
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(
            klacht=klacht,
            actie="uitspraak",
            door=officier,
            versie=klacht.versie,
            datum=date(2023, 3, 10),
            uitspraak="x",
        )
    assert "vóór de verzending" in fout(exc, "datum")
    with pytest.raises(ValidationError) as exc:
        services.voer_actie(
            klacht=klacht,
            actie="uitspraak",
            door=officier,
            versie=klacht.versie,
            datum=date.today() + timedelta(days=3),
            uitspraak="x",
        )
    assert "toekomst" in fout(exc, "datum")


class TestVerlengen:
    def _klacht(self):
        return KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)))  # afhandelen uiterlijk 12-04-2023

    def test_eenmaal_met_reden_en_hoogstens_vier_weken(self, officier):
        klacht = self._klacht()
        klacht = services.voer_actie(
            klacht=klacht,
            actie="verlengen",
            door=officier,
            versie=1,
            weken=4,
            reden="Hoorzitting gepland",
            nu=moment(date(2023, 4, 12)),
        )
        assert klacht.afhandelen_uiterlijk == date(2023, 5, 10)
        assert klacht.status == Status.ONTVANGEN and klacht.verlengd_met_weken == 4
        with pytest.raises(ValidationError) as exc:
            services.voer_actie(
                klacht=klacht,
                actie="verlengen",
                door=officier,
                versie=2,
                weken=1,
                reden="Nog eens",
                nu=moment(date(2023, 4, 13)),
            )
        assert "één keer" in fout(exc, "weken")

    @pytest.mark.parametrize(
        ("weken", "reden", "dag", "veld", "melding"),
        [
            (5, "Reden", date(2023, 4, 1), "weken", "1 tot en met 4 weken"),
            (0, "Reden", date(2023, 4, 1), "weken", "1 tot en met 4 weken"),
            (2, "", date(2023, 4, 1), "reden", "reden"),
            (2, "Reden", date(2023, 4, 13), "weken", "al verstreken (12-04-2023)"),
        ],
    )
    def test_ongeldige_verlenging_geeft_reden_en_wijzigt_niets(self, officier, weken, reden, dag, veld, melding):
        klacht = self._klacht()
        with pytest.raises(ValidationError) as exc:
            services.voer_actie(
                klacht=klacht, actie="verlengen", door=officier, versie=1, weken=weken, reden=reden, nu=moment(dag)
            )
        assert melding in fout(exc, veld)
        klacht.refresh_from_db()
        assert (klacht.afhandelen_uiterlijk, klacht.verlengd_met_weken, klacht.versie) == (date(2023, 4, 12), None, 1)


def test_wijzigen_registratie_met_versie_en_tijdlijn(officier, gebied, gemeente):
    klacht = KlachtFactory()
    klacht = services.wijzig_klacht(klacht=klacht, door=officier, versie=1, gebied=gebied("heerlen-2"), aard="privacy")
    assert klacht.gemeente == gemeente("heerlen") and klacht.aard.code == "privacy" and klacht.versie == 2
    assert KlachtStap.objects.filter(klacht=klacht, actie="gewijzigd").exists()
    with pytest.raises(ValidationError) as exc:
        services.wijzig_klacht(klacht=klacht, door=officier, versie=2, gemeente=gemeente("landgraaf"))
    assert "hoort niet bij" in fout(exc, "gebied")
    with pytest.raises(services.VersieConflict):
        services.wijzig_klacht(klacht=klacht, door=officier, versie=1, betreft="Team Noord")
    assert Klacht.objects.get(pk=klacht.pk).betreft == ""


def test_ontvangst_in_de_toekomst_wordt_geweigerd():
    with pytest.raises(ValidationError) as exc:
        KlachtFactory(ontvangen_op=moment(date.today() + timedelta(days=2)))
    assert "toekomst" in fout(exc, "ontvangen_op")
    assert not Klacht.objects.exists()
