"""API tokens (django-rest-knox): only with password plus the current code of a confirmed second factor, stored as
a digest, refused after their expiry or once revoked, and the API throttles still count token requests."""

import hashlib
import importlib
from datetime import timedelta

import pytest
from django.db import connection
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests import klok

WACHTWOORD = "Geheim-wachtwoord-1"
pytestmark = pytest.mark.time_machine(klok.KERSTAVOND, tick=False)


def _code(toestel: TOTPDevice) -> str:
    return f"{TOTP(toestel.bin_key, toestel.step, toestel.t0, toestel.digits).token():06d}"


def _vraag_token(user, toestel=None):
    toestel = toestel or TOTPDevice.objects.get(user=user, confirmed=True)
    return APIClient().post(
        "/api/v1/token/", {"username": user.username, "password": WACHTWOORD, "code": _code(toestel)}
    )


def _met_token(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_token_staat_alleen_als_hash_in_de_database(maak_gebruiker):
    user = maak_gebruiker("management")
    antwoord = _vraag_token(user)
    assert antwoord.status_code == 200
    token = antwoord.json()["token"]
    opgeslagen = AuthToken.objects.get(user=user)
    assert opgeslagen.digest == hashlib.sha512(token.encode()).hexdigest()
    assert token not in {opgeslagen.digest, opgeslagen.token_key}
    assert len(opgeslagen.token_key) < len(token)
    with connection.cursor() as cursor:
        cursor.execute("SELECT digest, token_key FROM knox_authtoken")
        assert all(token not in kolom for rij in cursor.fetchall() for kolom in rij)
    assert _met_token(token).get("/api/v1/gemeenten/").status_code == 200


def test_token_verloopt_na_de_ingestelde_termijn(maak_gebruiker, time_machine):
    user = maak_gebruiker("management")
    antwoord = _vraag_token(user).json()
    assert antwoord["verloopt_op"].startswith("2027-12-24T20:00:00")  # 10 hours after 10:00
    client = _met_token(antwoord["token"])
    time_machine.move_to(klok.KERSTAVOND + timedelta(hours=9, minutes=59))
    assert client.get("/api/v1/gemeenten/").status_code == 200
    time_machine.move_to(klok.KERSTAVOND + timedelta(hours=10, seconds=1))
    verlopen = client.get("/api/v1/gemeenten/")
    assert verlopen.status_code == 401
    assert "verlopen" in verlopen.json()["detail"]
    assert not AuthToken.objects.exists()  # knox removes the expired token


def test_termijn_is_instelbaar(maak_gebruiker, settings, time_machine):
    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_TTL": timedelta(hours=1)}
    user = maak_gebruiker("gemeente", gemeenten=["heerlen"])
    client = _met_token(_vraag_token(user).json()["token"])
    assert client.get("/api/v1/gemeenten/").status_code == 200
    time_machine.move_to(klok.KERSTAVOND + timedelta(hours=1, seconds=1))
    assert client.get("/api/v1/gemeenten/").status_code == 401


def test_geen_token_zonder_bevestigde_tweede_factor(maak_gebruiker):
    zonder = maak_gebruiker("gemeente", tweede_factor=False)
    antwoord = APIClient().post(
        "/api/v1/token/", {"username": zonder.username, "password": WACHTWOORD, "code": "123456"}
    )
    assert antwoord.status_code == 400
    assert "tweede factor" in antwoord.json()["code"][0]
    # An enrolled but never confirmed app does not count, even with its own correct code.
    onbevestigd = TOTPDevice.objects.create(user=zonder, name="authenticator-app", confirmed=False)
    antwoord = _vraag_token(zonder, onbevestigd)
    assert antwoord.status_code == 400
    assert "tweede factor" in antwoord.json()["code"][0]
    assert not AuthToken.objects.exists()


def test_ingetrokken_token_wordt_geweigerd(maak_gebruiker, time_machine):
    user = maak_gebruiker("management")
    eerste = _met_token(_vraag_token(user).json()["token"])
    assert _vraag_token(user).status_code == 400  # the same TOTP code is not accepted twice
    time_machine.move_to(klok.KERSTAVOND + timedelta(minutes=1))  # a new code (and past django-otp's back-off)
    tweede = _met_token(_vraag_token(user).json()["token"])
    assert eerste.post("/api/v1/token/intrekken/").status_code == 204
    assert eerste.get("/api/v1/gemeenten/").status_code == 401
    assert tweede.get("/api/v1/gemeenten/").status_code == 200
    time_machine.move_to(klok.KERSTAVOND + timedelta(minutes=2))
    derde = _met_token(_vraag_token(user).json()["token"])
    assert derde.post("/api/v1/token/alle-intrekken/").status_code == 204
    assert tweede.get("/api/v1/gemeenten/").status_code == 401
    assert derde.get("/api/v1/gemeenten/").status_code == 401
    assert not AuthToken.objects.filter(user=user).exists()
    # Revoking needs a token, not a session.
    assert APIClient().post("/api/v1/token/intrekken/").status_code == 401


def test_token_van_gedeactiveerde_gebruiker_wordt_geweigerd(maak_gebruiker):
    user = maak_gebruiker("management")
    client = _met_token(_vraag_token(user).json()["token"])
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get("/api/v1/gemeenten/").status_code == 401


def test_onzin_token_geeft_401(db):
    for kop in ("Token abc", "Token " + "0" * 64, "Token", "Token a b"):
        antwoord = APIClient().get("/api/v1/gemeenten/", HTTP_AUTHORIZATION=kop)
        assert antwoord.status_code == 401, kop


def test_limiet_per_gebruiker_geldt_ook_met_token(maak_gebruiker, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    user = maak_gebruiker("management")
    client = _met_token(_vraag_token(user).json()["token"])
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "3/minute"})
    for _ in range(3):
        assert client.get("/api/v1/gemeenten/").status_code == 200
    antwoord = client.get("/api/v1/gemeenten/")
    assert antwoord.status_code == 429 and "Retry-After" in antwoord


