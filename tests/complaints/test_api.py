from datetime import date, timedelta

import pytest
from django.utils import timezone

from complaints.models import Klacht, KlachtStap, Status
from jens.models import Toegangslog

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/klachten/"


def test_lijst_met_vast_aantal_queries(api_als, django_assert_num_queries, gemeente):
    client = api_als("klachtenfunctionaris")
    for i in range(12):
        KlachtFactory(gemeente=gemeente("heerlen"), aard="privacy" if i % 2 else "verwijzing")
    client.get(LIJST)  # warm the user's permission cache
    # log row, count, page (aard, gemeente, gebied, aanbieder, officer joined)
    with django_assert_num_queries(3):
        r = client.get(LIJST, {"page_size": 5})
    assert r.status_code == 200 and len(r.data["results"]) == 5
    with django_assert_num_queries(3):
        r = client.get(LIJST, {"page_size": 12})
    assert len(r.data["results"]) == 12
    assert r.data["results"][0]["gemeente"] == "heerlen"
    assert {"referentie", "status", "ontvangen_op", "oppakken_uiterlijk", "afhandelen_uiterlijk", "opgepakt_op"} <= set(
        r.data["results"][0]
    )


def test_aanmaken_geeft_referentie_en_termijnen(api_als):
    client = api_als("klachtenfunctionaris")
    r = client.post(
        LIJST,
        {
            "soort": "klacht",
            "kanaal": "brief",
            "ontvangen_op": "2023-04-21T10:00:00+02:00",
            "aard": "behandeling",
            "omschrijving": "Brief van een ouder.",
            "indiener_naam": "A. Ouder",
            "gemeente": "landgraaf",
        },
        format="json",
    )
    assert r.status_code == 201, r.data
    assert r.data["referentie"] == "K-2023-0001"
    assert (r.data["oppakken_uiterlijk"], r.data["afhandelen_uiterlijk"]) == ("2023-05-01", "2023-06-02")
    assert r.data["aard"] == "behandeling" and r.data["status"] == "ontvangen"
    assert r.data["stappen"][0]["door_naam"] == client.user.username


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"aard": "onbekend"}, "aard", "bestaat niet"),
        ({"ontvangen_op": (timezone.now() + timedelta(days=2)).isoformat()}, "ontvangen_op", "toekomst"),
        ({"gemeente": "voerendaal", "gebied": "landgraaf"}, "gebied", "hoort niet bij"),
        ({"kanaal": "fax"}, "kanaal", "geldige keuze"),
    ],
)
def test_aanmaken_met_fout_geeft_400_per_veld_en_slaat_niets_op(api_als, wijziging, veld, melding):
    data = {"soort": "klacht", "kanaal": "telefoon", "aard": "privacy", "omschrijving": "Telefonische klacht."}
    r = api_als("klachtenfunctionaris").post(LIJST, {**data, **wijziging}, format="json")
    assert r.status_code == 400
    assert melding in " ".join(str(m) for m in r.data[veld])
    assert not Klacht.objects.exists()


def test_actie_via_api_en_409_bij_gelijktijdige_actie(api_als, maak_gebruiker):
    klacht = KlachtFactory()
    eerste, tweede = api_als("klachtenfunctionaris"), api_als("klachtenfunctionaris")
    url = f"{LIJST}{klacht.pk}/oppakken/"
    r1 = eerste.post(url, {"versie": 1, "notitie": "Ik pak hem op"}, format="json")
    r2 = tweede.post(url, {"versie": 1, "notitie": "Nee, ik"}, format="json")
    assert r1.status_code == 200 and r1.data["status"] == "opgepakt" and r1.data["versie"] == 2
    assert r2.status_code == 409
    assert "intussen door iemand anders gewijzigd" in r2.data["detail"] and r2.data["versie"] == 2
    klacht.refresh_from_db()
    assert klacht.opgepakt_door == eerste.user
    assert list(KlachtStap.objects.filter(klacht=klacht).values_list("notitie", flat=True))[1] == "Ik pak hem op"


