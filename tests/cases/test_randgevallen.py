"""Edge cases: nonsense input gives no 500 (also on PostgreSQL), scope of linked objects, report figures."""

import pytest

from tests import klok

from .factories import JeugdigeFactory, VeiligThuisMeldingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zoek", ["1-1-99999999999999999999", "01-01-0", "a\x00b"])
def test_zoeken_met_onzin_geen_500(web_als, api_als, zoek):
    JeugdigeFactory()
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert web.get("/casussen/jeugdigen/", {"zoek": zoek}).status_code == 200
    api = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert api.get("/api/v1/jeugdigen/", {"zoek": zoek}).status_code in (200, 400)


def test_rapport_en_log_onzin_geen_500(web_als):
    assert (
        web_als("management").get("/casussen/rapportage/", {"gemeente": "a\x00", "periode": "a\x00"}).status_code == 200
    )
    assert web_als("functioneel_beheerder").get("/casussen/toegangslog/", {"client": "a\x00"}).status_code in (200, 400)


def test_onderzoek_met_melding_buiten_scope(api_als, gebied):
    eigen = JeugdigeFactory()
    vreemd = VeiligThuisMeldingFactory(jeugdige=JeugdigeFactory(gebied=gebied("landgraaf")))
    gw = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    r = gw.post(
        "/api/v1/onderzoeken/",
        {
            "jeugdige": eigen.pk,
            "reden": "vt_niet_tijdig_opgevolgd",
            "gestart_op": "2025-01-02",
            "veilig_thuis_melding": vreemd.pk,
        },
        format="json",
    )
    assert r.status_code == 400 and "veilig_thuis_melding" in r.data
    assert "andere jeugdige" not in str(r.data)  # nothing about a report outside the scope leaks
    from jens.models import Toegangslog

    log = Toegangslog.objects.get()
    assert (log.object_type, log.client, log.uitkomst) == (
        "veiligthuismelding",
        vreemd.jeugdige.clientnummer,
        "geweigerd",
    )


def test_rapport_api_gemeente_met_nul_geen_500(api_als):
    r = api_als("management").get("/api/v1/rapportages/clienten/", {"periode": "2023H1", "gemeente": "x\x00"})
    assert r.status_code == 400


@pytest.mark.time_machine(klok.KERSTAVOND, tick=False)
def test_vt_cijfers_melding_binnen_termijn_is_niet_te_laat():
    from datetime import timedelta

    from django.utils import timezone

    from cases import selectors
    from jens.periode import Periode

    vandaag = timezone.localdate()
    VeiligThuisMeldingFactory(ontvangen_op=vandaag)  # still within its term: not late
    VeiligThuisMeldingFactory(ontvangen_op=vandaag - timedelta(days=30))  # term passed, not followed up: late
    c = selectors.veilig_thuis_cijfers(Periode(vandaag - timedelta(days=60), vandaag, "laatste 60 dagen"))
    assert (c["aantal"], c["niet_tijdig"]) == (2, 1)


def test_dossier_en_kernteam_die_na_termijn_ontbreken_tellen_als_te_laat():
    from datetime import date

    from cases import selectors
    from jens.periode import Periode

    from .factories import HulpvraagFactory

    HulpvraagFactory(  # file on time, core team never held
        ontvangen_op=date(2023, 3, 1), dossier_aangemaakt_op=date(2023, 3, 2), kernteam_uiterlijk=date(2023, 3, 9)
    )
    HulpvraagFactory(ontvangen_op=date(2023, 3, 1))  # no file at all, term long passed
    HulpvraagFactory(ontvangen_op=date(2023, 3, 1), afgesloten_op=date(2023, 3, 2), status="afgesloten")  # closed
    c = selectors.norm_cijfers(Periode.parse("2023H1"))
    assert (c["dossier"], c["dossier_tijdig"], str(c["dossier_tijdig_pct"])) == (1, 1, "50.0")
    assert c["kernteam_tijdig_pct"] == 0


