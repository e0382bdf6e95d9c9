from datetime import date

import pytest

from cases.models import Jeugdige, VeiligThuisMelding
from jens.models import Toegangslog

from .factories import (
    HulpvraagFactory,
    JeugdigeFactory,
    MedewerkerFactory,
    MeldcodeTrajectFactory,
    VeiligThuisMeldingFactory,
)

pytestmark = pytest.mark.django_db

NIEUW = {
    "achternaam": "Vermeulen",
    "voornamen": "Sanne",
    "geboortedatum": "2011-04-03",
    "gemeente": "heerlen",
    "gebied": "heerlen-1",
}


@pytest.fixture
def gw(api_als):
    """A gedragswetenschapper for Heerlen 1 and 2."""
    return api_als("gedragswetenschapper", gebieden=["heerlen-1", "heerlen-2"])


@pytest.fixture
def buiten(gebied):
    return JeugdigeFactory(gebied=gebied("landgraaf"))


def laatste_log():
    return Toegangslog.objects.order_by("-pk").first()


# --- Creating and BSN -------------------------------------------------------------------------------


def test_aanmaken_met_geldig_bsn(gw):
    r = gw.post("/api/v1/jeugdigen/", NIEUW | {"bsn": "111222333"}, format="json")
    assert r.status_code == 201, r.content
    assert r.data["clientnummer"].startswith("C")
    assert r.data["bsn"] == "111222333"
    log = laatste_log()
    assert (log.actie, log.client, log.uitkomst) == ("aanmaken", r.data["clientnummer"], "toegestaan")


@pytest.mark.parametrize(
    ("bsn", "tekst"),
    [("123456789", "elfproef"), ("000000000", "geen geldig BSN"), ("12345", "9 cijfers")],
)
def test_ongeldig_bsn_geeft_400_op_bsn(gw, bsn, tekst):
    r = gw.post("/api/v1/jeugdigen/", NIEUW | {"bsn": bsn}, format="json")
    assert r.status_code == 400
    assert tekst in " ".join(r.data["bsn"])
    assert not Jeugdige.objects.exists()


def test_dubbel_bsn_geeft_400(gw):
    JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    r = gw.post("/api/v1/jeugdigen/", NIEUW | {"bsn": "111222333"}, format="json")
    assert r.status_code == 400
    assert "al een jeugdige" in r.data["bsn"][0]
    assert Jeugdige.objects.count() == 1


def test_aanmaken_in_ander_gebied_geweigerd(gw):
    r = gw.post("/api/v1/jeugdigen/", NIEUW | {"gebied": "landgraaf", "gemeente": "landgraaf"}, format="json")
    assert r.status_code == 400
    assert "niet in dit gebied" in r.data["gebied"][0]
    assert not Jeugdige.objects.exists()


def test_wijzigen_bsn_valideert(gw):
    j = JeugdigeFactory()
    r = gw.patch(f"/api/v1/jeugdigen/{j.pk}/", {"bsn": "123456789", "reden_geen_bsn": ""}, format="json")
    assert r.status_code == 400 and "elfproef" in r.data["bsn"][0]
    r = gw.patch(f"/api/v1/jeugdigen/{j.pk}/", {"bsn": "123456782", "reden_geen_bsn": ""}, format="json")
    assert r.status_code == 200
    j.refresh_from_db()
    assert j.bsn == "123456782"


# --- What each role sees ------------------------------------------------------------------------------


def test_lijst_toont_initialen_en_geboortejaar_nooit_bsn(gw):
    JeugdigeFactory(bsn="111222333", reden_geen_bsn="", achternaam="Smit", voornamen="Lotte")
    r = gw.get("/api/v1/jeugdigen/")
    rij = r.data["results"][0]
    assert rij["initialen"] == "L. S." and rij["geboortejaar"] == 2012
    assert "bsn" not in rij and "achternaam" not in rij
    assert "111222333" not in r.content.decode()


def test_gedragswetenschapper_ziet_alleen_eigen_gebieden(gw, buiten):
    eigen = JeugdigeFactory()
    ids = [r["id"] for r in gw.get("/api/v1/jeugdigen/").data["results"]]
    assert ids == [eigen.pk]


def test_buiten_scope_404_en_gelogd(gw, buiten):
    r = gw.get(f"/api/v1/jeugdigen/{buiten.pk}/")
    assert r.status_code == 404
    log = laatste_log()
    assert (log.actie, log.object_id, log.client, log.uitkomst) == (
        "inzien",
        str(buiten.pk),
        buiten.clientnummer,
        "geweigerd",
    )
    assert log.gebruikersnaam == gw.user.username and log.rol == "gedragswetenschapper"


