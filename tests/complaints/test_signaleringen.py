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


def test_een_schrijfactie_herscant_alleen_die_klacht(officier, django_capture_on_commit_callbacks, time_machine):
    """The rescan after a write looks at the complaint written, not at all of them: its cost does not grow
    with the number of complaints (the public form at national scale), the hourly run does the rest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    nu = klok.BEVRIJDINGSDAG

    def te_laat_geworden(n: int) -> list[Klacht]:
        """Complaints that become overdue as time passes, without a write."""
        nonlocal nu
        time_machine.move_to(nu, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            klachten = [KlachtFactory(ontvangen_op=nu) for _ in range(n)]
        nu += timedelta(days=30)
        time_machine.move_to(nu, tick=False)
        return klachten

    anderen = te_laat_geworden(3)
    with django_capture_on_commit_callbacks(execute=True):  # received by phone weeks ago, registered now
        eerste = KlachtFactory(ontvangen_op=nu - timedelta(days=20))
    assert open_soorten(eerste) == {s.NIET_OPGEPAKT}
    assert all(open_soorten(k) == set() for k in anderen)
    with CaptureQueriesContext(connection) as weinig, django_capture_on_commit_callbacks(execute=True):
        door_workflow(eerste, ["oppakken"], officier)
    assert open_soorten(eerste) == set()

    anderen += te_laat_geworden(30)
    with django_capture_on_commit_callbacks(execute=True):
        tweede = KlachtFactory(ontvangen_op=nu - timedelta(days=20))
    with CaptureQueriesContext(connection) as veel, django_capture_on_commit_callbacks(execute=True):
        door_workflow(tweede, ["oppakken"], officier)
    assert len(veel.captured_queries) == len(weinig.captured_queries)
    assert all(open_soorten(k) == set() for k in anderen)
    signaleer_klachten()  # the hourly run
    assert all(s.NIET_OPGEPAKT in open_soorten(k) for k in anderen)


def test_kan_gesignaleerd_zijn_volgt_de_queries_van_elke_soort(officier):
    """The instance check that lets a new complaint skip its rescan holds exactly when one of the kinds' queries
    selects the complaint, in every state, on every day around its terms."""
    ontvangen = moment(date(2023, 1, 2))
    klachten = [
        KlachtFactory(ontvangen_op=ontvangen),
        door_workflow(KlachtFactory(ontvangen_op=ontvangen), ["oppakken"], officier),
        door_workflow(
            KlachtFactory(ontvangen_op=ontvangen),
            ["oppakken", "in_behandeling", "naar_commissie", "uitspraak"],
            officier,
            naar_commissie={"datum": date(2023, 1, 20)},
            uitspraak={"datum": date(2023, 2, 1), "uitspraak": "Gegrond."},
        ),
        door_workflow(
            KlachtFactory(ontvangen_op=ontvangen),
            ["oppakken", "in_behandeling", "afhandelen"],
            officier,
            afhandelen={"uitkomst": "opgelost"},
        ),
    ]
    queries = (s.niet_opgepakt, s.afhandeltermijn_nadert, s.afhandeltermijn_verstreken, s.maatregelen_te_laat)
    gezien = set()
    for dag in (date(2023, 1, 2) + timedelta(days=i) for i in range(0, 80, 1)):
        for k in klachten:
            k.refresh_from_db()
            verwacht = any(q(dag).filter(pk=k.pk).exists() for q in queries)
            assert s.kan_gesignaleerd_zijn(k, dag) == verwacht, (k.status, dag)
            gezien.add(verwacht)
    assert gezien == {True, False}


@pytest.mark.time_machine(klok.BEVRIJDINGSDAG)
def test_een_klacht_van_de_website_kost_geen_herscan(django_capture_on_commit_callbacks):
    from complaints import services
    from complaints.models import Aard, Kanaal

    with django_capture_on_commit_callbacks() as callbacks:
        services.maak_klacht(
            kanaal=Kanaal.WEBSITE, soort="klacht", aard=Aard.objects.first(), omschrijving="Niemand belde terug."
        )
    assert not [c for c in callbacks if getattr(c, "jens_scan", None)]


def test_beat_draait_de_taken():
    from complaints.tasks import anonimiseer_oude_klachten, signaleer_klachttermijnen

    namen = {v["task"] for v in app.conf.beat_schedule.values()}
    assert {signaleer_klachttermijnen.name, anonimiseer_oude_klachten.name} <= namen
    KlachtFactory(ontvangen_op=moment(date(2023, 1, 2)))
    assert signaleer_klachttermijnen.delay().get()[s.NIET_OPGEPAKT] == [1, 0]
    assert anonimiseer_oude_klachten.delay().get() == 0
