"""Within one build of the dashboard or the report, a selector that several parts need runs once; the figures are
the same as part by part, and each part gets its own copy."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import selectors as cases_selectors
from jens.dashboard import selectors as s
from jens.dashboard.rapport import bouw_rapport
from jens.eenmalig import opbouw
from jens.periode import Periode

pytestmark = pytest.mark.django_db

H1 = Periode.parse("2023H1")
# the care split with its unique clients (the zorg part and the finance part both need it)
ZORGVERDELING = re.compile(r'COUNT\(DISTINCT "cases_zorginzet"\."jeugdige_id"\) FILTER \(WHERE "cases_zorginzet"')


def _tel(sql_patroon, doe) -> tuple[int, int, object]:
    with CaptureQueriesContext(connection) as c:
        uit = doe()
    return sum(bool(sql_patroon.search(q["sql"])) for q in c.captured_queries), len(c.captured_queries), uit


def test_een_opbouw_leest_wat_meer_onderdelen_nodig_hebben_een_keer(casussen):
    f = s.Filter(H1)
    los_verdeling, los_totaal, los = _tel(ZORGVERDELING, lambda: [maak(f) for maak in s.ONDERDELEN])
    samen_verdeling, samen_totaal, samen = _tel(ZORGVERDELING, lambda: s.alle_onderdelen(f))
    assert (los_verdeling, samen_verdeling) == (2, 1)
    # also the monthly client counts of the period (the clients part and the cost per client)
    assert samen_totaal == los_totaal - 2
    assert samen == los
    rapport_verdeling, rapport_totaal, _ = _tel(ZORGVERDELING, lambda: bouw_rapport(f, maskeren=False))
    assert (rapport_verdeling, rapport_totaal) == (1, samen_totaal)


def test_binnen_een_opbouw_een_eigen_kopie_en_daarbuiten_steeds_de_database(casussen, django_assert_num_queries):
    with django_assert_num_queries(1):
        cases_selectors.aandeel_gebiedsteam(H1)
    with django_assert_num_queries(1):
        cases_selectors.aandeel_gebiedsteam(H1)  # outside a build: read again
    with opbouw():
        with django_assert_num_queries(1):
            eerste = cases_selectors.aandeel_gebiedsteam(H1)
            eerste["totaal"] = -1  # a caller that changes its result
            tweede = cases_selectors.aandeel_gebiedsteam(H1)
        assert tweede["totaal"] != -1
        with django_assert_num_queries(1):
            cases_selectors.aandeel_gebiedsteam(H1, gemeente="voerendaal")  # other arguments: its own read