@pytest.mark.parametrize(
    "pad",
    ["hulpvragen", "meldcode-trajecten", "veilig-thuis-meldingen"],
)
def test_andere_objecten_buiten_scope_404_en_gelogd(gw, buiten, pad):
    obj = {
        "hulpvragen": lambda: HulpvraagFactory(jeugdige=buiten),
        "meldcode-trajecten": lambda: MeldcodeTrajectFactory(jeugdige=buiten),
        "veilig-thuis-meldingen": lambda: VeiligThuisMeldingFactory(jeugdige=buiten),
    }[pad]()
    assert gw.get(f"/api/v1/{pad}/{obj.pk}/").status_code == 404
    assert laatste_log().uitkomst == "geweigerd" and laatste_log().client == buiten.clientnummer


def test_opvolgen_buiten_scope_404_en_niets_gewijzigd(gw, buiten):
    m = VeiligThuisMeldingFactory(jeugdige=buiten)
    r = gw.post(
        f"/api/v1/veilig-thuis-meldingen/{m.pk}/opvolgen/",
        {"op": "2023-03-02", "door": MedewerkerFactory().pk, "wijze": "contact_gezin"},
        format="json",
    )
    assert r.status_code == 404
    assert VeiligThuisMelding.objects.get(pk=m.pk).opgevolgd_op is None
    assert laatste_log().uitkomst == "geweigerd"


@pytest.mark.parametrize(
    "rol", ["inkoper", "klachtenfunctionaris", "gebiedsmanager", "gemeente", "functioneel_beheerder"]
)
def test_andere_rollen_zien_niets(api_als, rol):
    j = JeugdigeFactory()
    client = api_als(rol, gemeenten=["heerlen"], gebieden=["heerlen-1"])
    for pad in ["jeugdigen", "hulpvragen", "zorginzet", "meldcode-trajecten", "veilig-thuis-meldingen", "onderzoeken"]:
        assert client.get(f"/api/v1/{pad}/").status_code == 403
    assert client.get(f"/api/v1/jeugdigen/{j.pk}/").status_code == 404
    log = laatste_log()
    assert (log.client, log.uitkomst, log.rol) == (j.clientnummer, "geweigerd", rol)
    assert client.post("/api/v1/jeugdigen/", NIEUW | {"reden_geen_bsn": "anoniem"}, format="json").status_code == 403
    assert not Jeugdige.objects.exclude(pk=j.pk).exists()


def test_management_leest_alles_zonder_bsn_en_schrijft_niet(api_als, buiten):
    JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    m = api_als("management")
    assert m.get("/api/v1/jeugdigen/").data["count"] == 2
    detail = m.get(f"/api/v1/jeugdigen/{buiten.pk}/")
    assert detail.status_code == 200 and "bsn" not in detail.data
    assert m.post("/api/v1/jeugdigen/", NIEUW | {"reden_geen_bsn": "anoniem"}, format="json").status_code == 403


def test_bsn_op_detail_voor_gedragswetenschapper(gw):
    j = JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    assert gw.get(f"/api/v1/jeugdigen/{j.pk}/").data["bsn"] == "111222333"


# --- Access log -----------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ["jeugdigen", "hulpvragen", "meldcode-trajecten"])
def test_elke_detailinzage_gelogd_met_nen7513_velden(gw, pad):
    j = JeugdigeFactory()
    obj = {
        "jeugdigen": lambda: j,
        "hulpvragen": lambda: HulpvraagFactory(jeugdige=j),
        "meldcode-trajecten": lambda: MeldcodeTrajectFactory(jeugdige=j),
    }[pad]()
    r = gw.get(f"/api/v1/{pad}/{obj.pk}/", HTTP_USER_AGENT="Testbrowser", REMOTE_ADDR="10.1.2.3")
    assert r.status_code == 200
    log = laatste_log()
    assert log.actie == "inzien" and log.uitkomst == "toegestaan"
    assert log.client == j.clientnummer and log.object_id == str(obj.pk)
    assert log.gebruiker == gw.user and log.rol == "gedragswetenschapper"
    assert log.ip_adres == "10.1.2.3" and log.werkplek == "Testbrowser" and log.tijdstip


