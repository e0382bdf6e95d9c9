import io
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest

from jens.models import Gebied
from staff.models import Domein
from staff.selectors import fte_rapport, meldcode_scholing_cijfers, standaard_peildata, vorige_halfjaardatum
from tests import klok
from tests.staff.factories import MedewerkerFactory, PlaatsingFactory, ScholingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plaatsingen(gebied):
    """Landgraaf 1.00 (from 2022), Heerlen 1 0.50 (2021-2023-06-30) and 0.80 from 2023-01-01."""
    PlaatsingFactory(gebied=gebied("landgraaf"), fte=Decimal("1.00"), medewerker__in_dienst_van=date(2022, 1, 1))
    PlaatsingFactory(
        gebied=gebied("heerlen-1"),
        fte=Decimal("0.50"),
        medewerker__in_dienst_van=date(2021, 1, 1),
        tot=date(2023, 6, 30),
    )
    PlaatsingFactory(
        gebied=gebied("heerlen-1"),
        domein=Domein.VOORLIGGEND_VELD,
        fte=Decimal("0.80"),
        medewerker__in_dienst_van=date(2023, 1, 1),
        medewerker__functie="jongerenwerker",
    )


@pytest.mark.parametrize(
    ("peildatum", "totaal", "heerlen", "landgraaf"),
    [
        (date(2020, 12, 31), "0.0", "0.0", "0.0"),
        (date(2021, 1, 1), "0.5", "0.5", "0.0"),  # van is inclusive
        (date(2023, 6, 29), "2.3", "1.3", "1.0"),
        (date(2023, 6, 30), "1.8", "0.8", "1.0"),  # tot is exclusive
    ],
)
def test_fte_op_peildatum(plaatsingen, peildatum, totaal, heerlen, landgraaf):
    (regel,) = fte_rapport([peildatum])
    assert regel["totaal"] == Decimal(totaal)
    per_gemeente = {g["gemeente"]: g["fte"] for g in regel["per_gemeente"]}
    assert per_gemeente == {"Heerlen": Decimal(heerlen), "Landgraaf": Decimal(landgraaf), "Voerendaal": Decimal("0.0")}


def test_uitsplitsing_en_verschillen(plaatsingen):
    vorige, regel = fte_rapport([date(2023, 6, 29), date(2022, 6, 30)])[::-1][::-1]
    assert vorige["peildatum"] == date(2022, 6, 30)
    assert regel["vorige_peildatum"] == date(2022, 6, 30)
    assert regel["verschil_vorige_pct"] == Decimal("53.3")  # 2.3 / 1.5
    assert regel["verschil_jaar_pct"] == Decimal("53.3")
    assert vorige["vorige_peildatum"] == date(2021, 12, 31)
    assert {d["domein"]: d["fte"] for d in regel["per_domein"]} == {
        "gebiedsteam": Decimal("1.5"),
        "voorliggend_veld": Decimal("0.8"),
    }
    assert {f["functie"]: f["fte"] for f in regel["per_functie"]} == {
        "jeugdhulpverlener": Decimal("1.5"),
        "jongerenwerker": Decimal("0.8"),
    }


@pytest.mark.parametrize(
    "peildata",
    [
        [date(2023, 6, 30)],
        [date(2021, 6, 30), date(2021, 12, 31), date(2022, 6, 30), date(2022, 12, 31), date(2023, 6, 30)],
    ],
)
def test_twee_queries_voor_alle_peildata(plaatsingen, peildata, django_assert_num_queries):
    # one for the municipalities, one for every date the report reads (the reference dates, the half-year
    # date before the first and a year earlier), whatever their number
    with django_assert_num_queries(2):
        rapport = fte_rapport(peildata)
    assert [r["peildatum"] for r in rapport] == peildata


@pytest.mark.parametrize(
    ("d", "vorige"),
    [
        (date(2023, 6, 30), date(2022, 12, 31)),
        (date(2023, 12, 31), date(2023, 6, 30)),
        (date(2023, 3, 1), date(2022, 12, 31)),
    ],
)
def test_vorige_halfjaardatum(d, vorige):
    assert vorige_halfjaardatum(d) == vorige


def test_standaard_peildata_elke_30_juni_en_31_december():
    assert standaard_peildata(van=date(2022, 1, 1), tot=date(2023, 7, 1)) == [
        date(2022, 6, 30),
        date(2022, 12, 31),
        date(2023, 6, 30),
    ]


