"""The municipality's view holds no person (name, BSN, staff number, free text) in the page, the charts, the XLSX
or the printable HTML, with every app's data loaded; the filter is a plain form; nothing comes from another host."""

import io
import re

import openpyxl
import pytest

from cases.models import Jeugdige, VeiligThuisMelding
from complaints.models import Klacht
from jens.dashboard.selectors import GEMIDDELD_PER_MAAND_UITLEG
from staff.models import Medewerker
from tests.dashboard.conftest import BSNS

pytestmark = pytest.mark.django_db


def _inhoud_voor_gemeente(client) -> dict[str, str]:
    xlsx = openpyxl.load_workbook(io.BytesIO(client.post("/rapportage/", {"periode": "2023H1"}).content))
    return {
        "dashboard": client.get("/dashboard/", {"periode": "2023H1"}).content.decode(),
        "html": client.post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode(),
        "xlsx": "\n".join(
            str(v) for ws in xlsx.worksheets for r in ws.iter_rows(values_only=True) for v in r if v is not None
        ),
    }


def test_gemeente_ziet_met_alle_demodata_geen_persoon_of_vrije_tekst(web_als, staff_demo, klachten_demo, casussen):
    verboden = {*BSNS, "Zwaantje", "Testkind"}
    for m in Medewerker.objects.all():
        verboden |= {m.naam, m.personeelsnummer}
    for k in Klacht.objects.all():
        verboden |= {k.indiener_naam, k.indiener_email, k.indiener_telefoon, k.omschrijving, k.betreft, k.referentie}
        verboden |= {k.gewenste_uitkomst, k.uitspraak, k.aanbevelingen, k.maatregelen}
    verboden |= {j.clientnummer for j in Jeugdige.objects.all()}
    verboden |= {m.omschrijving for m in VeiligThuisMelding.objects.all()}
    verboden = {v for v in verboden if v}
    assert len(verboden) > 100  # the demos are really loaded
    for gemeente in ("heerlen", "landgraaf", "voerendaal"):
        client = web_als("gemeente", gemeenten=[gemeente])
        for soort, inhoud in _inhoud_voor_gemeente(client).items():
            gevonden = [v for v in verboden if v in inhoud]
            assert not gevonden, (gemeente, soort, gevonden[:5])
            assert not re.search(r"\b\d{9}\b", inhoud), (gemeente, soort)  # nothing that looks like a BSN
    # The charts are in the page (server-rendered SVG), so the check above covers them too.
    assert "<svg" in _inhoud_voor_gemeente(web_als("gemeente", gemeenten=["heerlen"]))["dashboard"]


@pytest.mark.parametrize(("rol", "gemeenten"), [("management", []), ("gemeente", ["landgraaf"])])
def test_niets_van_een_andere_host_en_geen_javascript(web_als, rol, gemeenten):
    client = web_als(rol, gemeenten=gemeenten)
    paginas = [
        client.get("/dashboard/", {"periode": "2023H1"}).content.decode(),
        client.get("/rapportage/", {"periode": "2023H1"}).content.decode(),
        client.post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode(),
    ]
    for html in paginas:
        assert "<script" not in html.lower()
        # Every src/href/url() points into this site; the SVG namespace is an identifier, not a download.
        bronnen = re.findall(r'(?:src|href|action)="([^"]*)"|url\(([^)]*)\)|@import\s+"?([^";]*)', html)
        extern = [b for groep in bronnen for b in groep if re.match(r"\s*['\"]?(https?:)?//", b)]
        assert not extern, extern
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', paginas[0]).group(1)
    assert stylesheet.startswith("/static/")


def test_filter_werkt_zonder_javascript_als_gewoon_get_formulier(web_als):
    client = web_als("management")
    html = client.get("/dashboard/").content.decode()
    formulier = re.search(r'<form method="get" class="filters".*?</form>', html, re.S).group(0)
    assert 'name="periode"' in formulier and 'name="gemeente"' in formulier
    assert '<button type="submit">Toon</button>' in formulier and "onchange" not in formulier
    # What the browser sends when the form is submitted without JavaScript:
    html = client.get("/dashboard/", {"periode": "2022H2", "gemeente": "landgraaf"}).content.decode()
    assert "<h1>Dashboard 2022H2 — Landgraaf</h1>" in html
    assert '<option value="2022H2" selected>' in html and '<option value="landgraaf" selected>' in html
    assert "31-12-2022" in html  # the figures are those of the chosen period


def test_rapport_zegt_hoe_gemiddeld_per_maand_berekend_is(web_als, casussen):
    html = web_als("management").post("/rapportage/", {"periode": "2023H1", "formaat": "html"}).content.decode()
    assert GEMIDDELD_PER_MAAND_UITLEG.split(" (")[0] in html
    xlsx = openpyxl.load_workbook(io.BytesIO(web_als("management").post("/rapportage/", {"periode": "2023H1"}).content))
    assert xlsx["Cliënten per gemeente"]["A3"].value == GEMIDDELD_PER_MAAND_UITLEG
