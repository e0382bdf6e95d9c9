"""The gedragswetenschapper's daily work in a real browser: the jeugdigen and Veilig Thuis worklists at 1280 px and
on a 390 px phone (the table scrolls inside its own box, the page does not; no serious axe-core violation), the
client's details changed with the keyboard only (a refused value shows its Dutch message beside the field and
nothing is stored), and the home page's work queue (counts per kind, filters, a link that opens the item)."""

from datetime import date

import pytest

from tests import klok
from tests.browser.axe import controleer, nieuwe_context
from tests.browser.test_werkschermen import actief, tab_naar, waarde

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("gemeenten_en_gebieden"),
    pytest.mark.time_machine(klok.KERSTAVOND),
]

BREEDTES = {"breed": 1280, "telefoon": 390}


@pytest.fixture
def werk(db):
    """In Heerlen-1: twelve young people, three Veilig Thuis reports (two late on 24-12-2027, one followed up),
    a request without a file (late); one young person in Landgraaf, outside the user's area."""
    from cases.services import signaleer_te_laat
    from tests.cases.factories import HulpvraagFactory, JeugdigeFactory, MedewerkerFactory, VeiligThuisMeldingFactory

    jeugdigen = [JeugdigeFactory() for _ in range(12)]
    VeiligThuisMeldingFactory(jeugdige=jeugdigen[0], ontvangen_op=date(2027, 12, 1))
    VeiligThuisMeldingFactory(jeugdige=jeugdigen[1], ontvangen_op=date(2027, 12, 8))
    VeiligThuisMeldingFactory(
        jeugdige=jeugdigen[2],
        ontvangen_op=date(2027, 11, 1),
        opgevolgd_op=date(2027, 11, 2),
        opgevolgd_door=MedewerkerFactory(naam="Fenna Fictiens"),
        wijze="contact_gezin",
    )
    HulpvraagFactory(jeugdige=jeugdigen[3], ontvangen_op=date(2027, 12, 1))
    from jens.models import Gebied

    buiten = JeugdigeFactory(gebied=Gebied.objects.get(code="landgraaf"))
    VeiligThuisMeldingFactory(jeugdige=buiten, ontvangen_op=date(2027, 12, 1))
    signaleer_te_laat(op=date(2027, 12, 24))
    return {"jeugdigen": jeugdigen, "buiten": buiten}


def _geen_zijwaartse_scroll(pagina) -> None:
    breedte = pagina.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert breedte[0] <= breedte[1], f"de pagina is {breedte[0]} px breed bij een venster van {breedte[1]} px"