def test_schema_beschrijft_het_token(web_als):
    schema = web_als("management").get("/api/schema/", {"format": "json"}).json()
    schema_token = schema["components"]["securitySchemes"]["apiToken"]
    assert schema_token["type"] == "http" or schema_token.get("in") == "header"
    assert "tokenAuth" not in schema["components"]["securitySchemes"]
    aanvraag = schema["paths"]["/api/v1/token/"]["post"]
    assert aanvraag.get("security", []) in ([], [{}])  # the request itself needs no token
    antwoord = aanvraag["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][antwoord]["properties"]) == {"token", "verloopt_op"}
    assert {"apiToken": []} in schema["paths"]["/api/v1/gemeenten/"]["get"]["security"]
    assert "/api/v1/token/intrekken/" in schema["paths"]


def test_migratie_ruimt_de_oude_klare_tokens_op(db):
    migratie = importlib.import_module("jens.migrations.0007_authtoken_weg")
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('0123456789abcdef0123456789abcdef01234567', 1)")
    ContentType.objects.create(app_label="authtoken", model="token")

    class Uitvoerder:  # what RunPython hands over: the connection and its execute
        def __init__(self):
            self.connection = connection

        def execute(self, sql, params=()):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

        def quote_name(self, naam):
            return connection.ops.quote_name(naam)

    migratie.ruim_op(apps, Uitvoerder())
    assert "authtoken_token" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="authtoken").exists()


def test_beheer_kan_tokens_intrekken_maar_niet_aanmaken(maak_gebruiker, web_als):
    eigenaar = maak_gebruiker("management")
    client_eigenaar = _met_token(_vraag_token(eigenaar).json()["token"])
    token = AuthToken.objects.get(user=eigenaar)
    beheer = web_als("functioneel_beheerder", is_staff=True)
    lijst = beheer.get("/admin/knox/authtoken/")
    assert lijst.status_code == 200 and eigenaar.username.encode() in lijst.content
    assert beheer.get("/admin/knox/authtoken/add/").status_code == 403
    pad = f"/admin/knox/authtoken/{token.pk}/delete/"
    assert beheer.post(pad, {"post": "yes"}).status_code == 302
    assert client_eigenaar.get("/api/v1/gemeenten/").status_code == 401


def test_ook_een_superuser_maakt_geen_token_in_beheer(web_als):
    superuser = web_als(None, superuser=True)
    assert superuser.get("/admin/knox/authtoken/add/").status_code == 403
    assert superuser.post("/admin/knox/authtoken/add/", {"user": superuser.user.pk}).status_code == 403
    assert not AuthToken.objects.exists()
