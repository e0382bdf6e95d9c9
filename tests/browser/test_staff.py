"""The FTE report and the team page in a real browser: filter by keyboard only, chart as SVG."""

import io

import pytest

from staff import demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("gemeenten_en_gebieden"),
]


def test_fte_rapport_met_toetsenbord_filteren(pagina, live_server, inloggen, maak_gebruiker, tmp_path):
    demo.seed(stdout=io.StringIO())
    gebruiker = maak_gebruiker("gemeente", gemeenten=["heerlen"])
    inloggen(pagina, live_server, gebruiker)
    pagina.goto(f"{live_server.url}/rapportages/fte/")
    pagina.get_by_label("Van").fill("2022-06-30")
    pagina.get_by_label("Tot en met").fill("2023-06-30")
    pagina.get_by_label("Tot en met").press("Enter")
    pagina.wait_for_load_state()
    tabel = pagina.get_by_role("table", name="Fte per gemeente per peildatum")
    rijen = tabel.locator("tbody tr")
    assert rijen.count() == 3
    assert rijen.last.inner_text().split("\t")[:2] == ["30-06-2023", "121,9"]
    assert "Landgraaf" not in tabel.inner_text()
    assert pagina.locator("svg.grafiek").count() == 1
    pagina.screenshot(path=tmp_path / "fte-rapport.png", full_page=True)


def test_teampagina_gebiedsmanager(pagina, live_server, inloggen, maak_gebruiker, tmp_path):
    demo.seed(stdout=io.StringIO())
    gebruiker = maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"])
    inloggen(pagina, live_server, gebruiker)
    pagina.goto(f"{live_server.url}/team/")
    assert pagina.get_by_role("heading", name="Mijn team").is_visible()
    assert pagina.locator("svg.grafiek").count() == 1
    assert "Heerlen" not in pagina.locator("main").inner_text()
    pagina.screenshot(path=tmp_path / "team.png", full_page=True)
