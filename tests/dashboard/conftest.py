import io

import pytest


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Hashing a password the production way takes a noticeable part of a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_demo(db):
    """The staff app's demo: synthetic employees whose placements reproduce the published FTE table."""
    from staff.demo import seed

    seed(stdout=io.StringIO())


@pytest.fixture
def klachten_demo(maak_gebruiker):
    """The complaints app's demo: the published counts (2023H1: 18 against 8 in 2022H1) plus a few open ones.
    It records the steps as the demo complaints officer (username ``klachten``)."""
    from complaints.demo import seed

    maak_gebruiker("klachtenfunctionaris", username="klachten")
    seed(stdout=io.StringIO())


# Expected figures of the ``casussen`` fixture for 2023H1.
CASUSSEN_2023H1 = {
    "Heerlen": {"bij_aanvang": 8, "instroom": 6, "uitstroom": 3, "ultimo": 11},
    "Voerendaal": {"bij_aanvang": 0, "instroom": 2, "uitstroom": 0, "ultimo": 2},
}
BSNS = ["111222333", "123456782"]


@pytest.fixture
def casussen(db):
    """Casework built through the cases services: 16 young people in Heerlen gebied 1 and Voerendaal with
    requests in and around 2023H1, three waiting for care, two Veilig Thuis reports (one followed up)."""
    from datetime import date

    from cases import services
    from jens.models import Gebied

    heerlen1, voerendaal = Gebied.objects.get(code="heerlen-1"), Gebied.objects.get(code="voerendaal")
    from tests.staff.factories import MedewerkerFactory

    gw = MedewerkerFactory(naam="Gerrit Opvolger", functie="gedragswetenschapper")
    jeugdigen = []

    def jeugdige(i: int, gebied, **extra):
        j = services.maak_jeugdige(
            achternaam=f"Testkind{i}",
            voornamen=f"Zwaantje{i}",
            geboortedatum=date(2012, 1, 1 + i),
            gemeente=gebied.gemeente,
            gebied=gebied,
            **(extra or {"reden_geen_bsn": "anoniem"}),
        )
        jeugdigen.append(j)
        return j

    def hulpvraag(j, ontvangen):
        return services.registreer_hulpvraag(
            jeugdige=j, ontvangen_op=ontvangen, verwijzer="huisarts", soort="nieuwe_client"
        )

    for i in range(5):  # in care all half year
        hulpvraag(jeugdige(i, heerlen1, **({"bsn": BSNS[i]} if i < len(BSNS) else {})), date(2022, 11, 1))
    for i in range(5, 8):  # in care at the start, closed in March
        hv = hulpvraag(jeugdige(i, heerlen1), date(2022, 11, 1))
        services.sluit_hulpvraag(hulpvraag=hv, op=date(2023, 3, 15), einde_reden="volgens_plan")
    nieuw = [hulpvraag(jeugdige(i, heerlen1), date(2023, 2, 10)) for i in range(8, 14)]
    for i in range(14, 16):
        hulpvraag(jeugdige(i, voerendaal), date(2023, 4, 1))
    for hv in nieuw[:3]:  # waiting since 1 May
        services.registreer_zorginzet(hulpvraag=hv, vorm="begeleiding", aangemeld_op=date(2023, 5, 1), gebied=heerlen1)
    for hv in nieuw[3:]:
        z = services.registreer_zorginzet(
            hulpvraag=hv, vorm="training", aangemeld_op=date(2023, 2, 20), gebied=heerlen1
        )
        services.start_zorginzet(zorginzet=z, op=date(2023, 3, 1))
    m1 = services.registreer_vt_melding(
        jeugdige=jeugdigen[0], ontvangen_op=date(2023, 3, 1), omschrijving="Zorgen over de thuissituatie van Zwaantje0"
    )
    services.registreer_vt_melding(
        jeugdige=jeugdigen[1], ontvangen_op=date(2023, 3, 6), omschrijving="Melding over broertje van Zwaantje1"
    )
    services.volg_vt_melding_op(melding=m1, op=date(2023, 3, 2), door=gw, wijze="contact_gezin")
    return jeugdigen
