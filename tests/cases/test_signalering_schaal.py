"""The casework overdue scan at two sizes: the same fixed number of queries, and a steady run (nothing
new) loads no overdue row into Python at all: the database does the comparison."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import services
from cases import signaleringen as soorten
from cases.models import Hulpvraag, MeldcodeTraject, VeiligThuisMelding
from jens.models import Signalering

from .factories import HulpvraagFactory, MeldcodeTrajectFactory, VeiligThuisMeldingFactory

pytestmark = pytest.mark.django_db

OP = date(2025, 4, 1)


def _maak_te_laat(n: int) -> None:
    for i in range(n):
        dag = date(2025, 3, 3 + i % 20)
        VeiligThuisMeldingFactory(ontvangen_op=dag)
        HulpvraagFactory(ontvangen_op=dag)  # dossier overdue
        MeldcodeTrajectFactory(gemeld_op=dag, terugkoppeling_uiterlijk=dag)


def _scan() -> tuple[CaptureQueriesContext, dict]:
    for model in (Hulpvraag, VeiligThuisMelding, MeldcodeTraject):
        ContentType.objects.get_for_model(model)  # cached per process: not part of the scan's cost
    with CaptureQueriesContext(connection) as queries:
        resultaat = services.signaleer_te_laat(op=OP)
    return queries, resultaat


def _zonder_savepoints(queries) -> list[str]:
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"].upper()]


@pytest.mark.parametrize("aantal", [2, 25])
def test_eerste_en_stabiele_scan_in_vaste_aantal_queries(aantal, maak_gebruiker):
    maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"])
    _maak_te_laat(aantal)
    eerste, resultaat = _scan()
    assert resultaat[soorten.DOSSIER_TE_LAAT].nieuw == aantal
    assert resultaat[soorten.VT_NIET_OPGEVOLGD].nieuw == aantal
    assert resultaat[soorten.VT_TERUGKOPPELING_ONTBREEKT].nieuw == aantal
    # per kind: the ids of new and of resolved items (both differences in one query); a kind with new items
    # also reads them (with their joins), its roles, and inserts them with their roles: four more
    assert len(_zonder_savepoints(eerste)) == 6 * 1 + 3 * 4
    stabiel, resultaat = _scan()
    assert all(r.nieuw == 0 and r.opgelost == 0 for r in resultaat.values())
    assert len(_zonder_savepoints(stabiel)) == 6 * 1  # the differences (none either way): whatever the size
    assert Signalering.objects.open().filter(soort=soorten.DOSSIER_TE_LAAT).count() == aantal


def test_stabiele_scan_leest_geen_rij_van_wat_al_gesignaleerd_is(maak_gebruiker):
    """The select for new items takes the open signaleringen away in SQL (EXCEPT), so the steady run
    brings back zero rows however many items are overdue."""
    _maak_te_laat(10)
    _scan()
    stabiel, _ = _scan()
    selects = [q for q in _zonder_savepoints(stabiel) if q.lstrip().upper().startswith(("SELECT", "(SELECT", "WITH"))]
    nieuw_query = [q for q in selects if "cases_hulpvraag" in q and "EXCEPT" in q.upper()]
    assert nieuw_query, "the new items come from one set difference per kind"
    assert all("cases_jeugdige" not in q for q in nieuw_query), "the difference runs without the joins"
    assert Signalering.objects.open().count() == 30


def test_opgeloste_items_in_een_update(maak_gebruiker):
    _maak_te_laat(5)
    _scan()
    for h in services.te_late_dossiers(OP)[:3]:
        services.sluit_hulpvraag(hulpvraag=h, op=OP, einde_reden="overig")
    _, resultaat = _scan()
    assert (resultaat[soorten.DOSSIER_TE_LAAT].nieuw, resultaat[soorten.DOSSIER_TE_LAAT].opgelost) == (0, 3)
    assert Signalering.objects.open().filter(soort=soorten.DOSSIER_TE_LAAT).count() == 2


def test_opgelost_eerst_gelezen_dan_per_blok_bijgewerkt_en_stabiel_schrijft_niets(maak_gebruiker, monkeypatch):
    """The resolved ids are read with the new ones (one statement, each side materialized once) and updated by
    id in blocks, so the planner cannot re-run the difference once per open signalering (it did while the
    statistics lagged); a steady run writes nothing."""
    import jens.signaleringen

    monkeypatch.setattr(jens.signaleringen, "_PER_UPDATE", 2)
    _maak_te_laat(5)
    _scan()
    stabiel, _ = _scan()
    assert not [q for q in _zonder_savepoints(stabiel) if q.lstrip().upper().startswith("UPDATE")]
    for h in services.te_late_dossiers(OP):
        services.sluit_hulpvraag(hulpvraag=h, op=OP, einde_reden="overig")
    queries, resultaat = _scan()
    assert resultaat[soorten.DOSSIER_TE_LAAT].opgelost == 5
    updates = [q for q in _zonder_savepoints(queries) if q.lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 3  # 2 + 2 + 1
    assert all("EXCEPT" not in q.upper() and "SELECT" not in q.upper() for q in updates)
    assert not Signalering.objects.open().filter(soort=soorten.DOSSIER_TE_LAAT).exists()