def test_zoeken_gelogd_zonder_bsn_in_log(gw):
    j = JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    r = gw.get("/api/v1/jeugdigen/", {"zoek": "111222333"})
    assert [x["id"] for x in r.data["results"]] == [j.pk]
    log = laatste_log()
    assert log.actie == "zoeken" and "111222333" not in log.omschrijving
    gw.get("/api/v1/hulpvragen/", {"jeugdige": j.pk})
    assert laatste_log().actie == "zoeken" and laatste_log().client == j.clientnummer


def test_lijst_zonder_zoekopdracht_niet_als_zoeken_gelogd(gw):
    JeugdigeFactory()
    gw.get("/api/v1/jeugdigen/")
    assert not Toegangslog.objects.exists()


def test_beheerder_ziet_log_per_client(api_als, gw):
    j, ander = JeugdigeFactory(), JeugdigeFactory()
    gw.get(f"/api/v1/jeugdigen/{j.pk}/")
    gw.get(f"/api/v1/jeugdigen/{ander.pk}/")
    beheer = api_als("functioneel_beheerder")
    r = beheer.get("/api/v1/toegangslog/", {"client": j.clientnummer})
    assert r.status_code == 200
    assert [x["client"] for x in r.data["results"]] == [j.clientnummer]
    assert gw.get("/api/v1/toegangslog/", {"client": j.clientnummer}).status_code == 403


# --- Workflow through the API ----------------------------------------------------------------------


def test_hulpvraag_stappen_via_api(gw):
    j = JeugdigeFactory()
    r = gw.post(
        "/api/v1/hulpvragen/",
        {"jeugdige": j.pk, "ontvangen_op": "2025-03-03", "verwijzer": "onderwijs", "soort": "nieuwe_client"},
        format="json",
    )
    assert r.status_code == 201 and r.data["dossier_uiterlijk"] == "2025-03-10"
    pk = r.data["id"]
    assert gw.post(f"/api/v1/hulpvragen/{pk}/dossier/", {"op": "2025-03-05"}, format="json").status_code == 200
    r = gw.post(f"/api/v1/hulpvragen/{pk}/kernteam/", {"op": "2025-03-06", "triage": "complex"}, format="json")
    assert r.data["regie"] == "gemeente" and r.data["evaluatie_uiterlijk"] == "2025-06-06"
    r = gw.post(
        f"/api/v1/hulpvragen/{pk}/evaluaties/", {"datum": "2025-05-01", "uitkomst": "deels_behaald"}, format="json"
    )
    assert r.status_code == 200 and len(r.data["evaluaties"]) == 1
    r = gw.post(
        f"/api/v1/hulpvragen/{pk}/afsluiten/", {"op": "2025-02-01", "einde_reden": "volgens_plan"}, format="json"
    )
    assert r.status_code == 400 and "ontvangst" in r.data["afgesloten_op"][0]


def test_gezinsplan_voor_kernteam_via_api_400(gw):
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3), jeugdige=JeugdigeFactory())
    r = gw.post(f"/api/v1/hulpvragen/{h.pk}/gezinsplan/", {"op": "2025-03-20"}, format="json")
    assert r.status_code == 400 and r.data["gezinsplan_op"] == ["Maak eerst het dossier aan."]
    h.refresh_from_db()
    assert h.gezinsplan_op is None


def test_hulpvraag_voor_jeugdige_buiten_scope_geweigerd(gw, buiten):
    r = gw.post(
        "/api/v1/hulpvragen/",
        {"jeugdige": buiten.pk, "ontvangen_op": "2025-03-03", "verwijzer": "onderwijs", "soort": "nieuwe_client"},
        format="json",
    )
    assert r.status_code == 400 and "jeugdige" in r.data
    log = laatste_log()
    assert (log.uitkomst, log.client, log.object_type) == ("geweigerd", buiten.clientnummer, "jeugdige")


def test_koppelen_aan_onbestaand_object_niet_als_geweigerd_gelogd(gw):
    r = gw.post(
        "/api/v1/hulpvragen/",
        {"jeugdige": 999999, "ontvangen_op": "2025-03-03", "verwijzer": "onderwijs", "soort": "nieuwe_client"},
        format="json",
    )
    assert r.status_code == 400 and not Toegangslog.objects.exists()


