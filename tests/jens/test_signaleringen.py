from datetime import date

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from jens.models import EmailBericht, Gebied, Signalering, Sluitingsdag
from jens.signaleringen import (
    notificeer_nieuwe,
    open_signaleringen_voor,
    raise_signalering,
    resolve_signalering,
    sync_signaleringen,
)

# Sluitingsdag is a simple core model to flag in these tests.


@pytest.fixture
def dagen(db):
    return [Sluitingsdag.objects.create(datum=date(2030, 1, d), omschrijving=f"dag {d}") for d in range(2, 8)]


def test_raise_is_idempotent_en_meldt_een_keer(dagen, maak_gebruiker, django_capture_on_commit_callbacks):
    maak_gebruiker("functioneel_beheerder")
    with django_capture_on_commit_callbacks(execute=True):
        s1, nieuw1 = raise_signalering(obj=dagen[0], soort="test", omschrijving="x", groepen=["functioneel_beheerder"])
    with django_capture_on_commit_callbacks(execute=True):
        s2, nieuw2 = raise_signalering(obj=dagen[0], soort="test", omschrijving="x", groepen=["functioneel_beheerder"])
    assert (nieuw1, nieuw2) == (True, False)
    assert s1.pk == s2.pk
    assert Signalering.objects.open().count() == 1
    assert len(mail.outbox) == 1
    assert EmailBericht.objects.filter(verzonden_op__isnull=False).count() == 1


def test_database_staat_maar_een_open_signalering_per_object_en_soort_toe(dagen):
    raise_signalering(obj=dagen[0], soort="test", omschrijving="x")
    s = Signalering.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signalering.objects.create(content_type=s.content_type, object_id=s.object_id, soort="test", omschrijving="y")
    resolve_signalering(obj=dagen[0], soort="test")
    raise_signalering(obj=dagen[0], soort="test", omschrijving="opnieuw")  # after resolving, a new one may open
    assert Signalering.objects.filter(soort="test").count() == 2


def test_resolve_is_idempotent(dagen):
    raise_signalering(obj=dagen[0], soort="test", omschrijving="x")
    assert resolve_signalering(obj=dagen[0], soort="test") == 1
    assert resolve_signalering(obj=dagen[0], soort="test") == 0


def test_sync_opent_nieuwe_en_lost_verdwenen_op_in_vaste_aantal_queries(
    dagen, maak_gebruiker, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    maak_gebruiker("management")
    te_laat = Sluitingsdag.objects.filter(datum__lte=date(2030, 1, 4))
    with django_capture_on_commit_callbacks(execute=False):
        r1 = sync_signaleringen(soort="t", te_laat=te_laat, omschrijving=str, groepen=["management"])
    assert (r1.nieuw, r1.opgelost) == (3, 0)
    # The same set again: nothing new, nothing resolved.
    r2 = sync_signaleringen(soort="t", te_laat=te_laat, omschrijving=str, groepen=["management"])
    assert (r2.nieuw, r2.opgelost) == (0, 0)
    # All six overdue, then only the last two: counts in a fixed number of queries whatever the volume.
    with django_assert_max_num_queries(9):
        r3 = sync_signaleringen(soort="t", te_laat=Sluitingsdag.objects.all(), omschrijving=str, groepen=["management"])
    assert r3.nieuw == 3
    with django_assert_max_num_queries(9):
        r4 = sync_signaleringen(
            soort="t", te_laat=Sluitingsdag.objects.filter(datum__gte=date(2030, 1, 6)), omschrijving=str
        )
    assert (r4.nieuw, r4.opgelost) == (0, 4)
    assert Signalering.objects.open().filter(soort="t").count() == 2


def test_melding_gaat_naar_rolleden_binnen_hun_gebied(dagen, maak_gebruiker, django_capture_on_commit_callbacks):
    landgraaf = maak_gebruiker("gedragswetenschapper", gebieden=["landgraaf"])
    heerlen = maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"])
    management = maak_gebruiker("management")
    raise_signalering(
        obj=dagen[0],
        soort="vt",
        omschrijving="niet opgevolgd",
        groepen=["gedragswetenschapper", "management"],
        gebied=Gebied.objects.get(code="landgraaf"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        notificeer_nieuwe()
    ontvangers = {adres for m in mail.outbox for adres in m.to}
    assert ontvangers == {landgraaf.email, management.email}
    assert heerlen.email not in ontvangers
    # Once: a second round sends nothing.
    assert notificeer_nieuwe() == 0
    # The home page list follows the same scope.
    assert open_signaleringen_voor(landgraaf).count() == 1
    assert open_signaleringen_voor(heerlen).count() == 0
    assert open_signaleringen_voor(management).count() == 1


def test_startpagina_toont_open_signaleringen_van_de_gebruiker(dagen, web_als):
    client = web_als("functioneel_beheerder")
    raise_signalering(
        obj=dagen[0], soort="test", omschrijving="Sluitingsdag controleren", groepen=["functioneel_beheerder"]
    )
    html = client.get("/").content.decode()
    assert "Sluitingsdag controleren" in html
    resolve_signalering(obj=dagen[0], soort="test")
    assert "Sluitingsdag controleren" not in client.get("/").content.decode()


def test_ververs_na_commit_een_keer_per_transactie(db, django_capture_on_commit_callbacks):
    from jens.signaleringen import ververs_na_commit

    gedraaid = []

    def scan():
        gedraaid.append(1)

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(50):  # fifty writes in one transaction: one scan
            ververs_na_commit(scan)
    assert gedraaid == [1]
    with django_capture_on_commit_callbacks(execute=True):
        ververs_na_commit(scan)  # a later transaction scans again
    assert gedraaid == [1, 1]


def test_melding_vat_samen_met_aantallen_per_soort_en_een_link(
    dagen, maak_gebruiker, settings, django_capture_on_commit_callbacks
):
    settings.JENS_BASIS_URL = "https://werkplaats.jens.example"
    beheerder = maak_gebruiker("functioneel_beheerder")
    for i, dag in enumerate(dagen):
        raise_signalering(
            obj=dag,
            soort="test_a" if i < 4 else "test_b",
            omschrijving=f"Item {dag.pk} met een eigen tekst",
            groepen=["functioneel_beheerder"],
            deadline=date(2030, 2, 1 + i),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert notificeer_nieuwe() == 6
    [bericht] = mail.outbox
    assert bericht.to == [beheerder.email]
    assert bericht.subject == "JENS werkplaats: 6 nieuwe signalering(en)"
    assert "- Test a: 4 (vroegste termijn 01-02-2030)" in bericht.body
    assert "- Test b: 2 (vroegste termijn 05-02-2030)" in bericht.body
    assert "https://werkplaats.jens.example/" in bericht.body
    assert "Item" not in bericht.body  # counts, not every item
