import pytest

from jens.demo import maak_demo_gebruikers
from jens.models import Signalering

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demogebruiker_logt_in_en_ziet_de_startpagina(pagina, live_server, inloggen, django_user_model):
    wachtwoorden = {naam: pw for naam, _rol, pw in maak_demo_gebruikers()}
    user = django_user_model.objects.get(username="klachten")
    inloggen(pagina, live_server, user, wachtwoorden["klachten"])
    assert pagina.locator("h1").inner_text().startswith("Welkom")
    assert pagina.get_by_role("heading", name="Werkvoorraad").is_visible()
    assert pagina.get_by_text("U heeft geen open signaleringen.").is_visible()
    assert Signalering.objects.count() == 0


def test_verkeerd_wachtwoord_geeft_nederlandse_melding(pagina, live_server, inloggen, maak_gebruiker):
    user = maak_gebruiker("management")
    inloggen(pagina, live_server, user, "fout-wachtwoord")
    assert pagina.url.endswith("/inloggen/")
    assert "gebruikersnaam en wachtwoord" in pagina.locator("[role=alert]").inner_text().lower()
