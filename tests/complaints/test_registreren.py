"""The klachtenfunctionaris registers a complaint received by phone, e-mail or letter: the moment and
channel of receipt set the terms; the service's messages appear beside the field and nothing is stored."""

import re
from datetime import date, datetime
from html import unescape

import pytest
from django.utils import timezone

from complaints.models import Klacht, KlachtStap
from jens.models import EmailBericht, Toegangslog
from tests import klok

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(klok.KERSTAVOND)]

URL = "/klachten/nieuw/"


def fout_bij(response, veld: str) -> str:
    html = response.content.decode()
    gevonden = re.search(rf'<p class="fout" id="id_{veld}_fout">(.*?)</p>', html, re.S)
    return unescape(gevonden.group(1)) if gevonden else ""


def gegevens(**extra) -> dict:
    return {
        "kanaal": "telefoon",
        "ontvangen_op": "2027-12-20",
        "ontvangen_tijd": "10:15",
        "soort": "klacht",
        "aard": "bereikbaarheid",
        "omschrijving": "Moeder belde: al drie weken geen reactie van het gebiedsteam.",
        "indiener_naam": "Petra Ouder",
        "indiener_rol": "ouder",
        "indiener_telefoon": "045 123 45 67",
        **extra,
    }


@pytest.fixture
def kf(web_als):
    return web_als("klachtenfunctionaris")


def test_formulier_toont_kanalen_zonder_website_en_vult_nu_in(kf):
    r = kf.get(URL)
    html = r.content.decode()
    assert r.status_code == 200
    assert 'value="telefoon"' in html and 'value="email"' in html and 'value="brief"' in html
    assert 'value="website"' not in html
    assert r.context["form"]["ontvangen_op"].value() == timezone.localdate()
    # every field has a label tied to it
    for veld in ("id_ontvangen_op", "id_ontvangen_tijd", "id_aard", "id_omschrijving", "id_indiener_email"):
        assert f'for="{veld}"' in html


def test_telefonische_klacht_met_ontvangstmoment_en_termijnen(kf, gebied):
    r = kf.post(URL, gegevens(gebied=gebied("landgraaf").pk, notitie="Aangenomen door Karim."))
    klacht = Klacht.objects.get()
    assert r.status_code == 302 and r.url == f"/klachten/{klacht.pk}/"
    assert klacht.kanaal == "telefoon"
    assert timezone.localtime(klacht.ontvangen_op).replace(tzinfo=None) == datetime(2027, 12, 20, 10, 15)
    assert klacht.ontvangen_datum == date(2027, 12, 20)
    # 5 working days from Monday 20 December 2027: Christmas (25-26 Dec) falls on the weekend
    assert klacht.oppakken_uiterlijk == date(2027, 12, 27)
    assert klacht.afhandelen_uiterlijk == date(2028, 1, 31)
    assert klacht.referentie.startswith("K-2027-")
    assert (klacht.gemeente.code, klacht.gebied.code) == ("landgraaf", "landgraaf")
    stap = KlachtStap.objects.get(klacht=klacht)
    assert stap.door == kf.user and "Aangenomen door Karim." in stap.notitie and "telefoon" in stap.notitie
    assert not EmailBericht.objects.exists()  # only the website sends a confirmation by itself
    assert Toegangslog.objects.filter(actie="aanmaken", object_type="klacht", object_id=str(klacht.pk)).exists()
    detail = kf.get(r.url).content.decode()
    assert klacht.referentie in detail and "oppakken uiterlijk 27-12-2027" in detail


def test_per_brief_ontvangen_in_het_verleden(kf):
    r = kf.post(URL, gegevens(kanaal="brief", ontvangen_op="2027-11-30", ontvangen_tijd="09:00"))
    assert r.status_code == 302
    klacht = Klacht.objects.get()
    assert (klacht.kanaal, klacht.ontvangen_datum) == ("brief", date(2027, 11, 30))


@pytest.mark.parametrize(
    ("extra", "veld", "tekst"),
    [
        ({"ontvangen_op": "2027-12-25"}, "ontvangen_op", "Het moment van ontvangst kan niet in de toekomst liggen."),
        ({"omschrijving": "   "}, "omschrijving", "Beschrijf de klacht."),
        ({"gemeente": "heerlen", "gebied": "landgraaf"}, "gebied", "hoort niet bij gemeente Heerlen"),
        ({"kanaal": "website"}, "kanaal", "Selecteer een geldige keuze"),
        ({"ontvangen_op": ""}, "ontvangen_op", "Dit veld is vereist."),
        ({"indiener_telefoon": "abc"}, "indiener_telefoon", "geldig telefoonnummer"),
        ({"indiener_email": "geen-adres"}, "indiener_email", "geldig e-mailadres"),
    ],
)
def test_fout_naast_het_veld_en_niets_opgeslagen(kf, gemeente, gebied, extra, veld, tekst):
    if extra.get("gemeente"):
        extra["gemeente"] = gemeente(extra["gemeente"]).pk
    if extra.get("gebied"):
        extra["gebied"] = gebied(extra["gebied"]).pk
    r = kf.post(URL, gegevens(**extra))
    assert r.status_code == 400
    assert tekst in fout_bij(r, veld)
    html = r.content.decode()
    assert f'aria-describedby="id_{veld}_fout' in html or veld == "kanaal"
    assert not Klacht.objects.exists() and not KlachtStap.objects.exists()
    # what was typed stays in the form
    assert "al drie weken geen reactie" in html or veld == "omschrijving"


@pytest.mark.parametrize("rol", ["management", "gebiedsmanager", "gedragswetenschapper", "inkoper", "gemeente"])
def test_andere_rollen_geweigerd(web_als, rol):
    client = web_als(rol)
    assert client.get(URL).status_code == 403
    assert client.post(URL, gegevens()).status_code == 403
    assert not Klacht.objects.exists()


def test_anoniem_naar_inloggen(client):
    r = client.get(URL)
    assert r.status_code == 302 and "/inloggen/" in r.url


def test_werklijst_linkt_naar_registreren_alleen_voor_klachtenfunctionaris(kf, web_als):
    assert URL in kf.get("/klachten/").content.decode()
    assert URL not in web_als("management").get("/klachten/").content.decode()


def test_oppakken_lost_de_signalering_direct_op(kf, django_capture_on_commit_callbacks):
    from complaints.signaleringen import NIET_OPGEPAKT, signaleer_klachten
    from jens.models import Signalering

    from .factories import KlachtFactory, moment

    with django_capture_on_commit_callbacks(execute=True):  # its own transaction, as in real use
        klacht = KlachtFactory(ontvangen_op=moment(date(2027, 12, 1)))
    signaleer_klachten()
    assert Signalering.objects.open().filter(soort=NIET_OPGEPAKT).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        r = kf.post(f"/klachten/{klacht.pk}/actie/oppakken/", {"versie": klacht.versie})
    assert r.status_code == 302
    assert not Signalering.objects.open().filter(soort=NIET_OPGEPAKT).exists()
