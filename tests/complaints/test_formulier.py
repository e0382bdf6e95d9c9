import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from complaints.models import Kanaal, Klacht, KlachtStap
from jens.mail import verstuur_openstaande
from jens.models import EmailBericht
from tests import klok

from .factories import aard

pytestmark = pytest.mark.django_db

URL = "/klacht-indienen/"


def geldig(**extra) -> dict:
    return {
        "soort": "klacht",
        "aard": aard("behandeling").pk,
        "gemeente": "",
        "betreft": "Gebiedsteam Landgraaf",
        "omschrijving": "Mijn zoon wacht al maanden op hulp en niemand belt terug.",
        "gewenste_uitkomst": "Een gesprek",
        "indiener_naam": "Petra Ouder",
        "indiener_rol": "ouder",
        "indiener_email": "petra@voorbeeld.invalid",
        "indiener_telefoon": "",
        "privacy": "on",
        "website": "",
        **extra,
    }


def test_formulier_is_openbaar_nederlands_en_heeft_labels(client):
    r = client.get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert '<html lang="nl">' in html
    for veld in ("id_omschrijving", "id_indiener_naam", "id_indiener_email", "id_privacy", "id_aard"):
        assert f'<label for="{veld}"' in html
    assert "csrfmiddlewaretoken" in html
    assert "<script" not in html


def test_indienen_slaat_op_en_toont_referentie_en_datum(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(URL, geldig())
    assert r.status_code == 302
    klacht = Klacht.objects.get()
    assert (klacht.kanaal, klacht.status, klacht.aard.code) == (Kanaal.WEBSITE, "ontvangen", "behandeling")
    assert KlachtStap.objects.get(klacht=klacht).door_naam == "indiener (website)"
    pagina = client.get(r["Location"]).content.decode()
    assert klacht.referentie in pagina
    assert f"{klacht.oppakken_uiterlijk:%d-%m-%Y}" in pagina
    assert len(mail.outbox) == 1
    assert klacht.referentie in mail.outbox[0].body and mail.outbox[0].to == ["petra@voorbeeld.invalid"]
    assert f"{klacht.oppakken_uiterlijk:%d-%m-%Y}" in mail.outbox[0].body


def test_bevestiging_zonder_eigen_indiening_toont_niets(client):
    r = client.get("/klacht-indienen/ontvangen/")
    assert r.status_code == 302 and r["Location"] == URL


def test_csrf_verplicht():
    r = Client(enforce_csrf_checks=True).post(URL, geldig())
    assert r.status_code == 403
    assert not Klacht.objects.exists()


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"privacy": ""}, "privacy", "akkoord gaan met de privacyverklaring"),
        ({"omschrijving": ""}, "omschrijving", "Dit veld is vereist"),
        ({"omschrijving": "x" * 5001}, "omschrijving", "niet meer dan 5000 tekens"),
        ({"indiener_email": "geen-adres"}, "indiener_email", "geldig e-mailadres"),
        ({"indiener_email": "", "indiener_telefoon": ""}, "indiener_email", "e-mailadres of telefoonnummer"),
    ],
)
def test_fout_staat_bij_het_veld_en_er_wordt_niets_opgeslagen(client, wijziging, veld, melding):
    r = client.post(URL, geldig(**wijziging))
    assert r.status_code == 400
    assert melding in " ".join(r.context["form"].errors[veld])
    html = r.content.decode()
    assert f'id="id_{veld}_fout"' in html
    assert re.search(rf'<input[^>]*aria-describedby="id_{veld}_fout[^"]*"[^>]*id="id_{veld}"', html) or re.search(
        rf'<textarea[^>]*aria-describedby="id_{veld}_fout id_{veld}_helptext"', html
    )
    assert not Klacht.objects.exists()


def test_privacyverklaring_noemt_de_ingestelde_bewaartermijn(client, settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "KLACHT_ANONIMISEREN_NA_JAREN": 7}
    assert "tot 7 jaar na afsluiting" in client.get(URL).content.decode()


def test_honeypot_slaat_niets_op(client):
    r = client.post(URL, geldig(website="http://spam.example"))
    assert r.status_code == 400
    assert not Klacht.objects.exists() and not EmailBericht.objects.exists()


def test_te_groot_verzoek_wordt_geweigerd(client):
    r = client.post(URL, geldig(gewenste_uitkomst="x" * 40_000))
    assert r.status_code == 413
    assert not Klacht.objects.exists()


def test_hoogstens_vijf_per_uur_per_ip_adres(client):
    for _ in range(5):
        assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.1").status_code == 302
    r = client.post(URL, geldig(), REMOTE_ADDR="10.0.0.1")
    assert r.status_code == 429 and "later opnieuw" in r.content.decode()
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.2").status_code == 302
    assert Klacht.objects.count() == 6


