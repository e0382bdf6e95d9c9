import io
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from cases import selectors
from cases.models import Zorginzet
from jens.periode import Periode

from .factories import AanbiederFactory, HulpvraagFactory, JeugdigeFactory, VeiligThuisMeldingFactory

pytestmark = pytest.mark.django_db

H1 = Periode.parse("2023H1")


def _in_zorg(gebied_code, ontvangen, gesloten=None, **kw):
    from jens.models import Gebied

    j = JeugdigeFactory(gebied=Gebied.objects.get(code=gebied_code))
    return HulpvraagFactory(
        jeugdige=j,
        ontvangen_op=ontvangen,
        afgesloten_op=gesloten,
        status="afgesloten" if gesloten else "aangemeld",
        **kw,
    )


def _rij(rapport, gemeente):
    return next(r for r in rapport["rijen"] if r["gemeente"] == gemeente)


def test_clienten_rapport_aanvang_instroom_uitstroom_ultimo():
    _in_zorg("heerlen-1", date(2022, 5, 1))  # at start, at end
    _in_zorg("heerlen-2", date(2022, 5, 1), date(2023, 2, 1))  # at start, outflow
    _in_zorg("heerlen-3", date(2023, 3, 1))  # inflow
    _in_zorg("heerlen-4", date(2023, 3, 1), date(2023, 6, 1))  # inflow and outflow
    _in_zorg("heerlen-1", date(2022, 1, 1), date(2022, 12, 31))  # closed before the period
    _in_zorg("heerlen-1", date(2023, 7, 1))  # after the period
    _in_zorg("heerlen-1", date(2022, 1, 1), date(2023, 1, 1))  # closed on the first day: at start, outflow
    _in_zorg("landgraaf", date(2023, 6, 30))  # received on the last day: inflow, at end
    rapport = selectors.clienten_rapport(H1)
    assert _rij(rapport, "Heerlen") | {} == {
        "gemeente": "Heerlen",
        "bij_aanvang": 3,
        "instroom": 2,
        "uitstroom": 3,
        "ultimo": 2,
        "gemiddeld_per_maand": 3,  # (3 + 2) / 2 rounded half up
        "gemiddeld_in_zorg_per_maand": 2,  # in care at the end of each month: 2, 1, 3, 3, 3, 2 -> 14 / 6
    }
    assert _rij(rapport, "Landgraaf")["instroom"] == 1 and _rij(rapport, "Landgraaf")["ultimo"] == 1
    hlv = _rij(rapport, "HLV")
    assert (hlv["bij_aanvang"], hlv["instroom"], hlv["uitstroom"], hlv["ultimo"]) == (3, 3, 3, 3)


def test_twee_hulpvragen_van_een_jeugdige_tellen_een_keer():
    h = _in_zorg("heerlen-1", date(2022, 5, 1))
    HulpvraagFactory(jeugdige=h.jeugdige, ontvangen_op=date(2023, 2, 1))
    rij = _rij(selectors.clienten_rapport(H1), "Heerlen")
    assert (rij["bij_aanvang"], rij["instroom"], rij["ultimo"]) == (1, 0, 1)


def test_clienten_rapport_een_gemeente_en_vast_aantal_queries(django_assert_num_queries):
    _in_zorg("landgraaf", date(2022, 5, 1))
    with django_assert_num_queries(2):
        rapport = selectors.clienten_rapport(H1, gemeente="landgraaf")
    assert [r["gemeente"] for r in rapport["rijen"]] == ["Landgraaf"]


def test_clienten_per_maand_een_query(django_assert_num_queries):
    _in_zorg("heerlen-1", date(2022, 5, 1), date(2023, 2, 10))
    _in_zorg("heerlen-1", date(2023, 3, 15))
    with django_assert_num_queries(1):
        maanden = selectors.clienten_per_maand(H1)
    assert [(m["maand"], m["in_zorg"], m["instroom"], m["uitstroom"]) for m in maanden] == [
        (date(2023, 1, 1), 1, 0, 0),
        (date(2023, 2, 1), 0, 0, 1),
        (date(2023, 3, 1), 1, 1, 0),
        (date(2023, 4, 1), 1, 0, 0),
        (date(2023, 5, 1), 1, 0, 0),
        (date(2023, 6, 1), 1, 0, 0),
    ]