def test_api_rapport_gemeente_ziet_alleen_eigen_gemeente(api_als, plaatsingen):
    client = api_als("gemeente", gemeenten=["heerlen"])
    data = client.get("/api/v1/rapportages/fte/?peildatum=2023-06-29&peildatum=2023-06-30").json()
    assert [r["peildatum"] for r in data] == ["2023-06-29", "2023-06-30"]
    assert data[0]["totaal"] == "1.3"
    assert data[0]["per_gemeente"] == [{"gemeente": "Heerlen", "fte": "1.3"}]
    assert client.get("/api/v1/rapportages/fte/?gemeente=landgraaf").status_code == 404


def test_api_rapport_gebiedsmanager_vreemd_gebied_404(api_als, plaatsingen):
    client = api_als("gebiedsmanager", gebieden=["landgraaf"])
    assert client.get("/api/v1/rapportages/fte/?gebied=heerlen-1").status_code == 404
    data = client.get("/api/v1/rapportages/fte/?peildatum=2023-06-29").json()
    assert data[0]["totaal"] == "1.0"
    assert data[0]["per_gemeente"] == [{"gemeente": "Landgraaf", "fte": "1.0"}]


def test_api_rapport_weigert_rol_en_foute_datum(api_als):
    assert api_als("inkoper").get("/api/v1/rapportages/fte/").status_code == 403
    antwoord = api_als("management").get("/api/v1/rapportages/fte/?peildatum=30-13-2023")
    assert antwoord.status_code == 400 and "peildatum" in antwoord.json()


def test_rapportpagina_met_grafiek_en_xlsx(web_als, plaatsingen):
    client = web_als("management")
    pagina = client.get("/rapportages/fte/?van=2022-01-01&tot=2023-06-30")
    inhoud = pagina.content.decode()
    assert pagina.status_code == 200
    assert inhoud.count("<svg") == 3 and "Heerlen" in inhoud and "1,8" in inhoud
    xlsx = client.get("/rapportages/fte/?van=2022-01-01&tot=2023-06-30&formaat=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = openpyxl.load_workbook(io.BytesIO(xlsx.content))["Per gemeente"]
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:5] == ("Peildatum", "Heerlen", "Landgraaf", "Voerendaal", "Totaal")
    assert len(rijen) == 4


def test_rapportpagina_foute_invoer_en_rol(web_als):
    client = web_als("gemeente", gemeenten=["heerlen"])
    antwoord = client.get("/rapportages/fte/?van=2023-01-01&tot=2022-01-01")
    assert "De einddatum ligt voor de begindatum." in antwoord.content.decode()
    assert client.get("/rapportages/fte/?gemeente=landgraaf").status_code == 200  # not a choice: form error
    assert web_als("inkoper").get("/rapportages/fte/").status_code == 403


def test_teampagina_landgraaf_ziet_geen_heerlen(web_als, gebied):
    PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Lotte Landgraaf")
    PlaatsingFactory(gebied=gebied("heerlen-1"), medewerker__naam="Henk Heerlen")
    client = web_als("gebiedsmanager", gebieden=["landgraaf"])
    inhoud = client.get("/team/").content.decode()
    assert "Lotte Landgraaf" in inhoud and "Henk Heerlen" not in inhoud
    assert client.get("/team/?gebied=heerlen-1").status_code == 404
    assert "Henk Heerlen" not in client.get("/rapportages/fte/").content.decode()
    assert web_als("gemeente", gemeenten=["heerlen"]).get("/team/").status_code == 403


@pytest.mark.time_machine(klok.SCHRIKKELDAG)
def test_teampagina_toont_eindigende_plaatsingen_en_tekort(web_als, gebied):
    vandaag = date.today()
    PlaatsingFactory(
        gebied=gebied("landgraaf"), medewerker__naam="Eindigt Binnenkort", tot=vandaag + timedelta(days=365)
    )  # (not vandaag.replace(year=...), which fails on 29 February)

    PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Stopt Snel", tot=vandaag + timedelta(days=30))
    inhoud = web_als("gebiedsmanager", gebieden=["landgraaf"]).get("/team/").content.decode()
    sectie = inhoud.split('id="kop-eindigend"')[1]
    assert "Stopt Snel" in sectie and "Eindigt Binnenkort" not in sectie
    assert "basistraining" in inhoud.split('id="kop-fte"')[0]


