"""The API's pagination (jens.permissions.Paginering): a bounded count, deep pages, a fixed number of
queries whatever the table's size, and the indexes the list orderings and the search need."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cases.factories import JeugdigeFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/jeugdigen/"


@pytest.fixture
def twaalf(db):
    return [JeugdigeFactory() for _ in range(12)]


def _queries(client, **params):
    with CaptureQueriesContext(connection) as q:
        r = client.get(URL, params)
    assert r.status_code == 200, r.content
    return r, len(q)


def test_telling_tot_de_grens_is_exact(twaalf, api_als, settings):
    settings.JENS_API_TELGRENS = 100
    r = api_als("management").get(URL, {"page_size": 5})
    assert (r.data["count"], r.data["count_exact"]) == (12, True)
    assert r.data["next"].endswith("page=2&page_size=5")


def test_boven_de_grens_telt_de_lijst_niet_verder_en_bladert_toch_tot_het_eind(twaalf, api_als, settings):
    settings.JENS_API_TELGRENS = 5
    m = api_als("management")
    eerste = m.get(URL, {"page_size": 2})
    assert (eerste.data["count"], eerste.data["count_exact"]) == (5, False)
    assert eerste.data["next"] and eerste.data["previous"] is None
    gezien = []
    for pagina in range(1, 7):  # past the limit: pages 3..6 still work, on the ordering
        r = m.get(URL, {"page_size": 2, "page": pagina})
        assert r.status_code == 200
        gezien += [x["clientnummer"] for x in r.data["results"]]
    assert gezien == sorted(j.clientnummer for j in twaalf)
    assert r.data["next"] is None and r.data["previous"]  # page 6 is the last: no next link
    assert m.get(URL, {"page_size": 2, "page": 7}).status_code == 404
    assert m.get(URL, {"page": "last"}).status_code == 404  # the last page is not known without counting


def test_even_veel_queries_met_en_zonder_grens_en_op_een_diepe_pagina(twaalf, api_als, settings):
    m = api_als("management")
    m.get(URL)  # warm up the permission cache
    settings.JENS_API_TELGRENS = 100
    _, exact = _queries(m, page_size=2)
    settings.JENS_API_TELGRENS = 5
    _, begrensd = _queries(m, page_size=2)
    r, diep = _queries(m, page_size=2, page=6)
    assert exact == begrensd == diep == 2  # the bounded count and one page (its ids chosen in a subquery)
    assert len(r.data["results"]) == 2


def test_de_telling_leest_hoogstens_de_grens_plus_een(twaalf, api_als, settings):
    settings.JENS_API_TELGRENS = 5
    m = api_als("management")
    with CaptureQueriesContext(connection) as q:
        m.get(URL)
    [telling] = [x["sql"] for x in q.captured_queries if "COUNT(" in x["sql"].upper()]
    assert "LIMIT 6" in telling.upper() and "ORDER BY" not in telling.upper()


def test_schema_beschrijft_count_exact(api_als):
    schema = api_als("management").get("/api/schema/", {"format": "json"}).json()
    pagina = schema["components"]["schemas"]["PaginatedJeugdigeLijstList"]
    assert pagina["required"] == ["count", "count_exact", "results"]
    assert pagina["properties"]["count_exact"]["type"] == "boolean"


def test_trigramindex_op_achternaam_alleen_op_postgresql(twaalf, api_als):
    with connection.cursor() as cursor:
        indexen = connection.introspection.get_constraints(cursor, "cases_jeugdige")
        log_indexen = connection.introspection.get_constraints(cursor, "jens_toegangslog")
    if connection.vendor == "postgresql":
        assert "jeugdige_achternaam_trgm_idx" in indexen
        assert "toegangslog_clienten_trgm_idx" in log_indexen
    else:
        assert "jeugdige_achternaam_trgm_idx" not in indexen
    assert {"jeugdige_clientnr_upper_idx", "jeugdige_geboren_idx"} <= set(indexen)
    # the search itself works the same on both (by surname: a gedragswetenschapper; management searches on
    # client number only)
    r = api_als("gedragswetenschapper", gebieden=["heerlen-1"]).get(URL, {"zoek": twaalf[3].achternaam[-3:]})
    assert twaalf[3].clientnummer in {x["clientnummer"] for x in r.data["results"]}
