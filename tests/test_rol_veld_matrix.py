"""Who sees which field: every role against every case and complaint endpoint, field by field.

The table below is the decision (README, 'Wie ziet wat'): the gedragswetenschapper of the area sees the whole case,
management the status of each case (dates, steps, decisions, outcomes) by client number but not who the child is
nor what was written about it, the gemeente only report figures, the functioneel beheerder the report figures and the access log,
every other role nothing. A superuser sees all (and every read is logged)."""

from datetime import date

import pytest

from cases.models import Evaluatie, MeldcodeStap, Onderzoek, VeiligThuisMelding
from jens.models import Toegangslog
from tests.cases.factories import (
    HulpvraagFactory,
    JeugdigeFactory,
    MedewerkerFactory,
    MeldcodeTrajectFactory,
    VeiligThuisMeldingFactory,
)
from tests.complaints.factories import KlachtFactory, aard

pytestmark = pytest.mark.django_db

ROLLEN = [
    "inkoper",
    "klachtenfunctionaris",
    "gebiedsmanager",
    "gedragswetenschapper",
    "gedragswetenschapper_elders",  # of another area (Landgraaf)
    "management",
    "gemeente",
    "functioneel_beheerder",
    "superuser",
]
GW = {"gedragswetenschapper", "superuser"}
CASUS = GW | {"management"}
KLACHT = {"klachtenfunctionaris", "management", "superuser"}
RAPPORT = {"management", "functioneel_beheerder", "gemeente", "superuser"}  # the figures, as on the dashboard
LOG = {"functioneel_beheerder", "superuser"}
LIJSTEN = {"jeugdigen"}

# endpoint -> field -> the roles that see it ('a.b': field b of every item in list a)
MATRIX: dict[str, dict[str, set[str]]] = {
    "jeugdige": {
        "clientnummer": CASUS,
        "geboortejaar": CASUS,
        "gemeente": CASUS,
        "gebied": CASUS,
        "bsn": GW,
        "achternaam": GW,
        "voornamen": GW,
        "initialen": GW,
        "geboortedatum": GW,
        "postcode": GW,
        "huisnummer": GW,
    },
    "jeugdigen": {"clientnummer": CASUS, "geboortejaar": CASUS, "initialen": GW},
    "hulpvraag": {
        "status": CASUS,
        "ontvangen_op": CASUS,
        "dossier_uiterlijk": CASUS,
        "evaluaties.uitkomst": CASUS,
        "evaluaties.toelichting": GW,
    },
    "meldcodetraject": {
        "besluit": CASUS,
        "gemeld_op": CASUS,
        "stappen.datum": CASUS,
        "signalen": GW,
        "terugkoppeling": GW,
        "stappen.notitie": GW,
    },
    "veiligthuismelding": {
        "ontvangen_op": CASUS,
        "opgevolgd_op": CASUS,
        "wijze": CASUS,
        "te_laat": CASUS,
        "omschrijving": GW,
        "notitie": GW,
        "overgedragen_aan": GW,
    },
    "onderzoek": {"reden": CASUS, "gestart_op": CASUS, "bevindingen": GW, "maatregelen": GW},
    "klacht": {"status": KLACHT, "indiener_naam": KLACHT, "indiener_email": KLACHT, "omschrijving": KLACHT},
    "clientenrapport": {"periode": RAPPORT},
    "toegangslog": {"client": LOG, "ip_adres": LOG, "gebruikersnaam": LOG},
}


@pytest.fixture
def gegevens(db):
    jeugdige = JeugdigeFactory(bsn="999990019", reden_geen_bsn="", postcode="6411AB", huisnummer="1")
    hulpvraag = HulpvraagFactory(jeugdige=jeugdige)
    Evaluatie.objects.create(
        hulpvraag=hulpvraag, datum=date(2023, 6, 1), uitkomst=Evaluatie.Uitkomst.values[0], toelichting="Gaat goed."
    )
    traject = MeldcodeTrajectFactory(jeugdige=jeugdige, terugkoppeling="Veilig Thuis neemt het over.")
    MeldcodeStap.objects.create(
        traject=traject,
        stap=1,
        datum=date(2023, 3, 2),
        professional=MedewerkerFactory(),
        notitie="Gesprek met de moeder.",
    )
    melding = VeiligThuisMeldingFactory(
        jeugdige=jeugdige,
        opgevolgd_op=date(2023, 3, 3),
        opgevolgd_door=MedewerkerFactory(),
        wijze=VeiligThuisMelding.Wijze.values[0],
        overgedragen_aan="Wijkteam",
        notitie="Huisbezoek gedaan.",
    )
    onderzoek = Onderzoek.objects.create(
        jeugdige=jeugdige,
        reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD,
        gestart_op=date(2023, 4, 1),
        bevindingen="Stap 2 is overgeslagen.",
        maatregelen="Scholing.",
    )
    aard("behandeling")
    klacht = KlachtFactory(aard="behandeling")
    Toegangslog.objects.create(
        gebruikersnaam="iemand",
        actie="inzien",
        object_type="jeugdige",
        object_id=str(jeugdige.pk),
        client=jeugdige.clientnummer,
        ip_adres="192.0.2.1",
        uitkomst="toegestaan",
    )
    return {
        "jeugdige": f"/api/v1/jeugdigen/{jeugdige.pk}/",
        "jeugdigen": "/api/v1/jeugdigen/",
        "hulpvraag": f"/api/v1/hulpvragen/{hulpvraag.pk}/",
        "meldcodetraject": f"/api/v1/meldcode-trajecten/{traject.pk}/",
        "veiligthuismelding": f"/api/v1/veilig-thuis-meldingen/{melding.pk}/",
        "onderzoek": f"/api/v1/onderzoeken/{onderzoek.pk}/",
        "klacht": f"/api/v1/klachten/{klacht.pk}/",
        "clientenrapport": "/api/v1/rapportages/clienten/?periode=2023H1",
        "toegangslog": "/api/v1/toegangslog/",
    }


