"""The benchmark (manage.py benchmark) kept alive: its proportions, its measuring harness on either
database, its set-based fill and a few measurements on PostgreSQL (at a small scale, in the test
database), and its refusal to touch the configured database."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from jens.benchmark import metingen, vullen
from jens.models import Gemeente


def test_omvang_volgt_de_landelijke_verhoudingen():
    landelijk = vullen.Omvang(vullen.NATIONAAL)
    assert (landelijk.hulpvragen, landelijk.jeugdigen, landelijk.zorginzet) == (1_000_000,) * 3
    assert (landelijk.klachten, landelijk.plaatsingen, landelijk.aanbieders) == (200_000, 50_000, 10_000)
    assert (landelijk.uitgaven, landelijk.toegangslog, landelijk.importrijen) == (250_000, 3_000_000, 10_000)
    klein = vullen.Omvang(20_000)
    assert (klein.klachten, klein.aanbieders, klein.toegangslog) == (4_000, 200, 60_000)


def test_percentiel_is_nearest_rank():
    assert metingen.percentiel([5.0], 95) == 5.0
    assert metingen.percentiel([float(i) for i in range(1, 21)], 95) == 19.0
    assert metingen.percentiel([float(i) for i in range(1, 21)], 50) == 10.0


@pytest.mark.django_db
def test_meet_telt_queries_en_speelt_de_sql_opnieuw_af():
    """The harness on whichever database runs the suite: the queries of one run, the same SQL replayed
    alone (and rolled back: a replayed write leaves nothing behind), and the ratio."""

    def pad():
        list(Gemeente.objects.order_by("naam"))
        Gemeente.objects.filter(code="heerlen").update(naam="Heerlen")
        return Gemeente.objects.count()

    m = metingen.meet("proef", "drie queries", pad, rijen=3, herhalingen=3, doel_ms=10_000)
    assert m.queries == 3
    assert m.herhalingen == 3
    assert m.p50_ms is not None and m.p95_ms >= m.p50_ms
    assert m.sql_alleen_ms is not None and m.sql_alleen_ms > 0
    assert m.verhouding == pytest.approx(m.p50_ms / m.sql_alleen_ms, rel=0.1)
    assert m.gehaald is True
    assert Gemeente.objects.get(code="heerlen").naam == "Heerlen"


def test_weigert_een_server_die_geen_postgresql_is():
    with pytest.raises(CommandError, match="alleen op PostgreSQL"):
        call_command("benchmark", "--server", "sqlite:///niet-postgres.sqlite3", "--schaal", "2000")


def test_weigert_een_onbekende_meetgroep():
    with pytest.raises(CommandError, match="Onbekende meetgroep"):
        call_command("benchmark", "--alleen", "rapport,koffie", "--schaal", "2000")


def test_weigert_de_geconfigureerde_database():
    """The configured database is never the benchmark's: it would be dropped and refilled."""
    from jens.management.commands.benchmark import PG, weiger_eigen_database

    geconf = {"ENGINE": PG, "NAME": "jens", "HOST": "db.intern", "PORT": 5432}
    with pytest.raises(CommandError, match="Geweigerd: 'jens' is de geconfigureerde database"):
        weiger_eigen_database({"HOST": "db.intern", "PORT": "5432"}, "jens", geconf)
    weiger_eigen_database({"HOST": "db.intern", "PORT": 5432}, "jens_bench", geconf)  # another name: fine
    weiger_eigen_database({"HOST": "elders", "PORT": 5432}, "jens", geconf)  # another server: fine


@pytest.mark.django_db
def test_vulling_en_metingen_op_kleine_schaal():
    """The set-based fill at a small scale in the test database (rolled back afterwards), then the
    client counts and two lists measured on it. On SQLite the fill refuses with a clear message."""
    if connection.vendor != "postgresql":
        with pytest.raises(RuntimeError, match="PostgreSQL"):
            vullen.vul(500, vandaag=date(2026, 12, 3), uit=io.StringIO())
        return
    rijen = vullen.vul(500, vandaag=date(2026, 12, 3), uit=io.StringIO())
    assert rijen["cases.Hulpvraag"] == rijen["cases.Jeugdige"] == rijen["cases.Zorginzet"] == 500
    assert rijen["complaints.Klacht"] == 100
    assert rijen["jens.Toegangslog"] == 1500
    # Every closed request is closed after it was received, every open one is 'lopend' (the constraints
    # held, or the insert would have failed); some are open and some closed.
    from cases.models import Hulpvraag

    assert Hulpvraag.objects.filter(afgesloten_op__isnull=True).exists()
    assert Hulpvraag.objects.filter(status="afgesloten").exists()

    tabel = {k: v for k, v in rijen.items() if not k.startswith("_")}
    users = metingen.gebruikers()
    with metingen.afgeschermd():
        uitkomsten = metingen.clienttellingen(herhalingen=1, rijen=tabel)
        uitkomsten += metingen.lijsten(herhalingen=1, rijen=tabel, users=users)[:2]
    namen = [m.naam for m in uitkomsten]
    assert namen == ["clienten_2023H1", "api_jeugdigen_p1", "api_jeugdigen_diep"]
    assert all(m.queries and m.p50_ms is not None and m.sql_alleen_ms is not None for m in uitkomsten)
