"""Casework in a real browser: a gedragswetenschapper finds a client and follows up a Veilig Thuis report
with the keyboard only; the reads are in the access log."""

from datetime import date

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("gemeenten_en_gebieden"),
]


def test_melding_opvolgen_met_toetsenbord(pagina, live_server, inloggen, maak_gebruiker):
    from cases.models import VeiligThuisMelding
    from jens.models import Toegangslog
    from tests.cases.factories import MedewerkerFactory, VeiligThuisMeldingFactory

    melding = VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 3))
    door = MedewerkerFactory(naam="Fenna Fictiens")
    clientnummer = melding.jeugdige.clientnummer
    inloggen(pagina, live_server, maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"]))

    pagina.goto(f"{live_server.url}/casussen/jeugdigen/")
    pagina.get_by_label("Zoeken op cliëntnummer").fill(clientnummer)
    with pagina.expect_navigation():
        pagina.get_by_label("Zoeken op cliëntnummer").press("Enter")
    pagina.get_by_role("link", name=clientnummer).focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.get_by_role("heading", name=f"Cliënt {clientnummer}").is_visible()

    pagina.get_by_role("link", name="opvolgen").focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    pagina.get_by_label("Opgevolgd op").fill("2025-03-04")
    pagina.get_by_label("Door").select_option(label=str(door))
    pagina.get_by_label("Wijze van opvolgen").select_option("contact_gezin")
    pagina.get_by_role("button", name="Opvolging vastleggen").focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.get_by_text("De opvolging is vastgelegd.").is_visible()

    melding = VeiligThuisMelding.objects.get(pk=melding.pk)
    assert (melding.opgevolgd_op, melding.opgevolgd_door_id) == (date(2025, 3, 4), door.pk)
    acties = set(Toegangslog.objects.filter(client=clientnummer).values_list("actie", flat=True))
    assert {"inzien", "wijzigen"} <= acties
    assert Toegangslog.objects.filter(actie="zoeken").exists()
