from datetime import date
from decimal import Decimal

import pytest

from contracts.models import Contract, Relatie, TransformatieAfspraak
from tests.contracts.factories import (
    AfspraakFactory,
    ContractFactory,
    OpdrachtFactory,
    PersoneelsomvangFactory,
    RelatieFactory,
    UitgaveFactory,
    ZorgaanbiederFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rol", "status"),
    [("inkoper", 200), ("management", 200), ("gemeente", 200), ("klachtenfunctionaris", 403), ("gebiedsmanager", 403)],
)
def test_rapportagepagina_per_rol(web_als, rol, status):
    assert web_als(rol, gemeenten=["heerlen"]).get("/zorgaanbieders/rapportage/").status_code == status


def test_rapportagepagina_toont_4_procent(web_als):
    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618"))
    UitgaveFactory(zorgaanbieder=PersoneelsomvangFactory(jaar=2021).zorgaanbieder, bedrag=Decimal("2476696"))
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=2021").content.decode()
    assert "€ 34.266.618,00" in inhoud and "€ 2.476.696,00" in inhoud and "7,2%" in inhoud


def test_rapportagepagina_toont_uitgaven_per_aanbieder_en_categorie(web_als):
    aanbieder = ZorgaanbiederFactory(naam="Praktijk Berkers")
    UitgaveFactory(zorgaanbieder=aanbieder, maand=1, bedrag=Decimal("1200.50"))
    UitgaveFactory(zorgaanbieder=aanbieder, maand=2, bedrag=Decimal("800.00"))
    UitgaveFactory(zorgaanbieder=aanbieder, maand=2, categorie="pgb", bedrag=Decimal("50.00"))
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=2021").content.decode()
    assert "Uitgaven per aanbieder en categorie (2 regels)" in inhoud
    assert '<td>Praktijk Berkers</td><td>Specialistische zorg</td><td class="getal">€ 2.000,50</td>' in inhoud
    assert '<td>Praktijk Berkers</td><td>Pgb</td><td class="getal">€ 50,00</td>' in inhoud


def test_rapportagepagina_fout_jaar(web_als):
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=abc").content.decode()
    assert "Vul een jaartal in" in inhoud


def test_admin_zoeken_op_andere_naam_kvk_agb_en_filters(web_als):
    yvoor = ZorgaanbiederFactory(naam="Yvoor", kvk_nummer="12345678", agb_code="87654321")
    yvoor.andere_namen.create(naam="Stichting Yvoor")
    RelatieFactory(zorgaanbieder=yvoor, soort="onderaannemer", geldig_van=date(2021, 1, 1))
    ZorgaanbiederFactory(naam="Radar")
    client = web_als("inkoper", is_staff=True)
    for zoek in ("stichting", "12345678", "87654321"):
        inhoud = client.get("/admin/contracts/zorgaanbieder/", {"q": zoek}).content.decode()
        assert "Yvoor" in inhoud and "Radar" not in inhoud
    inhoud = client.get("/admin/contracts/zorgaanbieder/", {"soort_vandaag": "onderaannemer"}).content.decode()
    assert "Yvoor" in inhoud and "Radar" not in inhoud
    assert client.get("/admin/contracts/zorgaanbieder/", {"klein": "ja"}).status_code == 200
    assert client.get("/admin/contracts/zorgaanbieder/", {"gemeente": "heerlen"}).status_code == 200
    assert "zorgaanbieders/rapportage" in client.get("/admin/contracts/zorgaanbieder/").content.decode()


def test_admin_aanbiederpagina_met_inlines(web_als):
    aanbieder = ZorgaanbiederFactory()
    ContractFactory(zorgaanbieder=aanbieder)
    AfspraakFactory(zorgaanbieder=aanbieder)
    antwoord = web_als("inkoper", is_staff=True).get(f"/admin/contracts/zorgaanbieder/{aanbieder.pk}/change/")
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    for kop in ("Relaties", "Contracten", "Transformatie-afspraken", "Gesprekken", "Jaarrekeningbeoordelingen"):
        assert kop in inhoud


