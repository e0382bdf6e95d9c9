from datetime import date

import pytest

from complaints.models import Klacht, Status
from complaints.selectors import klachten_rapport
from complaints.services import anonimiseer_gesloten_klachten
from jens.periode import Periode

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db


def gesloten(officier, op: date) -> Klacht:
    klacht = door_workflow(
        KlachtFactory(ontvangen_op=moment(date(2018, 3, 1)), indiener_naam="Petra Ouder"),
        ["oppakken", "in_behandeling", "afhandelen", "afsluiten"],
        officier,
        afhandelen={"uitkomst": "gegrond"},
    )
    Klacht.objects.filter(pk=klacht.pk).update(afgesloten_op=moment(op))
    return klacht


def test_gesloten_dossiers_na_vijf_jaar_geanonimiseerd_aantallen_blijven(maak_gebruiker):
    officier = maak_gebruiker("klachtenfunctionaris")
    oud = gesloten(officier, date(2019, 1, 10))
    recent = gesloten(officier, date(2021, 6, 1))
    open_ = KlachtFactory(ontvangen_op=moment(date(2018, 3, 2)), indiener_naam="Open Indiener")
    voor = klachten_rapport(Periode.parse("2018H1"))

    assert anonimiseer_gesloten_klachten(vandaag=date(2024, 6, 1)) == 1
    oud.refresh_from_db()
    assert (oud.indiener_naam, oud.indiener_email, oud.omschrijving) == ("", "", "[geanonimiseerd]")
    assert oud.geanonimiseerd_op is not None and oud.status == Status.AFGESLOTEN and oud.uitkomst == "gegrond"
    assert not oud.history.filter(indiener_naam="Petra Ouder").exists()
    assert all(not s.notitie for s in oud.stappen.all())
    assert Klacht.objects.get(pk=recent.pk).indiener_naam == "Petra Ouder"
    assert Klacht.objects.get(pk=open_.pk).indiener_naam == "Open Indiener"
    assert klachten_rapport(Periode.parse("2018H1")) == voor
    assert anonimiseer_gesloten_klachten(vandaag=date(2024, 6, 1)) == 0  # idempotent


def test_termijn_is_instelbaar(maak_gebruiker, settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "KLACHT_ANONIMISEREN_NA_JAREN": 2}
    klacht = gesloten(maak_gebruiker("klachtenfunctionaris"), date(2021, 6, 1))
    assert anonimiseer_gesloten_klachten(vandaag=date(2023, 6, 2)) == 1
    assert Klacht.objects.get(pk=klacht.pk).indiener_naam == ""


def test_ontvangstbevestiging_in_de_outbox_wordt_ook_verwijderd(maak_gebruiker):
    from complaints.services import maak_klacht, voer_actie
    from jens.models import EmailBericht

    officier = maak_gebruiker("klachtenfunctionaris")
    klachten = []
    for naam in ("Petra Ouder", "Jan Ouder"):
        k = maak_klacht(
            kanaal="website",
            soort="klacht",
            aard=KlachtFactory().aard,
            omschrijving="Via de website.",
            indiener_naam=naam,
            indiener_email=f"{naam.split()[0].lower()}@voorbeeld.invalid",
        )
        klachten.append(voer_actie(klacht=k, actie="intrekken", door=officier, versie=k.versie, notitie="Ingetrokken."))
    Klacht.objects.filter(pk=klachten[0].pk).update(afgesloten_op=moment(date(2019, 1, 10)))
    ander = EmailBericht.objects.create(aan=["x@voorbeeld.invalid"], onderwerp="Signalering", tekst="Petra")

    assert anonimiseer_gesloten_klachten(vandaag=date(2024, 6, 1)) == 1
    assert not EmailBericht.objects.filter(tekst__contains="Petra Ouder").exists()
    assert EmailBericht.objects.filter(tekst__contains="Jan Ouder").count() == 1
    assert EmailBericht.objects.filter(pk=ander.pk).exists()
