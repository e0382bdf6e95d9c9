"""The casework web forms: each calls its service, shows the service's message beside the field and
writes nothing on bad input; management may not write (403), another area gets 404 (logged)."""

import re
from datetime import date
from html import unescape

import pytest

from cases import services
from cases.models import Evaluatie, Hulpvraag, Jeugdige, MeldcodeStap, MeldcodeTraject, Zorginzet
from jens.models import Gebied, Toegangslog

from .factories import HulpvraagFactory, JeugdigeFactory, MedewerkerFactory, MeldcodeTrajectFactory

pytestmark = pytest.mark.django_db

GELDIG_BSN = "111222333"


def fout_bij(response, veld: str) -> str:
    """The message shown beside ``veld`` (empty when there is none)."""
    html = response.content.decode()
    gevonden = re.search(rf'<span class="errorlist fout" id="id_{veld}_fouten">(.*?)</span>', html, re.S)
    return unescape(gevonden.group(1)) if gevonden else ""


@pytest.fixture
def gw(web_als):
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    MedewerkerFactory(gebruiker=web.user, naam="Sanne Gedrag")
    return web


@pytest.fixture
def hulpvraag():
    return HulpvraagFactory(ontvangen_op=date(2025, 3, 3))


@pytest.fixture
def lopend(hulpvraag):
    """A request with file and core team: care runs."""
    services.maak_dossier(hulpvraag=hulpvraag, op=date(2025, 3, 4))
    return services.houd_kernteam(hulpvraag=hulpvraag, op=date(2025, 3, 5), triage="enkelvoudig")


def detail(web, jeugdige) -> str:
    return web.get(f"/casussen/jeugdigen/{jeugdige.pk}/").content.decode()


# --- Registering a young person --------------------------------------------------------------------

NIEUW = {"achternaam": "Testvink", "voornamen": "Lotte", "geboortedatum": "2013-04-02"}


def test_jeugdige_registreren_met_bsn(gw, gebied):
    r = gw.post("/casussen/jeugdigen/nieuw/", NIEUW | {"bsn": GELDIG_BSN, "gebied": gebied("heerlen-1").pk})
    j = Jeugdige.objects.get()
    assert r.status_code == 302 and r.url == f"/casussen/jeugdigen/{j.pk}/"
    assert (j.bsn, j.gemeente.code, j.clientnummer) == (GELDIG_BSN, "heerlen", f"C{j.pk:07d}")
    assert "Testvink" in detail(gw, j)


def test_jeugdige_registreren_zonder_bsn_met_reden(gw, gebied):
    gegevens = NIEUW | {"reden_geen_bsn": "asielzoeker", "postcode": "6411AB", "huisnummer": "7"}
    r = gw.post("/casussen/jeugdigen/nieuw/", gegevens | {"gebied": gebied("heerlen-1").pk})
    assert r.status_code == 302
    assert Jeugdige.objects.get().reden_geen_bsn == "asielzoeker"


@pytest.mark.parametrize(
    ("extra", "veld", "tekst"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"bsn": "12345"}, "bsn", "9 cijfers"),
        ({}, "reden_geen_bsn", "reden waarom er geen BSN"),
        ({"reden_geen_bsn": "asielzoeker", "huisnummer": "7"}, "postcode", "de postcode verplicht"),
        ({"bsn": GELDIG_BSN, "geboortedatum": "2099-01-01"}, "geboortedatum", "toekomst"),
    ],
)
def test_jeugdige_registreren_fout_naast_veld_en_niets_opgeslagen(gw, gebied, extra, veld, tekst):
    r = gw.post("/casussen/jeugdigen/nieuw/", NIEUW | {"gebied": gebied("heerlen-1").pk} | extra)
    assert r.status_code == 200 and tekst in fout_bij(r, veld)
    assert f'aria-describedby="id_{veld}_fouten' in r.content.decode()
    assert not Jeugdige.objects.exists()


