from decimal import Decimal

import pytest

from jens.dashboard.selectors import Kolom, Tabel, Tegel, verkeerslicht
from jens.dashboard.weergave import formatteer, tabel_weergave, tegel_weergave


@pytest.mark.parametrize(
    ("waarde", "soort", "maskeren", "verwacht"),
    [
        (4, "aantal", True, "<5"),
        (1, "aantal", True, "<5"),
        (5, "aantal", True, "5"),
        (0, "aantal", True, "0"),
        (4, "aantal", False, "4"),
        (2434, "aantal", False, "2.434"),
        (Decimal("169.4"), "fte", True, "169,4"),
        (Decimal("3.0"), "fte", True, "3,0"),  # fte is not a count of persons
        (Decimal("7.2"), "pct", False, "7,2%"),
        (Decimal("2476696.00"), "euro", False, "€ 2.476.696"),
        (None, "aantal", False, "—"),
        (True, "janee", False, "ja"),
        ((Decimal("50.0"), "pct", 2), "gemengd", True, "—"),  # a share of 2 people reveals them
        ((Decimal("50.0"), "pct", 2), "gemengd", False, "50,0%"),
        ((Decimal("80.0"), "pct", 10), "gemengd", True, "80,0%"),
    ],
)
def test_formatteer(waarde, soort, maskeren, verwacht):
    assert formatteer(waarde, soort, maskeren) == verwacht


@pytest.mark.parametrize(
    ("waarde", "norm", "richting", "kleur"),
    [
        (100, 100, "min", "groen"),
        (95, 100, "min", "oranje"),
        (89, 100, "min", "rood"),
        (Decimal("7.8"), 4, "min", "groen"),
        (2100, 2100, "max", "groen"),
        (2300, 2100, "max", "oranje"),
        (2434, 2100, "max", "rood"),
        (5, None, None, ""),
        (None, 100, "min", ""),
    ],
)
def test_verkeerslicht(waarde, norm, richting, kleur):
    assert verkeerslicht(waarde, norm, richting) == kleur


def test_in_een_rij_met_een_klein_aantal_verdwijnt_ook_de_mediaan():
    tabel = Tabel(
        "w",
        "Wachtlijst",
        [Kolom("Gebied"), Kolom("Wachtend", "aantal"), Kolom("Mediaan wachtdagen", "dagen")],
        [["Voerendaal", 3, 41], ["Landgraaf", 12, 20]],
    )
    rijen = [[c["tekst"] for c in r] for r in tabel_weergave(tabel, maskeren=True)["rijen"]]
    assert rijen == [["Voerendaal", "<5", "—"], ["Landgraaf", "12", "20,0"]]
    rijen = [[c["tekst"] for c in r] for r in tabel_weergave(tabel, maskeren=False)["rijen"]]
    assert rijen[0] == ["Voerendaal", "3", "41,0"]


def test_tegel_met_percentage_op_minder_dan_5_verbergt_waarde_en_kleur_voor_de_gemeente():
    tegel = Tegel(
        "vt", "Opgevolgd", Decimal("50.0"), soort="pct", norm=100, richting="min", basis=2, toelichting="Tijdig: 50,0%"
    )
    gemeente = tegel_weergave(tegel, maskeren=True)
    assert gemeente["waarde"] == "—" and gemeente["kleur"] == "" and gemeente["toelichting"] == ""
    assert gemeente["kleur_tekst"] == "niet getoond: minder dan 5"
    assert tegel_weergave(tegel, maskeren=False)["waarde"] == "50,0%"
    assert tegel_weergave(tegel, maskeren=False)["kleur"] == "rood"


def test_aantallen_organisaties_worden_niet_verborgen():
    # "<5" protects people; a count of providers or meetings identifies no one.
    assert formatteer(3, "telling", True) == "3"
    assert formatteer(3, "aantal", True) == "<5"


@pytest.mark.parametrize(
    ("waarde", "norm", "richting", "tekst"),
    [
        (None, 100, "min", "geen gegevens in deze periode"),  # a norm, nothing measured: not "geen norm"
        (12, None, None, "geen norm"),
        (100, 100, "min", "norm gehaald"),
    ],
)
def test_statustekst_van_een_tegel(waarde, norm, richting, tekst):
    tegel = Tegel(sleutel="t", titel="T", waarde=waarde, soort="pct", norm=norm, richting=richting)
    assert tegel_weergave(tegel, maskeren=False)["kleur_tekst"] == tekst


