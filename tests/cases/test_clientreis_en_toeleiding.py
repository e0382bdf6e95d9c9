"""Issue 12 part B: the client journey, the reasons care ended, the requests per month, the waiting list per quarter
and the norms of the intake steps, computed from records (aggregate queries, a fixed number whatever the data)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cases import selectors
from cases.models import Hulpvraag, Zorginzet
from jens.models import Gebied
from jens.periode import Periode

from .factories import AanbiederFactory, HulpvraagFactory, JeugdigeFactory

pytestmark = pytest.mark.django_db

H1 = Periode.parse("2023H1")


def _hulpvraag(jeugdige=None, *, ontvangen, gesloten=None, gebied="heerlen-1", **kw):
    jeugdige = jeugdige or JeugdigeFactory(gebied=Gebied.objects.get(code=gebied))
    return HulpvraagFactory(
        jeugdige=jeugdige,
        ontvangen_op=ontvangen,
        afgesloten_op=gesloten,
        status="afgesloten" if gesloten else "aangemeld",
        **kw,
    )


# --- Client journey -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dagen_na_afsluiting", "soort"),
    [(0, "voortzetting"), (29, "voortzetting"), (30, "voortzetting"), (31, "terugkerend"), (100, "terugkerend")],
)
def test_dertig_dagen_regel_voortzetting_of_terugkerend(dagen_na_afsluiting, soort):
    eerste = _hulpvraag(ontvangen=date(2022, 6, 1), gesloten=date(2023, 1, 31))
    _hulpvraag(eerste.jeugdige, ontvangen=date(2023, 1, 31) + timedelta(days=dagen_na_afsluiting))
    k = selectors.klantreis_cijfers(H1)
    assert {s: k[s] for s in ("eerste_keer", "terugkerend", "voortzetting")} == {
        "eerste_keer": 0,
        "terugkerend": int(soort == "terugkerend"),
        "voortzetting": int(soort == "voortzetting"),
    }
    # a continued journey has not ended in the period (its second request is open); a returning one has
    assert k["afgeronde_klantreizen"] == int(soort == "terugkerend")
    assert k["afgesloten_hulpvragen"] == 1


def test_klantreis_duur_eerste_keer_en_tijdens_lopende_zorg():
    # one journey of three requests: 01-10-2022..10-01-2023, again on 20-01 (10 days), the last one closes 30-04
    a = _hulpvraag(ontvangen=date(2022, 10, 1), gesloten=date(2023, 1, 10))
    _hulpvraag(a.jeugdige, ontvangen=date(2023, 1, 20), gesloten=date(2023, 3, 1))
    _hulpvraag(a.jeugdige, ontvangen=date(2023, 2, 1), gesloten=date(2023, 4, 30))  # received while care runs
    _hulpvraag(ontvangen=date(2023, 2, 1), gesloten=date(2023, 5, 3))  # a first-time young person: 91 days
    _hulpvraag(ontvangen=date(2023, 6, 1))  # first time, still open
    _hulpvraag(ontvangen=date(2022, 1, 1), gesloten=date(2022, 12, 1))  # outside the period: not counted
    k = selectors.klantreis_cijfers(H1)
    assert (k["afgeronde_klantreizen"], k["gemiddelde_duur_dagen"], k["norm_dagen"]) == (2, (211 + 91 + 1) // 2, 315)
    assert (k["eerste_keer"], k["terugkerend"], k["voortzetting"], k["ontvangen_hulpvragen"]) == (2, 0, 2, 4)
    # per request: 101, 40, 88 and 91 days
    assert (k["afgesloten_hulpvragen"], k["gemiddelde_duur_hulpvraag_dagen"]) == (4, 80)


def test_klantreis_per_gemeente():
    _hulpvraag(ontvangen=date(2023, 1, 2), gesloten=date(2023, 2, 1), gebied="landgraaf")
    _hulpvraag(ontvangen=date(2023, 1, 2), gesloten=date(2023, 3, 3), gebied="heerlen-1")
    assert selectors.klantreis_cijfers(H1, gemeente="landgraaf")["gemiddelde_duur_dagen"] == 30
    assert selectors.klantreis_cijfers(H1, gemeente="heerlen")["gemiddelde_duur_dagen"] == 60


def _vul(n: int) -> None:
    aanbieder = AanbiederFactory()
    for i in range(n):
        h = _hulpvraag(
            ontvangen=date(2023, 1, 2) + timedelta(days=i * 7 % 150),
            gesloten=date(2023, 6, 1) if i % 2 else None,
            soort=Hulpvraag.Soort.values[i % 5],
            verwijzer=Hulpvraag.Verwijzer.values[i % 10],
            einde_reden=Hulpvraag.EindeReden.values[i % 6] if i % 2 else "",
        )
        Zorginzet.objects.create(
            hulpvraag=h,
            zorgaanbieder=aanbieder if i % 3 else None,
            gebied=None if i % 3 else h.jeugdige.gebied,
            vorm=Zorginzet.Vorm.values[i % 7],
            aangemeld_op=h.ontvangen_op,
        )


@pytest.mark.parametrize("n", [3, 30])
def test_vast_aantal_queries(django_assert_num_queries, n):
    _vul(n)
    with django_assert_num_queries(1):
        selectors.klantreis_cijfers(H1)
    with django_assert_num_queries(1):
        selectors.einde_redenen_rapport(H1)
    with django_assert_num_queries(1):
        selectors.hulpvragen_per_maand(H1)
    with django_assert_num_queries(1):
        selectors.wachtlijst_per_kwartaal(H1, vandaag=date(2024, 1, 1))
    with django_assert_num_queries(1):
        selectors.norm_cijfers(H1)


# --- Reasons care ended -------------------------------------------------------------------------------------------


def test_einde_redenen_aandelen_en_regulier_tegen_norm():
    redenen = ["volgens_plan"] * 6 + ["voortijdig_in_overleg"] * 2 + ["eenzijdig_client", "verhuizing"]
    for reden in redenen:
        _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 3, 1), einde_reden=reden)
    _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 7, 1), einde_reden="overig")  # after the period
    e = selectors.einde_redenen_rapport(H1)
    rijen = {r["reden"]: r for r in e["rijen"]}
    assert list(rijen) == list(Hulpvraag.EindeReden.values)  # every reason, also with none
    assert (rijen["volgens_plan"]["aantal"], rijen["volgens_plan"]["aandeel_pct"]) == (6, Decimal("60.0"))
    assert rijen["eenzijdig_aanbieder"]["aantal"] == 0
    assert rijen["voortijdig_in_overleg"]["is_regulier"] and not rijen["verhuizing"]["is_regulier"]
    assert (e["totaal"], e["regulier"], e["regulier_pct"], e["regulier_norm"]) == (10, 8, Decimal("80.0"), 85)


def test_einde_redenen_gemaskeerd_voor_de_gemeente():
    for reden in ["volgens_plan"] * 9 + ["voortijdig_in_overleg"] * 6 + ["eenzijdig_client"] * 2:
        _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 3, 1), einde_reden=reden)
    m = selectors.maskeer_einde_redenen(selectors.einde_redenen_rapport(H1))
    rijen = {r["reden"]: r for r in m["rijen"]}
    assert rijen["eenzijdig_client"]["aantal"] == "<5" and rijen["eenzijdig_client"]["aandeel_pct"] is None
    # the total is shown: the smallest other count (here the first reason with none) goes too
    assert rijen["verhuizing"]["aantal"] == "—" and rijen["volgens_plan"]["aantal"] == 9
    assert (m["totaal"], m["regulier"], m["regulier_pct"]) == (17, 15, Decimal("88.2"))


def test_regulier_verborgen_als_een_reguliere_reden_klein_is():
    for reden in ["volgens_plan"] * 9 + ["voortijdig_in_overleg"] * 2 + ["eenzijdig_client"] * 6:
        _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 3, 1), einde_reden=reden)
    m = selectors.maskeer_einde_redenen(selectors.einde_redenen_rapport(H1))
    assert m["regulier"] is None and m["regulier_pct"] is None  # 11 − 9 would give the hidden 2 away
    assert selectors.einde_redenen_rapport(H1)["regulier"] == 11


# --- Requests per month -------------------------------------------------------------------------------------------


def test_hulpvragen_per_maand_naar_soort_en_verwijzer():
    _hulpvraag(ontvangen=date(2023, 1, 5), soort="nieuwe_client", verwijzer="huisarts")
    _hulpvraag(ontvangen=date(2023, 1, 31), soort="verlenging", verwijzer="onderwijs")
    _hulpvraag(ontvangen=date(2023, 3, 1), soort="nieuwe_client", verwijzer="huisarts", gebied="landgraaf")
    _hulpvraag(ontvangen=date(2023, 7, 1))  # after the period
    rijen = selectors.hulpvragen_per_maand(H1)
    assert [r["maand"] for r in rijen] == [date(2023, m, 1) for m in range(1, 7)]
    jan, feb, mrt = rijen[:3]
    assert jan["totaal"] == 2 and jan["per_soort"]["verlenging"] == 1 and jan["per_verwijzer"]["huisarts"] == 1
    assert feb["totaal"] == 0 and set(feb["per_soort"].values()) == {0}
    assert mrt["per_verwijzer"]["huisarts"] == 1
    alleen_heerlen = selectors.hulpvragen_per_maand(H1, gemeente="heerlen")
    assert alleen_heerlen[2]["totaal"] == 0 and alleen_heerlen[0]["totaal"] == 2


# --- Waiting list per quarter -------------------------------------------------------------------------------------


def test_kwartaal_peildata():
    assert selectors.kwartaal_peildata(H1, vandaag=date(2024, 1, 1)) == [
        date(2022, 12, 31),
        date(2023, 3, 31),
        date(2023, 6, 30),
    ]
    assert selectors.kwartaal_peildata(H1, vandaag=date(2023, 5, 1)) == [date(2022, 12, 31), date(2023, 3, 31)]
    assert selectors.kwartaal_peildata(Periode.parse("2023"), vandaag=date(2030, 1, 1))[0] == date(2022, 12, 31)
    assert len(selectors.kwartaal_peildata(Periode.parse("2023"), vandaag=date(2030, 1, 1))) == 5


def test_wachtlijst_per_kwartaal_tegen_het_vorige_kwartaal():
    aanbieder = AanbiederFactory(naam="Aanbieder A")

    def wacht(aangemeld, gestart=None, *, vorm="begeleiding", bij_aanbieder=True, gesloten=None):
        h = _hulpvraag(ontvangen=aangemeld - timedelta(days=3), gesloten=gesloten)
        Zorginzet.objects.create(
            hulpvraag=h,
            zorgaanbieder=aanbieder if bij_aanbieder else None,
            gebied=None if bij_aanbieder else h.jeugdige.gebied,
            vorm=vorm,
            aangemeld_op=aangemeld,
            gestart_op=gestart,
        )

    wacht(date(2022, 12, 1), date(2023, 2, 1))  # waiting on 31-12 only
    wacht(date(2022, 12, 1))  # waiting on every day
    wacht(date(2023, 2, 1), date(2023, 5, 1), vorm="training")  # waiting on 31-03 only
    wacht(date(2023, 3, 1), bij_aanbieder=False)  # area team, waiting on 31-03 and 30-06
    wacht(date(2023, 3, 1), gesloten=date(2023, 4, 1))  # the request closed: waiting on 31-03 only
    w = selectors.wachtlijst_per_kwartaal(H1, vandaag=date(2024, 1, 1))
    assert [(r["kwartaal"], r["wachtend"], r["vorig_kwartaal"], r["verschil"]) for r in w["kwartalen"]] == [
        ("2023-K1", 4, 2, 2),
        ("2023-K2", 2, 4, -2),
    ]
    assert w["per_zorgaanbieder"] == [
        {"zorgaanbieder": "Aanbieder A", "wachtend": 1, "vorig_kwartaal": 3, "verschil": -2},
        {"zorgaanbieder": "gebiedsteam", "wachtend": 1, "vorig_kwartaal": 1, "verschil": 0},
    ]
    assert {r["vorm"]: r["wachtend"] for r in w["per_vorm"]} == {"begeleiding": 2, "training": 0}
    # for a municipality a difference goes with a hidden count
    gemaskeerd = selectors.maskeer(w)
    assert gemaskeerd["kwartalen"][0]["wachtend"] == "<5" and gemaskeerd["kwartalen"][0]["verschil"] is None
    landgraaf = selectors.wachtlijst_per_kwartaal(H1, gemeente="landgraaf", vandaag=date(2024, 1, 1))
    assert landgraaf["kwartalen"][0]["wachtend"] == 0
    # the waiting list on one day per form, under the form's label (ggz_behandeling reads "ggz-behandeling")
    wacht(date(2023, 6, 1), vorm="ggz_behandeling")
    per_vorm = selectors.wachtlijst(op=date(2023, 6, 30), per="vorm")
    assert [(r["vorm"], r["wachtend"], r["mediaan_wachtdagen"]) for r in per_vorm] == [
        ("begeleiding", 2, 166),
        ("ggz-behandeling", 1, 29),
    ]


# --- Norms of the intake steps ------------------------------------------------------------------------------------


@pytest.mark.time_machine(date(2023, 9, 1))
def test_normen_toeleiding_hebben_elk_een_norm(settings):
    from jens.werkdagen import add_working_days

    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "CASES_NORM_DOSSIER_TIJDIG_PCT": 95}
    ontvangen = date(2023, 3, 1)
    dossier = add_working_days(ontvangen, 2)
    kernteam = add_working_days(dossier, 3)
    for plan_na in (20, 50):  # within six weeks, and too late
        _hulpvraag(
            ontvangen=ontvangen,
            dossier_aangemaakt_op=dossier,
            kernteam_op=kernteam,
            kernteam_uiterlijk=add_working_days(dossier, 5),
            triage="meervoudig",
            gezinsplan_uiterlijk=kernteam + timedelta(weeks=6),
            gezinsplan_op=kernteam + timedelta(days=plan_na),
        )
    _hulpvraag(  # no plan and the term has passed: late
        ontvangen=ontvangen,
        dossier_aangemaakt_op=dossier,
        kernteam_op=kernteam,
        kernteam_uiterlijk=add_working_days(dossier, 5),
        triage="meervoudig",
        gezinsplan_uiterlijk=kernteam + timedelta(weeks=6),
    )
    n = selectors.norm_cijfers(H1)
    assert n["gezinsplan_tijdig_pct"] == Decimal("33.3")
    assert (n["dossier_tijdig_pct"], n["kernteam_tijdig_pct"]) == (Decimal("100.0"), Decimal("100.0"))
    assert (n["dossier_tijdig_norm"], n["kernteam_tijdig_norm"], n["gezinsplan_tijdig_norm"]) == (95, 100, 100)
    assert (n["dossier_werkdagen"], n["kernteam_werkdagen"], n["gezinsplan_weken"]) == (5, 5, 6)


# --- API ----------------------------------------------------------------------------------------------------------


def test_casuistiek_api_met_de_nieuwe_tabellen_gemaskeerd_voor_de_gemeente(api_als):
    for reden in ["volgens_plan"] * 9 + ["eenzijdig_client"] * 2:
        _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 3, 1), einde_reden=reden)
    _hulpvraag(ontvangen=date(2022, 5, 1), gesloten=date(2023, 3, 1), einde_reden="volgens_plan", gebied="landgraaf")
    management = api_als("management").get("/api/v1/rapportages/casuistiek/", {"periode": "2023H1"})
    assert management.status_code == 200
    assert management.data["einde_redenen_rapport"]["totaal"] == 12
    assert management.data["klantreis"]["afgeronde_klantreizen"] == 12
    assert len(management.data["hulpvragen_per_maand"]) == 6
    gemeente = api_als("gemeente", gemeenten=["heerlen"]).get(
        "/api/v1/rapportages/casuistiek/", {"periode": "2023H1", "gemeente": "landgraaf"}
    )
    einde = {r["reden"]: r for r in gemeente.data["einde_redenen_rapport"]["rijen"]}
    assert gemeente.data["einde_redenen_rapport"]["totaal"] == 11  # Heerlen only
    assert einde["eenzijdig_client"]["aantal"] == "<5" and einde["volgens_plan"]["aantal"] == 9
    assert gemeente.data["hulpvragen_per_maand"][0]["totaal"] == 0
