"""The inkoper's report page in a real browser: choose the year by keyboard only, read the 4% rule."""

from decimal import Decimal

import pytest

from tests.contracts.factories import OpdrachtFactory, PersoneelsomvangFactory, UitgaveFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _gemeenten(db):
    """A transactional test empties the tables after it; municipalities come from a data migration."""
    from importlib import import_module

    from jens.models import Gemeente

    migratie = import_module("jens.migrations.0002_gemeenten_gebieden_rollen")
    for naam, code in migratie.GEMEENTEN:
        Gemeente.objects.get_or_create(code=code, defaults={"naam": naam})


def test_vier_procent_regel_met_toetsenbord(pagina, live_server, inloggen, maak_gebruiker):
    OpdrachtFactory(jaar=2021, lumpsum=Decimal("34266618"))
    klein = PersoneelsomvangFactory(jaar=2021, aantal_medewerkers=4).zorgaanbieder
    UitgaveFactory(zorgaanbieder=klein, jaar=2021, bedrag=Decimal("2476696"))
    inloggen(pagina, live_server, maak_gebruiker("inkoper"))
    pagina.goto(f"{live_server.url}/zorgaanbieders/rapportage/")
    veld = pagina.get_by_label("Jaar")
    veld.focus()
    veld.fill("2021")
    veld.press("Enter")
    pagina.wait_for_load_state()
    assert "jaar=2021" in pagina.url
    inhoud = pagina.locator("main").inner_text() if pagina.locator("main").count() else pagina.inner_text("body")
    assert "7,2%" in inhoud
    assert "€ 2.476.696,00" in inhoud
    pagina.get_by_text("Kleine aanbieders achter dit bedrag").press("Enter")
    assert pagina.get_by_role("group").get_by_role("cell", name=klein.naam).is_visible()
