"""Who may open the dashboard and the report, and what a municipality is held to."""

import pytest

from jens.models import RapportageTaak, Toegangslog

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/dashboard/", "/rapportage/"])
def test_niet_ingelogd_gaat_naar_de_inlogpagina(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/inloggen/")


@pytest.mark.parametrize("rol", ["gebiedsmanager", "gedragswetenschapper", "klachtenfunctionaris", None])
@pytest.mark.parametrize("url", ["/dashboard/", "/rapportage/"])
def test_rollen_zonder_dashboard_krijgen_403(web_als, rol, url):
    kwargs = {"gebieden": ["landgraaf"]} if rol in ("gebiedsmanager", "gedragswetenschapper") else {}
    assert web_als(rol, **kwargs).get(url).status_code == 403


def test_geweigerde_toegang_komt_in_de_toegangslog(web_als):
    web_als("klachtenfunctionaris").get("/dashboard/")
    log = Toegangslog.objects.get()
    assert log.uitkomst == Toegangslog.Uitkomst.GEWEIGERD and log.object_type == "dashboard"


def test_gemeente_zonder_gekoppelde_gemeente_krijgt_403(web_als):
    assert web_als("gemeente").get("/dashboard/").status_code == 403


@pytest.mark.parametrize("url", ["/dashboard/", "/rapportage/"])
def test_gemeente_die_een_andere_gemeente_vraagt_krijgt_404(web_als, url):
    client = web_als("gemeente", gemeenten=["heerlen"])
    assert client.get(url, {"gemeente": "landgraaf"}).status_code == 404
    assert client.post("/rapportage/", {"periode": "2023H1", "gemeente": "landgraaf"}).status_code == 404


def test_gemeente_wordt_aan_de_eigen_gemeente_gehouden(web_als):
    response = web_als("gemeente", gemeenten=["landgraaf"]).get("/dashboard/", {"periode": "2023H1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dashboard 2023H1 — Landgraaf" in html
    assert 'value="landgraaf" selected' in html
    assert "Alle gemeenten" not in html and 'value="heerlen"' not in html
    assert response.context["keuze"].maskeren is True


def test_management_kiest_vrij_en_ziet_standaard_alle_gemeenten(web_als):
    response = web_als("management").get("/dashboard/", {"periode": "2023H1", "gemeente": "voerendaal"})
    assert response.status_code == 200 and response.context["keuze"].filter.gemeente.code == "voerendaal"
    response = web_als("management").get("/dashboard/")
    assert response.context["keuze"].filter.gemeente is None and response.context["keuze"].maskeren is False


def test_ongeldige_periode_geeft_een_nederlandse_melding(web_als):
    response = web_als("management").get("/dashboard/", {"periode": "2023H3"})
    assert response.status_code == 200
    assert "Geef een periode als 2023H1" in response.content.decode()


def test_inkoper_ziet_alleen_de_aanbieders_en_financientegels_en_geen_rapportage(web_als):
    client = web_als("inkoper")
    response = client.get("/dashboard/", {"periode": "2023H1"})
    assert response.status_code == 200
    sleutels = {o["sleutel"] for o in response.context["onderdelen"]}
    # also the controller, and the providers by spending (their work)
    assert sleutels == {"transformatie", "kleine_aanbieders", "aanbieders", "financien", "grootste_aanbieders"}
    assert "Cliënten in zorg" not in response.content.decode()
    assert client.get("/rapportage/").status_code == 403


def test_navigatie_toont_dashboard_en_rapportage_per_rol(web_als):
    html = web_als("management").get("/").content.decode()
    assert 'href="/dashboard/"' in html and 'href="/rapportage/"' in html
    html = web_als("inkoper").get("/").content.decode()
    assert 'href="/dashboard/"' in html and 'href="/rapportage/"' not in html
    html = web_als("gebiedsmanager", gebieden=["landgraaf"]).get("/").content.decode()
    assert 'href="/dashboard/"' not in html


def test_rapportagetaak_van_een_ander_is_niet_te_zien(web_als, maak_gebruiker):
    ander = maak_gebruiker("management")
    taak = RapportageTaak.objects.create(
        soort="halfjaarrapportage",
        parameters={"periode": "2023H1", "formaat": "xlsx"},
        aangevraagd_door=ander,
        status=RapportageTaak.Status.KLAAR,
        bestand=b"x",
        bestandsnaam="x.xlsx",
    )
    client = web_als("management")
    assert client.get(f"/rapportage/taak/{taak.pk}/").status_code == 404
    assert client.get(f"/rapportage/taak/{taak.pk}/bestand/").status_code == 404


def test_elke_tegel_linkt_naar_een_onderdeel_op_de_pagina(web_als):
    import re

    html = web_als("management").get("/dashboard/", {"periode": "2023H1"}).content.decode()
    ankers = re.findall(r'<a href="#([a-z-]+)" class="tegel-link">', html)
    assert len(ankers) >= 12
    for anker in ankers:
        assert f'<section class="onderdeel" id="{anker}"' in html


def test_grootste_aanbieders_niet_voor_de_gemeente(web_als):
    gemeente = web_als("gemeente", gemeenten=["heerlen"]).get("/dashboard/", {"periode": "2023H1"})
    assert gemeente.status_code == 200
    assert "grootste_aanbieders" not in {o["sleutel"] for o in gemeente.context["onderdelen"]}
    assert "klantreis" in {o["sleutel"] for o in gemeente.context["onderdelen"]}
    management = web_als("management").get("/dashboard/", {"periode": "2023H1"})
    assert "grootste_aanbieders" in {o["sleutel"] for o in management.context["onderdelen"]}
