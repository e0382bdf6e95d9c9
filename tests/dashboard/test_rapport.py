"""The half-year report: synchronous within the time budget, otherwise a Celery job with progress."""

import io

import openpyxl
import pytest
from django.core.management import call_command

from jens.dashboard.rapport import BudgetOverschreden, bouw_rapport
from jens.dashboard.selectors import ONDERDELEN, Filter
from jens.models import RapportageTaak, Toegangslog
from jens.periode import Periode

pytestmark = pytest.mark.django_db


def test_binnen_het_budget_komt_het_bestand_direct_en_wordt_de_export_gelogd(web_als):
    client = web_als("management")
    response = client.post("/rapportage/", {"periode": "2023H1", "gemeente": "landgraaf", "formaat": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="halfjaarrapportage-2023H1-landgraaf.xlsx"' in response["Content-Disposition"]
    assert RapportageTaak.objects.count() == 0
    log = Toegangslog.objects.get(actie="exporteren")
    assert log.object_type == "halfjaarrapportage" and log.object_id == "2023H1" and "Landgraaf" in log.omschrijving


def test_boven_het_budget_wordt_het_een_celery_taak_met_voortgang_en_download(
    web_als, settings, django_capture_on_commit_callbacks
):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_RAPPORT_SYNC_SECONDEN": 0}
    client = web_als("management")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    taak = RapportageTaak.objects.get()
    assert response.status_code == 302 and response.url == f"/rapportage/taak/{taak.pk}/"
    assert {k: v for k, v in taak.parameters.items() if k != "synchroon_afgebroken_na_s"} == {
        "periode": "2023H1",
        "gemeente": "",
        "formaat": "xlsx",
        "maskeren": False,
    }
    assert taak.parameters["synchroon_afgebroken_na_s"] >= 0
    assert taak.status == RapportageTaak.Status.KLAAR and taak.voortgang == 100
    pagina = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' not in pagina and f"/rapportage/taak/{taak.pk}/bestand/" in pagina
    bestand = client.get(f"/rapportage/taak/{taak.pk}/bestand/")
    wb = openpyxl.load_workbook(io.BytesIO(bestand.content))
    assert "Fte-bijlage" in wb.sheetnames


def test_pagina_van_een_lopende_taak_ververst_zichzelf_en_toont_de_voortgang(web_als):
    client = web_als("functioneel_beheerder")
    taak = RapportageTaak.objects.create(
        soort="halfjaarrapportage",
        parameters={"periode": "2023H1", "formaat": "xlsx"},
        aangevraagd_door=client.user,
        status=RapportageTaak.Status.BEZIG,
        voortgang=40,
    )
    html = client.get(f"/rapportage/taak/{taak.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="voortgang" max="100" value="40">' in html
    assert client.get(f"/rapportage/taak/{taak.pk}/bestand/").status_code == 404


def test_budget_wordt_tussen_de_onderdelen_bewaakt():
    stappen = []
    with pytest.raises(BudgetOverschreden):
        bouw_rapport(Filter(Periode.parse("2023H1")), maskeren=False, budget_seconden=0.0, voortgang=stappen.append)
    assert stappen == []  # stopped after the first part, before reporting progress
    rapport = bouw_rapport(Filter(Periode.parse("2023H1")), maskeren=False, voortgang=stappen.append)
    assert len(stappen) == len(ONDERDELEN) and stappen[-1] == 90
    assert len(rapport.onderdelen) == len(ONDERDELEN)


def test_html_versie_is_afdrukbaar_en_op_zichzelf_staand(web_als):
    response = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "html"})
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html") and response["Content-Disposition"].startswith("inline")
    assert "<h1>Halfjaarrapportage 2023H1</h1>" in html
    assert "@media print" in html  # the project's print stylesheet, inlined
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


def test_commando_rapportage_schrijft_xlsx_en_html(tmp_path, staff_demo):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    uit = io.StringIO()
    call_command("rapportage", "2023H1", "--uitvoer", str(xlsx), "--html", str(html), stdout=uit, stderr=io.StringIO())
    wb = openpyxl.load_workbook(xlsx)
    assert f"({len(wb.sheetnames)} werkbladen)" in uit.getvalue()
    assert wb["Fte-bijlage"].max_row >= 6
    assert "169,4" in html.read_text(encoding="utf-8")


def test_commando_weigert_een_ongeldige_periode():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Geef een periode"):
        call_command("rapportage", "2023H7")


def test_na_een_overschrijding_gaat_hetzelfde_rapport_meteen_naar_celery(
    web_als, settings, django_capture_on_commit_callbacks
):
    client = web_als("management")
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_RAPPORT_SYNC_SECONDEN": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/rapportage/", {"periode": "2023H1"}).status_code == 302
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_RAPPORT_SYNC_SECONDEN": 60}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/rapportage/", {"periode": "2023H1"}).status_code == 302
        # another report (another period) is still tried synchronously
        assert client.post("/rapportage/", {"periode": "2022H2"}).status_code == 200
    assert RapportageTaak.objects.filter(status=RapportageTaak.Status.KLAAR).count() == 2


def test_onbereikbare_broker_maakt_de_taak_mislukt_en_de_pagina_zegt_het(
    web_als, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from jens.dashboard import views

    def geen_broker(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(views.maak_halfjaarrapportage, "delay", geen_broker)
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_RAPPORT_SYNC_SECONDEN": 0}
    client = web_als("management")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/rapportage/", {"periode": "2023H1"})
    taak = RapportageTaak.objects.get()
    assert taak.status == RapportageTaak.Status.MISLUKT and "ConnectionRefusedError" in taak.fout
    html = client.get(response.url).content.decode()
    assert "mislukt" in html and 'http-equiv="refresh"' not in html


def test_tekst_die_met_een_isteken_begint_wordt_geen_formule_in_de_xlsx(web_als):
    from datetime import date

    from contracts.models import Relatie
    from tests.contracts.factories import RelatieFactory, ZorgaanbiederFactory

    naam = '=HYPERLINK("http://example.invalid/","klik")'
    RelatieFactory(zorgaanbieder=ZorgaanbiederFactory(naam=naam), soort=Relatie.Soort.LID, geldig_van=date(2019, 1, 1))
    response = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(response.content))["Aanbieders per soort (bijlage)"]
    cellen = [c for rij in ws.iter_rows(min_row=6) for c in rij if c.value == naam]
    assert cellen and all(c.data_type == "s" for c in cellen)


ELKE_TABEL_UIT_HET_ISSUE = {
    "Cliënten per gemeente",
    "Klachten per aard",
    "Wachtlijst per gebied",
    "Meldcode en Veilig Thuis",
    "Transformatie en gesprekken",
    "Aanbieders per soort (aantal)",
    "Kleine aanbieders (4%)",
    "Fte-bijlage",
}


@pytest.mark.parametrize(("rol", "gemeenten"), [("management", []), ("gemeente", ["voerendaal"])])
def test_xlsx_heeft_een_werkblad_voor_elke_tabel_van_het_rapport(web_als, rol, gemeenten):
    response = web_als(rol, gemeenten=gemeenten).post("/rapportage/", {"periode": "2023H1", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert set(wb.sheetnames) >= ELKE_TABEL_UIT_HET_ISSUE
    for ws in wb.worksheets:  # each sheet: title, period and scope, then a header row
        assert ws["A1"].value and ws["A2"].value.startswith("Periode 2023H1") and ws["A5"].value
