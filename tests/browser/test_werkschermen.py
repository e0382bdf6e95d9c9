"""The work screens in a real browser, used with the keyboard only: the klachtenfunctionaris registers a
complaint received by phone; the gebiedsmanager places an employee and ends a placement. A wrong value
shows the service's message beside the field (tied to it with aria-describedby) and nothing is stored."""

import re
from datetime import date
from decimal import Decimal

import pytest

from complaints.models import Klacht
from staff.models import Plaatsing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _gemeenten_gebieden_en_aarden(gemeenten_en_gebieden):
    """Municipalities and areas (restored by the fixture) and a complaint category."""
    from tests.complaints.factories import aard

    aard("bereikbaarheid")


def actief(pagina) -> dict:
    return pagina.evaluate(
        "() => { const e = document.activeElement; return {id: e.id, tekst: (e.textContent || '').trim(), tag: e.tagName}; }"
    )


def tab_naar(pagina, *, id: str = "", tekst: str = "", max_tabs: int = 120) -> None:
    """Press Tab until the element with ``id`` (or the link/button with ``tekst``) has the focus: it is reachable
    with the keyboard, in the page order."""
    for _ in range(max_tabs):
        pagina.keyboard.press("Tab")
        nu = actief(pagina)
        if (id and nu["id"] == id) or (tekst and nu["tekst"].startswith(tekst) and nu["tag"] in ("A", "BUTTON")):
            return
    raise AssertionError(f"Met Tab niet bereikt: {id or tekst}")


def waarde(pagina, id: str) -> str:
    return pagina.eval_on_selector(f"#{id}", "e => e.value")


def test_klacht_per_telefoon_registreren_met_alleen_het_toetsenbord(
    pagina, live_server, inloggen, maak_gebruiker, tmp_path
):
    inloggen(pagina, live_server, maak_gebruiker("klachtenfunctionaris"))
    pagina.goto(f"{live_server.url}/klachten/")
    tab_naar(pagina, tekst="Klacht registreren")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/klachten/nieuw/")
    assert waarde(pagina, "id_ontvangen_op")  # today, filled in
    tab_naar(pagina, id="id_kanaal_0")  # e-mail
    pagina.keyboard.press("ArrowDown")  # the next channel: telefoon (arrow keys move and check within the group)
    assert pagina.is_checked("#id_kanaal_1") and waarde(pagina, "id_kanaal_1") == "telefoon"
    tab_naar(pagina, id="id_aard")
    pagina.keyboard.type("Ber")
    assert waarde(pagina, "id_aard") == "bereikbaarheid"
    tab_naar(pagina, id="id_indiener_naam")
    pagina.keyboard.type("Petra Ouder")
    tab_naar(pagina, id="id_indiener_telefoon")
    pagina.keyboard.type("abc")
    tab_naar(pagina, tekst="Registreren")
    pagina.keyboard.press("Enter")
    pagina.wait_for_load_state()
    # the form's message beside the field, nothing stored, what was typed stays
    assert "geldig telefoonnummer" in pagina.locator("#id_indiener_telefoon_fout").inner_text()
    assert pagina.get_attribute("#id_indiener_telefoon", "aria-describedby") == "id_indiener_telefoon_fout"
    assert waarde(pagina, "id_indiener_naam") == "Petra Ouder"
    tab_naar(pagina, id="id_indiener_telefoon")
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type("045 123 45 67")
    pagina.keyboard.press("Enter")  # Enter in a text field submits the form
    pagina.wait_for_load_state()
    # now the service's message (maak_klacht) beside the description
    assert pagina.locator("#id_omschrijving_fout").inner_text() == "Beschrijf de klacht."
    assert pagina.get_attribute("#id_omschrijving", "aria-describedby") == "id_omschrijving_fout"
    assert not Klacht.objects.exists()
    tab_naar(pagina, id="id_omschrijving")
    pagina.keyboard.type("Moeder belde: al drie weken geen reactie van het gebiedsteam.")
    tab_naar(pagina, tekst="Registreren")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r".*/klachten/\d+/$"))
    klacht = Klacht.objects.get()
    assert (klacht.kanaal, klacht.aard.code, klacht.indiener_telefoon) == (
        "telefoon",
        "bereikbaarheid",
        "045 123 45 67",
    )
    assert f"{klacht.referentie} is geregistreerd; oppakken uiterlijk {klacht.oppakken_uiterlijk:%d-%m-%Y}" in (
        pagina.locator(".meldingen").inner_text()
    )
    pagina.screenshot(path=tmp_path / "klacht-registreren.png", full_page=True)


def test_plaatsen_en_beeindigen_met_alleen_het_toetsenbord(pagina, live_server, inloggen, maak_gebruiker, tmp_path):
    from tests.staff.factories import MedewerkerFactory

    MedewerkerFactory(naam="Nina Nieuw", in_dienst_van=date(2024, 1, 1))
    inloggen(pagina, live_server, maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"]))
    pagina.goto(f"{live_server.url}/team/")
    tab_naar(pagina, tekst="Plaatsingen en scholing")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/team/plaatsingen/")
    tab_naar(pagina, tekst="Medewerker plaatsen")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/team/plaatsingen/nieuw/")
    tab_naar(pagina, id="id_medewerker")
    pagina.keyboard.type("Nina")
    tab_naar(pagina, id="id_gebied")
    pagina.keyboard.type("Landgraaf")
    tab_naar(pagina, id="id_domein_0")
    pagina.keyboard.press("Space")
    tab_naar(pagina, id="id_fte")
    pagina.keyboard.type("1,5")
    tab_naar(pagina, id="id_van")
    pagina.keyboard.type("03032024")  # the same day and month: whatever order the browser's date field uses
    assert waarde(pagina, "id_van") == "2024-03-03"
    pagina.keyboard.press("Enter")
    pagina.wait_for_load_state()
    assert "hoogstens 1,00" in pagina.locator("#id_fte_fout").inner_text()
    assert "id_fte_fout" in pagina.get_attribute("#id_fte", "aria-describedby")
    assert not Plaatsing.objects.exists()
    tab_naar(pagina, id="id_fte")
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type("0,8")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/team/plaatsingen/")
    plaatsing = Plaatsing.objects.get()
    assert (plaatsing.fte, plaatsing.van, plaatsing.gebied.code) == (Decimal("0.80"), date(2024, 3, 3), "landgraaf")
    assert "Nina Nieuw is geplaatst in Landgraaf" in pagina.locator(".meldingen").inner_text()
    tab_naar(pagina, tekst="Beëindigen")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"**/team/plaatsingen/{plaatsing.pk}/beeindigen/")
    einde = date(date.today().year + 1, 2, 2)
    tab_naar(pagina, id="id_tot")
    pagina.keyboard.type(f"{einde:%d%m%Y}")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/team/plaatsingen/")
    plaatsing.refresh_from_db()
    assert plaatsing.tot == einde
    assert f"eindigt op {einde:%d-%m-%Y}" in pagina.locator(".meldingen").inner_text()
    pagina.screenshot(path=tmp_path / "plaatsingen.png", full_page=True)
