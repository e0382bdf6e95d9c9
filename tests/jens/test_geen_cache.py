"""Pages and API answers with personal data are never stored by a browser or proxy."""

import pytest

from tests.cases.factories import JeugdigeFactory

pytestmark = pytest.mark.django_db


def test_casuspagina_en_api_met_no_store(web_als, api_als):
    jeugdige = JeugdigeFactory()
    web = web_als("gedragswetenschapper", gebieden=["heerlen-1"])
    for url in ("/casussen/jeugdigen/", f"/casussen/jeugdigen/{jeugdige.pk}/", "/casussen/veilig-thuis/"):
        antwoord = web.get(url)
        assert antwoord.status_code == 200
        assert "no-store" in antwoord["Cache-Control"], url
    antwoord = api_als("gedragswetenschapper", gebieden=["heerlen-1"]).get(f"/api/v1/jeugdigen/{jeugdige.pk}/")
    assert antwoord.status_code == 200 and "no-store" in antwoord["Cache-Control"]


def test_ook_een_weigering_en_de_inlogpagina_worden_niet_bewaard(client, api_als):
    assert "no-store" in api_als("inkoper").get("/api/v1/jeugdigen/")["Cache-Control"]
    assert "no-store" in client.get("/inloggen/")["Cache-Control"]
