from datetime import date
from decimal import Decimal

import pytest

from jens.models import Gebied, Toegangslog
from staff.models import Medewerker, Plaatsing
from tests.staff.factories import FormatieFactory, LidFactory, MedewerkerFactory, PlaatsingFactory, ScholingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams(gebied):
    """One employee in Landgraaf and one in Heerlen 1."""
    landgraaf = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Lotte Landgraaf").medewerker
    heerlen = PlaatsingFactory(gebied=gebied("heerlen-1"), medewerker__naam="Henk Heerlen").medewerker
    return landgraaf, heerlen


def _gm(api_als):
    return api_als("gebiedsmanager", gebieden=["landgraaf"])


def test_gebiedsmanager_ziet_alleen_eigen_gebied(api_als, teams):
    landgraaf, heerlen = teams
    client = _gm(api_als)
    namen = [m["naam"] for m in client.get("/api/v1/medewerkers/").json()["results"]]
    assert namen == ["Lotte Landgraaf"]
    assert client.get(f"/api/v1/medewerkers/{heerlen.pk}/").status_code == 404
    assert client.get(f"/api/v1/medewerkers/{landgraaf.pk}/").status_code == 200
    plaatsingen = client.get("/api/v1/plaatsingen/").json()["results"]
    assert [p["medewerker_naam"] for p in plaatsingen] == ["Lotte Landgraaf"]
    ScholingFactory(medewerker=heerlen)
    assert client.get("/api/v1/scholingen/").json()["count"] == 0


def test_inzage_wordt_gelogd(api_als, teams):
    landgraaf, _ = teams
    client = _gm(api_als)
    client.get(f"/api/v1/medewerkers/{landgraaf.pk}/")
    log = Toegangslog.objects.get(object_type="medewerker", actie="inzien")
    assert log.object_id == str(landgraaf.pk) and log.gebruiker == client.user


@pytest.mark.parametrize("rol", ["gemeente", "inkoper", "klachtenfunctionaris", "gedragswetenschapper"])
def test_andere_rollen_zien_geen_medewerkers(api_als, teams, rol):
    client = api_als(rol, gemeenten=["heerlen", "landgraaf"])
    for url in ("/api/v1/medewerkers/", "/api/v1/plaatsingen/", "/api/v1/scholingen/", "/api/v1/formatie/"):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("rol", ["management", "functioneel_beheerder"])
def test_management_en_beheer_zien_alles(api_als, teams, rol):
    assert api_als(rol).get("/api/v1/medewerkers/").json()["count"] == 2


def _formatie_maker():
    combinaties = iter(
        [
            (g, d)
            for g in ("landgraaf", "heerlen-1", "heerlen-2", "heerlen-3", "heerlen-4", "voerendaal")
            for d in ("gebiedsteam", "voorliggend_veld")
        ]
    )

    def maak():
        from jens.models import Gebied

        code, domein = next(combinaties)
        PlaatsingFactory(gebied=Gebied.objects.get(code=code), domein=domein)
        FormatieFactory(gebied=Gebied.objects.get(code=code), domein=domein)

    return maak


@pytest.mark.parametrize(
    ("url", "rol", "maak"),
    [
        ("/api/v1/medewerkers/", "gebiedsmanager", lambda: PlaatsingFactory),
        ("/api/v1/plaatsingen/", "gebiedsmanager", lambda: PlaatsingFactory),
        (
            "/api/v1/scholingen/",
            "gebiedsmanager",
            lambda: lambda: ScholingFactory(medewerker=PlaatsingFactory().medewerker),
        ),
        ("/api/v1/formatie/", "management", _formatie_maker),
    ],
)
def test_lijsten_vast_aantal_queries(api_als, django_assert_num_queries, url, rol, maak):
    """The same number of queries for a page of 1 row and a page of 7 rows."""
    client = api_als(rol, gebieden=["landgraaf"] if rol == "gebiedsmanager" else [])
    maak = maak()
    maak()
    aantal = len(_tellen(client, url + "?page_size=1"))
    for _ in range(6):
        maak()
    with django_assert_num_queries(aantal):
        antwoord = client.get(url + "?page_size=50")
    assert antwoord.json()["count"] == 7