@pytest.mark.parametrize(
    ("pad", "maak"),
    [
        ("hulpvragen", "HulpvraagFactory"),
        ("meldcode-trajecten", "MeldcodeTrajectFactory"),
        ("veilig-thuis-meldingen", "VeiligThuisMeldingFactory"),
    ],
)
def test_lijst_met_casusinhoud_gelogd_in_een_regel_per_pagina(api_als, gebied, pad, maak):
    """A list page read is one access-log row naming every row and client shown (NEN 7513: who saw
    which client), not one row per row: the log grows by one per page, and the client's log finds it."""
    from jens.models import Toegangslog

    from . import factories

    eigen = [getattr(factories, maak)() for _ in range(3)]
    getattr(factories, maak)(jeugdige=JeugdigeFactory(gebied=gebied("landgraaf")))  # out of scope: not shown
    gw = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    r = gw.get(f"/api/v1/{pad}/", {"page_size": 2}, REMOTE_ADDR="10.1.2.3")
    assert r.status_code == 200 and len(r.data["results"]) == 2
    [log] = Toegangslog.objects.all()
    getoond = {str(x["id"]) for x in r.data["results"]}
    assert set(log.object_ids.split()) == getoond
    klanten = {o.jeugdige.clientnummer for o in eigen if str(o.pk) in getoond}
    assert set(log.clienten.split()) == klanten and log.client == ""
    assert log.actie == "inzien" and log.uitkomst == "toegestaan" and log.ip_adres == "10.1.2.3"
    assert log.gebruiker == gw.user and log.rol == "gedragswetenschapper"
    assert log.omschrijving == "Inzien in lijst (2 rijen)"
    # the functioneel beheerder finds the list read under each client shown, and not under another
    beheer = api_als("functioneel_beheerder")
    for client in klanten:
        assert [x["id"] for x in beheer.get("/api/v1/toegangslog/", {"client": client}).data["results"]] == [log.pk]
    niet_getoond = next(o.jeugdige.clientnummer for o in eigen if str(o.pk) not in getoond)
    assert beheer.get("/api/v1/toegangslog/", {"client": niet_getoond}).data["results"] == []


@pytest.mark.parametrize("periode", ["9999", "9999H2", "2023-01-01..9999-12-31"])
def test_rapportperiode_tot_het_jaar_9999_geen_500(api_als, web_als, periode):
    m = api_als("management")
    r = m.get("/api/v1/rapportages/clienten/", {"periode": periode})
    assert r.status_code == 400 and "periode" in r.data
    assert m.get("/api/v1/rapportages/casuistiek/", {"periode": periode}).status_code == 400
    html = web_als("management").get("/casussen/rapportage/", {"periode": periode}).content.decode()
    assert "Geef een periode tussen 1900 en 2100." in html


def test_maskeren_laat_duren_in_dagen_staan_behalve_van_minder_dan_5_personen():
    from cases import selectors

    rij = {"gebied": "Heerlen gebied 1", "wachtend": 3, "mediaan_wachtdagen": 2}
    # The median of 3 people waiting is theirs: hidden, as on the dashboard (jens.privacy).
    assert selectors.maskeer([rij]) == [{"gebied": "Heerlen gebied 1", "wachtend": "<5", "mediaan_wachtdagen": None}]
    rij = {"gebied": "Heerlen gebied 1", "wachtend": 7, "mediaan_wachtdagen": 2}
    assert selectors.maskeer([rij]) == [rij]
    assert selectors.maskeer({"gemiddelde_duur_dagen": 4, "terugkerende_clienten": 2}) == {
        "gemiddelde_duur_dagen": 4,
        "terugkerende_clienten": "<5",
    }


@pytest.mark.parametrize("model", ["jeugdige", "hulpvraag", "meldcodetraject", "veiligthuismelding", "onderzoek"])
def test_admin_alleen_voor_superuser(web_als, model):
    j = JeugdigeFactory()
    staf = web_als("gedragswetenschapper", gebieden=["heerlen-1"], is_staff=True)
    assert staf.get(f"/admin/cases/{model}/").status_code == 403
    assert staf.get(f"/admin/cases/jeugdige/{j.pk}/change/").status_code in (302, 403)
    assert web_als(superuser=True).get(f"/admin/cases/{model}/").status_code == 200


def test_zoeken_op_bsn_alleen_voor_wie_het_bsn_mag_zien(api_als, web_als):
    j = JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    gw = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert [x["id"] for x in gw.get("/api/v1/jeugdigen/", {"zoek": "111222333"}).data["results"]] == [j.pk]
    assert api_als("management").get("/api/v1/jeugdigen/", {"zoek": "111222333"}).data["results"] == []
    assert (
        j.clientnummer not in web_als("management").get("/casussen/jeugdigen/", {"zoek": "111222333"}).content.decode()
    )
    assert api_als("management").get("/api/v1/jeugdigen/", {"zoek": j.clientnummer}).data["results"][0]["id"] == j.pk
