"""What people see, in headless Chromium at 1280 px and on a 390 px phone: the Dutch error pages, the login page
for anonymous visitors, the compact dashboard, the masking on every gemeente page, the layouts that hold on a
phone, the admin provider page at 1280 px, and axe-core (vendored) with no serious or critical violation on the
main pages."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest

from tests.browser.axe import controleer, nieuwe_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREEDTES = {"breed": 1280, "telefoon": 390}


@pytest.fixture(autouse=True)
def _basisgegevens(gemeenten_en_gebieden):
    """Municipalities and areas (restored by the fixture) and a complaint category."""
    from tests.complaints.factories import aard

    aard("behandeling")


@pytest.fixture
def gegevens(db):
    """2021: the 4% rule with a small provider whose name the gemeente may not see; 2023H1 in Heerlen: five
    complaints and one melding van ongenoegen (the melding is "<5", and the five may not give it away)."""
    from complaints.models import Soort
    from jens.models import Gemeente
    from tests.complaints.factories import KlachtFactory, aard, moment
    from tests.contracts.factories import (
        OpdrachtFactory,
        PersoneelsomvangFactory,
        RelatieFactory,
        UitgaveFactory,
        ZorgaanbiederFactory,
    )

    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618"))
    OpdrachtFactory(jaar=2023, lumpsum=Decimal("34266618"))
    klein = PersoneelsomvangFactory(jaar=2021, aantal_medewerkers=4).zorgaanbieder
    klein.naam = "Praktijk Geheimnaam"
    klein.save()
    UitgaveFactory(zorgaanbieder=klein, jaar=2021, bedrag=Decimal("2476696"))
    RelatieFactory(zorgaanbieder=ZorgaanbiederFactory(naam="Lid Geheimnaam"), soort="lid", geldig_van=date(2020, 1, 1))
    heerlen = Gemeente.objects.get(code="heerlen")
    for i in range(5):
        KlachtFactory(
            gemeente=heerlen, aard=aard("behandeling"), ontvangen_op=moment(date(2023, 2, 1 + i)), kanaal="email"
        )
    KlachtFactory(
        gemeente=heerlen,
        soort=Soort.MELDING_VAN_ONGENOEGEN,
        aard=aard("behandeling"),
        ontvangen_op=moment(date(2023, 3, 1)),
        kanaal="email",
    )


def _context(browser, breedte: int):
    context = nieuwe_context(browser, viewport={"width": breedte, "height": 900})
    pagina = context.new_page()
    pagina.set_default_timeout(15_000)
    return context, pagina


def _geen_zijwaartse_scroll(pagina) -> None:
    breedte = pagina.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert breedte[0] <= breedte[1], f"de pagina is {breedte[0]} px breed bij een venster van {breedte[1]} px"


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_foutpaginas_in_het_nederlands_met_navigatie_en_reden(_browser, live_server, inloggen, maak_gebruiker, breedte):
    context, pagina = _context(_browser, breedte)
    try:
        inloggen(pagina, live_server, maak_gebruiker("gedragswetenschapper"))
        antwoord = pagina.goto(f"{live_server.url}/dashboard/")
        assert antwoord.status == 403
        assert pagina.locator("h1").inner_text() == "Geen toegang"
        assert pagina.locator(".reden").inner_text() == "U heeft geen toegang tot het dashboard."
        assert pagina.get_by_role("navigation", name="Hoofdnavigatie").is_visible()
        _geen_zijwaartse_scroll(pagina)
        assert controleer(pagina) == []
        antwoord = pagina.goto(f"{live_server.url}/bestaat-niet/")
        assert antwoord.status == 404 and pagina.locator("h1").inner_text() == "Niet gevonden"
        assert "Not Found" not in pagina.content()
        assert controleer(pagina) == []
        pagina.get_by_role("link", name="Naar de startpagina").click()
        pagina.wait_for_url(f"{live_server.url}/")
    finally:
        context.close()


def test_anoniem_naar_de_api_documentatie_krijgt_de_inlogpagina(pagina, live_server, maak_gebruiker):
    maak_gebruiker("management", username="beheer1")
    pagina.goto(f"{live_server.url}/api/docs/")
    assert pagina.url == f"{live_server.url}/inloggen/?next=/api/docs/"
    assert pagina.locator("h1").inner_text() == "Inloggen"
    assert controleer(pagina) == []
    pagina.get_by_label("Gebruikersnaam").fill("beheer1")
    pagina.get_by_label("Wachtwoord").fill("Geheim-wachtwoord-1")
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url("**/api/docs/")
    # the documentation page then fetches the schema: let that request finish before the test's tables are
    # emptied (on SQLite a request still running holds a lock the flush waits for)
    pagina.wait_for_load_state("networkidle")


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_dashboard_compact_op_gegevens_en_toegankelijk(
    _browser, live_server, inloggen, maak_gebruiker, gegevens, breedte
):
    context, pagina = _context(_browser, breedte)
    try:
        inloggen(pagina, live_server, maak_gebruiker("management"))
        pagina.goto(f"{live_server.url}/dashboard/?periode=2023H1")
        _geen_zijwaartse_scroll(pagina)
        hoogte = pagina.evaluate("() => document.documentElement.scrollHeight")
        # Was about 12,000 px: every chart had two tables under it. Now one, folded.
        assert hoogte < (5000 if breedte == 1280 else 9000), hoogte
        assert pagina.locator("figure .grafiek-tabel, figure table").count() == 0
        uitklap = pagina.locator("#uitklap-klachten_per_aard")
        assert not uitklap.locator("table").is_visible()
        uitklap.locator("summary").focus()
        uitklap.locator("summary").press("Enter")  # keyboard
        assert uitklap.locator("table").is_visible()
        # Chart labels are not cut off.
        labels = pagina.locator("svg#grafiek-klachten .as-x text").all_text_contents()
        assert labels and not any("…" in label for label in labels)
        assert controleer(pagina) == []
    finally:
        context.close()


GEMEENTE_PAGINAS = (
    "/dashboard/?periode=2023H1",
    "/casussen/rapportage/?periode=2023H1",
    "/klachten/rapportage/?periode=2023H1",
    "/zorgaanbieders/rapportage/?jaar=2021",
)


def test_gemeente_ziet_op_geen_enkele_pagina_namen_of_afleidbare_kleine_aantallen(
    pagina, live_server, inloggen, maak_gebruiker, gegevens
):
    inloggen(pagina, live_server, maak_gebruiker("gemeente", gemeenten=["heerlen"]))
    for pad in GEMEENTE_PAGINAS:
        antwoord = pagina.goto(f"{live_server.url}{pad}")
        assert antwoord.status == 200, pad
        tekst = pagina.locator("main").inner_text()
        assert "Geheimnaam" not in tekst, pad
        assert "2.021" not in tekst and "2.023" not in tekst, pad
        assert controleer(pagina) == [], pad
    pagina.goto(f"{live_server.url}/dashboard/?periode=2023H1")
    pagina.locator("#uitklap-klachten_kengetallen summary").click()
    rijen = pagina.locator("#tabel-klachten_kengetallen tbody tr")
    per_soort = {r.locator("th").inner_text(): r.locator("td").first.inner_text() for r in rijen.all()[:2]}
    assert per_soort == {"Klacht": "—", "Melding van ongenoegen": "<5"}  # the total 6 cannot give the 1 away
    pagina.goto(f"{live_server.url}/zorgaanbieders/rapportage/?jaar=2021")
    assert pagina.get_by_label("Jaar").input_value() == "2021"  # not "2.021", which the browser refuses
    pagina.get_by_role("button", name="Tonen").click()
    pagina.wait_for_url("**jaar=2021**")


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_klachtenwerklijst_op_een_telefoon_en_breed(_browser, live_server, inloggen, maak_gebruiker, gegevens, breedte):
    context, pagina = _context(_browser, breedte)
    try:
        inloggen(pagina, live_server, maak_gebruiker("klachtenfunctionaris"))
        pagina.goto(f"{live_server.url}/klachten/")
        assert pagina.locator("table.tabel tbody tr").count() == 6
        _geen_zijwaartse_scroll(pagina)
        if breedte == 390:  # the table scrolls inside its own box, which the keyboard can reach
            kader = pagina.locator(".rol").first
            assert kader.evaluate("e => e.scrollWidth > e.clientWidth")
            assert kader.get_attribute("tabindex") == "0"
        assert controleer(pagina) == []
    finally:
        context.close()


def test_openbaar_formulier_en_inlogpagina_zonder_ernstige_toegankelijkheidsfouten(pagina, live_server):
    for pad in ("/klacht-indienen/", "/inloggen/"):
        pagina.goto(f"{live_server.url}{pad}")
        assert controleer(pagina) == [], pad


def test_openbaar_formulier_weigert_abc_als_telefoonnummer(pagina, live_server):
    from complaints.models import Klacht

    pagina.goto(f"{live_server.url}/klacht-indienen/")
    pagina.get_by_label("Melding van ongenoegen").check()
    pagina.get_by_label("Waar gaat het over?").select_option(index=1)
    pagina.get_by_label("Uw klacht").fill("Niemand belde terug.")
    pagina.get_by_label("Uw naam").fill("Petra Ouder")
    pagina.get_by_label("U bent").select_option(index=1)
    pagina.get_by_label("Telefoonnummer").fill("abc")
    pagina.get_by_label(re.compile("privacyverklaring gelezen")).check()
    pagina.get_by_role("button", name="Versturen").click()
    assert "Vul een geldig telefoonnummer in" in pagina.locator("main").inner_text()
    assert not Klacht.objects.exists()


def test_beheerpagina_van_een_aanbieder_past_op_1280(pagina, live_server, inloggen, maak_gebruiker, gegevens):
    from contracts.models import Zorgaanbieder

    pagina.set_viewport_size({"width": 1280, "height": 900})
    gebruiker = maak_gebruiker("inkoper", is_staff=True)
    inloggen(pagina, live_server, gebruiker)
    aanbieder = Zorgaanbieder.objects.get(naam="Praktijk Geheimnaam")
    pagina.goto(f"{live_server.url}/admin/contracts/zorgaanbieder/{aanbieder.pk}/change/")
    assert pagina.locator("#content h1, #content h2").first.is_visible()
    _geen_zijwaartse_scroll(pagina)


def test_gezondheid_in_lokale_tijd(pagina, live_server, inloggen, maak_gebruiker, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gezondheid"}
    }
    from django.core.cache import cache

    from jens.tasks import HARTSLAG_SLEUTEL

    cache.set(HARTSLAG_SLEUTEL, datetime(2027, 6, 1, 10, 0).isoformat() + "+00:00")
    inloggen(pagina, live_server, maak_gebruiker("functioneel_beheerder"))
    pagina.goto(f"{live_server.url}/gezondheid/")
    assert "laatste hartslag 01-06-2027 om 12:00:00" in pagina.locator("main").inner_text()