def _tellen(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return ctx.captured_queries


def test_plaatsing_aanmaken_in_eigen_gebied(api_als, teams):
    landgraaf, _ = teams
    client = _gm(api_als)
    Plaatsing.objects.filter(medewerker=landgraaf).update(tot=date(2021, 1, 1))
    antwoord = client.post(
        "/api/v1/plaatsingen/",
        {
            "medewerker": landgraaf.pk,
            "gebied": "landgraaf",
            "domein": "gebiedsteam",
            "fte": "0.90",
            "van": "2021-01-01",
        },
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["fte"] == "0.90"


@pytest.mark.parametrize(
    ("invoer", "veld", "melding"),
    [
        ({"fte": "0"}, "fte", "groter dan 0"),
        ({"fte": "1.10"}, "fte", "hoogstens 1,00"),
        ({"tot": "2020-12-01"}, "tot", "na de begindatum"),
        ({"fte": "0.30"}, "fte", "het maximum is 1,00"),  # 0.80 + 0.30 overlapping
        ({"gebied": "atlantis"}, "gebied", "Onbekend gebied"),
        ({"gebied": "heerlen-1"}, "gebied", "Onbekend gebied"),  # out of scope = unknown
    ],
)
def test_ongeldige_plaatsing_400_met_nederlandse_melding(api_als, teams, invoer, veld, melding):
    landgraaf, _ = teams
    client = _gm(api_als)
    data = {
        "medewerker": landgraaf.pk,
        "gebied": "landgraaf",
        "domein": "gebiedsteam",
        "fte": "0.10",
        "van": "2021-01-01",
    }
    antwoord = client.post("/api/v1/plaatsingen/", {**data, **invoer})
    assert antwoord.status_code == 400
    assert melding in " ".join(antwoord.json()[veld])
    assert Plaatsing.objects.count() == 2


def test_uren_wijzigen_via_api(api_als, teams):
    landgraaf, _ = teams
    client = _gm(api_als)
    p = landgraaf.plaatsingen.get()
    antwoord = client.post(f"/api/v1/plaatsingen/{p.pk}/uren-wijzigen/", {"fte": "0.60", "per": "2022-01-01"})
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["fte"] == "0.60" and antwoord.json()["van"] == "2022-01-01"
    p.refresh_from_db()
    assert p.tot == date(2022, 1, 1)
    fout = client.post(f"/api/v1/plaatsingen/{p.pk}/beeindigen/", {"tot": "2019-01-01"})
    assert fout.status_code == 400 and "tot" in fout.json()


def test_plaatsing_buiten_scope_wijzigen_is_404(api_als, teams):
    _, heerlen = teams
    p = heerlen.plaatsingen.get()
    antwoord = _gm(api_als).post(f"/api/v1/plaatsingen/{p.pk}/beeindigen/", {"tot": "2024-01-01"})
    assert antwoord.status_code == 404
    p.refresh_from_db()
    assert p.tot is None


def test_medewerker_aanmaken_door_beheer_en_lid_regel(api_als):
    client = api_als("functioneel_beheerder")
    lid = LidFactory()
    data = {
        "personeelsnummer": "X1",
        "naam": "Nieuw",
        "werkgever": lid.pk,
        "functie": "gezinswerker",
        "in_dienst_van": "2023-01-01",
    }
    assert client.post("/api/v1/medewerkers/", data).status_code == 201
    fout = client.post("/api/v1/medewerkers/", {**data, "personeelsnummer": "X1"})
    assert fout.status_code == 400 and "personeelsnummer" in fout.json()
    fout = client.post("/api/v1/medewerkers/", {**data, "personeelsnummer": "X2", "in_dienst_van": "2018-01-01"})
    assert (
        fout.status_code == 400
        and "geen lid en geen strategische onderaannemer van JENS" in fout.json()["werkgever"][0]
    )
    assert Medewerker.objects.count() == 1


def test_formatie_toont_vacatureruimte(api_als, gebied):
    PlaatsingFactory(gebied=gebied("landgraaf"), fte=Decimal("0.80"), van=date(2020, 1, 1))
    FormatieFactory(gebied=gebied("landgraaf"), domein="gebiedsteam", fte=Decimal("3.00"), geldig_van=date(2019, 1, 1))
    FormatieFactory(gebied=gebied("landgraaf"), domein="gebiedsteam", fte=Decimal("2.00"), geldig_van=date(2021, 1, 1))
    rijen = _gm(api_als).get("/api/v1/formatie/?op=2022-01-01").json()["results"]
    assert [(r["fte"], r["bezet"], r["vacatureruimte"]) for r in rijen] == [("2.00", "0.80", "1.20")]


def test_scholing_registreren_en_verwijderen(api_als, teams):
    landgraaf, _ = teams
    client = _gm(api_als)
    antwoord = client.post(
        "/api/v1/scholingen/", {"medewerker": landgraaf.pk, "soort": "meldcode_basis", "datum": "2020-02-01"}
    )
    assert antwoord.status_code == 201
    landgraaf.refresh_from_db()
    assert landgraaf.meldcode_basis_uiterlijk is None
    assert client.delete(f"/api/v1/scholingen/{antwoord.json()['id']}/").status_code == 204
    landgraaf.refresh_from_db()
    assert landgraaf.meldcode_basis_uiterlijk == date(2020, 2, 26)


def test_gebiedsmanager_wijzigt_eigen_medewerker_niet_die_van_heerlen(api_als, teams):
    landgraaf, heerlen = teams
    client = _gm(api_als)
    antwoord = client.patch(f"/api/v1/medewerkers/{landgraaf.pk}/", {"email": "nieuw@example.org"}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["email"] == "nieuw@example.org"
    assert client.patch(f"/api/v1/medewerkers/{heerlen.pk}/", {"naam": "X"}, format="json").status_code == 404
    fout = client.patch(f"/api/v1/medewerkers/{landgraaf.pk}/", {"in_dienst_tot": "2019-01-01"}, format="json")
    assert fout.status_code == 400 and "in_dienst_tot" in fout.json()
    heerlen.refresh_from_db()
    landgraaf.refresh_from_db()
    assert heerlen.naam == "Henk Heerlen" and landgraaf.in_dienst_tot is None


def test_rolrechten_van_de_groepen():
    from django.contrib.auth.models import Group

    def rechten(rol):
        return set(
            Group.objects.get(name=rol)
            .permissions.filter(content_type__app_label="staff")
            .values_list("codename", flat=True)
        )

    assert rechten("gemeente") == set() and rechten("inkoper") == set() and rechten("gedragswetenschapper") == set()
    assert {"view_medewerker", "change_medewerker", "add_plaatsing"} <= rechten("gebiedsmanager")
    assert "delete_medewerker" not in rechten("gebiedsmanager")
    assert "add_medewerker" in rechten("management") and "add_medewerker" in rechten("functioneel_beheerder")


def test_formatie_vastleggen_en_ongeldige_invoer_400(api_als, gebied):
    client = api_als("management")
    data = {"gebied": "landgraaf", "domein": "gebiedsteam", "fte": "4.50", "geldig_van": "2023-01-01"}
    antwoord = client.post("/api/v1/formatie/", data)
    assert antwoord.status_code == 201
    fouten = client.post("/api/v1/formatie/", {**data, "fte": "-1", "gebied": "atlantis"}).json()
    assert "niet negatief" in " ".join(fouten["fte"]) and "Onbekend gebied" in " ".join(fouten["gebied"])
    assert client.get("/api/v1/formatie/?op=2023-06-30").json()["count"] == 1


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"geldig_van": "2024-01-01"}, "geldig_van"),
        ({"gebied": "voerendaal"}, "gebied"),
        ({"domein": "voorliggend_veld"}, "domein"),
    ],
)
def test_formatie_wijzigen_maakt_geen_tweede_rij(api_als, gebied, wijziging, veld):
    """Changing the start date, area or domain recorded a second row and left the old one unchanged."""
    from staff.models import Formatie

    formatie = FormatieFactory(gebied=gebied("landgraaf"), fte=Decimal("4.00"), geldig_van=date(2023, 1, 1))
    client = api_als("management")
    antwoord = client.patch(f"/api/v1/formatie/{formatie.pk}/", wijziging, format="json")
    assert antwoord.status_code == 400
    assert "leg een nieuwe formatie vast" in " ".join(antwoord.json()[veld])
    assert Formatie.objects.count() == 1
    assert client.patch(f"/api/v1/formatie/{formatie.pk}/", {"fte": "5.00"}, format="json").status_code == 200
    formatie.refresh_from_db()
    assert formatie.fte == Decimal("5.00") and Formatie.objects.count() == 1


def test_verhuisde_medewerker_is_niet_meer_van_het_oude_gebied(api_als):
    """Moved from Landgraaf to Heerlen: the Landgraaf manager no longer sees or changes the person; the
    old Landgraaf placement stays in the area's history."""
    medewerker = MedewerkerFactory()
    oud = PlaatsingFactory(medewerker=medewerker, van=date(2021, 1, 1), tot=date(2023, 1, 1))
    PlaatsingFactory(medewerker=medewerker, gebied=Gebied.objects.get(code="heerlen-1"), van=date(2023, 1, 1))
    landgraaf = api_als("gebiedsmanager", gebieden=["landgraaf"])
    assert landgraaf.get(f"/api/v1/medewerkers/{medewerker.pk}/").status_code == 404
    assert landgraaf.patch(f"/api/v1/medewerkers/{medewerker.pk}/", {"naam": "X"}, format="json").status_code == 404
    assert [p["id"] for p in landgraaf.get("/api/v1/plaatsingen/").json()["results"]] == [oud.pk]
    heerlen = api_als("gebiedsmanager", gebieden=["heerlen-1"])
    assert heerlen.get(f"/api/v1/medewerkers/{medewerker.pk}/").status_code == 200
