"""The stored care periods that the client counts read: the same figures as the definitions applied to the
requests themselves, kept in step by every write, and rebuilt set-based."""

import random
from datetime import date, timedelta

import pytest

from cases import selectors
from cases.models import Hulpvraag, Jeugdige, Zorgperiode
from cases.zorgperiodes import herbouw
from jens.models import Gebied
from jens.periode import Periode
from tests.cases.factories import HulpvraagFactory, JeugdigeFactory

pytestmark = pytest.mark.django_db


def _in_zorg_op(hulpvragen: list[Hulpvraag], dag: date) -> set[int]:
    """Young people in care on ``dag`` by the definition: a request received before that day, not closed before it."""
    return {
        h.jeugdige_id
        for h in hulpvragen
        if h.ontvangen_op < dag and (h.afgesloten_op is None or h.afgesloten_op >= dag)
    }


def _actief_in(hulpvragen: list[Hulpvraag], van: date, tot: date) -> set[int]:
    return {
        h.jeugdige_id
        for h in hulpvragen
        if h.ontvangen_op <= tot and (h.afgesloten_op is None or h.afgesloten_op >= van)
    }


def _verwacht_per_maand(periode: Periode, gemeente_id: int | None = None) -> list[dict]:
    hv = [h for h in Hulpvraag.objects.select_related("jeugdige") if gemeente_id in (None, h.jeugdige.gemeente_id)]
    uit = []
    for maand, van, tot in selectors._maanddelen(periode):
        actief, aanvang, eind = _actief_in(hv, van, tot), _in_zorg_op(hv, van), _in_zorg_op(hv, tot + timedelta(days=1))
        uit.append(
            {"maand": maand, "in_zorg": len(eind), "instroom": len(actief - aanvang), "uitstroom": len(actief - eind)}
        )
    return uit


def _willekeurige_hulpvragen(n: int, seed: int) -> None:
    """n young people with 1–4 requests each around 2023: overlapping, touching on one day, a day apart,
    still open, closed on the day they were received."""
    rng = random.Random(seed)
    gebieden = list(Gebied.objects.order_by("code"))
    for _ in range(n):
        gebied = rng.choice(gebieden)
        j = JeugdigeFactory(gebied=gebied, gemeente=gebied.gemeente)
        dag = date(2022, 6, 1) + timedelta(days=rng.randint(0, 500))
        for _ in range(rng.randint(1, 4)):
            duur = rng.choice([0, 1, 3, 20, 45, 120, 400, None])
            gesloten = None if duur is None else dag + timedelta(days=duur)
            HulpvraagFactory(jeugdige=j, ontvangen_op=dag, afgesloten_op=gesloten)
            dag = (gesloten or dag) + timedelta(days=rng.choice([-10, 0, 1, 2, 31]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tellingen_uit_zorgperiodes_gelijk_aan_de_definitie_op_de_hulpvragen(seed):
    _willekeurige_hulpvragen(25, seed)
    for label in ("2023H1", "2023H2", "2023", "2023-04-15..2023-05-20"):
        periode = Periode.parse(label)
        assert selectors.clienten_per_maand(periode) == _verwacht_per_maand(periode), label
        rapport = selectors.clienten_rapport(periode)
        hv = list(Hulpvraag.objects.select_related("jeugdige"))
        for rij in rapport["rijen"][:-1]:
            gid = Jeugdige.objects.filter(gemeente__naam=rij["gemeente"]).values_list("gemeente_id", flat=True).first()
            eigen = [h for h in hv if h.jeugdige.gemeente_id == gid]
            actief = _actief_in(eigen, periode.van, periode.tot)
            aanvang = _in_zorg_op(eigen, periode.van)
            ultimo = _in_zorg_op(eigen, periode.tot + timedelta(days=1))
            assert (rij["bij_aanvang"], rij["instroom"], rij["uitstroom"], rij["ultimo"]) == (
                len(aanvang),
                len(actief - aanvang),
                len(actief - ultimo),
                len(ultimo),
            ), (label, rij["gemeente"])


def _perioden(j: Jeugdige) -> list[tuple]:
    return list(Zorgperiode.objects.filter(jeugdige=j).order_by("begin").values_list("begin", "eind", "vorige_eind"))


def test_samenvoegen_op_dezelfde_dag_niet_op_de_dag_erna():
    j = JeugdigeFactory()
    HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 1, 2), afgesloten_op=date(2023, 2, 1))
    HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 2, 1), afgesloten_op=date(2023, 3, 1))  # same day: one
    HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 3, 2), afgesloten_op=None)  # the day after: a new one
    assert _perioden(j) == [
        (date(2023, 1, 2), date(2023, 3, 1), None),
        (date(2023, 3, 2), None, date(2023, 3, 1)),
    ]


