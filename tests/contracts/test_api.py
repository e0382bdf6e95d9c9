from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contracts.models import Contract, JaarrekeningBeoordeling, Relatie, Uitgave, Zorgaanbieder
from jens.models import Toegangslog
from tests.contracts.factories import (
    AfspraakFactory,
    ContractFactory,
    ContractRegelFactory,
    GesprekFactory,
    JaarrekeningFactory,
    OpdrachtFactory,
    PersoneelsomvangFactory,
    RelatieFactory,
    UitgaveFactory,
    ZorgaanbiederFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _vul(n: int) -> None:
    for i in range(n):
        aanbieder = ZorgaanbiederFactory()
        aanbieder.andere_namen.create(naam=f"Ander {aanbieder.pk}")
        RelatieFactory(zorgaanbieder=aanbieder)
        contract = ContractFactory(zorgaanbieder=aanbieder)
        contract.gemeenten.add(1, 2)
        ContractRegelFactory(contract=contract)
        afspraak = AfspraakFactory(zorgaanbieder=aanbieder)
        gesprek = GesprekFactory(zorgaanbieder=aanbieder)
        gesprek.afspraken.add(afspraak)
        JaarrekeningFactory(zorgaanbieder=aanbieder)
        UitgaveFactory(zorgaanbieder=aanbieder)
        if i < 2:
            OpdrachtFactory(jaar=2020 + i)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/api/v1/zorgaanbieders/", 4),
        ("/api/v1/contracten/", 4),
        ("/api/v1/transformatie-afspraken/", 2),
        ("/api/v1/gesprekken/", 5),
        ("/api/v1/jaarrekening-beoordelingen/", 2),
        ("/api/v1/uitgaven/", 2),
        ("/api/v1/opdrachten/", 2),
    ],
)
def test_lijsten_vast_aantal_queries(api_als, django_assert_num_queries, url, queries):
    client = api_als("inkoper")
    client.get(url)  # the user's permissions are cached on the user object after the first request
    _vul(3)
    for page_size in (2, 50):
        with django_assert_num_queries(queries):
            antwoord = client.get(url, {"page_size": page_size})
        assert antwoord.status_code == 200
        assert len(antwoord.json()["results"]) == min(page_size, antwoord.json()["count"])


@pytest.mark.parametrize("rol", ["klachtenfunctionaris", "gebiedsmanager", "gedragswetenschapper", "gemeente"])
def test_andere_rollen_zien_alleen_namen(api_als, rol):
    aanbieder = ZorgaanbiederFactory(naam="Scoor", kvk_nummer="12345678")
    client = api_als(rol)
    assert client.get("/api/v1/zorgaanbieders/").status_code == 403
    assert client.get(f"/api/v1/zorgaanbieders/{aanbieder.pk}/").status_code == 403
    assert client.get("/api/v1/contracten/").status_code == 403
    antwoord = client.get("/api/v1/zorgaanbieders/namen/")
    assert antwoord.status_code == 200
    assert antwoord.json()["results"] == [{"id": aanbieder.pk, "naam": "Scoor"}]


@pytest.mark.parametrize(("rol", "mag"), [("gemeente", True), ("management", True), ("gedragswetenschapper", False)])
def test_rapportcijfers_per_rol(api_als, rol, mag):
    antwoord = api_als(rol, gemeenten=["heerlen"]).get("/api/v1/rapportages/kleine-aanbieders/", {"jaar": 2021})
    assert antwoord.status_code == (200 if mag else 403)


def test_gemeente_kan_niet_schrijven(api_als):
    antwoord = api_als("gemeente", gemeenten=["heerlen"]).post("/api/v1/zorgaanbieders/", {"naam": "Nieuw"})
    assert antwoord.status_code == 403
    assert not Zorgaanbieder.objects.exists()


def test_kleine_aanbieders_rapport_api(api_als, gemeente):
    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618"))
    UitgaveFactory(zorgaanbieder=PersoneelsomvangFactory(jaar=2021).zorgaanbieder, bedrag=Decimal("2476696"))
    data = api_als("inkoper").get("/api/v1/rapportages/kleine-aanbieders/?jaar=2021").json()
    assert data["percentage"] == "7.2"
    assert data["opdrachtsom"] == "34266618.00"
    assert data["besteed_kleine_aanbieders"] == "2476696.00"
    assert data["norm"] == "4.0" and data["voldaan"] is True