def test_jeugdige_registreren_alleen_eigen_gebieden(gw, gebied):
    html = gw.get("/casussen/jeugdigen/nieuw/").content.decode()
    assert 'label for="id_gebied"' in html and "csrfmiddlewaretoken" in html
    assert f'<option value="{gebied("heerlen-1").pk}"' in html
    assert f'<option value="{gebied("landgraaf").pk}"' not in html
    r = gw.post("/casussen/jeugdigen/nieuw/", NIEUW | {"bsn": GELDIG_BSN, "gebied": gebied("landgraaf").pk})
    assert r.status_code == 200 and fout_bij(r, "gebied")
    assert not Jeugdige.objects.exists()


def test_jeugdige_registreren_management_403_andere_rol_404(web_als, gebied):
    gegevens = NIEUW | {"bsn": GELDIG_BSN, "gebied": gebied("heerlen-1").pk}
    assert web_als("management").post("/casussen/jeugdigen/nieuw/", gegevens).status_code == 403
    assert web_als("inkoper").post("/casussen/jeugdigen/nieuw/", gegevens).status_code == 404
    assert not Jeugdige.objects.exists()
    assert set(Toegangslog.objects.values_list("uitkomst", flat=True)) == {"geweigerd"}


def test_registreerknop_alleen_voor_gedragswetenschapper(gw, web_als):
    assert "/casussen/jeugdigen/nieuw/" in gw.get("/casussen/jeugdigen/").content.decode()
    assert "/casussen/jeugdigen/nieuw/" not in web_als("management").get("/casussen/jeugdigen/").content.decode()


# --- Requests for help -----------------------------------------------------------------------------


def test_hulpvraag_registreren(gw):
    j = JeugdigeFactory()
    url = f"/casussen/jeugdigen/{j.pk}/hulpvraag/"
    r = gw.post(url, {"ontvangen_op": "2025-03-03", "verwijzer": "huisarts", "soort": "nieuwe_client"})
    assert r.status_code == 302 and r.url == f"/casussen/jeugdigen/{j.pk}/"
    h = Hulpvraag.objects.get()
    assert (h.jeugdige, h.dossier_uiterlijk) == (j, date(2025, 3, 10))
    assert "Hulpvraag van 03-03-2025" in detail(gw, j)
    assert Toegangslog.objects.filter(actie="aanmaken", client=j.clientnummer).exists()


def test_hulpvraag_in_de_toekomst_fout_naast_datum(gw):
    j = JeugdigeFactory()
    r = gw.post(
        f"/casussen/jeugdigen/{j.pk}/hulpvraag/",
        {"ontvangen_op": "2099-03-03", "verwijzer": "huisarts", "soort": "nieuwe_client"},
    )
    assert r.status_code == 200 and "toekomst" in fout_bij(r, "ontvangen_op")
    assert not Hulpvraag.objects.exists()


def test_dossier_kernteam_en_gezinsplan(gw, hulpvraag):
    regisseur = MedewerkerFactory(naam="Vaste Contactpersoon")
    basis = f"/casussen/hulpvragen/{hulpvraag.pk}"
    assert gw.post(f"{basis}/dossier/", {"op": "2025-03-04"}).status_code == 302
    r = gw.post(f"{basis}/kernteam/", {"op": "2025-03-06", "triage": "meervoudig", "regisseur": regisseur.pk})
    assert r.status_code == 302
    assert gw.post(f"{basis}/gezinsplan/", {"op": "2025-03-20"}).status_code == 302
    h = Hulpvraag.objects.get()
    assert (h.dossier_aangemaakt_op, h.kernteam_op, h.gezinsplan_op) == (
        date(2025, 3, 4),
        date(2025, 3, 6),
        date(2025, 3, 20),
    )
    assert (h.triage, h.regie, h.regisseur, h.status) == ("meervoudig", "jens", regisseur, "lopend")
    html = detail(gw, h.jeugdige)
    assert "20-03-2025" in html and "Vaste Contactpersoon" in html and "meervoudig" in html