def _veel_in_zorg(n: int) -> None:
    """n young people over the municipalities, in care in all kinds of ways around 2023H1."""
    gebieden = ["heerlen-1", "heerlen-2", "landgraaf", "voerendaal"]
    for i in range(n):
        ontvangen = date(2022, 1, 1) + timedelta(days=(i * 37) % 540)
        gesloten = ontvangen + timedelta(days=30 + (i * 53) % 300) if i % 3 else None
        h = _in_zorg(gebieden[i % len(gebieden)], ontvangen, gesloten)
        if i % 5 == 0:  # a second request of the same young person
            HulpvraagFactory(jeugdige=h.jeugdige, ontvangen_op=ontvangen + timedelta(days=10))


@pytest.mark.parametrize("n", [3, 40])
def test_clienttellingen_vast_aantal_queries_bij_elke_omvang(n, django_assert_num_queries):
    """The client counts read the requests set-based: two queries for the report (municipalities,
    counts) and one for the months, at 3 and at 40 young people alike."""
    _veel_in_zorg(n)
    with django_assert_num_queries(2):
        rapport = selectors.clienten_rapport(H1)
    with django_assert_num_queries(1):
        maanden = selectors.clienten_per_maand(H1)
    with django_assert_num_queries(2):
        selectors.clienten_rapport(H1, gemeente="landgraaf")
    with django_assert_num_queries(1):
        selectors.clienten_per_maand(H1, gemeente="landgraaf")
    hlv = _rij(rapport, "HLV")
    assert hlv["bij_aanvang"] + hlv["instroom"] - hlv["uitstroom"] == hlv["ultimo"]
    assert maanden[-1]["in_zorg"] == hlv["ultimo"]