@pytest.mark.parametrize(
    ("url", "veld"),
    [
        ("/api/v1/rapportages/kleine-aanbieders/", "jaar"),
        ("/api/v1/rapportages/kleine-aanbieders/?jaar=twintig", "jaar"),
        ("/api/v1/rapportages/aanbieders-per-soort/?op=31-02-2023", "op"),
        ("/api/v1/rapportages/uitgaven/?jaar=2023&top=0", "top"),
    ],
)
def test_rapport_foute_parameters(api_als, url, veld):
    antwoord = api_als("inkoper").get(url)
    assert antwoord.status_code == 400
    assert veld in antwoord.json()


def test_overige_rapporten(api_als):
    RelatieFactory(zorgaanbieder=ZorgaanbiederFactory(naam="Radar"), soort="lid")
    client = api_als("management")
    assert client.get("/api/v1/rapportages/aanbieders-per-soort/?op=2023-01-01").json()["lid"] == ["Radar"]
    assert client.get("/api/v1/rapportages/transformatie/?peildatum=2023-06-30").json()["streefaantal"] == 10
    assert client.get("/api/v1/rapportages/gesprekken/?jaar=2023").json()["streefaantal"] == 27
    assert client.get("/api/v1/rapportages/uitgaven/?jaar=2023").json()["totaal"] == "0"


def test_zorgaanbieder_filters(api_als):
    welsun = ZorgaanbiederFactory(naam="Welsun", kvk_nummer="11112222", agb_code="33334444")
    RelatieFactory(zorgaanbieder=welsun, soort="lid", geldig_van=date(2021, 1, 1), geldig_tot=date(2021, 5, 1))
    RelatieFactory(zorgaanbieder=welsun, soort="onderaannemer", geldig_van=date(2021, 5, 1))
    yvoor = ZorgaanbiederFactory(naam="Yvoor")
    yvoor.andere_namen.create(naam="Stichting Yvoor")
    PersoneelsomvangFactory(zorgaanbieder=yvoor, jaar=2023, aantal_medewerkers=6)
    client = api_als("inkoper")

    def namen(**params):
        return [r["naam"] for r in client.get("/api/v1/zorgaanbieders/", params).json()["results"]]

    assert namen(soort="lid", op="2021-04-30") == ["Welsun"]
    assert namen(soort="lid", op="2021-05-01") == []
    assert namen(soort="onderaannemer", op="2021-05-01") == ["Welsun"]
    assert namen(klein="true", jaar=2023) == ["Yvoor"]
    assert namen(klein="true", jaar=2022) == []
    assert namen(q="stichting yv") == ["Yvoor"]
    assert namen(q="11112222") == ["Welsun"]
    assert namen(q="33334444") == ["Welsun"]


@pytest.mark.parametrize(
    ("data", "veld", "tekst"),
    [
        ({"naam": "X", "kvk_nummer": "123"}, "kvk_nummer", "8 cijfers"),
        ({"naam": "X", "agb_code": "abcdefgh"}, "agb_code", "8 cijfers"),
        ({"naam": "scoor"}, "naam", "al in gebruik"),
        ({"naam": "X", "andere_namen": ["SCOOR"]}, "andere_namen", "al in gebruik"),
    ],
)
def test_zorgaanbieder_fout_400(api_als, data, veld, tekst):
    ZorgaanbiederFactory(naam="Scoor")
    antwoord = api_als("inkoper").post("/api/v1/zorgaanbieders/", data, format="json")
    assert antwoord.status_code == 400
    assert tekst in " ".join(antwoord.json()[veld])
    assert Zorgaanbieder.objects.count() == 1


def test_relatie_toevoegen_overlap_400(api_als):
    relatie = RelatieFactory(geldig_van=date(2021, 1, 1))
    client = api_als("inkoper")
    url = f"/api/v1/zorgaanbieders/{relatie.zorgaanbieder_id}/relaties/"
    antwoord = client.post(url, {"soort": "onderaannemer", "geldig_van": "2022-01-01"}, format="json")
    assert antwoord.status_code == 400
    assert "overlapt" in antwoord.json()["geldig_van"][0]
    antwoord = client.post(
        url, {"soort": "onderaannemer", "geldig_van": "2020-01-01", "geldig_tot": "2019-01-01"}, format="json"
    )
    assert antwoord.status_code == 400 and "geldig_tot" in antwoord.json()
    antwoord = client.post(
        url, {"soort": "onderaannemer", "geldig_van": "2020-01-01", "geldig_tot": "2021-01-01"}, format="json"
    )
    assert antwoord.status_code == 201
    assert Relatie.objects.count() == 2


