"""Sign-in security: lockout, password rules and reset, session expiry, second factor, headers, API throttles."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from jens.models import EmailBericht
from tests import klok

WACHTWOORD = "Geheim-wachtwoord-1"


def _code(toestel: TOTPDevice) -> str:
    return f"{TOTP(toestel.bin_key, toestel.step, toestel.t0, toestel.digits).token():06d}"


def _inloggen(client, username, wachtwoord=WACHTWOORD, ip="10.0.0.1"):
    return client.post("/inloggen/", {"username": username, "password": wachtwoord}, REMOTE_ADDR=ip)


# --- lockout (django-axes) ----------------------------------------------------------------------------------


def test_na_vijf_foute_pogingen_is_de_gebruiker_geblokkeerd_ook_met_het_juiste_wachtwoord(maak_gebruiker, settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = maak_gebruiker("gebiedsmanager")
    client = Client()
    for _ in range(4):
        assert _inloggen(client, user.username, "fout", ip="10.0.0.1").status_code == 200
    geblokkeerd = _inloggen(client, user.username, "fout", ip="10.0.0.2")
    assert geblokkeerd.status_code == 429
    # Per user: another address does not help, nor does the right password.
    antwoord = _inloggen(client, user.username, WACHTWOORD, ip="10.9.9.9")
    assert antwoord.status_code == 429
    tekst = antwoord.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in tekst and "5 keer" in tekst
    assert "_auth_user_id" not in client.session


def test_vijf_foute_pogingen_vanaf_een_adres_blokkeren_dat_adres_voor_iedereen(maak_gebruiker, settings):
    settings.AXES_FAILURE_LIMIT = 5
    users = [maak_gebruiker("gebiedsmanager") for _ in range(6)]
    client = Client()
    for user in users[:5]:
        _inloggen(client, user.username, "fout", ip="10.0.0.7")
    assert _inloggen(client, users[5].username, WACHTWOORD, ip="10.0.0.7").status_code == 429
    # From another address the sixth user (no failed attempt of its own) signs in.
    assert _inloggen(Client(), users[5].username, WACHTWOORD, ip="10.0.0.8").status_code == 302


def test_beheerder_heft_de_blokkade_op_in_de_admin(maak_gebruiker, web_als, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = maak_gebruiker("gebiedsmanager")
    for _ in range(3):
        _inloggen(Client(), user.username, "fout", ip="10.0.0.3")
    assert _inloggen(Client(), user.username, WACHTWOORD, ip="10.0.0.4").status_code == 429
    beheerder = web_als("functioneel_beheerder", is_staff=True)
    lijst = beheerder.get("/admin/axes/accessattempt/")
    assert lijst.status_code == 200 and user.username in lijst.content.decode()
    pogingen = list(AccessAttempt.objects.values_list("pk", flat=True))
    antwoord = beheerder.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": pogingen, "post": "yes"},
    )
    assert antwoord.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert _inloggen(Client(), user.username, WACHTWOORD, ip="10.0.0.4").status_code == 302


def test_geslaagde_login_wist_de_eerdere_foute_pogingen(maak_gebruiker, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = maak_gebruiker("gebiedsmanager")
    for _ in range(2):
        _inloggen(Client(), user.username, "fout")
    assert _inloggen(Client(), user.username).status_code == 302
    for _ in range(2):
        _inloggen(Client(), user.username, "fout")
    assert _inloggen(Client(), user.username).status_code == 302


# --- passwords --------------------------------------------------------------------------------------------


def test_wachtwoord_minstens_twaalf_tekens(db):
    with pytest.raises(ValidationError) as fout:
        validate_password("Kort-wacht1")  # 11 characters
    assert any("12" in m for m in fout.value.messages)
    validate_password("Lang-genoeg-12")


def test_wachtwoord_herstel_via_de_outbox_en_nieuw_wachtwoord(maak_gebruiker, client):
    user = maak_gebruiker("gebiedsmanager", username="anna")
    assert client.post("/wachtwoord-herstel/", {"email": "anna@jens.example"}).status_code == 302
    assert client.post("/wachtwoord-herstel/", {"email": "onbekend@jens.example"}).status_code == 302
    bericht = EmailBericht.objects.get()
    assert bericht.aan == ["anna@jens.example"] and bericht.onderwerp == "Nieuw wachtwoord voor de JENS werkplaats"
    link = re.search(r"http://testserver(/wachtwoord-herstel/\S+/)", bericht.tekst).group(1)
    formulier = client.get(link, follow=True)
    assert "Nieuw wachtwoord" in formulier.content.decode()
    kort = client.post(
        formulier.redirect_chain[-1][0], {"new_password1": "Kort-wacht1", "new_password2": "Kort-wacht1"}
    )
    assert kort.status_code == 200 and "12 tekens" in kort.content.decode()
    user.refresh_from_db()
    assert user.check_password(WACHTWOORD)
    klaar = client.post(
        formulier.redirect_chain[-1][0], {"new_password1": "Een-heel-nieuw-w8", "new_password2": "Een-heel-nieuw-w8"}
    )
    assert klaar.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Een-heel-nieuw-w8")
    assert "ongeldig" in client.get(link, follow=True).content.decode()  # the link works once


# --- session expiry -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "minuten", "uitgelogd"),
    [
        ("gedragswetenschapper", 31, True),
        ("gedragswetenschapper", 29, False),
        ("management", 31, True),
        ("gebiedsmanager", 31, False),
    ],
)
def test_sessie_verloopt_na_inactiviteit_voor_rollen_met_clientgegevens(web_als, rol, minuten, uitgelogd, settings):
    settings.JENS_SESSIE_INACTIEF_MINUTEN = 30
    with time_machine.travel(klok.KERSTAVOND, tick=False) as reis:
        client = web_als(rol, gebieden=["landgraaf"])
        assert client.get("/").status_code == 200
        reis.shift(timedelta(minutes=minuten))
        antwoord = client.get("/")
    if uitgelogd:
        assert antwoord.status_code == 302 and antwoord.url.startswith("/inloggen/")
        pagina = client.get(antwoord.url)
        assert "30 minuten niets heeft gedaan" in pagina.content.decode()
        assert "_auth_user_id" not in client.session
    else:
        assert antwoord.status_code == 200


def test_elke_aanvraag_schuift_het_verlopen_op(web_als, settings):
    settings.JENS_SESSIE_INACTIEF_MINUTEN = 30
    with time_machine.travel(klok.KERSTAVOND, tick=False) as reis:
        client = web_als("management")
        for _ in range(3):
            reis.shift(timedelta(minutes=20))
            assert client.get("/").status_code == 200


# --- second factor ------------------------------------------------------------------------------------------


def test_zonder_tweede_factor_naar_instellen_en_de_api_weigert(maak_gebruiker, client):
    user = maak_gebruiker("gedragswetenschapper", gebieden=["landgraaf"], tweede_factor=False)
    client.force_login(user)
    antwoord = client.get("/casussen/jeugdigen/")
    assert antwoord.status_code == 302 and antwoord.url.startswith("/tweede-factor/")
    antwoord = client.get(antwoord.url)
    assert antwoord.status_code == 302 and antwoord.url.startswith("/tweede-factor/instellen/")
    api = client.get("/api/v1/jeugdigen/")
    assert api.status_code == 403 and "tweede factor" in api.json()["detail"]


def test_instellen_met_qr_code_en_eerste_code(maak_gebruiker, client):
    user = maak_gebruiker("management", tweede_factor=False)
    client.force_login(user)
    pagina = client.get("/tweede-factor/instellen/", {"next": "/dashboard/"})
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and "<svg" in tekst and "<path" in tekst
    toestel = TOTPDevice.objects.get(user=user, confirmed=False)
    fout = client.post("/tweede-factor/instellen/", {"code": "12345a", "next": "/dashboard/"})
    assert "alleen uit cijfers" in fout.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    antwoord = client.post("/tweede-factor/instellen/", {"code": _code(toestel), "next": "/dashboard/"})
    assert antwoord.status_code == 302 and antwoord.url == "/dashboard/"
    toestel.refresh_from_db()
    assert toestel.confirmed
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/api/v1/gemeenten/").status_code == 200


def test_met_toestel_maar_niet_bevestigd_eerst_de_code(maak_gebruiker, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # see the next test for the pause after a wrong code
    user = maak_gebruiker("klachtenfunctionaris")
    client.force_login(user)
    antwoord = client.get("/klachten/")
    assert antwoord.status_code == 302 and antwoord.url == "/tweede-factor/?next=%2Fklachten%2F"
    # Without verifying, no new device can be enrolled either.
    assert client.get("/tweede-factor/instellen/").url.startswith("/tweede-factor/?")
    fout = client.post("/tweede-factor/", {"code": "000001", "next": "/klachten/"})
    assert fout.status_code == 200 and "klopt niet" in fout.content.decode()
    toestel = TOTPDevice.objects.get(user=user)
    goed = client.post("/tweede-factor/", {"code": _code(toestel), "next": "/klachten/"})
    assert goed.status_code == 302 and goed.url == "/klachten/"
    assert client.get("/klachten/").status_code == 200


def test_na_een_foute_code_even_wachten(maak_gebruiker, client):
    user = maak_gebruiker("management")
    client.force_login(user)
    client.post("/tweede-factor/", {"code": "000001"})
    toestel = TOTPDevice.objects.get(user=user)
    antwoord = client.post("/tweede-factor/", {"code": _code(toestel)})
    assert antwoord.status_code == 200 and "Te veel foute codes" in antwoord.content.decode()


def test_volgende_pagina_blijft_op_deze_site(maak_gebruiker, client):
    user = maak_gebruiker("management")
    client.force_login(user)
    toestel = TOTPDevice.objects.get(user=user)
    antwoord = client.post("/tweede-factor/", {"code": _code(toestel), "next": "https://kwaad.example/"})
    assert antwoord.url == "/"


@pytest.mark.parametrize("rol", ["gedragswetenschapper", "management", "functioneel_beheerder", "klachtenfunctionaris"])
def test_rollen_met_clientgegevens_vereisen_de_tweede_factor(maak_gebruiker, client, rol):
    client.force_login(maak_gebruiker(rol, gebieden=["landgraaf"]))
    assert client.get("/").url.startswith("/tweede-factor/")


def test_superuser_vereist_de_tweede_factor_ook_voor_de_admin(maak_gebruiker, client):
    client.force_login(maak_gebruiker(None, superuser=True))
    assert client.get("/admin/").url.startswith("/tweede-factor/")


@pytest.mark.parametrize("rol", ["gebiedsmanager", "inkoper", "gemeente"])
def test_andere_rollen_zonder_tweede_factor(maak_gebruiker, client, rol):
    client.force_login(maak_gebruiker(rol, gemeenten=["heerlen"], tweede_factor=False))
    assert client.get("/").status_code == 200


def test_api_met_sessie_zonder_bevestiging_geweigerd(maak_gebruiker):
    client = APIClient()
    client.force_login(maak_gebruiker("management"))
    antwoord = client.get("/api/v1/gemeenten/")
    assert antwoord.status_code == 403 and "tweede factor" in antwoord.json()["detail"]


def test_api_als_fixture_zonder_toestel_geweigerd(api_als):
    assert api_als("management", tweede_factor=False).get("/api/v1/gemeenten/").status_code == 403
    assert api_als("management").get("/api/v1/gemeenten/").status_code == 200


# --- headers ----------------------------------------------------------------------------------------------


def test_strikte_csp_en_permissions_policy(web_als):
    antwoord = web_als("management").get("/")
    csp = antwoord["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    beleid = antwoord["Permissions-Policy"]
    assert "camera=()" in beleid and "geolocation=()" in beleid and "microphone=()" in beleid


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STIJL = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize(
    ("rol", "url"),
    [
        (None, "/inloggen/"),
        (None, "/klacht-indienen/"),
        (None, "/wachtwoord-herstel/"),
        ("management", "/"),
        ("management", "/api/docs/"),
        ("management", "/dashboard/"),
        ("gebiedsmanager", "/rapportages/fte/"),
        ("klachtenfunctionaris", "/klachten/"),
    ],
)
def test_paginas_zonder_inline_script_of_stijl(web_als, client, db, rol, url):
    c = web_als(rol, gebieden=["landgraaf"]) if rol else client
    antwoord = c.get(url, follow=True)
    assert antwoord.status_code == 200, url
    html = antwoord.content.decode()
    assert not INLINE_SCRIPT.search(html), url
    assert not INLINE_STIJL.search(html), url


def test_tweede_factor_pagina_zonder_inline_stijl(maak_gebruiker, client):
    client.force_login(maak_gebruiker("management", tweede_factor=False))
    html = client.get("/tweede-factor/instellen/").content.decode()
    assert not INLINE_SCRIPT.search(html) and not INLINE_STIJL.search(html)


# --- API throttling ---------------------------------------------------------------------------------------


@pytest.fixture
def lage_limieten(monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "3/minute"})


def test_api_limiet_per_gebruiker(api_als, lage_limieten):
    client = api_als("management")
    for _ in range(3):
        assert client.get("/api/v1/gemeenten/").status_code == 200
    antwoord = client.get("/api/v1/gemeenten/")
    assert antwoord.status_code == 429 and "Retry-After" in antwoord
    # Another user has their own budget.
    assert api_als("management").get("/api/v1/gemeenten/").status_code == 200


def test_api_limiet_anoniem_per_adres_op_de_tokenaanvraag(db, lage_limieten):
    client = APIClient()
    poging = {"username": "iemand", "password": "fout", "code": "123456"}
    for _ in range(2):
        assert client.post("/api/v1/token/", poging, REMOTE_ADDR="10.1.1.1").status_code == 400
    assert client.post("/api/v1/token/", poging, REMOTE_ADDR="10.1.1.1").status_code == 429
    assert client.post("/api/v1/token/", poging, REMOTE_ADDR="10.1.1.2").status_code == 400


def test_demogebruikers_hebben_het_gedocumenteerde_totp_geheim(db, client):
    from jens.demo import DEMO_TOTP_GEHEIM, demo_totp_code, maak_demo_gebruikers

    assert DEMO_TOTP_GEHEIM == "JENSDEMOJENSDEMOJENSDEMOJENSDEMO"  # the README documents this secret
    maak_demo_gebruikers("Demo-wachtwoord-12")
    client.post("/inloggen/", {"username": "gedragswetenschapper", "password": "Demo-wachtwoord-12"})
    antwoord = client.post("/tweede-factor/", {"code": demo_totp_code(), "next": "/casussen/jeugdigen/"})
    assert antwoord.status_code == 302 and antwoord.url == "/casussen/jeugdigen/"
    assert client.get("/casussen/jeugdigen/").status_code == 200