def test_limiet_geldt_voor_elk_uur_niet_per_klokuur(client, time_machine):
    # the clock of the process (the cache's expiry and the window's moments) is moved, not a helper
    time_machine.move_to(datetime(2023, 5, 1, 10, 59, tzinfo=klok.AMSTERDAM), tick=False)
    for _ in range(5):
        assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.3").status_code == 302
    time_machine.shift(120)  # 11:01, a new clock hour but within the hour
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.3").status_code == 429
    time_machine.shift(3600 - 120 + 1)  # just over an hour after the first five
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.3").status_code == 302
    assert Klacht.objects.count() == 6


def test_een_geweigerde_of_ongeldige_indiening_telt_niet_mee(client, settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "KLACHT_RATE_LIMIT_PER_UUR": 2}
    assert client.post(URL, geldig(omschrijving=""), REMOTE_ADDR="10.0.0.4").status_code == 400
    assert client.post(URL, geldig(website="spam"), REMOTE_ADDR="10.0.0.4").status_code == 400
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.4").status_code == 302
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.4").status_code == 302
    assert client.post(URL, geldig(), REMOTE_ADDR="10.0.0.4").status_code == 429
    assert Klacht.objects.count() == 2


def test_limiet_is_atomair_bij_gelijktijdige_indieningen(rf, settings):
    """Ten simultaneous reservations from one address: exactly five get through (the old read-then-write
    let six pass). On Redis the sorted set in one MULTI; otherwise slots claimed with an atomic add
    (the local-memory cache here: the development file cache is not atomic between processes)."""
    from complaints import views

    if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    verzoek = rf.post(URL, REMOTE_ADDR="10.0.0.5")
    start = threading.Barrier(10)

    def poging(_):
        start.wait()
        return views._Limiet(verzoek).reserveer()

    with ThreadPoolExecutor(max_workers=10) as pool:
        uitkomsten = list(pool.map(poging, range(10)))
    assert uitkomsten.count(True) == 5
    # a place given back (complaint not stored) is free again
    limiet = views._Limiet(rf.post(URL, REMOTE_ADDR="10.0.0.6"))
    assert limiet.reserveer()
    limiet.geef_terug()
    assert [views._Limiet(rf.post(URL, REMOTE_ADDR="10.0.0.6")).reserveer() for _ in range(6)].count(True) == 5


def test_limiet_is_instelbaar(client, settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "KLACHT_RATE_LIMIT_PER_UUR": 1}
    assert client.post(URL, geldig()).status_code == 302
    assert client.post(URL, geldig()).status_code == 429


def test_klacht_wordt_opgeslagen_als_de_cache_onbereikbaar_is(client, monkeypatch, caplog):
    def kapot(*args, **kwargs):
        raise ConnectionError("Redis onbereikbaar")

    from complaints import views

    # the cache path of the limit (the Redis path with a real unreachable server: the next test)
    monkeypatch.setattr(views, "_redis", lambda: None)
    for methode in ("get", "add", "incr", "set", "delete"):
        monkeypatch.setattr(cache, methode, kapot)
    r = client.post(URL, geldig())
    assert r.status_code == 302
    assert Klacht.objects.count() == 1
    assert "Limiet klachtformulier niet te controleren (cache)" in caplog.text
    bericht = EmailBericht.objects.get()  # the confirmation is in the outbox, sent or to be retried
    assert Klacht.objects.get().referentie in bericht.tekst


def test_redis_die_niet_antwoordt_kost_het_formulier_geen_seconden(client, rf, caplog):
    """A real Redis address where nothing listens (no mock): the limit gives up at once (short socket
    timeouts, no retries) and the complaint is stored."""
    from complaints import views

    onbereikbaar = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=onbereikbaar):
        assert views._Limiet(rf.post(URL)).reserveer() is True  # fails open (the first call imports redis)
        begin = time.monotonic()
        assert views._Limiet(rf.post(URL)).reserveer() is True
        duur = time.monotonic() - begin
        r = client.post(URL, geldig())
    assert duur < 1  # the limit's own cost (the whole request on a loaded machine is not the point)
    assert r.status_code == 302
    assert Klacht.objects.count() == 1
    assert "Limiet klachtformulier niet te controleren (cache)" in caplog.text


def test_klacht_en_bevestiging_blijven_bewaard_als_smtp_faalt(
    client, settings, django_capture_on_commit_callbacks, time_machine
):
    settings.EMAIL_BACKEND = "tests.complaints.kapot.KapotteMailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(URL, geldig())
    assert r.status_code == 302
    klacht = Klacht.objects.get()
    bericht = EmailBericht.objects.get()
    assert bericht.verzonden_op is None and bericht.pogingen == 1
    assert "SMTP-server onbereikbaar" in bericht.laatste_fout
    assert klacht.referentie in bericht.tekst
    # the mail server is back: the periodic retry sends it once its wait (jens.mail.wachttijd) is over
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(bericht.volgende_poging_op)
    assert verstuur_openstaande() == 1
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None and len(mail.outbox) == 1


def test_zonder_e_mailadres_geen_bevestigingsmail(client):
    assert client.post(URL, geldig(indiener_email="", indiener_telefoon="06-12345678")).status_code == 302
    assert not EmailBericht.objects.exists()
    assert Klacht.objects.get().ontvangen_datum <= date.today()