def test_dossier_voor_ontvangst_fout_naast_datum(gw, hulpvraag):
    r = gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/dossier/", {"op": "2025-03-01"})
    assert r.status_code == 200 and "voor de ontvangst (03-03-2025)" in fout_bij(r, "op")
    assert Hulpvraag.objects.get().dossier_aangemaakt_op is None


def test_kernteam_zonder_dossier_fout_naast_datum(gw, hulpvraag):
    r = gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/kernteam/", {"op": "2025-03-05", "triage": "complex"})
    assert r.status_code == 200 and "Maak eerst het dossier aan" in fout_bij(r, "op")
    assert Hulpvraag.objects.get().kernteam_op is None


def test_gezinsplan_in_de_toekomst_fout_naast_datum(gw, lopend):
    r = gw.post(f"/casussen/hulpvragen/{lopend.pk}/gezinsplan/", {"op": "2099-01-01"})
    assert r.status_code == 200 and "toekomst" in fout_bij(r, "op")
    assert Hulpvraag.objects.get().gezinsplan_op is None


def test_gezinsplan_zonder_dossier_en_kernteam_geweigerd_naast_datum(gw, hulpvraag):
    """As on C0008713 in the demo: a family plan on a request without file, core team or triage."""
    r = gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/gezinsplan/", {"op": "2025-03-20"})
    assert r.status_code == 200 and fout_bij(r, "op") == "Maak eerst het dossier aan."
    services.maak_dossier(hulpvraag=hulpvraag, op=date(2025, 3, 4))
    r = gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/gezinsplan/", {"op": "2025-03-20"})
    assert "leg eerst het kernteam met de triage vast" in fout_bij(r, "op")
    assert Hulpvraag.objects.get().gezinsplan_op is None


def test_link_gezinsplan_pas_na_kernteam(gw, hulpvraag):
    assert f"/casussen/hulpvragen/{hulpvraag.pk}/gezinsplan/" not in detail(gw, hulpvraag.jeugdige)
    services.maak_dossier(hulpvraag=hulpvraag, op=date(2025, 3, 4))
    services.houd_kernteam(hulpvraag=hulpvraag, op=date(2025, 3, 5), triage="meervoudig")
    assert f"/casussen/hulpvragen/{hulpvraag.pk}/gezinsplan/" in detail(gw, hulpvraag.jeugdige)


def test_evaluatie_vastleggen(gw, lopend):
    r = gw.post(f"/casussen/hulpvragen/{lopend.pk}/evaluatie/", {"datum": "2025-06-02", "uitkomst": "deels_behaald"})
    assert r.status_code == 302
    assert Evaluatie.objects.get().uitkomst == "deels_behaald"
    assert "02-06-2025 (doelen deels behaald)" in detail(gw, lopend.jeugdige)


def test_evaluatie_voor_kernteam_fout_naast_datum(gw, lopend):
    r = gw.post(f"/casussen/hulpvragen/{lopend.pk}/evaluatie/", {"datum": "2025-03-04", "uitkomst": "niet_behaald"})
    assert r.status_code == 200 and "het kernteam" in fout_bij(r, "datum")
    assert not Evaluatie.objects.exists()


# --- Care --------------------------------------------------------------------------------------------


def test_zorginzet_registreren_starten_en_beeindigen(gw, hulpvraag, gebied):
    r = gw.post(
        f"/casussen/hulpvragen/{hulpvraag.pk}/zorginzet/",
        {"vorm": "begeleiding", "aangemeld_op": "2025-03-10", "gebied": gebied("heerlen-1").pk},
    )
    assert r.status_code == 302
    z = Zorginzet.objects.get()
    assert "(wachtend)" in detail(gw, hulpvraag.jeugdige)
    assert gw.post(f"/casussen/zorginzet/{z.pk}/starten/", {"op": "2025-04-01"}).status_code == 302
    assert gw.post(f"/casussen/zorginzet/{z.pk}/beeindigen/", {"op": "2025-09-30"}).status_code == 302
    z.refresh_from_db()
    assert (z.gestart_op, z.beeindigd_op) == (date(2025, 4, 1), date(2025, 9, 30))
    assert "gestart 01-04-2025, beëindigd 30-09-2025" in detail(gw, hulpvraag.jeugdige)