def test_actie_niet_in_tabel_geeft_400_met_uitleg(api_als):
    klacht = KlachtFactory()
    r = api_als("klachtenfunctionaris").post(f"{LIJST}{klacht.pk}/afsluiten/", {"versie": 1}, format="json")
    assert r.status_code == 400
    assert "‘Afsluiten’ kan niet bij een klacht met status ‘ontvangen’" in r.data["status"][0]
    assert "Oppakken" in r.data["status"][0]


def test_verlengen_na_termijn_geeft_400_met_reden(api_als):
    klacht = KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)))
    r = api_als("klachtenfunctionaris").post(
        f"{LIJST}{klacht.pk}/verlengen/", {"versie": 1, "weken": 2, "reden": "Drukte"}, format="json"
    )
    assert r.status_code == 400 and "al verstreken" in r.data["weken"][0]
    klacht.refresh_from_db()
    assert klacht.afhandelen_uiterlijk == date(2023, 4, 12)


def test_wijzigen_met_oude_versie_geeft_409(api_als):
    klacht = KlachtFactory()
    client = api_als("klachtenfunctionaris")
    r = client.patch(f"{LIJST}{klacht.pk}/", {"versie": 1, "betreft": "Team Zuid"}, format="json")
    assert r.status_code == 200 and r.data["betreft"] == "Team Zuid"
    r = client.patch(f"{LIJST}{klacht.pk}/", {"versie": 1, "betreft": "Team Noord"}, format="json")
    assert r.status_code == 409
    assert Klacht.objects.get(pk=klacht.pk).betreft == "Team Zuid"


def test_filters(api_als, maak_gebruiker):
    officier = maak_gebruiker("klachtenfunctionaris")
    oud = KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)), aard="privacy")
    opgepakt = door_workflow(KlachtFactory(), ["oppakken"], officier)
    KlachtFactory(soort="melding_van_ongenoegen")
    client = api_als("klachtenfunctionaris")

    def refs(**params):
        return {k["referentie"] for k in client.get(LIJST, params).data["results"]}

    assert refs(te_laat="true") == {oud.referentie}
    assert refs(aard="privacy") == {oud.referentie}
    assert refs(status="opgepakt") == {opgepakt.referentie}
    assert len(refs(soort="melding_van_ongenoegen")) == 1
    assert refs(ontvangen_tot="2023-12-31") == {oud.referentie}
    assert len(refs(ontvangen_van="2024-01-01")) == 2


def test_contactgegevens_en_inzage_worden_gelogd(api_als):
    klacht = KlachtFactory(indiener_naam="Petra Ouder")
    for rol in ("klachtenfunctionaris", "management"):
        client = api_als(rol)
        r = client.get(f"{LIJST}{klacht.pk}/")
        assert r.status_code == 200 and r.data["indiener_naam"] == "Petra Ouder"
        assert Toegangslog.objects.filter(gebruiker=client.user, actie="inzien", object_id=str(klacht.pk)).exists()


@pytest.mark.parametrize(
    "rol", ["gemeente", "gebiedsmanager", "gedragswetenschapper", "inkoper", "functioneel_beheerder"]
)
def test_andere_rollen_zien_geen_klachten(api_als, rol):
    klacht = KlachtFactory()
    client = api_als(rol, gemeenten=["heerlen"])
    assert client.get(LIJST).status_code == 403
    assert client.get(f"{LIJST}{klacht.pk}/").status_code == 403
    assert client.post(f"{LIJST}{klacht.pk}/oppakken/", {"versie": 1}, format="json").status_code == 403


def test_management_leest_maar_handelt_niet(api_als):
    klacht = KlachtFactory()
    client = api_als("management")
    assert client.post(f"{LIJST}{klacht.pk}/oppakken/", {"versie": 1}, format="json").status_code == 403
    assert client.post(LIJST, {}, format="json").status_code == 403
    assert Klacht.objects.get(pk=klacht.pk).status == Status.ONTVANGEN


def test_anoniem_geen_toegang(client):
    assert client.get(LIJST).status_code in (401, 403)
    assert client.get("/api/v1/rapportages/klachten/?periode=2023H1").status_code in (401, 403)
