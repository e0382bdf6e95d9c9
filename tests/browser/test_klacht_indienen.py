import re

import pytest

from complaints.models import Klacht

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_klacht_indienen_toont_referentie(pagina, live_server):
    from tests.complaints.factories import aard

    aard("behandeling")  # the seeded categories (a transactional test may have flushed them)
    pagina.goto(f"{live_server.url}/klacht-indienen/")
    pagina.get_by_label("Melding van ongenoegen").check()
    pagina.get_by_label("Waar gaat het over?").select_option(label="Bereikbaarheid (secretariaat)")
    pagina.get_by_label("Uw klacht").fill("Het secretariaat nam drie dagen de telefoon niet op.")
    pagina.get_by_label("Uw naam").fill("Petra Ouder")
    pagina.get_by_label("U bent").select_option(label="ouder of verzorger")
    pagina.get_by_label("E-mailadres").fill("petra@voorbeeld.invalid")
    # submitting without accepting the privacy notice shows the error beside the checkbox
    pagina.get_by_role("button", name="Versturen").click()
    assert "akkoord gaan met de privacyverklaring" in pagina.locator("[role=alert]").all_inner_texts()[-1]
    assert not Klacht.objects.exists()
    pagina.get_by_label(re.compile("privacyverklaring gelezen")).check()
    pagina.get_by_role("button", name="Versturen").click()
    pagina.wait_for_url("**/klacht-indienen/ontvangen/")
    klacht = Klacht.objects.get()
    assert pagina.locator("#referentie").inner_text() == klacht.referentie
    assert re.fullmatch(r"K-\d{4}-0001", klacht.referentie)
    assert f"{klacht.oppakken_uiterlijk:%d-%m-%Y}" in pagina.content()
    assert klacht.soort == "melding_van_ongenoegen" and klacht.aard.code == "bereikbaarheid"
