"""The stored care periods that the client counts read: the same figures as the definitions applied to the
requests themselves, kept in step by every write, and rebuilt set-based."""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection

from cases import selectors
from cases.models import Hulpvraag, Jeugdige, Klantreisdeel, Zorginzet, Zorgperiode
from cases.zorgperiodes import ZORGINZET, _zorginzet_statement, herbouw
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
            dag = (gesloten or dag) + timedelta(days=rng.choice([-10, 0, 1, 2, 30, 31]))


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
    assert set(Klantreisdeel.objects.filter(jeugdige=ander).values_list("gemeente_id", flat=True)) == {
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
    # + the periods and the journey places deleted and rebuilt, and the copies on the care rows, inside a savepoint
    with django_assert_num_queries(2 + 6 + 1):
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
    assert "1 zorgperiodes en 1 klantreisdelen herbouwd" in uit.getvalue()
    assert _perioden(h.jeugdige) == [(date(2023, 1, 2), None, None)]
    assert "cases.tasks.herbouw_zorgperiodes" in {t["task"] for t in app.conf.beat_schedule.values()}


# --- The copies on the care rows that the waiting lists read ---------------------------------------------------


def _kopieen() -> list[tuple]:
    return sorted(Zorginzet.objects.values_list("pk", "jeugdige_id", "gemeente_id", "hulpvraag_afgesloten_op"))


def _uit_hulpvraag() -> list[tuple]:
    return sorted(
        Zorginzet.objects.values_list("pk", "hulpvraag__jeugdige_id", "hulpvraag__jeugdige__gemeente_id",
                                      "hulpvraag__afgesloten_op")
    )  # fmt: skip


def test_zorginzet_volgt_hulpvraag_en_jeugdige_bij_elke_schrijfactie():
    from cases import services

    gebieden = list(Gebied.objects.select_related("gemeente").order_by("pk"))
    andere = next(g for g in gebieden if g.gemeente_id != gebieden[0].gemeente_id)
    j = JeugdigeFactory(gebied=gebieden[0], gemeente=gebieden[0].gemeente)
    h = HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 1, 2))
    # by the service (the request locked, its young person not loaded) and directly
    z1 = services.registreer_zorginzet(
        hulpvraag=h, vorm=Zorginzet.Vorm.BEGELEIDING, aangemeld_op=date(2023, 1, 5), gebied=gebieden[0]
    )
    z2 = Zorginzet.objects.create(
        hulpvraag=Hulpvraag.objects.get(pk=h.pk), vorm="training", aangemeld_op=date(2023, 1, 6), gebied=gebieden[0]
    )
    assert _kopieen() == _uit_hulpvraag() == [(z1.pk, j.pk, j.gemeente_id, None), (z2.pk, j.pk, j.gemeente_id, None)]
    services.sluit_hulpvraag(hulpvraag=h, op=date(2023, 3, 1), einde_reden=Hulpvraag.EindeReden.VOLGENS_PLAN)
    assert {a for *_, a in _kopieen()} == {date(2023, 3, 1)}
    services.wijzig_jeugdige(jeugdige=Jeugdige.objects.get(pk=j.pk), gemeente=andere.gemeente, gebied=andere)
    assert {g for _, _, g, _ in _kopieen()} == {andere.gemeente_id}
    # the request moved to another young person (admin): its care follows
    ander = JeugdigeFactory()
    h = Hulpvraag.objects.get(pk=h.pk)
    h.jeugdige = ander
    h.save()
    assert _kopieen() == _uit_hulpvraag()
    assert {jid for _, jid, _, _ in _kopieen()} == {ander.pk}
    # starting the care (a save of one field) leaves the copies as they are
    services.start_zorginzet(zorginzet=z1, op=date(2023, 1, 9))
    assert _kopieen() == _uit_hulpvraag()


def test_herbouw_zet_de_kopieen_recht_en_schrijft_niets_als_ze_kloppen(django_assert_num_queries):
    gebied = Gebied.objects.order_by("pk").first()
    for i in range(4):
        h = HulpvraagFactory(ontvangen_op=date(2023, 1, 2 + i))
        Zorginzet.objects.create(hulpvraag=h, vorm="begeleiding", aangemeld_op=date(2023, 1, 9), gebied=gebied)
    goed = _kopieen()
    Hulpvraag.objects.filter(pk=h.pk).update(afgesloten_op=date(2023, 2, 1))  # a bulk write: no signal
    assert _kopieen() == goed != _uit_hulpvraag()
    with django_assert_num_queries(3):  # one UPDATE … FROM for all care rows, in a savepoint
        herbouw(delen=(ZORGINZET,))
    assert _kopieen() == _uit_hulpvraag() != goed
    with connection.cursor() as c:  # in step: the rebuild's statement changes no row
        c.execute(_zorginzet_statement(""))
        assert c.rowcount == 0
        Hulpvraag.objects.filter(pk=h.pk).update(afgesloten_op=None)
        c.execute(_zorginzet_statement(""))
        assert c.rowcount == 1


# --- The client journey from the stored journey places -------------------------------------------------------