def test_gemiddeld_in_zorg_per_maand_is_het_gemiddelde_van_de_maandtellingen():
    """The new key: the mean of the monthly counts (in care at the end of each month), per municipality
    and for HLV (the mean of the HLV months, not the sum of the rounded municipality means); the
    published key ``gemiddeld_per_maand`` stays the mean of start and end."""
    _veel_in_zorg(40)
    rapport = selectors.clienten_rapport(H1)
    for rij in rapport["rijen"]:
        code = None if rij["gemeente"] == "HLV" else rij["gemeente"].lower()
        maanden = [m["in_zorg"] for m in selectors.clienten_per_maand(H1, gemeente=code)]
        assert rij["gemiddeld_in_zorg_per_maand"] == int(
            (Decimal(sum(maanden)) / 6).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        )
        assert rij["gemiddeld_per_maand"] == int(
            (Decimal(rij["bij_aanvang"] + rij["ultimo"]) / 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        )


def test_clienten_per_maand_bij_een_periode_midden_in_een_maand():
    """A free period cuts its first and last month: their counts start and end with the period."""
    _in_zorg("heerlen-1", date(2023, 1, 20), date(2023, 2, 5))  # inflow in the cut January, outflow in February
    _in_zorg("heerlen-1", date(2022, 12, 1), date(2023, 1, 10))  # closed before the period starts
    periode = Periode.parse("2023-01-15..2023-02-14")
    maanden = selectors.clienten_per_maand(periode)
    assert [(m["maand"], m["in_zorg"], m["instroom"], m["uitstroom"]) for m in maanden] == [
        (date(2023, 1, 1), 1, 1, 0),
        (date(2023, 2, 1), 0, 0, 1),
    ]
    rij = _rij(selectors.clienten_rapport(periode), "Heerlen")
    assert (rij["bij_aanvang"], rij["instroom"], rij["uitstroom"], rij["ultimo"]) == (0, 1, 1, 0)
    assert rij["gemiddeld_in_zorg_per_maand"] == 1  # (1 + 0) / 2 rounded half up


def test_wachtlijst_per_gebied_met_mediaan(gebied):
    for aangemeld, gestart in [
        (date(2023, 6, 1), None),
        (date(2023, 6, 11), None),
        (date(2023, 6, 21), date(2023, 7, 5)),
        (date(2023, 5, 1), date(2023, 5, 2)),
    ]:
        Zorginzet.objects.create(
            hulpvraag=HulpvraagFactory(ontvangen_op=date(2023, 4, 1)),
            gebied=gebied("heerlen-1"),
            vorm="begeleiding",
            aangemeld_op=aangemeld,
            gestart_op=gestart,
        )
    rijen = selectors.wachtlijst_per_gebied(op=date(2023, 6, 30))
    assert rijen == [{"gebied": "Heerlen gebied 1", "wachtend": 3, "mediaan_wachtdagen": 19}]
    assert selectors.wachtlijst_per_gebied(op=date(2023, 6, 30), gemeente="landgraaf") == []


def test_veilig_thuis_cijfers():
    from cases.models import VeiligThuisMelding

    door = None
    tijdig = VeiligThuisMeldingFactory(ontvangen_op=date(2023, 3, 1))
    laat = VeiligThuisMeldingFactory(ontvangen_op=date(2023, 3, 1))
    VeiligThuisMeldingFactory(ontvangen_op=date(2023, 3, 1))  # not followed up
    VeiligThuisMeldingFactory(ontvangen_op=date(2022, 3, 1))  # other period
    from .factories import MedewerkerFactory

    door = MedewerkerFactory()
    VeiligThuisMelding.objects.filter(pk=tijdig.pk).update(
        opgevolgd_op=date(2023, 3, 2), opgevolgd_door=door, wijze="contact_gezin"
    )
    VeiligThuisMelding.objects.filter(pk=laat.pk).update(
        opgevolgd_op=date(2023, 3, 20), opgevolgd_door=door, wijze="contact_gezin"
    )
    c = selectors.veilig_thuis_cijfers(H1)
    assert (c["aantal"], c["opgevolgd"], c["tijdig"], c["norm"]) == (3, 2, 1, 100)
    assert str(c["opgevolgd_pct"]) == "66.7" and str(c["tijdig_pct"]) == "33.3"


def test_norm_cijfers_en_aandeel_gebiedsteam(gebied):
    from .factories import MedewerkerFactory

    HulpvraagFactory(
        ontvangen_op=date(2023, 3, 1),
        dossier_aangemaakt_op=date(2023, 3, 2),
        kernteam_op=date(2023, 3, 6),
        triage="meervoudig",
        gezinsplan_op=date(2023, 4, 1),
        regisseur=MedewerkerFactory(),
    )
    HulpvraagFactory(ontvangen_op=date(2023, 3, 1), dossier_aangemaakt_op=date(2023, 3, 20), triage="meervoudig")
    c = selectors.norm_cijfers(H1)
    assert (c["dossier"], c["dossier_tijdig"], c["meervoudig"], c["met_gezinsplan"], c["met_vast_aanspreekpunt"]) == (
        2,
        1,
        2,
        1,
        1,
    )
    assert (str(c["gezinsplan_pct"]), c["gezinsplan_norm"], c["vast_aanspreekpunt_norm"]) == ("50.0", 85, 95)
    h = HulpvraagFactory()
    Zorginzet.objects.create(
        hulpvraag=h,
        gebied=gebied("heerlen-1"),
        vorm="begeleiding",
        aangemeld_op=date(2023, 3, 2),
        gestart_op=date(2023, 3, 3),
    )
    Zorginzet.objects.create(
        hulpvraag=h,
        gebied=gebied("heerlen-1"),
        vorm="training",
        aangemeld_op=date(2023, 3, 2),
        gestart_op=date(2023, 3, 3),
    )
    Zorginzet.objects.create(
        hulpvraag=h,
        zorgaanbieder=AanbiederFactory(),
        vorm="behandeling",
        aangemeld_op=date(2023, 3, 2),
        gestart_op=date(2023, 3, 3),
    )
    a = selectors.aandeel_gebiedsteam(H1)
    assert (a["gebiedsteam"], a["uitbesteed"], str(a["gebiedsteam_pct"]), str(a["uitbesteed_pct"])) == (
        2,
        1,
        "66.7",
        "33.3",
    )


def test_klantreis_keten_binnen_30_dagen():
    h = _in_zorg("heerlen-1", date(2023, 1, 2), date(2023, 2, 1))
    HulpvraagFactory(
        jeugdige=h.jeugdige, ontvangen_op=date(2023, 2, 20), afgesloten_op=date(2023, 4, 2), status="afgesloten"
    )
    HulpvraagFactory(
        jeugdige=h.jeugdige, ontvangen_op=date(2023, 5, 15), afgesloten_op=date(2023, 6, 14), status="afgesloten"
    )
    k = selectors.klantreis_cijfers(H1)
    # journeys: 02-01..02-04 (90 days) and 15-05..14-06 (30 days, a returning client)
    assert (k["afgeronde_klantreizen"], k["gemiddelde_duur_dagen"], k["terugkerende_clienten"], k["norm_dagen"]) == (
        2,
        60,
        1,
        315,
    )


def test_maskeren_onder_5():
    assert selectors.maskeer({"gemeente": "Heerlen", "a": 4, "b": 5, "c": 0, "norm": 3, "l": [{"x": 1}]}) == {
        "gemeente": "Heerlen",
        "a": "<5",
        "b": 5,
        "c": 0,
        "norm": 3,
        "l": [{"x": "<5"}],
    }


def test_rapport_api_gemeente_ziet_eigen_gemeente_gemaskeerd(api_als):
    for _ in range(3):
        _in_zorg("heerlen-1", date(2022, 5, 1))
    for _ in range(6):
        _in_zorg("landgraaf", date(2022, 5, 1))
    gemeente = api_als("gemeente", gemeenten=["heerlen"])
    r = gemeente.get("/api/v1/rapportages/clienten/", {"periode": "2023H1", "gemeente": "landgraaf"})
    assert r.status_code == 200
    assert [x["gemeente"] for x in r.data["rijen"]] == ["Heerlen"]
    assert r.data["rijen"][0]["bij_aanvang"] == "<5"
    m = api_als("management").get("/api/v1/rapportages/clienten/", {"periode": "2023H1"})
    assert _rij(m.data, "Landgraaf")["bij_aanvang"] == 6 and _rij(m.data, "Heerlen")["bij_aanvang"] == 3
    assert api_als("management").get("/api/v1/rapportages/casuistiek/", {"periode": "2023H1"}).status_code == 200


@pytest.mark.parametrize("rol", ["gedragswetenschapper", "inkoper", "klachtenfunctionaris", "gebiedsmanager"])
def test_rapport_api_andere_rollen_geweigerd(api_als, rol):
    assert api_als(rol).get("/api/v1/rapportages/clienten/", {"periode": "2023H1"}).status_code == 403


def test_rapport_api_ongeldige_periode(api_als):
    r = api_als("management").get("/api/v1/rapportages/clienten/", {"periode": "2023H3"})
    assert r.status_code == 400 and "periode" in r.data


def test_demo_reproduceert_cijfers_2023h1_en_is_idempotent():
    from cases.demo import cijfers, seed
    from cases.models import Hulpvraag, Jeugdige, VeiligThuisMelding

    from .factories import MedewerkerFactory

    MedewerkerFactory.create_batch(5)  # the staff demo's employees; cases' demo alone is tested here
    seed(stdout=io.StringIO())
    rapport = selectors.clienten_rapport(H1)
    for gemeente, verwacht in cijfers().items():
        rij = _rij(rapport, gemeente)
        assert {k: rij[k] for k in verwacht} == verwacht
    assert {k: _rij(rapport, "HLV")[k] for k in ("bij_aanvang", "instroom", "uitstroom", "ultimo")} == {
        "bij_aanvang": 2482,
        "instroom": 778,
        "uitstroom": 802,
        "ultimo": 2458,
    }
    assert (_rij(rapport, "Heerlen")["gemiddeld_per_maand"], _rij(rapport, "Landgraaf")["gemiddeld_per_maand"]) == (
        1659,
        660,
    )
    in_zorg = Hulpvraag.objects.filter(afgesloten_op__isnull=True).count()
    assert 2200 <= in_zorg <= 2800
    from cases.services import niet_opgevolgde_vt_meldingen, vandaag

    assert niet_opgevolgde_vt_meldingen(vandaag()).count() == 1
    assert VeiligThuisMelding.objects.count() > 10
    assert selectors.wachtlijst_per_gebied(op=vandaag())
    aantal = Jeugdige.objects.count()
    seed(stdout=io.StringIO())
    assert Jeugdige.objects.count() == aantal


def test_functioneel_beheerder_ziet_dezelfde_cijfers_als_op_het_dashboard(api_als, web_als):
    """The dashboard and the half-year report show the functioneel beheerder every municipality unmasked; the cases
    report and its API now do the same (aggregates only; the case pages stay closed)."""
    for _ in range(3):
        _in_zorg("landgraaf", date(2022, 5, 1))
    beheerder = api_als("functioneel_beheerder")
    r = beheerder.get("/api/v1/rapportages/clienten/", {"periode": "2023H1"})
    assert r.status_code == 200 and _rij(r.data, "Landgraaf")["bij_aanvang"] == 3  # not "<5"
    web = web_als(beheerder.user)
    html = web.get("/casussen/rapportage/", {"periode": "2023H1", "gemeente": "landgraaf"}).content.decode()
    assert "Cliëntenrapportage 2023H1 — Landgraaf" in html and "&lt;5" not in html
    assert web.get("/dashboard/", {"periode": "2023H1", "gemeente": "landgraaf"}).status_code == 200
    assert web.get("/casussen/jeugdigen/").status_code == 404


def test_gemeente_ziet_geen_aandeel_van_minder_dan_5_meldingen():
    """The page showed 'Veilig Thuis-meldingen opgevolgd (<5): 100,0%' while the dashboard said '—'."""
    data = selectors.maskeer(
        {
            "vt": {"aantal": 2, "opgevolgd": 2, "opgevolgd_pct": Decimal("100.0"), "tijdig_pct": Decimal("50.0")},
            "normen": {
                "meervoudig": 12,
                "met_gezinsplan": 11,
                "gezinsplan_pct": Decimal("91.7"),
                "gezinsplan_norm": 85,
            },
            "per_maand": [{"maand": "2023-01", "in_zorg": 40, "instroom": 3, "uitstroom": 6}],
        }
    )
    assert data["vt"] == {"aantal": "<5", "opgevolgd": "<5", "opgevolgd_pct": None, "tijdig_pct": None}
    assert data["normen"]["gezinsplan_pct"] == Decimal("91.7") and data["normen"]["gezinsplan_norm"] == 85
    # in_zorg from month to month = instroom - uitstroom: with the uitstroom shown the hidden instroom would follow.
    assert data["per_maand"] == [{"maand": "2023-01", "in_zorg": 40, "instroom": "<5", "uitstroom": "—"}]


def test_gemeente_kan_een_verborgen_aantal_niet_afleiden_uit_de_maanden():
    """The report row and its months are masked together (cases.selectors.verborgen_clienten): February's inflow of
    2 is hidden, and neither the month's own row nor March's counts nor the period's start and end give it away."""
    from cases import selectors

    rij = {
        "gemeente": "Heerlen",
        "bij_aanvang": 14,
        "instroom": 15,
        "uitstroom": 21,
        "ultimo": 8,
        "gemiddeld_per_maand": 11,
        "gemiddeld_in_zorg_per_maand": 10,
    }
    maanden = [
        {"maand": "2023-01", "in_zorg": 15, "instroom": 6, "uitstroom": 5},
        {"maand": "2023-02", "in_zorg": 7, "instroom": 2, "uitstroom": 10},
        {"maand": "2023-03", "in_zorg": 8, "instroom": 7, "uitstroom": 6},
    ]
    for data in ({"clienten": {"rijen": [rij]}, "per_maand": maanden}, {"rijen": [rij], "per_maand": maanden}):
        uit = selectors.maskeer(data)
        getoond = uit["per_maand"]
        assert getoond[1]["instroom"] == "<5"
        # Whatever else is shown: try every value 0..30 for the hidden February counts with the shown ones fixed:
        # more than one inflow must fit start + in - out = end month after month.
        feb = getoond[1]
        verborgen = [k for k in ("in_zorg", "instroom", "uitstroom") if isinstance(feb[k], str)]
        assert len(verborgen) >= 2
        rapport = uit.get("clienten", uit)["rijen"][0]
        assert rapport["instroom"] == 15 and rapport["gemiddeld_per_maand"] == 11  # shown on the tiles too
        assert all(isinstance(getoond[i][k], int) for i in (0, 2) for k in ("instroom", "uitstroom"))
        begin = getoond[0]["in_zorg"]
        eind = (
            getoond[2]["in_zorg"] - getoond[2]["instroom"] + getoond[2]["uitstroom"]
            if isinstance(getoond[2]["in_zorg"], int)
            else None
        )
        mogelijk = {
            i
            for i in range(31)
            for o in range(31)
            for z in range(31)
            if all(
                (feb[k] == v) or isinstance(feb[k], str) for k, v in (("instroom", i), ("uitstroom", o), ("in_zorg", z))
            )
            and begin + i - o == z
            and (eind is None or z == eind)
        }
        assert len(mogelijk) > 1


def test_hulpvragen_per_maand_op_de_pagina_verbergen_wat_het_dashboard_verbergt():
    """Months by kind with each month's total and (on the dashboard) each kind's total: February's 2 is hidden, and
    neither its month nor its kind's column gives it away; the page hides the same cells as the dashboard table."""
    from datetime import date

    from cases import selectors
    from jens.dashboard.selectors import Kolom, Tabel
    from jens.dashboard.weergave import maskeer_cellen

    def maand(m, a, b, c):
        return {
            "maand": date(2023, m, 1),
            "totaal": a + b + c,
            "per_soort": {"x": a, "y": b, "z": c},
            "per_verwijzer": {"p": a + b + c},
        }

    rijen = [maand(1, 9, 10, 7), maand(2, 2, 9, 12), maand(3, 8, 11, 6)]
    pagina = selectors.maskeer_hulpvragen_per_maand(rijen)
    assert pagina[1]["per_soort"]["x"] == "<5"
    verborgen_pagina = {(i, k) for i, r in enumerate(pagina) for k, v in r["per_soort"].items() if isinstance(v, str)}
    assert len(verborgen_pagina) >= 4  # a second one in the month and in the column, and one to close the square
    tabel_rijen = [[str(r["maand"]), *r["per_soort"].values(), r["totaal"]] for r in rijen]
    tabel_rijen.append(["Totaal", *[sum(r[i] for r in tabel_rijen) for i in range(1, 5)]])
    tabel = Tabel(
        "hulpvragen_soort",
        "Hulpvragen per maand naar soort",
        [Kolom("Maand"), Kolom("x", "aantal"), Kolom("y", "aantal"), Kolom("z", "aantal"), Kolom("Totaal", "aantal")],
        tabel_rijen,
        kolomgroepen=[[1, 2, 3]],
        vaste_kolommen=[4],
    )
    cellen = maskeer_cellen(tabel, True)
    verborgen_dashboard = {(r, "xyz"[c - 1]) for r in range(3) for c in (1, 2, 3) if cellen[r][c][2] is not None}
    assert verborgen_dashboard == verborgen_pagina
    assert all(cellen[r][4][2] is None for r in range(4))  # the month totals stay
