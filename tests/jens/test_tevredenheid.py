"""Satisfaction surveys: entered by the functioneel beheerder (service rules with Dutch messages, database
constraints, history), read by management, cooperation-wide on the dashboard and in the half-year report."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jens.dashboard.rapport import bouw_rapport, naar_html, naar_xlsx
from jens.dashboard.selectors import Filter
from jens.dashboard.tevredenheid import onderdeel_tevredenheid
from jens.dashboard.weergave import maskeer_cellen
from jens.models import Gemeente, Tevredenheidsmeting
from jens.periode import Periode
from jens.tevredenheid import sla_meting_op, tevredenheid_cijfers

pytestmark = pytest.mark.django_db

GOED = {
    "soort": "client",
    "jaar": 2023,
    "periode": "jaar",
    "score": Decimal("7.8"),
    "norm": Decimal("7.5"),
    "respondenten": 398,
}


@pytest.mark.parametrize(
    ("fout", "veld", "melding"),
    [
        ({"score": Decimal("10.5")}, "score", "De score ligt tussen 1 en 10."),
        ({"score": "zeven"}, "score", "Vul een getal in, bijvoorbeeld 7,5."),
        ({"score": Decimal("7.55")}, "score", "De score heeft hoogstens één decimaal."),
        ({"norm": None}, "norm", "Vul dit veld in."),
        ({"respondenten": 0}, "respondenten", "Een meting heeft ten minste één respondent."),
        ({"soort": "klant"}, "soort", "Kies cliënt, medewerker of stakeholder."),
        ({"jaar": 1999}, "jaar", "Kies een jaar tussen 2000 en 2100."),
        ({"periode": "q1"}, "periode", "Kies heel jaar, eerste of tweede halfjaar."),
    ],
)
def test_foute_invoer_geeft_melding_per_veld_en_schrijft_niets(fout, veld, melding):
    with pytest.raises(ValidationError) as exc:
        sla_meting_op(**{**GOED, **fout})
    assert exc.value.message_dict[veld] == [melding]
    assert not Tevredenheidsmeting.objects.exists()


def test_een_meting_per_soort_en_periode_en_correctie_met_historie():
    meting = sla_meting_op(**{**GOED, "score": "7,7"})
    assert meting.score == Decimal("7.7")
    with pytest.raises(ValidationError) as exc:
        sla_meting_op(**GOED)
    assert exc.value.message_dict["periode"] == ["Voor deze soort en periode is al een meting vastgelegd."]
    sla_meting_op(meting=meting, score=Decimal("7.8"))
    meting.refresh_from_db()
    assert meting.score == Decimal("7.8")
    assert [h.score for h in meting.history.order_by("history_date")] == [Decimal("7.7"), Decimal("7.8")]
    assert sla_meting_op(**{**GOED, "periode": "h1"}).pk  # another period of the same year is another survey
    with pytest.raises(ValidationError) as exc:
        sla_meting_op(meting=meting, gemeente="heerlen")
    assert "gemeente" in exc.value.message_dict


@pytest.mark.parametrize(
    "veld",
    [{"score": Decimal("0.5")}, {"norm": Decimal("11")}, {"respondenten": 0}, {"jaar": 1990}],
)
def test_databaseregels(veld):
    with pytest.raises(IntegrityError), transaction.atomic():
        Tevredenheidsmeting.objects.create(**{**GOED, **veld})
    Tevredenheidsmeting.objects.create(**GOED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Tevredenheidsmeting.objects.create(**GOED)


def test_functioneel_beheerder_legt_vast_in_beheer_management_leest_alleen(web_als, maak_gebruiker):
    fb = web_als(maak_gebruiker("functioneel_beheerder", is_staff=True))
    gegevens = {
        "soort": "medewerker",
        "jaar": "2023",
        "periode": "jaar",
        "score": "11",
        "norm": "7",
        "respondenten": "162",
    }
    fout = fb.post("/admin/jens/tevredenheidsmeting/add/", gegevens)
    assert fout.status_code == 200 and "De score ligt tussen 1 en 10." in fout.content.decode()
    assert not Tevredenheidsmeting.objects.exists()
    goed = fb.post("/admin/jens/tevredenheidsmeting/add/", {**gegevens, "score": "7.4"})
    assert goed.status_code == 302
    meting = Tevredenheidsmeting.objects.get()
    assert meting.score == Decimal("7.4") and meting.history.count() == 1
    mgmt = web_als(maak_gebruiker("management", is_staff=True))
    assert mgmt.get("/admin/jens/tevredenheidsmeting/").status_code == 200
    assert mgmt.get("/admin/jens/tevredenheidsmeting/add/").status_code == 403
    wijzig = mgmt.post(f"/admin/jens/tevredenheidsmeting/{meting.pk}/change/", {**gegevens, "score": "9"})
    assert wijzig.status_code == 403
    meting.refresh_from_db()
    assert meting.score == Decimal("7.4")
    gemeente = web_als(maak_gebruiker("gemeente", is_staff=True, gemeenten=["heerlen"]))
    assert gemeente.get("/admin/jens/tevredenheidsmeting/").status_code == 403


def _demo():
    from jens import demo

    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())  # idempotent


def test_demo_tabel_en_tegels_tegen_de_norm(django_assert_num_queries):
    _demo()
    assert Tevredenheidsmeting.objects.count() == 9
    with django_assert_num_queries(1):
        cijfers = tevredenheid_cijfers(2023)
    assert [(r["soort"], r["jaar"], str(r["score"]), r["boven_norm"]) for r in cijfers] == [
        ("client", 2023, "7.8", True),
        ("client", 2022, "8.0", True),
        ("medewerker", 2023, "7.4", True),
        ("medewerker", 2022, "7.2", True),
        ("stakeholder", 2023, "7.2", True),
        ("stakeholder", 2022, "6.8", False),
    ]
    o = onderdeel_tevredenheid(Filter(Periode.parse("2023")))
    assert [(t.titel, t.waarde, t.norm, t.kleur) for t in o.tegels] == [
        ("Cliënttevredenheid 2023", Decimal("7.8"), Decimal("7.5"), "groen"),
        ("Medewerkertevredenheid 2023", Decimal("7.4"), Decimal("7.0"), "groen"),
        ("Stakeholdertevredenheid 2023", Decimal("7.2"), Decimal("7.0"), "groen"),
    ]


def test_gemeente_ziet_de_scores_van_heel_jens_maar_niet_van_minder_dan_5_respondenten():
    sla_meting_op(**GOED)
    sla_meting_op(**{**GOED, "soort": "stakeholder", "respondenten": 4})
    heerlen = Gemeente.objects.get(code="heerlen")
    tabel = onderdeel_tevredenheid(Filter(Periode.parse("2023H1"), gemeente=heerlen)).tabel("tevredenheid")
    cellen = maskeer_cellen(tabel, maskeren=True)
    client, stakeholder = cellen
    assert client[3][:2] == (Decimal("7.8"), "getal") and client[3][2] is None
    assert stakeholder[3][2] is not None and stakeholder[5][2] is not None  # score and count hidden


def test_halfjaarrapportage_heeft_blad_en_afdruk_tevredenheid():
    _demo()
    rapport = bouw_rapport(Filter(Periode.parse("2023H1")), maskeren=False)
    ws = openpyxl.load_workbook(io.BytesIO(naar_xlsx(rapport)))["Tevredenheid"]
    waarden = [[c.value for c in rij] for rij in ws.iter_rows(min_row=5)]
    assert waarden[0] == ["Meting", "Jaar", "Periode", "Score", "Norm", "Respondenten", "Norm gehaald"]
    assert waarden[1][:6] == ["cliënttevredenheid", 2023, "heel jaar", 7.8, 7.5, 398]
    html = naar_html(rapport)
    assert "Tevredenheidsmetingen 2022 en 2023" in html and "stakeholdertevredenheid" in html