def test_zorginzet_gebiedsteam_en_aanbieder_fout_naast_gebied(gw, hulpvraag, gebied):
    from .factories import AanbiederFactory

    r = gw.post(
        f"/casussen/hulpvragen/{hulpvraag.pk}/zorginzet/",
        {
            "vorm": "begeleiding",
            "aangemeld_op": "2025-03-10",
            "gebied": gebied("heerlen-1").pk,
            "zorgaanbieder": AanbiederFactory().pk,
        },
    )
    assert r.status_code == 200 and "niet allebei" in fout_bij(r, "gebied")
    assert not Zorginzet.objects.exists()


def test_zorg_einde_voor_start_fout_naast_datum(gw, hulpvraag, gebied):
    z = services.registreer_zorginzet(
        hulpvraag=hulpvraag, vorm="training", aangemeld_op=date(2025, 3, 10), gebied=gebied("heerlen-1")
    )
    services.start_zorginzet(zorginzet=z, op=date(2025, 4, 1))
    r = gw.post(f"/casussen/zorginzet/{z.pk}/beeindigen/", {"op": "2025-03-20"})
    assert r.status_code == 200 and "voor de start" in fout_bij(r, "op")
    assert Zorginzet.objects.get().beeindigd_op is None


def test_zorg_start_voor_aanmelding_fout_naast_datum(gw, hulpvraag, gebied):
    z = services.registreer_zorginzet(
        hulpvraag=hulpvraag, vorm="training", aangemeld_op=date(2025, 3, 10), gebied=gebied("heerlen-1")
    )
    r = gw.post(f"/casussen/zorginzet/{z.pk}/starten/", {"op": "2025-03-05"})
    assert r.status_code == 200 and "voor de aanmelding" in fout_bij(r, "op")
    assert Zorginzet.objects.get().gestart_op is None


# --- Meldcode ----------------------------------------------------------------------------------------

VEILIG = {
    "vermoeden": "ja",
    "acute_of_structurele_onveiligheid": "nee",
    "effectieve_hulp_mogelijk": "ja",
    "hulp_geaccepteerd": "ja",
    "resultaat_binnen_termijn": "ja",
}


def stappen_tot(traject, tot: int, professional, **stap4):
    antwoorden = {k: v == "ja" for k, v in (VEILIG | stap4).items()}
    for stap in range(1, tot + 1):
        services.registreer_meldcode_stap(
            traject=traject,
            stap=stap,
            datum=date(2025, 3, stap + 1),
            professional=professional,
            veilig_thuis_geraadpleegd=False if stap == 2 else None,
            antwoorden=antwoorden if stap == 4 else None,
        )


def test_meldcode_starten(gw):
    j = JeugdigeFactory()
    r = gw.post(f"/casussen/jeugdigen/{j.pk}/meldcode/", {"gestart_op": "2025-03-01", "signalen": "Zorgen op school."})
    assert r.status_code == 302
    assert MeldcodeTraject.objects.get().jeugdige == j
    assert "Zorgen op school." in detail(gw, j)


def test_meldcode_zonder_signalen_fout_naast_signalen(gw):
    j = JeugdigeFactory()
    r = gw.post(f"/casussen/jeugdigen/{j.pk}/meldcode/", {"gestart_op": "2025-03-01", "signalen": " "})
    assert r.status_code == 200 and "Beschrijf de signalen" in fout_bij(r, "signalen")
    assert not MeldcodeTraject.objects.exists()


