"""The browser tests run with the site's real Content-Security-Policy: an inline script is refused and reported,
and axe-core, served at a path of the site, runs without a violation."""

import pytest

from tests.browser.axe import controleer, csp_schendingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inline_script_wordt_geweigerd_en_gemeld(pagina, live_server):
    antwoord = pagina.goto(f"{live_server.url}/inloggen/")
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]
    with pytest.raises(Exception):  # noqa: B017, PT011 - Playwright reports the refused script as an Error
        pagina.add_script_tag(content="window.ingespoten = true;")
    assert pagina.evaluate("() => window.ingespoten === undefined")
    schendingen = csp_schendingen(pagina)
    assert [s["richtlijn"] for s in schendingen] == ["script-src-elem"]
    with pytest.raises(AssertionError, match="CSP-schending"):
        controleer(pagina)


def test_axe_core_draait_onder_het_echte_beleid(pagina, live_server):
    pagina.goto(f"{live_server.url}/inloggen/")
    assert controleer(pagina) == []
    assert csp_schendingen(pagina) == []