def test_vt_opvolgen_via_api(gw):
    m = VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 3))
    door = MedewerkerFactory()
    url = f"/api/v1/veilig-thuis-meldingen/{m.pk}/opvolgen/"
    r = gw.post(url, {"op": "2025-03-04", "door": door.pk, "wijze": "overgedragen"}, format="json")
    assert r.status_code == 400 and "aan wie" in r.data["overgedragen_aan"][0]
    r = gw.post(url, {"op": "2025-03-04", "door": door.pk, "wijze": "zorg_gestart"}, format="json")
    assert r.status_code == 200 and r.data["opgevolgd_op"] == "2025-03-04" and r.data["te_laat"] is False


def test_meldcode_besluit_in_strijd_met_afwegingskader_400(gw):
    t = MeldcodeTrajectFactory(gestart_op=date(2025, 1, 6))
    prof = MedewerkerFactory().pk
    url = f"/api/v1/meldcode-trajecten/{t.pk}/stappen/"
    for stap in (1, 2, 3):
        assert (
            gw.post(
                url,
                {"stap": stap, "datum": "2025-01-06", "professional": prof, "veilig_thuis_geraadpleegd": False},
                format="json",
            ).status_code
            == 200
        )
    antwoorden = {
        "vermoeden": True,
        "acute_of_structurele_onveiligheid": True,
        "effectieve_hulp_mogelijk": True,
        "hulp_geaccepteerd": True,
        "resultaat_binnen_termijn": True,
    }
    assert (
        gw.post(url, {"stap": 4, "datum": "2025-01-07", "professional": prof, **antwoorden}, format="json").status_code
        == 200
    )
    r = gw.post(
        url, {"stap": 5, "datum": "2025-01-08", "professional": prof, "besluit": "hulp_organiseren"}, format="json"
    )
    assert r.status_code == 400 and "onveiligheid" in r.data["besluit"][0]
    r = gw.post(
        url, {"stap": 5, "datum": "2025-01-08", "professional": prof, "besluit": "melden_en_hulp"}, format="json"
    )
    assert r.status_code == 200 and r.data["gemeld_op"] == "2025-01-08" and len(r.data["stappen"]) == 5


def test_onderzoek_via_api(gw):
    m = VeiligThuisMeldingFactory()
    r = gw.post(
        "/api/v1/onderzoeken/",
        {
            "jeugdige": m.jeugdige_id,
            "reden": "vt_niet_tijdig_opgevolgd",
            "gestart_op": "2023-04-01",
            "veilig_thuis_melding": m.pk,
        },
        format="json",
    )
    assert r.status_code == 201
    r = gw.post(
        f"/api/v1/onderzoeken/{r.data['id']}/afronden/",
        {"op": "2023-04-10", "bevindingen": "Gemist door ziekte", "maatregelen": "Vervanging geregeld"},
        format="json",
    )
    assert r.status_code == 200 and r.data["afgerond_op"] == "2023-04-10"


# --- Fixed number of queries ------------------------------------------------------------------------


def _zorginzet(gebied, n):
    from cases.models import Zorginzet

    for _ in range(n):
        Zorginzet.objects.create(
            hulpvraag=HulpvraagFactory(), gebied=gebied("heerlen-1"), vorm="begeleiding", aangemeld_op=date(2023, 3, 2)
        )


@pytest.mark.parametrize(
    ("pad", "maak"),
    [
        ("jeugdigen", lambda g, n: [JeugdigeFactory() for _ in range(n)]),
        ("hulpvragen", lambda g, n: [HulpvraagFactory() for _ in range(n)]),
        ("meldcode-trajecten", lambda g, n: [MeldcodeTrajectFactory() for _ in range(n)]),
        ("veilig-thuis-meldingen", lambda g, n: [VeiligThuisMeldingFactory() for _ in range(n)]),
        ("zorginzet", _zorginzet),
        ("onderzoeken", lambda g, n: None),
    ],
)
def test_lijsten_vast_aantal_queries(gw, gebied, pad, maak, django_assert_num_queries):
    maak(gebied, 12)
    gw.get(f"/api/v1/{pad}/", {"page_size": 2})  # warm up the user's permission cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as klein:
        r2 = gw.get(f"/api/v1/{pad}/", {"page_size": 2})
    with django_assert_num_queries(len(klein)):
        r10 = gw.get(f"/api/v1/{pad}/", {"page_size": 10})
    assert r2.status_code == r10.status_code == 200
    if pad != "onderzoeken":
        assert len(r2.data["results"]) == 2 and len(r10.data["results"]) == 10
    assert len(klein) <= 4