def test_contract_aanmaken_status_en_tarief(api_als):
    aanbieder = ZorgaanbiederFactory()
    client = api_als("inkoper")
    document = SimpleUploadedFile("getekend.pdf", PDF, content_type="application/pdf")
    antwoord = client.post(
        "/api/v1/contracten/",
        {
            "zorgaanbieder": aanbieder.pk,
            "soort": "levering",
            "kenmerk": "JENS-2023-01",
            "startdatum": "2023-01-01",
            "einddatum": "2023-12-31",
            "gemeenten": ["heerlen", "landgraaf"],
            "plafond": "150000.00",
            "document": document,
        },
        format="multipart",
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["status"] == "concept" and data["heeft_document"] is True and data["plafond"] == "150000.00"
    url = f"/api/v1/contracten/{data['id']}/"
    assert client.post(url + "status/", {"status": "opgezegd"}, format="json").status_code == 400
    assert client.post(url + "status/", {"status": "actief"}, format="json").json()["status"] == "actief"
    regel = {"product": "Ambulante begeleiding", "eenheid": "uur", "tarief": "72.50", "geldig_van": "2023-01-01"}
    assert client.post(url + "regels/", regel, format="json").status_code == 201
    antwoord = client.post(url + "regels/", {**regel, "tarief": "75.00"}, format="json")
    assert antwoord.status_code == 400 and "geldig_van" in antwoord.json()
    nieuw = {**regel, "tarief": "75.00", "geldig_van": "2023-07-01"}
    assert client.post(url + "regels/", nieuw, format="json").status_code == 201
    assert [r["tarief"] for r in client.get(url).json()["regels"]] == ["75.00", "72.50"]


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"einddatum": "2022-01-01"}, "einddatum"),
        ({"plafond": "-10"}, "plafond"),
        ({"soort": "incidenteel"}, "incidentele_reden"),
        ({"kenmerk": "BESTAAND"}, "kenmerk"),
    ],
)
def test_contract_fout_400(api_als, wijziging, veld):
    ContractFactory(kenmerk="BESTAAND")
    data = {
        "zorgaanbieder": ZorgaanbiederFactory().pk,
        "soort": "levering",
        "kenmerk": "NIEUW",
        "startdatum": "2023-01-01",
    }
    antwoord = api_als("inkoper").post("/api/v1/contracten/", {**data, **wijziging}, format="json")
    assert antwoord.status_code == 400
    assert veld in antwoord.json()
    assert Contract.objects.count() == 1


def test_contract_document_alleen_pdf(api_als):
    data = {
        "zorgaanbieder": ZorgaanbiederFactory().pk,
        "soort": "levering",
        "kenmerk": "K",
        "startdatum": "2023-01-01",
        "document": SimpleUploadedFile("x.pdf", b"geen pdf"),
    }
    antwoord = api_als("inkoper").post("/api/v1/contracten/", data, format="multipart")
    assert antwoord.status_code == 400 and "document" in antwoord.json()


def test_document_download_met_rechten_en_log(api_als, web_als, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    contract = ContractFactory()
    contract.document.save("getekend.pdf", SimpleUploadedFile("getekend.pdf", PDF))
    antwoord = api_als("inkoper").get(f"/api/v1/contracten/{contract.pk}/document/")
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content) == PDF
    assert Toegangslog.objects.filter(object_type="contract", object_id=str(contract.pk)).count() == 1
    assert api_als("klachtenfunctionaris").get(f"/api/v1/contracten/{contract.pk}/document/").status_code == 403
    pagina = web_als("management").get(f"/contracten/{contract.pk}/document/")
    assert pagina.status_code == 200 and pagina["Content-Type"] == "application/pdf"
    assert web_als("gemeente", gemeenten=["heerlen"]).get(f"/contracten/{contract.pk}/document/").status_code == 403
    assert Toegangslog.objects.filter(object_type="contract", uitkomst="geweigerd").count() == 1


def test_afspraak_status_api(api_als):
    afspraak = AfspraakFactory(status="open")
    client = api_als("inkoper")
    url = f"/api/v1/transformatie-afspraken/{afspraak.pk}/status/"
    antwoord = client.post(url, {"status": "gerealiseerd"}, format="json")
    assert antwoord.status_code == 400 and "realisatie" in antwoord.json()
    antwoord = client.post(url, {"status": "gerealiseerd", "realisatie": "Gehaald"}, format="json")
    assert antwoord.json()["status"] == "gerealiseerd"