def test_een_totaalrij_verraadt_geen_verborgen_aantal_ook_niet_in_de_grafiek():
    from jens.dashboard.selectors import GrafiekSpec
    from jens.dashboard.weergave import grafiek

    tabel = Tabel(
        "k",
        "Klachten per soort",
        [Kolom("Soort"), Kolom("2023H1", "aantal"), Kolom("2022H1", "aantal")],
        [["Klacht", 5, 9], ["Melding van ongenoegen", 1, 0], ["Totaal", 6, 9]],
    )
    rijen = [[c["tekst"] for c in r] for r in tabel_weergave(tabel, maskeren=True)["rijen"]]
    assert rijen == [["Klacht", "—", "9"], ["Melding van ongenoegen", "<5", "0"], ["Totaal", "6", "9"]]
    spec = GrafiekSpec("g", "Klachten", "", "k", 0, [1, 2], soort="staaf", uitsluiten=("Totaal",))
    g = grafiek(spec, tabel, maskeren=True)
    assert g.reeksen[0].waarden == [None, None] and g.reeksen[0].labels == ["—", "<5"]
    assert g.reeksen[1].waarden == [9.0, 0.0]


def test_een_groep_zonder_totaalrij_wordt_ook_beschermd():
    tabel = Tabel(
        "k",
        "Kengetallen",
        [Kolom("Kengetal"), Kolom("2023H1", "gemengd")],
        [["Klacht", (5, "aantal")], ["Melding", (1, "aantal")], ["Naar de commissie", (7, "aantal")]],
        groepen=[[0, 1]],
    )
    rijen = [[c["tekst"] for c in r] for r in tabel_weergave(tabel, maskeren=True)["rijen"]]
    assert rijen == [["Klacht", "—"], ["Melding", "<5"], ["Naar de commissie", "7"]]


def test_xlsx_houdt_dezelfde_decimalen_als_de_pagina_en_verbergt_dezelfde_cellen():
    """Excel turned 19,5 into 20 ("dagen" had format "0"); now the cell format follows jens.getallen."""
    import io

    import openpyxl

    from jens.dashboard.rapport import Rapport, naar_xlsx
    from jens.dashboard.selectors import Filter, Onderdeel
    from jens.periode import Periode

    tabel = Tabel(
        "wachtlijst",
        "Wachtlijst per gebied",
        [Kolom("Gebied"), Kolom("Wachtend", "aantal"), Kolom("Mediaan wachtdagen", "dagen")],
        [["Heerlen gebied 1", 12, Decimal("19.5")], ["Heerlen gebied 2", 7, 9], ["Voerendaal", 3, 41]],
    )
    onderdeel = Onderdeel("wachtlijst", "Wachtlijst", tabellen=[tabel])
    for maskeren in (False, True):
        wb = openpyxl.load_workbook(
            io.BytesIO(naar_xlsx(Rapport(Filter(Periode.parse("2023H1")), maskeren, [onderdeel])))
        )
        blad = wb["Wachtlijst per gebied"]
        assert (blad["C6"].value, blad["C6"].number_format) == (19.5, "#,##0.0")
        assert (blad["C7"].value, blad["C7"].number_format) == (9, "#,##0.0")  # 9,0 beside 19,5 as on the page
        pagina = [[c["tekst"] for c in r] for r in tabel_weergave(tabel, maskeren)["rijen"]]
        assert [blad["B8"].value, blad["C8"].value] == ([3, 41] if not maskeren else ["<5", "—"])
        assert pagina[2][1:] == (["3", "41,0"] if not maskeren else ["<5", "—"])


def test_bijlagen_alleen_in_het_rapport_niet_op_het_dashboard():
    from jens.dashboard.selectors import Onderdeel
    from jens.dashboard.weergave import onderdeel_weergave

    tabellen = [
        Tabel("aantallen", "Aantallen", [Kolom("Soort"), Kolom("Aantal", "telling")], [["Leden", 3]]),
        Tabel("namen", "Namen", [Kolom("Soort"), Kolom("Naam")], [["Leden", "Lid 0"]], op_dashboard=False),
    ]
    o = Onderdeel("aanbieders", "Zorgaanbieders", tabellen=tabellen)
    assert [t["sleutel"] for t in onderdeel_weergave(o, False, dashboard=True)["tabellen"]] == ["aantallen"]
    assert [t["sleutel"] for t in onderdeel_weergave(o, False)["tabellen"]] == ["aantallen", "namen"]