def _client(api_als, maak_gebruiker, rol):
    if rol == "superuser":
        return api_als(maak_gebruiker(None, superuser=True))
    if rol == "gedragswetenschapper":
        return api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    if rol == "gedragswetenschapper_elders":
        return api_als("gedragswetenschapper", gebieden=["landgraaf"])
    if rol in ("gemeente", "gebiedsmanager"):
        return api_als(rol, gemeenten=["heerlen"])
    return api_als(rol)


def _ziet(data, veld: str) -> bool:
    if isinstance(data, dict) and "results" in data:  # a list page: every row
        rijen = data["results"]
        return bool(rijen) and all(_ziet(r, veld) for r in rijen)
    lijst, _, sub = veld.partition(".")
    if sub:
        items = data.get(lijst) or []
        assert items, f"{lijst} is leeg: de test kan {veld} niet toetsen"
        return all(sub in item for item in items)
    return veld in data


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("endpoint", list(MATRIX))
def test_wie_ziet_welk_veld(api_als, maak_gebruiker, gegevens, rol, endpoint):
    client = _client(api_als, maak_gebruiker, rol)
    antwoord = client.get(gegevens[endpoint])
    velden = MATRIX[endpoint]
    mag_iets = any(rol in rollen for rollen in velden.values())
    if not mag_iets:
        if endpoint in LIJSTEN and antwoord.status_code == 200:  # a list of one's own areas: empty
            assert antwoord.json()["results"] == [], (rol, endpoint)
            return
        assert antwoord.status_code in (403, 404), (rol, endpoint, antwoord.status_code)
        return
    assert antwoord.status_code == 200, (rol, endpoint, antwoord.status_code)
    data = antwoord.json()
    if endpoint == "toegangslog":
        data = data["results"][0] if data["results"] else data
    zichtbaar = {veld for veld in velden if _ziet(data, veld)}
    verwacht = {veld for veld, rollen in velden.items() if rol in rollen}
    assert zichtbaar == verwacht, (
        f"{rol} op {endpoint}: te veel {zichtbaar - verwacht}, te weinig {verwacht - zichtbaar}"
    )


def test_management_ziet_op_de_pagina_geen_naam_adres_of_vrije_tekst(web_als, gegevens):
    jeugdige = JeugdigeFactory._meta.model.objects.get(bsn="999990019")
    html = web_als("management").get(f"/casussen/jeugdigen/{jeugdige.pk}/").content.decode()
    assert jeugdige.clientnummer in html
    for tekst in (
        jeugdige.achternaam,
        "6411AB",
        "17-05-2012",
        "Blauwe plekken",
        "Veilig Thuis neemt het over",
        "Gesprek met de moeder",
        "999990019",
    ):
        assert tekst not in html, tekst
    gw = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    html = gw.get(f"/casussen/jeugdigen/{jeugdige.pk}/").content.decode()
    assert jeugdige.achternaam in html and "Blauwe plekken" in html


def test_management_zoekt_niet_op_naam_of_geboortedatum(api_als, web_als, gegevens):
    jeugdige = JeugdigeFactory._meta.model.objects.get(bsn="999990019")
    api = api_als("management")
    for term in (jeugdige.achternaam, "17-05-2012"):
        assert api.get("/api/v1/jeugdigen/", {"zoek": term}).json()["count"] == 0
    assert api.get("/api/v1/jeugdigen/", {"zoek": jeugdige.clientnummer}).json()["count"] == 1
    gw = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert gw.get("/api/v1/jeugdigen/", {"zoek": jeugdige.achternaam}).json()["count"] == 1