def test_meldcode_cijfers(gebied):
    op = date(2024, 6, 30)
    a = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="A").medewerker
    b = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="B").medewerker
    PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Ondersteuner", medewerker__functie="ondersteuning")
    ScholingFactory(medewerker=a, soort="meldcode_basis", datum=date(2020, 2, 1))
    ScholingFactory(medewerker=a, soort="meldcode_opfris", datum=date(2024, 1, 10))
    for datum in (date(2024, 3, 1), date(2024, 5, 1)):
        ScholingFactory(medewerker=a, soort="themabijeenkomst_hgkm", datum=datum)
    ScholingFactory(medewerker=b, soort="themabijeenkomst_hgkm", datum=date(2024, 3, 1))
    ScholingFactory(medewerker=b, soort="themabijeenkomst_hgkm", datum=date(2023, 3, 1))  # last year
    cijfers = meldcode_scholing_cijfers(op=op)
    assert cijfers["aandeel_basis"] == Decimal("50.0") and cijfers["norm_basis"] == 100
    assert cijfers["aandeel_opfris"] == Decimal("50.0") and cijfers["norm_opfris"] == 90
    assert cijfers["themabijeenkomsten"] == 2 and cijfers["norm_themabijeenkomsten"] == 4
    assert cijfers["opkomst_pct"] == Decimal("75.0") and cijfers["norm_opkomst"] == 80
    assert cijfers["zonder_basis"] == ["B"]
    assert meldcode_scholing_cijfers(op=op, gebieden=[gebied("heerlen-1")])["zonder_basis"] == []
    MedewerkerFactory(naam="Niet geplaatst")
    assert "Niet geplaatst" not in meldcode_scholing_cijfers(op=op, gebieden=[gebied("landgraaf")])["zonder_basis"]


def test_meldcode_cijfers_met_gebiedscodes(gebied):
    PlaatsingFactory(gebied=gebied("voerendaal"), medewerker__naam="V")
    assert meldcode_scholing_cijfers(op=date(2024, 1, 1), gebieden=["voerendaal"])["zonder_basis"] == ["V"]
    assert fte_rapport([date(2024, 1, 1)], gebieden=["heerlen-1"])[0]["totaal"] == Decimal("0.0")


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ("peildatum=0001-01-01", "Kies een peildatum tussen 01-01-1990 en 31-12-2100."),
        ("peildatum=9999-12-31", "Kies een peildatum tussen 01-01-1990 en 31-12-2100."),
        ("&".join(f"peildatum={jaar}-06-30" for jaar in range(2000, 2061)), "hoogstens 60 peildata"),
    ],
)
def test_api_rapport_peildatum_buiten_bereik_is_400(api_als, query, melding):
    """01-01-0001 has no previous half-year date (was a 500); 61 dates would be 61 queries."""
    antwoord = api_als("management").get(f"/api/v1/rapportages/fte/?{query}")
    assert antwoord.status_code == 400
    assert melding in " ".join(antwoord.json()["peildatum"])


@pytest.mark.parametrize(
    "query",
    ["peildatum=0001-06-30", "van=01-01-0001&tot=31-12-0001", "van=01-01-1900&tot=31-12-2023"],
)
def test_rapportpagina_peildatum_buiten_bereik_geeft_melding(web_als, query):
    antwoord = web_als("management").get(f"/rapportages/fte/?{query}")
    assert antwoord.status_code == 200
    assert "Kies een peildatum tussen 01-01-1990 en 31-12-2100." in antwoord.content.decode()
    assert "<svg" not in antwoord.content.decode()


def test_rapportpagina_te_veel_peildata_geeft_melding(web_als):
    antwoord = web_als("management").get("/rapportages/fte/?van=01-01-1990&tot=31-12-2030")
    assert antwoord.status_code == 200
    assert "Vraag hoogstens 60 peildata tegelijk op." in antwoord.content.decode()


def test_standaard_peildata_niet_voor_1990(gebied):
    PlaatsingFactory(
        gebied=gebied("landgraaf"), medewerker__in_dienst_van=date(1, 1, 1), van=date(1, 1, 1), fte=Decimal("0.50")
    )
    peildata = standaard_peildata(tot=date(1991, 1, 1))
    assert peildata == [date(1990, 6, 30), date(1990, 12, 31)]
    assert fte_rapport(peildata)[0]["totaal"] == Decimal("0.5")


def test_eindigende_plaatsingen_niet_bij_gewijzigde_uren(gebied):
    """Changing hours ends the old placement and starts a new one on the same day: that person is not leaving."""
    from staff.selectors import eindigende_plaatsingen
    from staff.services import wijzig_uren

    op = date(2024, 3, 1)
    blijft = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Blijft", tot=date(2024, 12, 31))
    wijzig_uren(plaatsing=blijft, fte=Decimal("0.60"), per=date(2024, 3, 20))
    PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Vertrekt", tot=date(2024, 3, 20))
    landgraaf = Gebied.objects.filter(code="landgraaf")
    assert [p.medewerker.naam for p in eindigende_plaatsingen(gebieden=landgraaf, op=op)] == ["Vertrekt"]