def test_meldcode_vijf_stappen_door_ingelogde_professional_en_terugkoppeling(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    basis = f"/casussen/meldcode/{t.pk}"
    assert gw.post(f"{basis}/stap/1/", {"datum": "2025-03-02", "notitie": "Signalen op een rij."}).status_code == 302
    assert gw.post(f"{basis}/stap/2/", {"datum": "2025-03-03", "veilig_thuis_geraadpleegd": "ja"}).status_code == 302
    assert gw.post(f"{basis}/stap/3/", {"datum": "2025-03-04"}).status_code == 302
    stap4 = VEILIG | {"acute_of_structurele_onveiligheid": "ja", "datum": "2025-03-05"}
    assert gw.post(f"{basis}/stap/4/", stap4).status_code == 302
    r = gw.post(f"{basis}/stap/5/", {"datum": "2025-03-06", "besluit": "melden_en_hulp", "gemeld_op": "2025-03-07"})
    assert r.status_code == 302
    stappen = MeldcodeStap.objects.filter(traject=t)
    assert stappen.count() == 5 and {s.professional.gebruiker for s in stappen} == {gw.user}
    assert stappen.get(stap=2).veilig_thuis_geraadpleegd is True
    assert stappen.get(stap=4).acute_of_structurele_onveiligheid is True
    t.refresh_from_db()
    assert (t.besluit, t.gemeld_op, t.terugkoppeling_uiterlijk) == (
        "melden_en_hulp",
        date(2025, 3, 7),
        date(2025, 3, 14),
    )
    r = gw.post(
        f"{basis}/terugkoppeling/",
        {"op": "2025-03-12", "terugkoppeling": "Veilig Thuis neemt de casus op.", "herbeoordeling_op": "2025-06-12"},
    )
    assert r.status_code == 302
    t.refresh_from_db()
    assert (t.terugkoppeling_op, t.herbeoordeling_op) == (date(2025, 3, 12), date(2025, 6, 12))
    html = detail(gw, t.jeugdige)
    assert "Sanne Gedrag" in html and "melden en hulp organiseren" in html
    assert "Veilig Thuis neemt de casus op." in html and "12-06-2025" in html


def test_meldcode_stap_vier_onbeantwoorde_vraag_naast_die_vraag(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    stappen_tot(t, 3, gw.user.medewerker)
    r = gw.post(f"/casussen/meldcode/{t.pk}/stap/4/", VEILIG | {"hulp_geaccepteerd": "", "datum": "2025-03-05"})
    assert r.status_code == 200 and "Beantwoord deze vraag" in fout_bij(r, "hulp_geaccepteerd")
    assert not fout_bij(r, "vermoeden")
    assert not MeldcodeStap.objects.filter(stap=4).exists()


def test_meldcode_tegenstrijdig_besluit_geweigerd_naast_besluit(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    stappen_tot(t, 4, gw.user.medewerker, acute_of_structurele_onveiligheid="ja")
    r = gw.post(f"/casussen/meldcode/{t.pk}/stap/5/", {"datum": "2025-03-06", "besluit": "hulp_organiseren"})
    assert r.status_code == 200 and "acute of structurele onveiligheid" in fout_bij(r, "besluit")
    t.refresh_from_db()
    assert t.besluit == "" and t.gemeld_op is None and not MeldcodeStap.objects.filter(stap=5).exists()


def test_meldcode_stap_overslaan_geweigerd(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    r = gw.post(f"/casussen/meldcode/{t.pk}/stap/3/", {"datum": "2025-03-04"})
    assert r.status_code == 200 and "Leg eerst stap 2 vast" in r.content.decode()
    assert not MeldcodeStap.objects.exists()


def test_meldcode_stap_zonder_gekoppelde_medewerker(web_als):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    r = web.post(f"/casussen/meldcode/{t.pk}/stap/1/", {"datum": "2025-03-02"})
    assert r.status_code == 200 and "niet gekoppeld aan een medewerker" in r.content.decode()
    assert not MeldcodeStap.objects.exists()


def test_terugkoppeling_herbeoordeling_voor_terugkoppeling_naast_veld(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 3, 1))
    stappen_tot(t, 4, gw.user.medewerker, acute_of_structurele_onveiligheid="ja")
    services.registreer_meldcode_stap(
        traject=t, stap=5, datum=date(2025, 3, 6), professional=gw.user.medewerker, besluit="melden"
    )
    r = gw.post(
        f"/casussen/meldcode/{t.pk}/terugkoppeling/",
        {"op": "2025-03-12", "terugkoppeling": "Opgepakt.", "herbeoordeling_op": "2025-03-10"},
    )
    assert r.status_code == 200 and "voor de terugkoppeling" in fout_bij(r, "herbeoordeling_op")
    assert MeldcodeTraject.objects.get().terugkoppeling_op is None


def test_hulpvraag_afsluiten(gw, hulpvraag):
    assert "Hulpvraag afsluiten" in detail(gw, hulpvraag.jeugdige)
    url = f"/casussen/hulpvragen/{hulpvraag.pk}/afsluiten/"
    assert 'label for="id_einde_reden"' in gw.get(url).content.decode()
    r = gw.post(url, {"op": "2025-03-10", "einde_reden": "verhuizing"})
    assert r.status_code == 302
    h = Hulpvraag.objects.get(pk=hulpvraag.pk)
    assert (h.status, h.afgesloten_op, h.einde_reden) == ("afgesloten", date(2025, 3, 10), "verhuizing")
    assert Toegangslog.objects.filter(omschrijving="Hulpvraag afgesloten (pagina)", uitkomst="toegestaan").exists()
    assert "Hulpvraag afsluiten" not in detail(gw, hulpvraag.jeugdige)


def test_hulpvraag_afsluiten_voor_ontvangst_fout_naast_datum(gw, hulpvraag):
    r = gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/afsluiten/", {"op": "2025-01-01", "einde_reden": "overig"})
    assert r.status_code == 200 and "voor de ontvangst" in fout_bij(r, "op")
    assert Hulpvraag.objects.get(pk=hulpvraag.pk).afgesloten_op is None


# --- Refusals ----------------------------------------------------------------------------------------


def _objecten(jeugdige):
    h = HulpvraagFactory(jeugdige=jeugdige, ontvangen_op=date(2025, 3, 3))
    z = Zorginzet.objects.create(hulpvraag=h, vorm="training", aangemeld_op=date(2025, 3, 10), gebied=jeugdige.gebied)
    t = MeldcodeTrajectFactory(jeugdige=jeugdige)
    return {
        "hulpvraag": (f"/casussen/jeugdigen/{jeugdige.pk}/hulpvraag/", {"ontvangen_op": "2025-03-03"}),
        "meldcode": (f"/casussen/jeugdigen/{jeugdige.pk}/meldcode/", {"gestart_op": "2025-03-01", "signalen": "x"}),
        "dossier": (f"/casussen/hulpvragen/{h.pk}/dossier/", {"op": "2025-03-04"}),
        "kernteam": (f"/casussen/hulpvragen/{h.pk}/kernteam/", {"op": "2025-03-04", "triage": "complex"}),
        "gezinsplan": (f"/casussen/hulpvragen/{h.pk}/gezinsplan/", {"op": "2025-03-04"}),
        "evaluatie": (f"/casussen/hulpvragen/{h.pk}/evaluatie/", {"datum": "2025-03-04", "uitkomst": "doelen_behaald"}),
        "afsluiten": (f"/casussen/hulpvragen/{h.pk}/afsluiten/", {"op": "2025-03-04", "einde_reden": "volgens_plan"}),
        "zorginzet": (f"/casussen/hulpvragen/{h.pk}/zorginzet/", {"vorm": "training", "aangemeld_op": "2025-03-10"}),
        "zorg-starten": (f"/casussen/zorginzet/{z.pk}/starten/", {"op": "2025-03-11"}),
        "zorg-beeindigen": (f"/casussen/zorginzet/{z.pk}/beeindigen/", {"op": "2025-03-11"}),
        "meldcode-stap": (f"/casussen/meldcode/{t.pk}/stap/1/", {"datum": "2025-03-02"}),
        "terugkoppeling": (f"/casussen/meldcode/{t.pk}/terugkoppeling/", {"op": "2025-03-02", "terugkoppeling": "x"}),
    }


ACTIES = [
    "hulpvraag",
    "meldcode",
    "dossier",
    "kernteam",
    "gezinsplan",
    "evaluatie",
    "afsluiten",
    "zorginzet",
    "zorg-starten",
    "zorg-beeindigen",
    "meldcode-stap",
    "terugkoppeling",
]


def _stand():
    return (
        list(Hulpvraag.objects.values()),
        list(Zorginzet.objects.values()),
        list(MeldcodeTraject.objects.values()),
        MeldcodeStap.objects.count(),
        Evaluatie.objects.count(),
    )


@pytest.mark.parametrize("actie", ACTIES)
def test_management_mag_niet_schrijven(web_als, actie):
    url, gegevens = _objecten(JeugdigeFactory())[actie]
    web = web_als("management")
    MedewerkerFactory(gebruiker=web.user)
    voor = _stand()
    assert web.post(url, gegevens).status_code == 403
    assert _stand() == voor
    log = Toegangslog.objects.get()
    assert (log.actie, log.uitkomst) == ("wijzigen", "geweigerd")


@pytest.mark.parametrize("actie", ACTIES)
def test_ander_gebied_404_en_gelogd(gw, actie):
    jeugdige = JeugdigeFactory(gebied=Gebied.objects.get(code="landgraaf"))
    url, gegevens = _objecten(jeugdige)[actie]
    voor = _stand()
    assert gw.get(url).status_code == 404
    assert gw.post(url, gegevens).status_code == 404
    assert _stand() == voor
    logs = Toegangslog.objects.order_by("pk")
    assert [(x.actie, x.client, x.uitkomst) for x in logs] == [
        ("inzien", jeugdige.clientnummer, "geweigerd"),
        ("wijzigen", jeugdige.clientnummer, "geweigerd"),
    ]


@pytest.mark.parametrize("rol", ["inkoper", "gemeente", "klachtenfunctionaris"])
def test_andere_rollen_404(web_als, rol):
    url, gegevens = _objecten(JeugdigeFactory())["hulpvraag"]
    assert web_als(rol, gemeenten=["heerlen"]).post(url, gegevens).status_code == 404
    assert Toegangslog.objects.get().uitkomst == "geweigerd"


def test_formulierlinks_op_detail_alleen_voor_schrijvers(gw, web_als, lopend):
    links = ("/hulpvraag/", "/meldcode/", f"/casussen/hulpvragen/{lopend.pk}/evaluatie/")
    html = detail(gw, lopend.jeugdige)
    assert all(link in html for link in links)
    html = detail(web_als("management"), lopend.jeugdige)
    assert not any(link in html for link in links)


# --- Changing a young person's details --------------------------------------------------------------


def test_jeugdige_wijzigen_met_huidige_gegevens_ingevuld_en_gelogd(gw, gebied):
    j = JeugdigeFactory(achternaam="Oudnaam", reden_geen_bsn="anoniem")
    r = gw.get(f"/casussen/jeugdigen/{j.pk}/wijzigen/")
    html = r.content.decode()
    assert r.status_code == 200 and 'value="Oudnaam"' in html and 'for="id_achternaam"' in html
    assert f"/casussen/jeugdigen/{j.pk}/wijzigen/" in detail(gw, j)
    r = gw.post(
        f"/casussen/jeugdigen/{j.pk}/wijzigen/",
        NIEUW | {"achternaam": "Nieuwnaam", "bsn": GELDIG_BSN, "gebied": gebied("heerlen-1").pk},
    )
    assert r.status_code == 302 and r.url == f"/casussen/jeugdigen/{j.pk}/"
    j.refresh_from_db()
    assert (j.achternaam, j.bsn, j.reden_geen_bsn, j.gebied.code, j.gemeente.code) == (
        "Nieuwnaam",
        GELDIG_BSN,
        "",
        "heerlen-1",
        "heerlen",
    )
    log = Toegangslog.objects.filter(actie="wijzigen", client=j.clientnummer).get()
    assert "achternaam" in log.omschrijving and "bsn" in log.omschrijving.lower() and log.uitkomst == "toegestaan"
    assert Toegangslog.objects.filter(actie="inzien", client=j.clientnummer, object_type="jeugdige").exists()


@pytest.mark.parametrize(
    ("extra", "veld", "tekst"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"bsn": "", "reden_geen_bsn": ""}, "reden_geen_bsn", "reden waarom er geen BSN"),
        ({"reden_geen_bsn": "asielzoeker", "postcode": ""}, "postcode", "de postcode verplicht"),
        ({"geboortedatum": "2099-01-01"}, "geboortedatum", "toekomst"),
    ],
)
def test_jeugdige_wijzigen_fout_naast_veld_en_niets_gewijzigd(gw, gebied, extra, veld, tekst):
    j = JeugdigeFactory(achternaam="Oudnaam", reden_geen_bsn="anoniem")
    gegevens = NIEUW | {"reden_geen_bsn": "anoniem", "gebied": gebied("heerlen-1").pk, "huisnummer": "7"} | extra
    r = gw.post(f"/casussen/jeugdigen/{j.pk}/wijzigen/", gegevens)
    assert r.status_code == 200 and tekst in fout_bij(r, veld)
    j.refresh_from_db()
    assert j.achternaam == "Oudnaam" and j.bsn is None


def test_jeugdige_wijzigen_naar_gebied_buiten_scope_kan_niet(gw, gebied):
    j = JeugdigeFactory()
    r = gw.post(
        f"/casussen/jeugdigen/{j.pk}/wijzigen/", NIEUW | {"reden_geen_bsn": "anoniem", "gebied": gebied("landgraaf").pk}
    )
    assert r.status_code == 200 and "geldige keuze" in fout_bij(r, "gebied")
    j.refresh_from_db()
    assert j.gebied.code == "heerlen-1"


def test_jeugdige_wijzigen_ander_gebied_404_management_403_gelogd(gw, web_als):
    buiten = JeugdigeFactory(gebied=Gebied.objects.get(code="landgraaf"), achternaam="Buiten")
    assert gw.get(f"/casussen/jeugdigen/{buiten.pk}/wijzigen/").status_code == 404
    assert (
        gw.post(f"/casussen/jeugdigen/{buiten.pk}/wijzigen/", NIEUW | {"reden_geen_bsn": "anoniem"}).status_code == 404
    )
    management = web_als("management")
    assert management.post(f"/casussen/jeugdigen/{buiten.pk}/wijzigen/", NIEUW).status_code == 403
    assert (
        f"/casussen/jeugdigen/{buiten.pk}/wijzigen/"
        not in management.get(f"/casussen/jeugdigen/{buiten.pk}/").content.decode()
    )
    buiten.refresh_from_db()
    assert buiten.achternaam == "Buiten"
    assert Toegangslog.objects.filter(client=buiten.clientnummer, uitkomst="geweigerd").count() == 3
    for rol in ("gebiedsmanager", "klachtenfunctionaris", "inkoper"):
        assert web_als(rol, gebieden=["landgraaf"]).get(f"/casussen/jeugdigen/{buiten.pk}/wijzigen/").status_code == 404


@pytest.mark.time_machine(date(2025, 3, 20))
def test_dossier_via_pagina_lost_de_signalering_direct_op(gw, hulpvraag, django_capture_on_commit_callbacks):
    """Refreshed by the write itself, not only by the hourly run."""
    from cases import signaleringen as soorten
    from jens.models import Signalering

    services.signaleer_te_laat(op=date(2025, 3, 20))
    assert Signalering.objects.open().filter(soort=soorten.DOSSIER_TE_LAAT).count() == 1
    assert "Dossier niet tijdig aangemaakt" in gw.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert gw.post(f"/casussen/hulpvragen/{hulpvraag.pk}/dossier/", {"op": "2025-03-12"}).status_code == 302
    assert not Signalering.objects.open().filter(soort=soorten.DOSSIER_TE_LAAT).exists()
    # the file was made late, so the core team is due within 5 working days of it: 19-03-2025, also late now
    s = Signalering.objects.open().get(soort=soorten.KERNTEAM_TE_LAAT)
    assert s.omschrijving == f"Cliënt {hulpvraag.jeugdige.clientnummer}, hulpvraag van 03-03-2025"
