import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from complaints.demo import GEPUBLICEERD, seed
from complaints.models import Aard, Klacht
from complaints.selectors import klachten_jaarverslag, klachten_rapport
from jens.periode import Periode
from tests import klok

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db

API = "/api/v1/rapportages/klachten/"


@pytest.fixture
def demo(maak_gebruiker):
    maak_gebruiker("klachtenfunctionaris", username="klachten")
    seed(stdout=io.StringIO())


def test_demo_geeft_de_gepubliceerde_aantallen(demo):
    rapport = klachten_rapport(Periode.parse("2023H1"))
    assert (rapport["periode"], rapport["vergelijkingsperiode"]) == ("2023H1", "2022H1")
    assert (rapport["totaal"], rapport["totaal_vergelijking"]) == (18, 8)
    per_aard = {r["aard"]: (r["aantal"], r["aantal_vergelijking"]) for r in rapport["per_aard"]}
    assert per_aard == {
        "verwijzing": (7, 1),
        "behandeling": (7, 3),
        "bereikbaarheid": (0, 0),
        "algemene_vragen": (2, 2),
        "privacy": (2, 2),
    }
    assert [r["aantal"] for r in klachten_rapport(Periode.parse("2021H1"))["per_aard"]] == [8, 7, 2, 2, 4]
    assert klachten_rapport(Periode.parse("2021H2"))["totaal"] == 12
    assert klachten_rapport(Periode.parse("2021"))["totaal"] == 35


@pytest.mark.time_machine(klok.OUDJAARSDAG)
def test_demo_is_idempotent_en_heeft_open_klachten_waarvan_een_te_laat(demo):
    from complaints.models import Klacht
    from complaints.signaleringen import niet_opgepakt

    aantal = Klacht.objects.count()
    seed(stdout=io.StringIO())
    assert Klacht.objects.count() == aantal == sum(sum(p.values()) for p in GEPUBLICEERD.values()) + 4
    assert Klacht.objects.exclude(status__in=["afgesloten", "ingetrokken"]).count() == 4
    assert niet_opgepakt(date.today()).count() == 1


def test_kengetallen_tijdig_mediaan_commissie_en_uitkomsten(maak_gebruiker):
    officier = maak_gebruiker("klachtenfunctionaris")
    # three complaints received Monday 2-1-2023 (deadline Monday 9-1): picked up after 1, 3 and 6 working days
    for werkdagen, opgepakt in ((1, date(2023, 1, 3)), (3, date(2023, 1, 5)), (6, date(2023, 1, 10))):
        k = KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
        from complaints import services

        k = services.voer_actie(klacht=k, actie="oppakken", door=officier, versie=1, nu=moment(opgepakt))
        assert k.werkdagen_tot_oppakken == werkdagen
    commissie = KlachtFactory(ontvangen_op=moment(date(2023, 2, 1)))
    door_workflow(commissie, ["oppakken", "in_behandeling", "naar_commissie"], officier)
    afgehandeld = KlachtFactory(ontvangen_op=moment(date(2023, 2, 1)))
    door_workflow(
        afgehandeld, ["oppakken", "in_behandeling", "afhandelen"], officier, afhandelen={"uitkomst": "gegrond"}
    )
    rapport = klachten_rapport(Periode.parse("2023H1"))
    assert rapport["totaal"] == 5
    assert rapport["naar_commissie"] == 1
    assert rapport["aandeel_tijdig_opgepakt"] == Decimal("40.0")  # 2 of 5 picked up by the deadline
    assert rapport["mediaan_werkdagen_tot_oppakken"] is not None
    assert {u["uitkomst"]: u["aantal"] for u in rapport["uitkomsten"]}["gegrond"] == 1
    assert {s["soort"]: s["aantal"] for s in rapport["per_soort"]} == {"klacht": 5, "melding_van_ongenoegen": 0}


def test_mediaan_bij_even_aantal_en_geen_klachten(maak_gebruiker):
    from complaints import services

    officier = maak_gebruiker("klachtenfunctionaris")
    assert klachten_rapport(Periode.parse("2023H1"))["aandeel_tijdig_opgepakt"] is None
    assert klachten_rapport(Periode.parse("2023H1"))["mediaan_werkdagen_tot_oppakken"] is None
    for opgepakt in (date(2023, 1, 3), date(2023, 1, 4)):  # 1 and 2 working days
        k = KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
        services.voer_actie(klacht=k, actie="oppakken", door=officier, versie=1, nu=moment(opgepakt))
    rapport = klachten_rapport(Periode.parse("2023H1"))
    assert rapport["mediaan_werkdagen_tot_oppakken"] == Decimal("1.5")
    assert rapport["aandeel_tijdig_opgepakt"] == Decimal("100.0")


def test_rapport_per_gemeente_en_nieuwe_aard(gemeente):
    Aard.objects.create(code="financien", naam="Financiële afspraken", volgorde=60)
    KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)), gemeente=gemeente("heerlen"), aard="financien")
    KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)), gemeente=gemeente("landgraaf"))
    rapport = klachten_rapport(Periode.parse("2023H1"), gemeente="heerlen")
    assert rapport["totaal"] == 1
    assert [r["aard"] for r in rapport["per_aard"]][-1] == "financien"
    assert {r["aard"]: r["aantal"] for r in rapport["per_aard"]}["financien"] == 1


