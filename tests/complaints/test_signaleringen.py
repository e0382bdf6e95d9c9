from datetime import date, timedelta

import pytest

from complaints import signaleringen as s
from complaints.models import Klacht
from complaints.signaleringen import signaleer_klachten
from jens.celery import app
from jens.models import Signalering
from tests import klok

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db


def open_soorten(klacht) -> set[str]:
    return set(Signalering.objects.open().voor_object(klacht).values_list("soort", flat=True))


@pytest.fixture
def officier(maak_gebruiker):
    return maak_gebruiker("klachtenfunctionaris")


def test_niet_opgepakt_wordt_eenmaal_gesignaleerd_en_opgelost_na_oppakken(officier):
    klacht = KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))  # oppakken uiterlijk 9-1
    signaleer_klachten(date(2023, 1, 9))
    assert open_soorten(klacht) == set()
    signaleer_klachten(date(2023, 1, 10))
    signaleer_klachten(date(2023, 1, 11))
    assert open_soorten(klacht) == {s.NIET_OPGEPAKT}
    assert Signalering.objects.filter(soort=s.NIET_OPGEPAKT).count() == 1
    assert Signalering.objects.get().verantwoordelijke_groepen.get().name == "klachtenfunctionaris"
    door_workflow(klacht, ["oppakken"], officier)
    signaleer_klachten(date(2023, 1, 12))
    assert open_soorten(klacht) == set()


@pytest.mark.parametrize(
    ("vandaag", "verwacht"),
    [
        (date(2023, 2, 3), set()),  # afhandelen uiterlijk 13-2: more than 5 working days away
        (date(2023, 2, 6), {s.AFHANDELTERMIJN_NADERT}),  # 13-2 is the 5th working day after 6-2
        (date(2023, 2, 13), {s.AFHANDELTERMIJN_NADERT}),
        (date(2023, 2, 14), {s.AFHANDELTERMIJN_VERSTREKEN}),
    ],
)
def test_afhandeltermijn_nadert_en_verstreken(officier, vandaag, verwacht):
    klacht = door_workflow(KlachtFactory(ontvangen_op=moment(date(2023, 1, 2))), ["oppakken"], officier)
    signaleer_klachten(vandaag)
    assert open_soorten(klacht) == verwacht


def test_afgehandelde_klacht_heeft_geen_termijnsignalering(officier):
    klacht = door_workflow(
        KlachtFactory(ontvangen_op=moment(date(2023, 1, 2))),
        ["oppakken", "in_behandeling", "afhandelen"],
        officier,
        afhandelen={"uitkomst": "opgelost"},
    )
    signaleer_klachten(date(2023, 3, 1))
    assert open_soorten(klacht) == set()


@pytest.mark.time_machine(klok.KERSTAVOND)
def test_uitspraak_zonder_besluit_na_een_maand(officier):
    vandaag = date.today()
    klacht = door_workflow(
        KlachtFactory(ontvangen_op=moment(vandaag - timedelta(days=60))),
        ["oppakken", "in_behandeling", "naar_commissie", "uitspraak"],
        officier,
        naar_commissie={"datum": vandaag - timedelta(days=50)},
        uitspraak={"datum": vandaag - timedelta(days=40), "uitspraak": "Gegrond."},
    )
    signaleer_klachten(vandaag)
    assert s.MAATREGELEN_TE_LAAT in open_soorten(klacht)
    klacht = door_workflow(klacht, ["maatregelen"], officier, maatregelen={"maatregelen": "Training bejegening."})
    signaleer_klachten(vandaag)
    assert open_soorten(klacht) == set()


def test_elke_soort_is_een_query_ongeacht_het_aantal(django_assert_max_num_queries):
    for _ in range(3):
        KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
    signaleer_klachten(date(2023, 1, 10))
    with django_assert_max_num_queries(40) as eerst:
        signaleer_klachten(date(2023, 1, 11))
    for _ in range(10):
        KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
    with django_assert_max_num_queries(len(eerst.captured_queries) + 6):  # one bulk insert + one link insert more
        signaleer_klachten(date(2023, 1, 12))
    assert Signalering.objects.open().filter(soort=s.NIET_OPGEPAKT).count() == Klacht.objects.count() == 13


def test_beat_draait_de_taken():
    from complaints.tasks import anonimiseer_oude_klachten, signaleer_klachttermijnen

    namen = {v["task"] for v in app.conf.beat_schedule.values()}
    assert {signaleer_klachttermijnen.name, anonimiseer_oude_klachten.name} <= namen
    KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
    assert signaleer_klachttermijnen.delay().get()[s.NIET_OPGEPAKT] == [1, 0]
    assert anonimiseer_oude_klachten.delay().get() == 0