def test_gesprek_en_actiepunt_api(api_als):
    afspraak = AfspraakFactory()
    client = api_als("inkoper")
    antwoord = client.post(
        "/api/v1/gesprekken/",
        {
            "zorgaanbieder": afspraak.zorgaanbieder_id,
            "soort": "monitorgesprek",
            "gepland_op": "2023-03-01",
            "gehouden_op": "2023-03-01",
            "deelnemers": [client.user.pk],
            "afspraken": [afspraak.pk],
            "knelpunten": "Personeelstekort",
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.json()
    gesprek_id = antwoord.json()["id"]
    antwoord = client.post(
        f"/api/v1/gesprekken/{gesprek_id}/actiepunten/",
        {"omschrijving": "Wachtlijst aanleveren", "deadline": "2023-04-01", "eigenaar": client.user.pk},
        format="json",
    )
    assert antwoord.status_code == 201
    assert client.get(f"/api/v1/gesprekken/{gesprek_id}/").json()["actiepunten"][0]["omschrijving"] == (
        "Wachtlijst aanleveren"
    )


def test_jaarrekening_api(api_als):
    aanbieder = ZorgaanbiederFactory()
    client = api_als("inkoper")
    data = {"zorgaanbieder": aanbieder.pk, "boekjaar": 2022, "beoordeeld_op": "2023-06-01", "oordeel": "aandachtspunt"}
    antwoord = client.post("/api/v1/jaarrekening-beoordelingen/", data, format="json")
    assert antwoord.status_code == 400 and "toelichting" in antwoord.json()
    antwoord = client.post(
        "/api/v1/jaarrekening-beoordelingen/", {**data, "toelichting": "Lage solvabiliteit"}, format="json"
    )
    assert antwoord.status_code == 201
    assert antwoord.json()["beoordeeld_door"] == client.user.pk


def test_uitgave_en_opdracht_api(api_als):
    aanbieder = ZorgaanbiederFactory()
    client = api_als("inkoper")
    uitgave = {"zorgaanbieder": aanbieder.pk, "jaar": 2023, "maand": 1, "gemeente": "heerlen", "categorie": "pgb"}
    antwoord = client.post("/api/v1/uitgaven/", {**uitgave, "bedrag": "-1.00"}, format="json")
    assert antwoord.status_code == 400 and "negatief" in antwoord.json()["bedrag"][0]
    antwoord = client.post("/api/v1/uitgaven/", {**uitgave, "bedrag": "1234.56"}, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["bedrag"] == "1234.56"
    opdracht = {"gemeente": "heerlen", "jaar": 2021, "lumpsum": "18610295", "verhoging_lumpsum": "2418527"}
    antwoord = client.post("/api/v1/opdrachten/", {**opdracht, "aanvullende_taken": "407988"}, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["opdrachtsom"] == "21436810.00"
    antwoord = client.post("/api/v1/opdrachten/", opdracht, format="json")
    assert antwoord.status_code == 400 and "jaar" in antwoord.json()


def test_incidenteel_contract_inzien_wordt_gelogd(api_als):
    contract = ContractFactory(soort="incidenteel", incidentele_reden="nichezorg", client_referentie="CL-9")
    antwoord = api_als("inkoper").get(f"/api/v1/contracten/{contract.pk}/")
    assert antwoord.json()["client_referentie"] == "CL-9"
    log = Toegangslog.objects.get(object_type="contract")
    assert (log.actie, log.client) == ("inzien", "CL-9")
    api_als("inkoper").get(f"/api/v1/contracten/{ContractFactory().pk}/")
    assert Toegangslog.objects.count() == 1


def test_uitgave_wijzigen_past_dezelfde_rij_aan(api_als):
    """A PATCH that corrects the month changes that row; it does not add a second row beside the old one."""
    uitgave = UitgaveFactory(maand=1, bedrag=Decimal("100.00"))
    andere = UitgaveFactory(zorgaanbieder=uitgave.zorgaanbieder, maand=3)
    client = api_als("inkoper")
    antwoord = client.patch(f"/api/v1/uitgaven/{uitgave.pk}/", {"maand": 2}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["id"] == uitgave.pk
    uitgave.refresh_from_db()
    assert (uitgave.maand, uitgave.bedrag) == (2, Decimal("100.00"))
    assert Uitgave.objects.count() == 2
    antwoord = client.patch(f"/api/v1/uitgaven/{uitgave.pk}/", {"maand": 3}, format="json")
    assert antwoord.status_code == 400 and "bestaat al" in str(antwoord.json())
    andere.refresh_from_db()
    assert andere.bedrag == Decimal("1000.00") and Uitgave.objects.count() == 2


def test_jaarrekening_wijzigen_maakt_geen_tweede_beoordeling(api_als):
    beoordeling = JaarrekeningFactory(boekjaar=2022)
    client = api_als("inkoper")
    antwoord = client.patch(f"/api/v1/jaarrekening-beoordelingen/{beoordeling.pk}/", {"boekjaar": 2021}, format="json")
    assert antwoord.status_code == 400 and "boekjaar" in antwoord.json()
    assert JaarrekeningBeoordeling.objects.count() == 1


def test_actiepunt_afronden_api(api_als):
    gesprek = GesprekFactory()
    punt = gesprek.actiepunten.create(omschrijving="Wachtlijst aanleveren", deadline=date(2023, 4, 1))
    client = api_als("inkoper")
    url = f"/api/v1/gesprekken/{gesprek.pk}/actiepunten/{punt.pk}/afronden/"
    antwoord = client.post(url, {"afgerond_op": "2999-01-01"}, format="json")
    assert antwoord.status_code == 400 and "afgerond_op" in antwoord.json()
    antwoord = client.post(url, {"afgerond_op": "2023-03-20"}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["afgerond_op"] == "2023-03-20"
    punt.refresh_from_db()
    assert punt.afgerond_op == date(2023, 3, 20)
    ander = GesprekFactory()
    antwoord = client.post(f"/api/v1/gesprekken/{ander.pk}/actiepunten/{punt.pk}/afronden/", {}, format="json")
    assert antwoord.status_code == 404


@pytest.mark.parametrize("jaar", ["0", "99999999999"])
def test_gesprekken_onmogelijk_jaar_is_400(api_als, jaar):
    antwoord = api_als("inkoper").get("/api/v1/gesprekken/", {"jaar": jaar})
    assert antwoord.status_code == 400 and "jaar" in antwoord.json()


def test_andere_namen_die_alleen_in_hoofdletters_verschillen_zijn_een_naam(api_als):
    antwoord = api_als("inkoper").post(
        "/api/v1/zorgaanbieders/", {"naam": "Scoor", "andere_namen": ["SCOOR Jeugd", "Scoor jeugd"]}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert len(antwoord.json()["andere_namen"]) == 1


def test_rapportfout_is_lijst_per_veld(api_als):
    antwoord = api_als("inkoper").get("/api/v1/rapportages/kleine-aanbieders/", {"jaar": "twintig"})
    assert antwoord.json() == {"jaar": ["Vul een geheel getal in."]}


def test_gesprek_naar_andere_aanbieder_met_besproken_afspraken_400(api_als):
    afspraak = AfspraakFactory()
    gesprek = GesprekFactory(zorgaanbieder=afspraak.zorgaanbieder)
    gesprek.afspraken.add(afspraak)
    antwoord = api_als("inkoper").patch(
        f"/api/v1/gesprekken/{gesprek.pk}/", {"zorgaanbieder": ZorgaanbiederFactory().pk}, format="json"
    )
    assert antwoord.status_code == 400 and "afspraken" in antwoord.json()
    gesprek.refresh_from_db()
    assert gesprek.zorgaanbieder_id == afspraak.zorgaanbieder_id


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/api/v1/opdrachten/", {"gemeente": "heerlen", "jaar": 20211, "lumpsum": "1"}),
        (
            "/api/v1/uitgaven/",
            {"jaar": 1899, "maand": 1, "gemeente": "heerlen", "categorie": "pgb", "bedrag": "1"},
        ),
        ("/api/v1/jaarrekening-beoordelingen/", {"boekjaar": 20221}),
    ],
)
def test_onmogelijk_jaar_is_400(api_als, url, data):
    aanbieder = ZorgaanbiederFactory()
    antwoord = api_als("inkoper").post(url, {"zorgaanbieder": aanbieder.pk, **data}, format="json")
    assert antwoord.status_code == 400
    assert {"jaar", "boekjaar"} & set(antwoord.json())


def test_incidentele_contracten_in_de_lijst_worden_gelogd_in_een_query(api_als, django_assert_max_num_queries):
    client = api_als("inkoper")
    ContractFactory.create_batch(3)
    incidenteel = [
        ContractFactory(soort="incidenteel", incidentele_reden="nichezorg", client_referentie=f"CL-{i}")
        for i in range(4)
    ]
    client.get("/api/v1/contracten/")
    assert set(Toegangslog.objects.values_list("client", flat=True)) == {c.client_referentie for c in incidenteel}
    assert set(Toegangslog.objects.values_list("gebruikersnaam", flat=True)) == {client.user.username}
    voor = Toegangslog.objects.count()  # the log cannot be emptied (on PostgreSQL a trigger refuses DELETE)
    # Page size 1 or 500: the logging adds one insert, not one per row.
    with django_assert_max_num_queries(7):
        client.get("/api/v1/contracten/", {"page_size": 500})
    assert Toegangslog.objects.count() - voor == 4
