"""The gebiedsmanager's screens: place, change hours, end, record training — own areas only (another
area 404, other roles 403, both logged), the service's message beside the field and nothing written."""

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest

from jens.models import Signalering, Toegangslog
from staff.models import Plaatsing, Scholing
from staff.signaleringen import BASIS_ONTBREEKT
from tests import klok
from tests.staff.factories import MedewerkerFactory, PlaatsingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(klok.KERSTAVOND)]


def fout_bij(response, veld: str) -> str:
    gevonden = re.search(rf'<p class="fout" id="id_{veld}_fout">(.*?)</p>', response.content.decode(), re.S)
    return unescape(gevonden.group(1)) if gevonden else ""


@pytest.fixture
def gm(web_als):
    return web_als("gebiedsmanager", gebieden=["landgraaf"])


@pytest.fixture
def eigen(gebied):
    return PlaatsingFactory(
        gebied=gebied("landgraaf"),
        medewerker__naam="Lotte Landgraaf",
        medewerker__meldcode_basis_uiterlijk=date(2020, 2, 26),
        van=date(2024, 1, 1),
    )


@pytest.fixture
def ander(gebied):
    return PlaatsingFactory(gebied=gebied("heerlen-1"), medewerker__naam="Henk Heerlen", van=date(2024, 1, 1))


def test_lijst_toont_alleen_eigen_gebied_in_vast_aantal_queries(
    gm, eigen, ander, gebied, django_assert_max_num_queries
):
    r = gm.get("/team/plaatsingen/")
    html = r.content.decode()
    assert r.status_code == 200 and "Lotte Landgraaf" in html and "Henk Heerlen" not in html
    assert f"/team/plaatsingen/{eigen.pk}/uren/" in html and f"/team/plaatsingen/{eigen.pk}/beeindigen/" in html
    assert Toegangslog.objects.filter(actie="zoeken", object_type="plaatsing").exists()
    with django_assert_max_num_queries(30) as weinig:
        gm.get("/team/plaatsingen/")
    for _ in range(10):
        PlaatsingFactory(gebied=gebied("landgraaf"))
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        r = gm.get("/team/plaatsingen/")
    assert len(r.context["rijen"]) == 11
    assert gm.get("/team/plaatsingen/?gebied=heerlen-1").status_code == 404


def test_medewerker_plaatsen(gm, eigen, gebied):
    nieuw = MedewerkerFactory(naam="Nina Nieuw", in_dienst_van=date(2027, 12, 1))  # never placed: a new hire
    r = gm.get("/team/plaatsingen/nieuw/")
    assert "Nina Nieuw" in r.content.decode() and 'for="id_fte"' in r.content.decode()
    r = gm.post(
        "/team/plaatsingen/nieuw/",
        {
            "medewerker": nieuw.pk,
            "gebied": gebied("landgraaf").pk,
            "domein": "gebiedsteam",
            "fte": "0,6",
            "van": "2027-12-01",
        },
    )
    assert r.status_code == 302 and r.url == "/team/plaatsingen/"
    p = Plaatsing.objects.get(medewerker=nieuw)
    assert (p.fte, p.van, p.tot, p.gebied.code) == (Decimal("0.60"), date(2027, 12, 1), None, "landgraaf")
    assert Toegangslog.objects.filter(actie="aanmaken", object_type="plaatsing", object_id=str(p.pk)).exists()


@pytest.mark.parametrize(
    ("fte", "van", "veld", "tekst"),
    [
        ("0,5", "2024-01-01", "fte", "komt de fte op 01-01-2024 op 1,30; het maximum is 1,00"),
        ("1,5", "2024-01-01", "fte", "hoogstens 1,00"),
        ("abc", "2024-01-01", "fte", "Vul een getal in"),
        ("0,2", "2019-06-01", "van", "voor de indiensttreding (01-01-2020)"),
    ],
)
def test_plaatsen_fout_naast_het_veld(gm, eigen, gebied, fte, van, veld, tekst):
    r = gm.post(
        "/team/plaatsingen/nieuw/",
        {
            "medewerker": eigen.medewerker.pk,
            "gebied": gebied("landgraaf").pk,
            "domein": "gebiedsteam",
            "fte": fte,
            "van": van,
        },
    )
    assert r.status_code == 400 and tekst in fout_bij(r, veld)
    assert f'aria-describedby="id_{veld}_fout' in r.content.decode()
    assert Plaatsing.objects.count() == 1


def test_plaatsen_in_ander_gebied_kan_niet(gm, eigen, gebied):
    r = gm.post(
        "/team/plaatsingen/nieuw/",
        {
            "medewerker": eigen.medewerker.pk,
            "gebied": gebied("heerlen-1").pk,
            "domein": "gebiedsteam",
            "fte": "0,1",
            "van": "2027-01-01",
        },
    )
    assert r.status_code == 400 and "geldige keuze" in fout_bij(r, "gebied")
    assert "Heerlen 1" not in r.content.decode().split('id="id_gebied"')[1].split("</select>")[0]
    assert Plaatsing.objects.count() == 1


