"""Input that used to give a server error, or was stored without bounds, now gets a Dutch message (or is cleaned)
and changes nothing: NUL bytes in the query string, periods and dates outside 1900-2100, deeply nested JSON,
descriptions of a million characters and control characters in provider names."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import Hulpvraag, Jeugdige, VeiligThuisMelding
from complaints.models import Klacht
from contracts.models import Zorgaanbieder
from jens.parsers import MAX_DIEPTE, te_diep
from jens.periode import PERIODE_BUITEN_BEREIK, rapportperiode
from staff import services as staff_services
from staff.models import Medewerker, Scholing
from tests.cases.factories import JeugdigeFactory, VeiligThuisMeldingFactory
from tests.staff.factories import LidFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- NUL bytes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lijst", ["veilig-thuis-meldingen", "hulpvragen", "jeugdigen"])
def test_nul_in_de_naam_van_een_parameter_op_de_casuslijsten(api_als, lijst):
    VeiligThuisMeldingFactory()
    client = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    antwoord = client.get(f"/api/v1/{lijst}/?%00=1&zoek%00=a%00b")
    assert antwoord.status_code == 200


@pytest.mark.parametrize(
    ("rol", "url"),
    [
        ("klachtenfunctionaris", "/klachten/rapportage/?periode=2023H1&gemeente=heer%00len&gebied=a%00"),
        ("klachtenfunctionaris", "/api/v1/rapportages/klachten/?periode=2023H1&gemeente=heer%00len"),
        ("management", "/rapportages/fte/?gemeente=heer%00len&gebied=a%00"),
        ("management", "/api/v1/rapportages/fte/?peildatum=2023-06-30&gemeente=heer%00len&gebied=a%00"),
        ("management", "/dashboard/?periode=2023H1&gemeente=heer%00len"),
    ],
)
def test_nul_in_gemeente_of_gebied_op_rapporten_geen_500(web_als, rol, url):
    antwoord = web_als(rol).get(url)
    assert antwoord.status_code < 500
    assert antwoord.status_code in (200, 400, 404)


# --- One period bound (1900-2100) from the core ----------------------------------------------------------------


@pytest.mark.parametrize("tekst", ["0001", "9999", "9999H2", "0001-01-01..2023-01-01", "2023-01-01..9999-12-31"])
def test_rapportperiode_buiten_1900_2100(tekst):
    with pytest.raises(ValueError, match="tussen 1900 en 2100"):
        rapportperiode(tekst)
    assert rapportperiode("2100H2").tot == date(2100, 12, 31)


@pytest.mark.parametrize("periode", ["0001", "9999"])
def test_klachtenrapport_en_dashboard_weigeren_jaar_0001_en_9999(web_als, api_als, periode):
    api = api_als("klachtenfunctionaris")
    antwoord = api.get("/api/v1/rapportages/klachten/", {"periode": periode})
    assert antwoord.status_code == 400 and PERIODE_BUITEN_BEREIK in antwoord.json()["periode"][0]
    pagina = web_als(api.user).get("/klachten/rapportage/", {"periode": periode})
    assert pagina.status_code == 400 and PERIODE_BUITEN_BEREIK in pagina.content.decode()
    dashboard = web_als("management").get("/dashboard/", {"periode": periode})
    assert dashboard.status_code == 200 and PERIODE_BUITEN_BEREIK in dashboard.content.decode()


# --- Dates near 9999 and in the year 0001 ------------------------------------------------------------------------


@pytest.mark.parametrize("in_dienst_van", [date(9999, 12, 31), date(9999, 11, 30), date(1, 1, 1)])
def test_medewerker_met_datum_buiten_bereik(in_dienst_van):
    with pytest.raises(ValidationError) as fout:
        staff_services.maak_medewerker(
            personeelsnummer="X9",
            naam="Nieuw",
            werkgever=LidFactory(),
            functie="gezinswerker",
            in_dienst_van=in_dienst_van,
        )
    assert "tussen 01-01-1900 en 31-12-2100" in fout.value.message_dict["in_dienst_van"][0]
    assert not Medewerker.objects.filter(personeelsnummer="X9").exists()


def test_scholing_en_plaatsing_bij_9999(api_als, gebied):
    medewerker = MedewerkerFactory()
    with pytest.raises(ValidationError) as fout:
        staff_services.registreer_scholing(
            medewerker=medewerker, soort=Scholing.Soort.MELDCODE_OPFRIS, datum=date(9999, 6, 1)
        )
    assert "datum" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        staff_services.start_plaatsing(
            medewerker=medewerker,
            gebied=gebied("heerlen-1"),
            domein="gebiedsteam",
            fte=1,
            van=date(2023, 1, 1),
            tot=date(9999, 12, 31),
        )
    assert "tot" in fout.value.message_dict
    assert not Scholing.objects.exists()
    antwoord = api_als("functioneel_beheerder").post(
        "/api/v1/medewerkers/",
        {
            "personeelsnummer": "X8",
            "naam": "N",
            "werkgever": LidFactory().pk,
            "functie": "gezinswerker",
            "in_dienst_van": "9999-12-31",
        },
    )
    assert antwoord.status_code == 400 and "in_dienst_van" in antwoord.json()


def test_jeugdige_hulpvraag_en_melding_in_het_jaar_0001(api_als):
    client = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    antwoord = client.post(
        "/api/v1/jeugdigen/",
        {
            "achternaam": "Oud",
            "voornamen": "Heel",
            "geboortedatum": "0001-01-01",
            "reden_geen_bsn": "anoniem",
            "gemeente": "heerlen",
            "gebied": "heerlen-1",
        },
        format="json",
    )
    assert antwoord.status_code == 400 and "1900" in antwoord.json()["geboortedatum"][0]
    jeugdige = JeugdigeFactory()
    antwoord = client.post(
        "/api/v1/hulpvragen/",
        {"jeugdige": jeugdige.pk, "ontvangen_op": "0001-01-01", "verwijzer": "huisarts", "soort": "nieuwe_client"},
        format="json",
    )
    assert antwoord.status_code == 400 and "ontvangen_op" in antwoord.json()
    antwoord = client.post(
        "/api/v1/veilig-thuis-meldingen/",
        {"jeugdige": jeugdige.pk, "ontvangen_op": "0001-01-01", "omschrijving": "Melding"},
        format="json",
    )
    assert antwoord.status_code == 400 and "ontvangen_op" in antwoord.json()
    assert Jeugdige.objects.count() == 1 and not Hulpvraag.objects.exists() and not VeiligThuisMelding.objects.exists()


def test_klacht_ontvangen_in_het_jaar_0001(api_als):
    antwoord = api_als("klachtenfunctionaris").post(
        "/api/v1/klachten/",
        {
            "soort": "klacht",
            "kanaal": "brief",
            "ontvangen_op": "0001-01-01T10:00:00+00:00",
            "aard": "behandeling",
            "omschrijving": "Brief.",
            "indiener_naam": "A. Ouder",
            "gemeente": "landgraaf",
        },
        format="json",
    )
    assert antwoord.status_code == 400 and "ontvangen_op" in antwoord.json()
    assert not Klacht.objects.exists()


# --- Lengths and control characters -----------------------------------------------------------------------------


def test_omschrijving_van_een_miljoen_tekens_via_de_api(api_als):
    antwoord = api_als("klachtenfunctionaris").post(
        "/api/v1/klachten/",
        {
            "soort": "klacht",
            "kanaal": "brief",
            "aard": "behandeling",
            "omschrijving": "x" * 1_000_000,
            "indiener_naam": "A. Ouder",
            "gemeente": "landgraaf",
        },
        format="json",
    )
    assert antwoord.status_code == 400 and "5.000" in antwoord.json()["omschrijving"][0]
    assert not Klacht.objects.exists()
    melding = api_als("gedragswetenschapper", gebieden=["heerlen-1"]).post(
        "/api/v1/veilig-thuis-meldingen/",
        {"jeugdige": JeugdigeFactory().pk, "ontvangen_op": "2023-03-01", "omschrijving": "x" * 1_000_000},
        format="json",
    )
    assert melding.status_code == 400 and "omschrijving" in melding.json()


@pytest.mark.parametrize("naam", ["Zorg\x00groep", "Zorg\tgroep", "Zorg\ngroep", "Zorg\x1bgroep", "Zorg\x85groep"])
def test_stuurtekens_in_de_naam_van_een_aanbieder(api_als, naam):
    antwoord = api_als("inkoper").post("/api/v1/zorgaanbieders/", {"naam": naam}, format="json")
    assert antwoord.status_code == 400
    assert "stuurtekens" in " ".join(antwoord.json()["naam"]) or "Null-tekens" in " ".join(antwoord.json()["naam"])
    assert not Zorgaanbieder.objects.exists()
    assert (
        api_als("inkoper").post("/api/v1/zorgaanbieders/", {"naam": "Zorg – groep"}, format="json").status_code == 201
    )


def test_stuurtekens_in_de_naam_van_een_aanbieder_in_het_beheer(web_als):
    antwoord = web_als("inkoper", is_staff=True).post(
        "/admin/contracts/zorgaanbieder/add/",
        {
            "naam": "Zorg\x1bgroep",
            **{
                f"{p}-{k}": "0"
                for p in (
                    "andere_namen",
                    "relaties",
                    "personeelsomvang",
                    "contracten",
                    "transformatie_afspraken",
                    "gesprekken",
                    "jaarrekening_beoordelingen",
                )
                for k in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert antwoord.status_code == 200 and "stuurtekens" in antwoord.content.decode()
    assert not Zorgaanbieder.objects.exists()


# --- Deeply nested JSON -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "url"),
    [
        ("klachtenfunctionaris", "/api/v1/klachten/"),
        ("gedragswetenschapper", "/api/v1/jeugdigen/"),
        ("inkoper", "/api/v1/zorgaanbieders/"),
        ("functioneel_beheerder", "/api/v1/medewerkers/"),
    ],
)
@pytest.mark.parametrize("diepte", [MAX_DIEPTE + 1, 100_000])
def test_diep_geneste_json_geeft_400(api_als, rol, url, diepte):
    client = api_als(rol)
    antwoord = client.post(url, "[" * diepte + "]" * diepte, content_type="application/json")
    assert antwoord.status_code == 400
    assert "te diep genest" in antwoord.json()["detail"]


def test_diepte_telt_zonder_recursie():
    assert not te_diep({"a": [1, {"b": [2]}]})
    diep: list = []
    for _ in range(50_000):
        diep = [diep]
    assert te_diep(diep)