def _tabel_in_eigen_kader(pagina, naam: str) -> None:
    """The table sits in a region of its own that the keyboard can reach and that scrolls when the table is wider
    than the window: nothing of the table is cut off."""
    kader = pagina.get_by_role("region", name=naam)
    assert kader.get_attribute("tabindex") == "0"
    maten = kader.evaluate(
        "e => ({box: e.clientWidth, inhoud: e.scrollWidth, tabel: e.querySelector('table').offsetWidth,"
        " overflow: getComputedStyle(e).overflowX})"
    )
    assert maten["overflow"] == "auto", maten
    assert maten["inhoud"] >= maten["tabel"], maten
    assert maten["box"] <= pagina.viewport_size["width"], maten


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_werklijsten_breed_en_op_een_telefoon(_browser, live_server, inloggen, maak_gebruiker, werk, breedte):
    context = nieuwe_context(_browser, viewport={"width": breedte, "height": 900})
    pagina = context.new_page()
    pagina.set_default_timeout(15_000)
    try:
        inloggen(pagina, live_server, maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"]))
        pagina.goto(f"{live_server.url}/casussen/jeugdigen/")
        rijen = pagina.locator("table.tabel tbody tr")
        assert rijen.count() == 12  # not the young person in Landgraaf
        assert werk["buiten"].clientnummer not in pagina.locator("main").inner_text()
        _tabel_in_eigen_kader(pagina, "Jeugdigen in uw gebieden")
        _geen_zijwaartse_scroll(pagina)
        assert controleer(pagina) == []

        pagina.goto(f"{live_server.url}/casussen/veilig-thuis/")
        rijen = pagina.locator("table.tabel tbody tr")
        assert rijen.count() == 3
        # not followed up first, the late deadline marked; the followed-up report last
        eerste = rijen.first.locator("td")
        assert eerste.nth(0).inner_text() == werk["jeugdigen"][0].clientnummer
        assert "te-laat" in (eerste.nth(2).get_attribute("class") or "")
        assert "02-11-2027" in rijen.last.inner_text()
        _tabel_in_eigen_kader(pagina, "Veilig Thuis-meldingen, niet opgevolgde eerst")
        _geen_zijwaartse_scroll(pagina)
        assert controleer(pagina) == []
        pagina.get_by_role("link", name="Alleen niet opgevolgde meldingen").click()
        pagina.wait_for_url("**/casussen/veilig-thuis/?open=1")
        assert pagina.locator("table.tabel tbody tr").count() == 2
        _geen_zijwaartse_scroll(pagina)
        assert controleer(pagina) == []
    finally:
        context.close()


def test_clientgegevens_wijzigen_met_alleen_het_toetsenbord(pagina, live_server, inloggen, maak_gebruiker, werk):
    from cases.models import Jeugdige
    from jens.models import Toegangslog

    jeugdige = werk["jeugdigen"][5]
    inloggen(pagina, live_server, maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"]))
    pagina.goto(f"{live_server.url}/casussen/jeugdigen/{jeugdige.pk}/")
    tab_naar(pagina, tekst="Gegevens wijzigen")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.url.endswith(f"/casussen/jeugdigen/{jeugdige.pk}/wijzigen/")
    assert controleer(pagina) == []

    # A BSN that fails the eleven test, the reason without a BSN still chosen: both refused, beside their fields.
    tab_naar(pagina, id="id_bsn")
    pagina.keyboard.type("123456789")
    tab_naar(pagina, id="id_achternaam")
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type("Nieuwenhuis")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")  # Enter in a text field submits the form
    assert pagina.locator("#id_bsn_fouten").inner_text() == "Dit is geen geldig BSN (de elfproef klopt niet)."
    assert pagina.get_attribute("#id_bsn", "aria-describedby") == "id_bsn_fouten id_bsn_helptext"
    assert pagina.get_attribute("#id_bsn", "aria-invalid") == "true"
    assert pagina.locator("#id_reden_geen_bsn_fouten").inner_text() == (
        "Geef geen reden zonder BSN als er wel een BSN is."
    )
    assert waarde(pagina, "id_achternaam") == "Nieuwenhuis"  # what was typed stays
    jeugdige.refresh_from_db()
    assert (jeugdige.bsn, jeugdige.achternaam) == (None, werk["jeugdigen"][5].achternaam)  # nothing stored
    assert controleer(pagina) == []

    # Corrected with the keyboard: a valid BSN, the reason set back to "there is a BSN".
    tab_naar(pagina, id="id_bsn")
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type("111222333")
    tab_naar(pagina, id="id_reden_geen_bsn")
    for _ in range(len(Jeugdige.RedenGeenBsn.choices)):
        pagina.keyboard.press("ArrowUp")
    assert waarde(pagina, "id_reden_geen_bsn") == ""
    tab_naar(pagina, tekst="Opslaan")
    assert actief(pagina)["tag"] == "BUTTON"
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.url.endswith(f"/casussen/jeugdigen/{jeugdige.pk}/")
    assert f"De gegevens van cliënt {jeugdige.clientnummer} zijn opgeslagen." in pagina.locator("main").inner_text()
    jeugdige.refresh_from_db()
    assert (jeugdige.bsn, jeugdige.reden_geen_bsn, jeugdige.achternaam) == ("111222333", "", "Nieuwenhuis")
    omschrijving = Toegangslog.objects.filter(client=jeugdige.clientnummer, actie="wijzigen").get().omschrijving
    assert "bsn" in omschrijving and "achternaam" in omschrijving


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_werkvoorraad_op_de_startpagina(_browser, live_server, inloggen, maak_gebruiker, werk, breedte):
    context = nieuwe_context(_browser, viewport={"width": breedte, "height": 900})
    pagina = context.new_page()
    pagina.set_default_timeout(15_000)
    try:
        inloggen(pagina, live_server, maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"]))
        pagina.goto(f"{live_server.url}/")
        tellingen = pagina.get_by_role("list", name="Aantal per soort").get_by_role("listitem").all_inner_texts()
        # Two late reports and one late file in Heerlen-1 (the report in Landgraaf is not theirs).
        assert [" ".join(t.split()) for t in tellingen] == [
            "3alles, 3 te laat",
            "0mijn taken",
            "1Dossier niet tijdig aangemaakt, 1 te laat",
            "2Veilig Thuis-melding niet opgevolgd, 2 te laat",
        ]
        assert pagina.locator("table.tabel tbody tr").count() == 3
        _geen_zijwaartse_scroll(pagina)
        assert controleer(pagina) == []

        # A count is a filter link.
        tellers = pagina.get_by_role("list", name="Aantal per soort")
        tellers.get_by_role("link").filter(has_text="Veilig Thuis-melding niet opgevolgd").click()
        pagina.wait_for_url("**/?soort=cases_vt_niet_opgevolgd")
        rijen = pagina.locator("table.tabel tbody tr")
        assert rijen.count() == 2
        assert rijen.first.locator("td").first.inner_text() == "Veilig Thuis-melding niet opgevolgd"

        # The filter form, with the keyboard.
        pagina.goto(f"{live_server.url}/")
        pagina.get_by_label("Soort", exact=True).select_option(label="Dossier niet tijdig aangemaakt")
        pagina.get_by_label("Termijn", exact=True).select_option(index=1)
        pagina.get_by_role("button", name="Filteren").focus()
        with pagina.expect_navigation():
            pagina.keyboard.press("Enter")
        rijen = pagina.locator("table.tabel tbody tr")
        assert rijen.count() == 1
        assert pagina.get_by_label("Soort", exact=True).input_value() == "cases_dossier_te_laat"
        assert controleer(pagina) == []

        # The link opens the item: the client's page.
        clientnummer = werk["jeugdigen"][3].clientnummer
        pagina.get_by_role("link", name=f"Cliënt {clientnummer}").click()
        pagina.wait_for_url(f"**/casussen/jeugdigen/{werk['jeugdigen'][3].pk}/")
        assert pagina.get_by_role("heading", name=f"Cliënt {clientnummer}").is_visible()
    finally:
        context.close()
