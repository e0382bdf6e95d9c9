"""The home page is a work queue: counts per kind, filters, 'mijn taken', late items first, one page at a
time in a fixed number of queries, the kind not repeated in the description, only the user's own items."""

import re
from datetime import date, timedelta

import pytest

from jens.models import Gebied, Sluitingsdag
from jens.signaleringen import raise_signalering, registreer_soorten
from tests import klok

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(klok.KERSTAVOND)]

VANDAAG = date(2027, 12, 24)


@pytest.fixture(autouse=True)
def _soorten():
    registreer_soorten({"test_laat": "Testsoort laat", "test_ander": "Andere testsoort"})


def _flag(n: int, soort: str, *, deadline: date | None, groep="gebiedsmanager", gebied="landgraaf", wie=None):
    dag = Sluitingsdag.objects.create(datum=date(2031, 1, 1) + timedelta(days=n), omschrijving=f"dag {n}")
    return raise_signalering(
        obj=dag,
        soort=soort,
        omschrijving=f"Medewerker {n}",
        groepen=[groep],
        verantwoordelijke=wie,
        gebied=Gebied.objects.get(code=gebied),
        deadline=deadline,
        url=f"/team/?n={n}",
    )[0]


@pytest.fixture
def gm(web_als):
    return web_als("gebiedsmanager", gebieden=["landgraaf"])


def test_tellingen_per_soort_en_te_laat_eerst(gm):
    _flag(1, "test_laat", deadline=VANDAAG - timedelta(days=3))
    _flag(2, "test_laat", deadline=VANDAAG + timedelta(days=2))
    _flag(3, "test_ander", deadline=None)
    _flag(4, "test_laat", deadline=VANDAAG - timedelta(days=400))
    _flag(5, "test_laat", deadline=VANDAAG - timedelta(days=1), gebied="heerlen-1")  # another area: not theirs
    r = gm.get("/")
    tellingen = {t.label: (t.aantal, t.te_laat) for t in r.context["soorten"]}
    assert tellingen == {"Testsoort laat": (3, 2), "Andere testsoort": (1, 0)}
    assert (r.context["totaal"], r.context["totaal_te_laat"]) == (4, 2)
    assert [s.omschrijving for s, _ in r.context["rijen"]] == [
        "Medewerker 4",
        "Medewerker 1",
        "Medewerker 2",
        "Medewerker 3",
    ]
    assert [dagen for _, dagen in r.context["rijen"]] == [400, 3, None, None]
    html = r.content.decode()
    assert "Medewerker 5" not in html
    # the kind is its own column, not repeated in the description
    assert re.search(r"<td>Testsoort laat</td>\s*<td><a href=\"/team/\?n=1\">Medewerker 1</a></td>", html)


def test_filters_soort_termijn_gebied(gm):
    _flag(1, "test_laat", deadline=VANDAAG - timedelta(days=3))
    _flag(2, "test_laat", deadline=VANDAAG + timedelta(days=2))
    _flag(3, "test_ander", deadline=VANDAAG - timedelta(days=1))

    def namen(**params):
        return [s.omschrijving for s, _ in gm.get("/", params).context["rijen"]]

    assert namen(soort="test_ander") == ["Medewerker 3"]
    assert namen(termijn="te_laat") == ["Medewerker 1", "Medewerker 3"]
    assert namen(termijn="op_tijd") == ["Medewerker 2"]
    assert namen(soort="test_laat", termijn="te_laat") == ["Medewerker 1"]
    assert namen(gebied="landgraaf") == ["Medewerker 1", "Medewerker 3", "Medewerker 2"]
    # an area outside the scope is not a choice: the filter is ignored, the queue stays the user's own
    r = gm.get("/", {"gebied": "heerlen-1"})
    assert "gebied" in r.context["filters"].errors


def test_mijn_taken(gm, maak_gebruiker):
    collega = maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"])
    _flag(1, "test_laat", deadline=VANDAAG, wie=gm.user)
    _flag(2, "test_laat", deadline=VANDAAG, wie=collega)
    _flag(3, "test_laat", deadline=VANDAAG)
    r = gm.get("/")
    assert r.context["totaal_mijn"] == 1
    assert [s.omschrijving for s, _ in gm.get("/", {"mijn": "on"}).context["rijen"]] == ["Medewerker 1"]


def test_een_pagina_tegelijk_in_een_vast_aantal_queries(gm, django_assert_max_num_queries):
    _flag(0, "test_laat", deadline=VANDAAG)
    with django_assert_max_num_queries(30) as weinig:
        gm.get("/")
    for n in range(1, 80):
        _flag(n, "test_laat" if n % 2 else "test_ander", deadline=VANDAAG - timedelta(days=n))
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        r = gm.get("/")
    assert len(r.context["rijen"]) == 25 and r.context["pagina"].paginator.count == 80
    assert "Pagina 1 van 4" in r.content.decode()
    r = gm.get("/", {"soort": "test_laat", "pagina": 2})
    assert len(r.context["rijen"]) == 16 and "soort=test_laat&amp;pagina=1" in r.content.decode()


def test_lege_werkvoorraad(gm):
    assert "U heeft geen open signaleringen." in gm.get("/").content.decode()