def _verwachte_klantreis(periode: Periode, gap: int, gemeente_id: int | None = None) -> dict:
    """The journey figures by the definition, chained request by request in Python over the requests received by
    the period's last day: a request received while one of the journey is open, or within ``gap`` days of its
    latest closure, continues the journey; otherwise it starts a new one."""
    hv = sorted(
        (h for h in Hulpvraag.objects.select_related("jeugdige") if gemeente_id in (None, h.jeugdige.gemeente_id)),
        key=lambda h: (h.jeugdige_id, h.ontvangen_op, h.pk),
    )
    reizen: dict[int, list[dict]] = {}
    for h in hv:
        if h.ontvangen_op > periode.tot:
            continue
        lijst = reizen.setdefault(h.jeugdige_id, [])
        vorige = lijst[-1] if lijst else None
        if vorige and (vorige["open"] or h.ontvangen_op <= vorige["einde"] + timedelta(days=gap)):
            vorige["open"] = vorige["open"] or h.afgesloten_op is None
            vorige["einde"] = None if vorige["open"] else max(vorige["einde"], h.afgesloten_op)
            vorige["instroom"].append((h.ontvangen_op, "voortzetting"))
        else:
            soort = "terugkerend" if lijst else "eerste_keer"
            lijst.append({"begin": h.ontvangen_op, "einde": h.afgesloten_op, "open": h.afgesloten_op is None,
                          "instroom": [(h.ontvangen_op, soort)]})  # fmt: skip
    lengtes, terug, instroom = [], 0, {"eerste_keer": 0, "terugkerend": 0, "voortzetting": 0}
    for lijst in reizen.values():
        for i, reis in enumerate(lijst):
            if reis["einde"] is not None and periode.van <= reis["einde"] <= periode.tot:
                lengtes.append((reis["einde"] - reis["begin"]).days)
                terug += i > 0
            for ontvangen, soort in reis["instroom"]:
                instroom[soort] += periode.van <= ontvangen <= periode.tot
    gesloten = [
        (h.afgesloten_op - h.ontvangen_op).days
        for h in hv
        if h.afgesloten_op and periode.van <= h.afgesloten_op <= periode.tot
    ]

    def gemiddeld(w):
        return None if not w else int((Decimal(sum(w)) / len(w)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))

    return {
        "afgeronde_klantreizen": len(lengtes),
        "gemiddelde_duur_dagen": gemiddeld(lengtes),
        "afgesloten_hulpvragen": len(gesloten),
        "gemiddelde_duur_hulpvraag_dagen": gemiddeld(gesloten),
        "terugkerende_clienten": terug,
        **instroom,
    }


_KLANTREIS = (
    "afgeronde_klantreizen", "gemiddelde_duur_dagen", "afgesloten_hulpvragen", "gemiddelde_duur_hulpvraag_dagen",
    "terugkerende_clienten", "eerste_keer", "terugkerend", "voortzetting",
)  # fmt: skip


def _klantreis(periode: Periode, **kw) -> dict:
    k = selectors.klantreis_cijfers(periode, **kw)
    return {sleutel: k[sleutel] for sleutel in _KLANTREIS}


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_klantreis_uit_de_opgeslagen_reisdelen_gelijk_aan_de_definitie(seed):
    _willekeurige_hulpvragen(30, seed)
    for label in ("2022H2", "2023H1", "2023H2", "2023", "2023-04-15..2023-05-20"):
        periode = Periode.parse(label)
        assert _klantreis(periode) == _verwachte_klantreis(periode, 30), label
        for gemeente in Gebied.objects.values_list("gemeente_id", flat=True).distinct():
            assert _klantreis(periode, gemeente=gemeente) == _verwachte_klantreis(periode, 30, gemeente), label


def test_klantreis_volgt_elke_schrijfactie_en_de_ingestelde_aansluiting(settings):
    j = JeugdigeFactory()
    a = HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 1, 2), afgesloten_op=date(2023, 2, 1))
    b = HulpvraagFactory(jeugdige=j, ontvangen_op=date(2023, 3, 1), afgesloten_op=date(2023, 4, 1))  # 28 days on
    h1 = Periode.parse("2023H1")
    assert _klantreis(h1)["voortzetting"] == 1 and _klantreis(h1)["gemiddelde_duur_dagen"] == 89
    b.ontvangen_op = date(2023, 3, 4)  # 31 days after the closure: a returning young person
    b.save()
    assert (_klantreis(h1)["terugkerend"], _klantreis(h1)["terugkerende_clienten"]) == (1, 1)
    assert _klantreis(h1) == _verwachte_klantreis(h1, 30)
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "CASES_KLANTREIS_AANSLUITING_DAGEN": 60}
    herbouw()  # a changed gap takes effect with the rebuild
    assert _klantreis(h1) == _verwachte_klantreis(h1, 60) and _klantreis(h1)["voortzetting"] == 1
    a.delete()
    assert _klantreis(h1)["eerste_keer"] == 1 and _klantreis(h1)["afgeronde_klantreizen"] == 1


def test_klantreis_herbouw_van_alles_gelijk_aan_bijgehouden():
    _willekeurige_hulpvragen(15, 8)
    velden = [f.attname for f in Klantreisdeel._meta.concrete_fields]
    bijgehouden = sorted(Klantreisdeel.objects.values_list(*velden))
    herbouw()
    assert sorted(Klantreisdeel.objects.values_list(*velden)) == bijgehouden
    assert Klantreisdeel.objects.count() == Hulpvraag.objects.count()
