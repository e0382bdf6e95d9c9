"""The dashboard in headless Chromium: management and a municipality user see the SVG charts."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _gemeenten(db):
    """A transactional test empties the tables after it; the municipalities come from a data migration."""
    from jens.models import Gemeente

    for code, naam in (("heerlen", "Heerlen"), ("landgraaf", "Landgraaf"), ("voerendaal", "Voerendaal")):
        Gemeente.objects.get_or_create(code=code, defaults={"naam": naam})


def _grafieken(pagina) -> list[str]:
    return pagina.locator("svg.grafiek").evaluate_all("els => els.map(e => e.id)")


def test_management_ziet_de_grafieken_en_kan_filteren(pagina, live_server, inloggen, maak_gebruiker):
    inloggen(pagina, live_server, maak_gebruiker("management"))
    pagina.goto(f"{live_server.url}/dashboard/?periode=2023H1")
    assert pagina.locator("h1").inner_text().startswith("Dashboard 2023H1")
    ids = _grafieken(pagina)
    assert {"grafiek-clienten", "grafiek-instroom", "grafiek-fte"} <= set(ids)
    fte = pagina.locator("svg#grafiek-fte")
    assert fte.is_visible() and fte.get_attribute("role") == "img"
    assert fte.locator("title").first.text_content() == "Fte per gemeente door de tijd"
    assert pagina.locator("svg#grafiek-fte g.reeks").count() == 3  # Heerlen, Landgraaf, Voerendaal
    # The filter is a plain GET form, usable with the keyboard.
    pagina.get_by_label("Gemeente", exact=True).select_option("landgraaf")
    pagina.get_by_role("button", name="Toon").press("Enter")
    pagina.wait_for_url("**gemeente=landgraaf**")
    assert "Landgraaf" in pagina.locator("h1").inner_text()
    assert pagina.locator("svg#grafiek-fte g.reeks").count() == 1


def test_gemeente_ziet_de_grafieken_van_de_eigen_gemeente(pagina, live_server, inloggen, maak_gebruiker):
    inloggen(pagina, live_server, maak_gebruiker("gemeente", gemeenten=["voerendaal"]))
    pagina.goto(f"{live_server.url}/dashboard/?periode=2023H1")
    assert pagina.locator("h1").inner_text() == "Dashboard 2023H1 — Voerendaal"
    assert {"grafiek-clienten", "grafiek-fte", "grafiek-klachten"} <= set(_grafieken(pagina))
    assert pagina.locator("svg.grafiek desc").count() == pagina.locator("svg.grafiek").count()
    opties = pagina.get_by_label("Gemeente", exact=True).locator("option").all_inner_texts()
    assert opties == ["Voerendaal"]


def test_zonder_javascript_werkt_het_filter_en_komt_niets_van_een_andere_host(
    _browser, live_server, inloggen, maak_gebruiker
):
    context = _browser.new_context(locale="nl-NL", java_script_enabled=False)
    pagina = context.new_page()
    pagina.set_default_timeout(10_000)
    verzoeken: list[str] = []
    pagina.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    try:
        inloggen(pagina, live_server, maak_gebruiker("management"))
        pagina.goto(f"{live_server.url}/dashboard/?periode=2023H1")
        pagina.get_by_label("Periode", exact=True).select_option("2022H2")
        pagina.get_by_label("Gemeente", exact=True).select_option("heerlen")
        pagina.get_by_role("button", name="Toon").click()
        pagina.wait_for_url("**gemeente=heerlen**")
        assert pagina.locator("h1").inner_text() == "Dashboard 2022H2 — Heerlen"
        assert pagina.locator("svg#grafiek-fte g.reeks").count() == 1
        # Every request (pages, the stylesheet) went to this site: nothing from a CDN.
        assert verzoeken and all(url.startswith(live_server.url) for url in verzoeken), verzoeken
        assert any("/static/" in url for url in verzoeken)
    finally:
        context.close()