def test_medewerker_van_ander_gebied_niet_te_kiezen(gm, ander, gebied):
    r = gm.post(
        "/team/plaatsingen/nieuw/",
        {
            "medewerker": ander.medewerker.pk,
            "gebied": gebied("landgraaf").pk,
            "domein": "gebiedsteam",
            "fte": "0,1",
            "van": "2027-01-01",
        },
    )
    assert r.status_code == 400 and "geldige keuze" in fout_bij(r, "medewerker")
    assert "Henk Heerlen" not in gm.get("/team/plaatsingen/nieuw/").content.decode()


def test_uren_wijzigen_beeindigt_en_start_nieuw(gm, eigen):
    r = gm.post(f"/team/plaatsingen/{eigen.pk}/uren/", {"fte": "0,5", "per": "2027-12-01"})
    assert r.status_code == 302
    oud, nieuw = Plaatsing.objects.order_by("van")
    assert (oud.tot, nieuw.van, nieuw.fte, nieuw.tot) == (date(2027, 12, 1), date(2027, 12, 1), Decimal("0.50"), None)


def test_uren_wijzigen_voor_begin_fout_naast_datum(gm, eigen):
    r = gm.post(f"/team/plaatsingen/{eigen.pk}/uren/", {"fte": "0,5", "per": "2023-01-01"})
    assert r.status_code == 400 and "binnen de lopende plaatsing" in fout_bij(r, "per")
    assert Plaatsing.objects.get().tot is None


def test_beeindigen(gm, eigen):
    r = gm.post(f"/team/plaatsingen/{eigen.pk}/beeindigen/", {"tot": "2028-01-01"})
    assert r.status_code == 302
    assert Plaatsing.objects.get().tot == date(2028, 1, 1)
    r = gm.post(f"/team/plaatsingen/{eigen.pk}/beeindigen/", {"tot": "2023-12-01"})
    assert r.status_code == 400 and "na de begindatum" in fout_bij(r, "tot")
    assert Plaatsing.objects.get().tot == date(2028, 1, 1)


@pytest.mark.parametrize("pad", ["uren", "beeindigen"])
def test_plaatsing_in_ander_gebied_404_en_gelogd(gm, ander, pad):
    assert gm.get(f"/team/plaatsingen/{ander.pk}/{pad}/").status_code == 404
    r = gm.post(f"/team/plaatsingen/{ander.pk}/{pad}/", {"tot": "2028-01-01", "fte": "0,1", "per": "2027-12-01"})
    assert r.status_code == 404
    assert Plaatsing.objects.get().tot is None
    assert (
        Toegangslog.objects.filter(uitkomst="geweigerd", object_type="plaatsing", object_id=str(ander.pk)).count() == 2
    )


@pytest.mark.parametrize("rol", ["gedragswetenschapper", "klachtenfunctionaris", "inkoper", "gemeente"])
@pytest.mark.parametrize(
    "pad",
    ["plaatsingen/", "plaatsingen/nieuw/", "plaatsingen/{pk}/uren/", "plaatsingen/{pk}/beeindigen/", "scholing/nieuw/"],
)
def test_andere_rollen_403(web_als, eigen, rol, pad):
    client = web_als(rol, gebieden=["landgraaf"], gemeenten=["landgraaf"])
    url = f"/team/{pad.format(pk=eigen.pk)}"
    assert client.get(url).status_code == 403
    assert client.post(url, {"tot": "2028-01-01", "fte": "0,1", "per": "2027-12-01"}).status_code == 403
    assert Plaatsing.objects.get().tot is None and not Scholing.objects.exists()


def test_meldcode_scholing_vastleggen_lost_signalering_op(gm, eigen, django_capture_on_commit_callbacks):
    from staff.signaleringen import sync_meldcode_signaleringen

    sync_meldcode_signaleringen(op=date(2027, 12, 24))
    assert Signalering.objects.open().filter(soort=BASIS_ONTBREEKT).count() == 1
    team = gm.get("/team/").content.decode()
    assert f"/team/scholing/nieuw/?medewerker={eigen.medewerker.pk}&amp;soort=meldcode_basis" in team
    r = gm.get(f"/team/scholing/nieuw/?medewerker={eigen.medewerker.pk}&soort=meldcode_basis")
    assert r.context["form"]["soort"].value() == "meldcode_basis"
    with django_capture_on_commit_callbacks(execute=True):
        r = gm.post(
            "/team/scholing/nieuw/",
            {"medewerker": eigen.medewerker.pk, "soort": "meldcode_basis", "datum": "2027-12-20"},
        )
    assert r.status_code == 302
    assert Scholing.objects.get().datum == date(2027, 12, 20)
    # refreshed by the write itself, not only by the daily run
    assert not Signalering.objects.open().filter(soort=BASIS_ONTBREEKT).exists()


def test_scholing_fout_naast_het_veld(gm, eigen):
    r = gm.post("/team/scholing/nieuw/", {"medewerker": eigen.medewerker.pk, "soort": "", "datum": "2027-12-20"})
    assert r.status_code == 400 and fout_bij(r, "soort")
    assert not Scholing.objects.exists()


def test_scholing_voor_medewerker_van_ander_gebied(gm, ander):
    assert gm.get(f"/team/scholing/nieuw/?medewerker={ander.medewerker.pk}").status_code == 404
    r = gm.post(
        "/team/scholing/nieuw/", {"medewerker": ander.medewerker.pk, "soort": "meldcode_basis", "datum": "2027-12-20"}
    )
    assert r.status_code == 400 and "geldige keuze" in fout_bij(r, "medewerker")
    assert not Scholing.objects.exists()