def test_elke_schrijfactie_houdt_de_perioden_bij():
    j = JeugdigeFactory()
    h = HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 1, 2))
    assert _perioden(j) == [(date(2023, 1, 2), None, None)]
    h.afgesloten_op = date(2023, 4, 30)  # closed (as the service, the admin and the API save it)
    h.save()
    assert _perioden(j) == [(date(2023, 1, 2), date(2023, 4, 30), None)]

    ander = JeugdigeFactory()
    h.jeugdige = ander  # moved to another young person: both rebuilt
    h.save()
    assert _perioden(j) == [] and _perioden(ander) == [(date(2023, 1, 2), date(2023, 4, 30), None)]

    voerendaal = Gebied.objects.get(code="voerendaal")
    ander.gebied, ander.gemeente = voerendaal, voerendaal.gemeente  # moved to another gemeente
    ander.save()
    assert set(Zorgperiode.objects.filter(jeugdige=ander).values_list("gemeente_id", flat=True)) == {
        voerendaal.gemeente_id
    }

    h.delete()
    assert _perioden(ander) == []


def test_opslaan_zonder_andere_datum_kost_geen_query(django_assert_num_queries):
    h = HulpvraagFactory(ontvangen_op=date(2023, 1, 2))
    h = Hulpvraag.objects.get(pk=h.pk)
    h.verwijzer = Hulpvraag.Verwijzer.JEUGDARTS
    with django_assert_num_queries(2):  # the update and the history row
        h.save()
    h.afgesloten_op = date(2023, 5, 1)
    with django_assert_num_queries(2 + 4):  # + the periods deleted and rebuilt inside a savepoint
        h.save()


def test_herbouw_van_alles_gelijk_aan_bijgehouden():
    _willekeurige_hulpvragen(15, 7)
    bijgehouden = sorted(Zorgperiode.objects.values_list("jeugdige_id", "gemeente_id", "begin", "eind", "vorige_eind"))
    Hulpvraag.objects.filter(pk__in=Hulpvraag.objects.order_by("pk")[:5].values("pk")).update(afgesloten_op=None)
    herbouw()  # a bulk write that bypasses the signals calls it itself
    opnieuw = sorted(Zorgperiode.objects.values_list("jeugdige_id", "gemeente_id", "begin", "eind", "vorige_eind"))
    assert opnieuw != bijgehouden
    Hulpvraag.objects.update(afgesloten_op=None)
    herbouw(Jeugdige.objects.values_list("pk", flat=True))
    per_jeugdige = sorted(Zorgperiode.objects.values_list("jeugdige_id", "gemeente_id", "begin", "eind", "vorige_eind"))
    herbouw()
    assert sorted(Zorgperiode.objects.values_list("jeugdige_id", "gemeente_id", "begin", "eind", "vorige_eind")) == (
        per_jeugdige
    )
    assert all(eind is None for _, _, _, eind, _ in per_jeugdige)


def test_nachtelijke_taak_en_commando_herbouwen_wat_een_bulkschrijfactie_mist():
    from io import StringIO

    from django.core.management import call_command

    from cases.tasks import herbouw_zorgperiodes
    from jens.celery import app

    h = HulpvraagFactory(ontvangen_op=date(2023, 1, 2))
    Hulpvraag.objects.filter(pk=h.pk).update(afgesloten_op=date(2023, 2, 1))  # no signal
    assert _perioden(h.jeugdige) == [(date(2023, 1, 2), None, None)]
    assert herbouw_zorgperiodes.delay().get() == 1
    assert _perioden(h.jeugdige) == [(date(2023, 1, 2), date(2023, 2, 1), None)]
    Hulpvraag.objects.filter(pk=h.pk).update(afgesloten_op=None)
    uit = StringIO()
    call_command("herbouw_zorgperiodes", stdout=uit)
    assert "1 zorgperiodes herbouwd" in uit.getvalue()
    assert _perioden(h.jeugdige) == [(date(2023, 1, 2), None, None)]
    assert "cases.tasks.herbouw_zorgperiodes" in {t["task"] for t in app.conf.beat_schedule.values()}