def test_rapport_in_vast_aantal_queries(demo, django_assert_num_queries):
    with django_assert_num_queries(3):
        klachten_rapport(Periode.parse("2023H1"))


def test_jaarverslag_jeugdwet(demo):
    verslag = klachten_jaarverslag(2021)
    assert verslag["aantal"] == 35
    assert verslag["uitspraken"] and all(u["uitspraak"] and u["maatregelen"] for u in verslag["uitspraken"])
    assert len(verslag["uitspraken"]) == verslag["naar_commissie"]


@pytest.mark.parametrize("rol", ["klachtenfunctionaris", "management"])
def test_api_rapport(demo, api_als, rol):
    r = api_als(rol).get(API, {"periode": "2023H1"})
    assert r.status_code == 200
    assert (r.data["periode"], r.data["vergelijkingsperiode"], r.data["totaal"], r.data["totaal_vergelijking"]) == (
        "2023H1",
        "2022H1",
        18,
        8,
    )
    assert r.data["per_aard"][0] == {
        "aard": "verwijzing",
        "naam": "Verwijzing en de daarbij behorende procedures",
        "aantal": 7,
        "aantal_vergelijking": 1,
    }
    assert isinstance(r.data["aandeel_tijdig_opgepakt"], str)
    assert "jeugdwet" not in r.data
    assert api_als(rol).get(API, {"periode": "2021"}).data["jeugdwet"]["aantal"] == 35


def test_api_rapport_gemeente_ziet_alleen_eigen_cijfers(demo, api_als):
    client = api_als("gemeente", gemeenten=["heerlen"])
    r = client.get(API, {"periode": "2023H1"})
    assert r.status_code == 200 and r.data["gemeente"] == "heerlen"
    assert 0 < r.data["totaal"] < 18
    r = client.get(API, {"periode": "2023H1", "gemeente": "landgraaf"})
    assert r.status_code == 400 and "geen toegang" in r.data["gemeente"][0]


def test_gemeente_ziet_geen_uitspraken_per_klacht_wel_aantallen(demo, api_als, web_als):
    r = api_als("gemeente", gemeenten=["heerlen"]).get(API, {"periode": "2021"})
    assert r.status_code == 200
    assert "uitspraken" not in r.data["jeugdwet"] and r.data["jeugdwet"]["aantal_uitspraken"] >= 0
    referenties = list(Klacht.objects.filter(uitspraak_op__year=2021).values_list("referentie", flat=True))
    assert referenties
    client = web_als("gemeente", gemeenten=["heerlen"])
    pagina = client.get("/klachten/rapportage/", {"periode": "2021"}).content.decode()
    assert "alleen zichtbaar voor de klachtenfunctionaris" in pagina
    assert not any(ref in pagina for ref in referenties)
    xlsx = client.get("/klachten/rapportage/", {"periode": "2021", "formaat": "xlsx"})
    assert "Uitspraken" not in load_workbook(io.BytesIO(xlsx.content)).sheetnames
    volledig = api_als("klachtenfunctionaris").get(API, {"periode": "2021"}).data["jeugdwet"]
    assert len(volledig["uitspraken"]) == volledig["aantal_uitspraken"] == len(referenties)


def test_api_rapport_foute_periode(api_als):
    r = api_als("management").get(API, {"periode": "2023H3"})
    assert r.status_code == 400 and "2023H1" in r.data["periode"][0]


@pytest.mark.parametrize("rol", ["gebiedsmanager", "gedragswetenschapper", "inkoper", "functioneel_beheerder"])
def test_api_rapport_geweigerd_voor_andere_rollen(api_als, rol):
    assert api_als(rol).get(API, {"periode": "2023H1"}).status_code == 403


def test_rapportpagina_en_xlsx(demo, web_als):
    client = web_als("management")
    r = client.get("/klachten/rapportage/", {"periode": "2023H1"})
    assert r.status_code == 200
    inhoud = r.content.decode()
    assert "Verwijzing en de daarbij behorende procedures" in inhoud and "2022H1" in inhoud
    r = client.get("/klachten/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    assert r.status_code == 200 and r["Content-Disposition"].endswith('klachten-2023H1.xlsx"')
    blad = load_workbook(io.BytesIO(r.content))["Per aard"]
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == ("Aard", "2023H1", "2022H1")
    assert rijen[1] == ("Verwijzing en de daarbij behorende procedures", 7, 1)
    assert rijen[-1] == ("Totaal", 18, 8)


def test_rapportpagina_foute_periode_en_weigering(web_als, maak_gebruiker, client):
    assert web_als("klachtenfunctionaris").get("/klachten/rapportage/", {"periode": "x"}).status_code == 400
    client.force_login(maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"]))
    assert client.get("/klachten/rapportage/").status_code == 403
