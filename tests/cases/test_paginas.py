from datetime import date

import pytest

from cases.models import VeiligThuisMelding
from jens.models import Toegangslog

from .factories import JeugdigeFactory, MedewerkerFactory, VeiligThuisMeldingFactory

pytestmark = pytest.mark.django_db


def test_lijstpagina_toont_initialen_zonder_bsn_en_alleen_eigen_gebied(web_als, gebied):
    eigen = JeugdigeFactory(bsn="111222333", reden_geen_bsn="", achternaam="Demobeek", voornamen="Noor")
    ander = JeugdigeFactory(gebied=gebied("landgraaf"))
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    html = web.get("/casussen/jeugdigen/").content.decode()
    assert eigen.clientnummer in html and "N. D." in html
    assert "111222333" not in html and "Demobeek" not in html and ander.clientnummer not in html


def test_detailpagina_gelogd_en_bsn_voor_gedragswetenschapper(web_als):
    j = JeugdigeFactory(bsn="111222333", reden_geen_bsn="")
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    r = web.get(f"/casussen/jeugdigen/{j.pk}/")
    assert r.status_code == 200 and "111222333" in r.content.decode()
    log = Toegangslog.objects.get()
    assert (log.actie, log.client, log.uitkomst) == ("inzien", j.clientnummer, "toegestaan")


def test_detailpagina_buiten_scope_404_en_gelogd(web_als, gebied):
    j = JeugdigeFactory(gebied=gebied("voerendaal"))
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert web.get(f"/casussen/jeugdigen/{j.pk}/").status_code == 404
    log = Toegangslog.objects.get()
    assert (log.client, log.uitkomst) == (j.clientnummer, "geweigerd")


@pytest.mark.parametrize("rol", ["inkoper", "klachtenfunctionaris", "gemeente", "gebiedsmanager"])
def test_paginas_voor_andere_rollen_niet_te_zien(web_als, rol):
    j = JeugdigeFactory()
    web = web_als(rol, gemeenten=["heerlen"])
    assert web.get("/casussen/jeugdigen/").status_code == 404
    assert web.get(f"/casussen/jeugdigen/{j.pk}/").status_code == 404
    assert Toegangslog.objects.get().uitkomst == "geweigerd"


def test_zoeken_op_pagina_gelogd(web_als):
    j = JeugdigeFactory()
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    assert j.clientnummer in web.get("/casussen/jeugdigen/", {"zoek": j.clientnummer}).content.decode()
    assert Toegangslog.objects.get().actie == "zoeken"


def test_vt_opvolgen_formulier_zonder_javascript(web_als):
    m = VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 3))
    door = MedewerkerFactory()
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    url = f"/casussen/veilig-thuis/{m.pk}/opvolgen/"
    assert 'label for="id_wijze"' in web.get(url).content.decode()
    r = web.post(url, {"op": "2025-03-04", "door": door.pk, "wijze": "overgedragen"})
    assert r.status_code == 200 and "aan wie" in r.content.decode()
    assert VeiligThuisMelding.objects.get(pk=m.pk).opgevolgd_op is None
    r = web.post(url, {"op": "2025-03-04", "door": door.pk, "wijze": "contact_gezin"})
    assert r.status_code == 302
    assert VeiligThuisMelding.objects.get(pk=m.pk).opgevolgd_op == date(2025, 3, 4)


def test_management_kan_niet_opvolgen(web_als):
    m = VeiligThuisMeldingFactory()
    web = web_als("management")
    assert web.get("/casussen/veilig-thuis/").status_code == 200
    assert web.get(f"/casussen/veilig-thuis/{m.pk}/opvolgen/").status_code == 404


def test_rapportagepagina_gemeente_gemaskeerd(web_als, gebied):
    from .factories import HulpvraagFactory

    for _ in range(2):
        HulpvraagFactory(jeugdige=JeugdigeFactory(), ontvangen_op=date(2022, 5, 1))
    html = (
        web_als("gemeente", gemeenten=["heerlen"]).get("/casussen/rapportage/", {"periode": "2023H1"}).content.decode()
    )
    assert "&lt;5" in html and '<th scope="row">Landgraaf' not in html and '<th scope="row">Heerlen' in html
    assert web_als("inkoper").get("/casussen/rapportage/").status_code == 404


def test_rapportagepagina_eenmaal_met_alleen_tekst_in_de_titel(web_als, gebied):
    html = web_als("management").get("/casussen/rapportage/", {"periode": "2023H1"}).content.decode()
    titel = html[html.index("<title>") + len("<title>") : html.index("</title>")]
    assert titel == "Cliëntenrapportage 2023H1 — JENS werkplaats"
    assert html.count('<h2 id="klantreis">') == 1 and html.count("<h1>") == 1


def test_toegangslog_pagina_per_client(web_als, api_als):
    j = JeugdigeFactory()
    api_als("gedragswetenschapper", gebieden=["heerlen-1"]).get(f"/api/v1/jeugdigen/{j.pk}/")
    html = web_als("functioneel_beheerder").get("/casussen/toegangslog/", {"client": j.clientnummer}).content.decode()
    assert "gedragswetenschapper" in html and "inzien" in html
    assert web_als("management").get("/casussen/toegangslog/").status_code == 404


def test_toegangslog_pagina_toont_ook_de_lijsten_waarin_de_client_stond(web_als, api_als):
    m = VeiligThuisMeldingFactory()
    api_als("gedragswetenschapper", gebieden=["heerlen-1"]).get("/api/v1/veilig-thuis-meldingen/")
    html = web_als("functioneel_beheerder").get("/casussen/toegangslog/", {"client": m.jeugdige.clientnummer})
    assert "Inzien in lijst (1 rij)" in html.content.decode()


def test_opvolgen_link_op_detail_alleen_voor_wie_mag_opvolgen(web_als):
    m = VeiligThuisMeldingFactory()
    url = f"/casussen/veilig-thuis/{m.pk}/opvolgen/"
    assert (
        url
        in web_als("gedragswetenschapper", gebieden=["heerlen-1"])
        .get(f"/casussen/jeugdigen/{m.jeugdige_id}/")
        .content.decode()
    )
    html = web_als("management").get(f"/casussen/jeugdigen/{m.jeugdige_id}/").content.decode()
    assert "nog niet opgevolgd" in html and url not in html
