import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction

from complaints.models import Klacht, ReferentieTeller
from complaints.services import volgende_referentie

from .factories import KlachtFactory, moment


@pytest.mark.django_db
def test_referentie_loopt_per_jaar_op_en_begint_elk_jaar_opnieuw():
    a = KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)))
    b = KlachtFactory(ontvangen_op=moment(date(2023, 3, 2)))
    c = KlachtFactory(ontvangen_op=moment(date(2024, 1, 5)))
    d = KlachtFactory(ontvangen_op=moment(date(2023, 12, 31)))
    assert [a.referentie, b.referentie, c.referentie, d.referentie] == [
        "K-2023-0001",
        "K-2023-0002",
        "K-2024-0001",
        "K-2023-0003",
    ]
    assert dict(ReferentieTeller.objects.values_list("jaar", "laatste")) == {2023: 3, 2024: 1}


def _in_thread(doel, fouten: list) -> threading.Thread:
    def uitvoeren():
        try:
            doel()
        except BaseException as exc:  # reported by the test
            fouten.append(exc)
        finally:
            connection.close()

    return threading.Thread(target=uitvoeren)


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_klachten_krijgen_elk_een_eigen_nummer():
    """Two threads (each its own database connection) create a complaint at the same moment.

    On PostgreSQL they really run at once. SQLite's in-memory test database locks whole tables
    between connections ("database table is locked"), so there the threads run one after the other."""
    gelijktijdig = connection.vendor == "postgresql"
    start = threading.Barrier(2 if gelijktijdig else 1)
    fouten: list[BaseException] = []

    def indienen(n: int):
        def doel():
            start.wait(timeout=10)
            KlachtFactory(ontvangen_op=moment(date(2023, 5, 1), 9, n))

        return doel

    threads = [_in_thread(indienen(n), fouten) for n in range(2)]
    for t in threads:
        t.start()
        if not gelijktijdig:
            t.join(timeout=30)
    for t in threads:
        t.join(timeout=30)
    assert fouten == []
    assert sorted(Klacht.objects.values_list("referentie", flat=True)) == ["K-2023-0001", "K-2023-0002"]
    assert ReferentieTeller.objects.get(jaar=2023).laatste == 2


@pytest.mark.django_db(transaction=True)
def test_tweede_aanvraag_wacht_op_het_slot_van_de_eerste():
    """While one transaction holds the year's counter, another one waits and then takes the next number."""
    ReferentieTeller.objects.create(jaar=2023, laatste=6)
    heeft_slot, nummers, fouten = threading.Event(), {}, []

    def eerste():
        with transaction.atomic():
            nummers["eerste"] = volgende_referentie(2023)
            heeft_slot.set()
            time.sleep(0.5)

    def tweede():
        heeft_slot.wait(timeout=10)
        begin = time.monotonic()
        nummers["tweede"] = KlachtFactory(ontvangen_op=moment(date(2023, 5, 1))).referentie
        nummers["wachttijd"] = time.monotonic() - begin

    a, b = _in_thread(eerste, fouten), _in_thread(tweede, fouten)
    a.start()
    if connection.vendor != "postgresql":  # see above: SQLite's test database cannot hold two writers
        a.join(timeout=30)
    b.start()
    a.join(timeout=30)
    b.join(timeout=30)
    assert fouten == []
    assert nummers["eerste"] == "K-2023-0007"
    assert nummers["tweede"] == "K-2023-0008"
    if connection.vendor == "postgresql":
        assert nummers["wachttijd"] >= 0.4


@pytest.mark.django_db(transaction=True)
def test_twee_functionarissen_tegelijk_een_slaagt_de_ander_krijgt_conflict(maak_gebruiker):
    """Both read version 1 and act at the same moment: one succeeds, the other gets VersieConflict."""
    from complaints import services
    from complaints.models import KlachtStap, Status

    klacht = KlachtFactory()
    officieren = [maak_gebruiker("klachtenfunctionaris"), maak_gebruiker("klachtenfunctionaris")]
    gelijktijdig = connection.vendor == "postgresql"
    start = threading.Barrier(2 if gelijktijdig else 1)
    uitkomsten, fouten = [], []

    def handelen(door, actie, notitie):
        def doel():
            start.wait(timeout=10)
            try:
                services.voer_actie(klacht=klacht.pk, actie=actie, door=door, versie=1, notitie=notitie)
                uitkomsten.append(("gelukt", actie))
            except services.VersieConflict:
                uitkomsten.append(("conflict", actie))

        return doel

    threads = [
        _in_thread(handelen(officieren[0], "oppakken", "Ik pak hem op"), fouten),
        _in_thread(handelen(officieren[1], "intrekken", "Indiener belde: ingetrokken"), fouten),
    ]
    for t in threads:
        t.start()
        if not gelijktijdig:
            t.join(timeout=30)
    for t in threads:
        t.join(timeout=30)
    assert fouten == []
    assert sorted(u[0] for u in uitkomsten) == ["conflict", "gelukt"]
    gelukt = next(a for u, a in uitkomsten if u == "gelukt")
    klacht.refresh_from_db()
    assert klacht.versie == 2
    assert klacht.status == {"oppakken": Status.OPGEPAKT, "intrekken": Status.INGETROKKEN}[gelukt]
    assert KlachtStap.objects.filter(klacht=klacht).count() == 2
