"""Read endpoints: scoped per gemeente, a fixed number of queries, no writes; the statement per gemeente."""

from decimal import Decimal

import pytest

from financien.models import Begrotingsregel, Kostenregel
from jens.models import Gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def regels():
    for code, bedrag in (("heerlen", 100), ("landgraaf", 200), ("voerendaal", 300)):
        g = Gemeente.objects.get(code=code)
        for maand in (1, 2, 3):
            Kostenregel.objects.create(gemeente=g, jaar=2023, maand=maand, post="gebiedsteams", bedrag=bedrag)
        Begrotingsregel.objects.create(gemeente=g, jaar=2023, post="gebiedsteams", bedrag=bedrag * 12)


@pytest.mark.parametrize("url", ["/api/v1/kostenregels/", "/api/v1/begrotingsregels/"])
def test_gemeente_ziet_alleen_eigen_gemeente(api_als, regels, url):
    client = api_als("gemeente", gemeenten=["landgraaf"])
    data = client.get(url).json()
    assert data["count"] > 0 and {r["gemeente"] for r in data["results"]} == {"landgraaf"}
    assert client.get(url, {"gemeente": "heerlen"}).json()["count"] == 0
    andere = Kostenregel.objects.filter(gemeente__code="heerlen").first()
    if url.startswith("/api/v1/kostenregels/"):
        assert client.get(f"{url}{andere.pk}/").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/kostenregels/", "/api/v1/begrotingsregels/"])
def test_niemand_schrijft_via_de_api(api_als, regels, url):
    for rol, status in (("gemeente", 403), ("inkoper", 405)):  # the gemeente may not write; nobody has a POST
        client = api_als(rol, gemeenten=["heerlen"])
        antwoord = client.post(url, {"jaar": 2023, "maand": 5, "gemeente": "heerlen", "post": "pgb", "bedrag": "1"})
        assert antwoord.status_code == status
    assert Kostenregel.objects.count() == 9


@pytest.mark.parametrize("rol", ["klachtenfunctionaris", "gebiedsmanager", "gedragswetenschapper"])
def test_andere_rollen_zien_niets(api_als, regels, rol):
    client = api_als(rol, gemeenten=["heerlen"])
    assert client.get("/api/v1/kostenregels/").status_code == 403
    assert client.get("/api/v1/rapportages/financien/", {"periode": "2023H1"}).status_code == 403


def test_lijst_in_vast_aantal_queries(api_als, regels, django_assert_num_queries):
    client = api_als("inkoper")
    client.get("/api/v1/kostenregels/")
    for page_size in (2, 50):
        with django_assert_num_queries(2):  # count and page (with gemeente)
            antwoord = client.get("/api/v1/kostenregels/", {"page_size": page_size})
        assert len(antwoord.json()["results"]) == min(page_size, 9)


def test_rapport_per_gemeente_en_weigering_van_andere_gemeente(api_als, regels):
    client = api_als("gemeente", gemeenten=["heerlen"])
    eigen = client.get("/api/v1/rapportages/financien/", {"periode": "2023H1"}).json()
    assert eigen["staat"]["gemeente"] == "Heerlen"
    gebiedsteams = next(r for r in eigen["staat"]["regels"] if r["sleutel"] == "gebiedsteams")
    assert Decimal(gebiedsteams["realisatie"]) == 300 and Decimal(gebiedsteams["begroting"]) == 600
    assert (
        client.get("/api/v1/rapportages/financien/", {"periode": "2023H1", "gemeente": "landgraaf"}).status_code == 404
    )
    geen = api_als("gemeente")
    assert geen.get("/api/v1/rapportages/financien/", {"periode": "2023H1"}).status_code == 403
    alles = api_als("management").get("/api/v1/rapportages/financien/", {"periode": "2023H1"}).json()
    assert Decimal(alles["zorgverdeling"]["gebiedsteams"]) == 1800
    fout = api_als("management").get("/api/v1/rapportages/financien/", {"periode": "2023H3"})
    assert fout.status_code == 400 and "periode" in fout.json()
