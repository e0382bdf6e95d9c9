"""Every read of client data is in the access log: the admin (superusers too), the Veilig Thuis pages and the
access log itself; list rows carry the visitor's address behind a trusted proxy."""

import pytest

from jens.models import Toegangslog
from tests.cases.factories import HulpvraagFactory, JeugdigeFactory, VeiligThuisMeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_web(web_als, maak_gebruiker):
    return web_als(maak_gebruiker(None, superuser=True))


def test_superuser_die_een_bsn_leest_in_de_admin_staat_in_het_log(superuser_web):
    jeugdige = JeugdigeFactory(bsn="999990019", reden_geen_bsn="")
    antwoord = superuser_web.get(f"/admin/cases/jeugdige/{jeugdige.pk}/change/")
    assert antwoord.status_code == 200 and "999990019" in antwoord.content.decode()
    regel = Toegangslog.objects.get(object_type="jeugdige", object_id=str(jeugdige.pk))
    assert regel.actie == "inzien" and regel.client == jeugdige.clientnummer and regel.rol == "beheerder"
    assert regel.uitkomst == "toegestaan"


def _gelogde_clienten(object_type: str) -> str:
    """Every client number the log names for reads of ``object_type`` (per row or in a list row's text)."""
    regels = Toegangslog.objects.filter(object_type=object_type, actie="inzien").values_list(
        "client", "omschrijving", "clienten"
    )
    return " ".join(f"{c} {o} {lijst}" for c, o, lijst in regels)


def test_admin_lijst_en_geschiedenis_worden_gelogd(superuser_web):
    hulpvragen = HulpvraagFactory.create_batch(3)
    assert superuser_web.get("/admin/cases/hulpvraag/").status_code == 200
    gelogd = _gelogde_clienten("hulpvraag")
    assert all(h.jeugdige.clientnummer in gelogd for h in hulpvragen)
    tot_nu = Toegangslog.objects.order_by("-pk").values_list("pk", flat=True).first()  # the log is append-only
    assert superuser_web.get(f"/admin/cases/hulpvraag/{hulpvragen[0].pk}/history/").status_code == 200
    regel = Toegangslog.objects.get(pk__gt=tot_nu)
    assert regel.client == hulpvragen[0].jeugdige.clientnummer and "Geschiedenis" in regel.omschrijving


def test_admin_lijst_van_veilig_thuis_logt_met_een_vast_aantal_queries(superuser_web, django_assert_max_num_queries):
    VeiligThuisMeldingFactory.create_batch(8)
    with django_assert_max_num_queries(20):
        assert superuser_web.get("/admin/cases/veiligthuismelding/").status_code == 200
    assert Toegangslog.objects.filter(object_type="veiligthuismelding").exists()


def test_vt_lijst_wordt_gelogd_per_melding(web_als):
    meldingen = VeiligThuisMeldingFactory.create_batch(2)
    client = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert client.get("/casussen/veilig-thuis/").status_code == 200
    gelogd = _gelogde_clienten("veiligthuismelding")
    assert all(m.jeugdige.clientnummer in gelogd for m in meldingen)


def test_vt_opvolgpagina_wordt_gelogd(web_als):
    melding = VeiligThuisMeldingFactory()
    client = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert client.get(f"/casussen/veilig-thuis/{melding.pk}/opvolgen/").status_code == 200
    regel = Toegangslog.objects.get(object_type="veiligthuismelding")
    assert regel.actie == "inzien" and regel.client == melding.jeugdige.clientnummer


def test_lezen_van_het_toegangslog_wordt_zelf_gelogd(web_als, api_als):
    jeugdige = JeugdigeFactory()
    beheerder = api_als("functioneel_beheerder")
    assert beheerder.get(f"/api/v1/toegangslog/?client={jeugdige.clientnummer}").status_code == 200
    regel = Toegangslog.objects.get(object_type="toegangslog")
    assert regel.client == jeugdige.clientnummer and regel.gebruiker == beheerder.user
    web = web_als(beheerder.user)
    assert web.get(f"/casussen/toegangslog/?client={jeugdige.clientnummer}").status_code == 200
    assert Toegangslog.objects.filter(object_type="toegangslog", client=jeugdige.clientnummer).count() == 2


def test_lezen_van_het_toegangslog_in_de_admin_wordt_gelogd(superuser_web):
    assert superuser_web.get("/admin/jens/toegangslog/?q=C0000042").status_code == 200
    regel = Toegangslog.objects.get(object_type="toegangslog")
    assert regel.client == "C0000042"


def test_lijstregels_in_de_api_hebben_het_bezoekersadres_achter_de_proxy(api_als, settings):
    settings.JENS_VERTROUWDE_PROXIES = 1
    HulpvraagFactory()
    client = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    antwoord = client.get("/api/v1/hulpvragen/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert antwoord.status_code == 200
    assert set(Toegangslog.objects.values_list("ip_adres", flat=True)) == {"203.0.113.9"}