def _inline_data(aanbieder, perioden):
    data = {
        "naam": aanbieder.naam,
        "kvk_nummer": "",
        "agb_code": "",
        "adres": "",
        "postcode": "",
        "plaats": "",
        "contactpersoon": "",
        "email": "",
        "telefoon": "",
        "notities": "",
    }
    for prefix in ("andere_namen", "personeelsomvang", "contracten", "afspraken", "gesprekken", "jaarrekeningen"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    data |= {"relaties-TOTAL_FORMS": len(perioden), "relaties-INITIAL_FORMS": 0}
    for i, (soort, van, tot) in enumerate(perioden):
        data |= {f"relaties-{i}-soort": soort, f"relaties-{i}-geldig_van": van, f"relaties-{i}-geldig_tot": tot}
    return data


def test_admin_weigert_overlappende_perioden(web_als):
    aanbieder = ZorgaanbiederFactory()
    client = web_als("inkoper", is_staff=True)
    url = f"/admin/contracts/zorgaanbieder/{aanbieder.pk}/change/"
    antwoord = client.post(
        url, _inline_data(aanbieder, [("lid", "01-01-2021", "01-06-2021"), ("onderaannemer", "01-05-2021", "")])
    )
    assert antwoord.status_code == 200
    assert "Relatieperioden mogen niet overlappen" in antwoord.content.decode()
    assert not Relatie.objects.exists()
    antwoord = client.post(
        url, _inline_data(aanbieder, [("lid", "01-01-2021", "01-05-2021"), ("onderaannemer", "01-05-2021", "")])
    )
    assert antwoord.status_code == 302
    assert Relatie.objects.count() == 2


def test_admin_contract_incidenteel_zonder_reden(web_als):
    aanbieder = ZorgaanbiederFactory()
    data = {
        "zorgaanbieder": aanbieder.pk,
        "soort": "incidenteel",
        "kenmerk": "INC-1",
        "startdatum": "01-01-2023",
        "einddatum": "31-12-2022",
        "regels-TOTAL_FORMS": 0,
        "regels-INITIAL_FORMS": 0,
    }
    antwoord = web_als("inkoper", is_staff=True).post("/admin/contracts/contract/add/", data)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Kies bij een incidentele overeenkomst een van de vier redenen." in inhoud
    assert "De einddatum mag niet voor de startdatum liggen." in inhoud
    assert not Contract.objects.exists()


def test_admin_statusactie_volgt_overgangen(web_als):
    concept = ContractFactory(status="concept")
    beeindigd = ContractFactory(status="beeindigd")
    client = web_als("inkoper", is_staff=True)
    client.post(
        "/admin/contracts/contract/",
        {"action": "zet_actief", "_selected_action": [concept.pk, beeindigd.pk]},
    )
    concept.refresh_from_db()
    beeindigd.refresh_from_db()
    assert (concept.status, beeindigd.status) == ("actief", "beeindigd")


def test_admin_afspraak_eindstatus_vraagt_toelichting(web_als):
    afspraak = AfspraakFactory(status="lopend")
    data = {
        "zorgaanbieder": afspraak.zorgaanbieder_id,
        "opdracht": afspraak.opdracht,
        "gewenst_resultaat": afspraak.gewenst_resultaat,
        "afgesproken_op": "01-02-2023",
        "streefdatum": "31-12-2023",
        "status": "gerealiseerd",
        "realisatie": "",
    }
    antwoord = web_als("inkoper", is_staff=True).post(
        f"/admin/contracts/transformatieafspraak/{afspraak.pk}/change/", data
    )
    assert "Licht toe wat er van de afspraak is gerealiseerd." in antwoord.content.decode()
    afspraak.refresh_from_db()
    assert afspraak.status == TransformatieAfspraak.Status.LOPEND


@pytest.mark.parametrize(
    "pad",
    [
        "contract",
        "transformatieafspraak",
        "gesprek",
        "jaarrekeningbeoordeling",
        "relatie",
        "uitgave",
        "opdracht",
        "personeelsomvang",
    ],
)
def test_admin_lijsten_openen(web_als, pad):
    PersoneelsomvangFactory()
    assert web_als("inkoper", is_staff=True).get(f"/admin/contracts/{pad}/").status_code == 200


def test_admin_negatief_bedrag_uitgave(web_als):
    aanbieder = ZorgaanbiederFactory()
    data = {"zorgaanbieder": aanbieder.pk, "jaar": 2023, "maand": 1, "gemeente": 1, "categorie": "pgb", "bedrag": "-5"}
    antwoord = web_als("inkoper", is_staff=True).post("/admin/contracts/uitgave/add/", data)
    assert "Het bedrag mag niet negatief zijn." in antwoord.content.decode()
    assert not aanbieder.uitgaven.exists()


def test_admin_aanbiederpagina_inlines_controleren_jaarrekening_en_gesprek(web_als):
    """The reviews and meetings on the provider page get the same checks as on their own admin pages."""
    from contracts.models import Gesprek, JaarrekeningBeoordeling

    aanbieder = ZorgaanbiederFactory()
    client = web_als("inkoper", is_staff=True)
    url = f"/admin/contracts/zorgaanbieder/{aanbieder.pk}/change/"
    jaarrekening = _inline_data(aanbieder, []) | {
        "jaarrekeningen-TOTAL_FORMS": 1,
        "jaarrekeningen-0-boekjaar": 2022,
        "jaarrekeningen-0-beoordeeld_op": "01-06-2023",
        "jaarrekeningen-0-oordeel": "twijfel_continuiteit",
        "jaarrekeningen-0-toelichting": "",
    }
    inhoud = client.post(url, jaarrekening).content.decode()
    assert "Licht een aandachtspunt of twijfel over de continuïteit toe." in inhoud
    assert not JaarrekeningBeoordeling.objects.exists()
    gesprek = _inline_data(aanbieder, []) | {
        "gesprekken-TOTAL_FORMS": 1,
        "gesprekken-0-soort": "monitorgesprek",
        "gesprekken-0-gepland_op": "01-01-2099",
        "gesprekken-0-gehouden_op": "01-01-2099",
    }
    inhoud = client.post(url, gesprek).content.decode()
    assert "Een gesprek kan niet in de toekomst gehouden zijn." in inhoud
    assert not Gesprek.objects.exists()


def test_admin_actiepunt_niet_in_toekomst_afgerond(web_als):
    from tests.contracts.factories import GesprekFactory

    gesprek = GesprekFactory()
    punt = gesprek.actiepunten.create(omschrijving="Wachtlijst", deadline=date(2023, 4, 1))
    client = web_als("inkoper", is_staff=True)
    url = f"/admin/contracts/gesprek/{gesprek.pk}/change/"
    data = {
        "zorgaanbieder": gesprek.zorgaanbieder_id,
        "soort": gesprek.soort,
        "gepland_op": f"{gesprek.gepland_op:%d-%m-%Y}",
        "gehouden_op": f"{gesprek.gehouden_op:%d-%m-%Y}" if gesprek.gehouden_op else "",
        "overige_deelnemers": "",
        "verslag": "",
        "knelpunten": "",
        "actiepunten-TOTAL_FORMS": 1,
        "actiepunten-INITIAL_FORMS": 1,
        "actiepunten-0-id": punt.pk,
        "actiepunten-0-gesprek": gesprek.pk,
        "actiepunten-0-omschrijving": "Wachtlijst",
        "actiepunten-0-eigenaar": "",
        "actiepunten-0-deadline": "01-04-2023",
        "actiepunten-0-afgerond_op": "01-01-2099",
    }
    inhoud = client.post(url, data).content.decode()
    assert "De afronddatum kan niet in de toekomst liggen." in inhoud
    punt.refresh_from_db()
    assert punt.afgerond_op is None


@pytest.mark.parametrize(
    ("namen", "melding"),
    [
        (["SCOOR Jeugd", "Scoor jeugd"], "komt twee keer voor"),
        (["Radar"], "al in gebruik bij een andere zorgaanbieder"),
    ],
)
def test_admin_andere_namen_uniek_zonder_hoofdletters(web_als, namen, melding):
    from contracts.models import AndereNaam

    ZorgaanbiederFactory(naam="Radar")
    aanbieder = ZorgaanbiederFactory(naam="Scoor")
    data = _inline_data(aanbieder, []) | {"andere_namen-TOTAL_FORMS": len(namen)}
    data |= {f"andere_namen-{i}-naam": naam for i, naam in enumerate(namen)}
    antwoord = web_als("inkoper", is_staff=True).post(f"/admin/contracts/zorgaanbieder/{aanbieder.pk}/change/", data)
    assert antwoord.status_code == 200 and melding in antwoord.content.decode()
    assert not AndereNaam.objects.exists()


def test_admin_tariefregel_binnen_looptijd_contract(web_als):
    """The admin refuses a tariff line outside the contract's dates, as the service does (also on a new contract)."""
    from contracts.models import ContractRegel

    aanbieder = ZorgaanbiederFactory()
    data = {
        "zorgaanbieder": aanbieder.pk,
        "soort": "levering",
        "kenmerk": "LEV-1",
        "startdatum": "01-01-2023",
        "einddatum": "31-12-2023",
        "regels-TOTAL_FORMS": 1,
        "regels-INITIAL_FORMS": 0,
        "regels-0-product": "Ambulante begeleiding",
        "regels-0-eenheid": "uur",
        "regels-0-tarief": "75.50",
        "regels-0-geldig_van": "01-12-2022",
    }
    client = web_als("inkoper", is_staff=True)
    inhoud = client.post("/admin/contracts/contract/add/", data).content.decode()
    assert "De ingangsdatum ligt voor de startdatum van het contract." in inhoud
    assert not Contract.objects.exists()
    inhoud = client.post(
        "/admin/contracts/contract/add/", data | {"regels-0-geldig_van": "01-01-2024"}
    ).content.decode()
    assert "De ingangsdatum ligt na de einddatum van het contract." in inhoud
    assert not ContractRegel.objects.exists()
    antwoord = client.post("/admin/contracts/contract/add/", data | {"regels-0-geldig_van": "01-01-2023"})
    assert antwoord.status_code == 302 and ContractRegel.objects.count() == 1


def test_rapportagepagina_transformatiedoel_tot_en_met_streefdatum(web_als):
    """Agreements made on the target date itself count, so the page says 'uiterlijk op', not 'vóór'."""
    AfspraakFactory(afgesproken_op=date(2023, 3, 31), streefdatum=date(2023, 12, 31))
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=2023").content.decode()
    assert "afgesproken uiterlijk op 31-03-2023:\n  <strong>1</strong>" in inhoud


def test_admin_jaarrekening_niet_in_toekomst_beoordeeld(web_als):
    from contracts.models import JaarrekeningBeoordeling

    data = {
        "zorgaanbieder": ZorgaanbiederFactory().pk,
        "boekjaar": 2022,
        "beoordeeld_op": "01-06-2099",
        "oordeel": "geen_bijzonderheden",
        "toelichting": "",
    }
    inhoud = web_als("inkoper", is_staff=True).post("/admin/contracts/jaarrekeningbeoordeling/add/", data)
    assert "De beoordelingsdatum kan niet in de toekomst liggen." in inhoud.content.decode()
    assert not JaarrekeningBeoordeling.objects.exists()


def test_admin_incidenteel_contract_inzien_wordt_gelogd(web_als):
    """The admin page of an incidental contract shows a client reference: opening it is logged, as in the API."""
    from jens.models import Toegangslog

    contract = ContractFactory(soort="incidenteel", incidentele_reden="buiten_regio", client_referentie="CL-7")
    client = web_als("inkoper", is_staff=True)
    assert client.get(f"/admin/contracts/contract/{contract.pk}/change/").status_code == 200
    log = Toegangslog.objects.get(object_type="contract")
    assert (log.actie, log.client, log.object_id) == ("inzien", "CL-7", str(contract.pk))
    assert client.get(f"/admin/contracts/contract/{ContractFactory().pk}/change/").status_code == 200
    assert Toegangslog.objects.count() == 1


def _gemeentegegevens():
    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618"))
    klein = PersoneelsomvangFactory(jaar=2021).zorgaanbieder
    klein.naam = "Praktijk Berkers"
    klein.save()
    RelatieFactory(zorgaanbieder=ZorgaanbiederFactory(naam="Radar"), soort="lid", geldig_van=date(2020, 1, 1))
    UitgaveFactory(zorgaanbieder=klein, bedrag=Decimal("2476696"))


def test_gemeente_ziet_aantallen_en_totalen_zonder_namen_van_aanbieders(web_als):
    _gemeentegegevens()
    inhoud = web_als("gemeente", gemeenten=["heerlen"]).get("/zorgaanbieders/rapportage/?jaar=2021").content.decode()
    assert "€ 2.476.696,00" in inhoud and "7,2%" in inhoud  # the 4% rule's totals
    assert "Praktijk Berkers" not in inhoud and "Radar" not in inhoud  # no provider names anywhere
    assert "Uitgaven per aanbieder" not in inhoud and "Grootste aanbieders" not in inhoud
    assert "Aantal kleine aanbieders met besteding in 2021: 1." in inhoud
    # The inkoper sees the names.
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=2021").content.decode()
    assert "Praktijk Berkers" in inhoud and "Radar" in inhoud


def test_gemeente_krijgt_in_de_api_ook_geen_namen(api_als):
    _gemeentegegevens()
    client = api_als("gemeente", gemeenten=["heerlen"])
    klein = client.get("/api/v1/rapportages/kleine-aanbieders/?jaar=2021").json()
    assert "aanbieders" not in klein and klein["aantal_aanbieders"] == 1 and klein["percentage"] == "7.2"
    per_soort = client.get("/api/v1/rapportages/aanbieders-per-soort/?op=2021-12-31").json()
    assert per_soort["lid"] == 1 and isinstance(per_soort["kleine_aanbieder"], int)
    uitgaven = client.get("/api/v1/rapportages/uitgaven/?jaar=2021").json()
    assert "top_aanbieders" not in uitgaven and "per_aanbieder_categorie" not in uitgaven
    assert Decimal(uitgaven["totaal"]) == Decimal("2476696")  # SQLite and PostgreSQL write the sum differently
    assert "Praktijk Berkers" not in str([klein, per_soort, uitgaven])


@pytest.mark.time_machine("2026-12-03 10:00 +01:00", tick=False)
def test_rapportage_opent_op_het_laatste_jaar_met_gegevens_en_jaartal_zonder_punt(web_als):
    _gemeentegegevens()
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/").content.decode()
    assert "<h1>Zorgaanbieders, 4%-regel en monitoring 2021</h1>" in inhoud  # not the empty 2026
    assert 'value="2021"' in inhoud and "2.021" not in inhoud
    assert "7,2%" in inhoud and "0,0%" not in inhoud
    inhoud = web_als("inkoper").get("/zorgaanbieders/rapportage/?jaar=2026").content.decode()
    assert "Geen gegevens voor 2026" in inhoud and "0,0%" not in inhoud
