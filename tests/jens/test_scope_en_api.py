import pytest
from rest_framework.test import APIClient

from jens.models import Gebied, Gemeente
from jens.scope import filter_op_scope, gebieden_voor, gemeenten_voor


@pytest.mark.parametrize(
    ("rol", "gemeenten", "gebieden", "verwacht"),
    [
        ("management", [], [], {"heerlen-1", "heerlen-2", "heerlen-3", "heerlen-4", "landgraaf", "voerendaal"}),
        ("gebiedsmanager", [], ["landgraaf"], {"landgraaf"}),
        ("gemeente", ["heerlen"], [], {"heerlen-1", "heerlen-2", "heerlen-3", "heerlen-4"}),
        ("gedragswetenschapper", [], [], set()),  # no link: nothing
    ],
)
def test_gebieden_voor(maak_gebruiker, rol, gemeenten, gebieden, verwacht):
    user = maak_gebruiker(rol, gemeenten=gemeenten, gebieden=gebieden)
    assert {g.code for g in gebieden_voor(user)} == verwacht


def test_filter_op_scope_gebied_en_gemeente(maak_gebruiker):
    user = maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"])
    assert list(gemeenten_voor(user).values_list("code", flat=True)) == ["landgraaf"]
    qs = filter_op_scope(Gebied.objects.all(), user, gemeente="gemeente", gebied="pk")
    assert [g.code for g in qs] == ["landgraaf"]
    assert filter_op_scope(Gemeente.objects.all(), user, gemeente="pk").count() == 1


def test_anoniem_krijgt_niets_van_de_api(db):
    client = APIClient()
    for url in ["/api/v1/gemeenten/", "/api/v1/gebieden/", "/api/schema/"]:
        assert client.get(url).status_code in (401, 403), url


def test_anonieme_pagina_stuurt_naar_inloggen(client, db):
    for url in ["/", "/gezondheid/", "/api/docs/"]:
        response = client.get(url)
        assert response.status_code in (302, 401, 403), url
    assert client.get("/").url.startswith("/inloggen/")
    assert client.get("/inloggen/").status_code == 200


def test_gemeenten_en_gebieden_api(api_als):
    client = api_als("gebiedsmanager", gebieden=["landgraaf"])
    gemeenten = client.get("/api/v1/gemeenten/").json()
    assert gemeenten["count"] == 3
    assert [g["code"] for g in gemeenten["results"]] == ["heerlen", "landgraaf", "voerendaal"]
    gebieden = client.get("/api/v1/gebieden/", {"gemeente__code": "heerlen"}).json()
    assert [g["naam"] for g in gebieden["results"]] == [f"Heerlen gebied {i}" for i in range(1, 5)]
    assert gebieden["results"][2]["toelichting"] == "Heerlen-Zuid"


def test_paginering_50_standaard_en_hoogstens_500(api_als):
    client = api_als("management")
    data = client.get("/api/v1/gebieden/", {"page_size": 2}).json()
    assert len(data["results"]) == 2 and data["next"]
    from jens.permissions import Paginering

    assert (Paginering.page_size, Paginering.max_page_size) == (50, 500)


def test_gebruiker_zonder_rol_krijgt_403(api_als):
    assert api_als(None).get("/api/v1/gemeenten/").status_code == 403


def test_schema_en_docs_voor_ingelogden(web_als):
    client = web_als("management")
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()  # the sidecar serves Swagger UI itself


def test_lijst_gebieden_vast_aantal_queries(api_als, django_assert_max_num_queries):
    client = api_als("management")
    client.get("/api/v1/gebieden/")
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/gebieden/", {"page_size": 1}).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/gebieden/", {"page_size": 500}).status_code == 200


def _code(user) -> str:
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return f"{TOTP(TOTPDevice.objects.get(user=user, confirmed=True).bin_key).token():06d}"


def test_token_authenticatie(maak_gebruiker):
    user = maak_gebruiker("management")
    client = APIClient()
    token = client.post(
        "/api/v1/token/", {"username": user.username, "password": "Geheim-wachtwoord-1", "code": _code(user)}
    ).json()["token"]
    assert client.get("/api/v1/gemeenten/").status_code in (401, 403)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/gemeenten/").status_code == 200
    fout = APIClient().post("/api/v1/token/", {"username": user.username, "password": "fout", "code": "123456"})
    assert fout.status_code == 400


def test_token_alleen_met_tweede_factor_en_juiste_code(maak_gebruiker):
    zonder = maak_gebruiker("gemeente", tweede_factor=False)
    antwoord = APIClient().post(
        "/api/v1/token/", {"username": zonder.username, "password": "Geheim-wachtwoord-1", "code": "123456"}
    )
    assert antwoord.status_code == 400
    assert "tweede factor" in antwoord.json()["code"][0]
    met = maak_gebruiker("gemeente")
    antwoord = APIClient().post(
        "/api/v1/token/", {"username": met.username, "password": "Geheim-wachtwoord-1", "code": "000000"}
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == ["Deze code klopt niet of is verlopen."]
    from knox.models import AuthToken

    assert not AuthToken.objects.exists()
