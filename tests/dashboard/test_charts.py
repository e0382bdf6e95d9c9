import re

import pytest

from jens.grafieken import Grafiek, Reeks


def _lijn(**extra):
    return Grafiek(
        id="g-fte",
        titel="Fte per gemeente",
        omschrijving="Lijngrafiek van de fte per gemeente.",
        categorieen=["30-06-2022", "31-12-2022", "30-06-2023"],
        reeksen=[Reeks("Heerlen", [113.3, 120.9, 121.9]), Reeks("Totaal", [155.6, 167.3, 169.4])],
        as_x="Peildatum",
        as_y="Fte",
        decimalen=1,
        **extra,
    )


def test_lijngrafiek_is_toegankelijk_met_titel_beschrijving_en_assen():
    svg = str(_lijn().svg())
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="g-fte-titel">Fte per gemeente</title>' in svg
    assert '<desc id="g-fte-desc">Lijngrafiek van de fte per gemeente.</desc>' in svg
    assert 'aria-labelledby="g-fte-titel"' in svg and 'aria-describedby="g-fte-desc"' in svg
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 6
    assert ">Peildatum</text>" in svg and ">Fte</text>" in svg
    # Dutch notation in the point labels, never a decimal point.
    assert "Totaal, 30-06-2023: 169,4" in svg
    assert "169.4" not in svg


def test_tabel_bij_de_grafiek_heeft_dezelfde_getallen_in_nederlandse_notatie():
    tabel = _lijn().tabel
    assert tabel["kolommen"] == ["Peildatum", "Heerlen", "Totaal"]
    assert tabel["rijen"][-1] == ["30-06-2023", "121,9", "169,4"]


def test_staafgrafiek_tekent_geen_verborgen_waarde_maar_toont_het_label_in_de_tabel():
    g = Grafiek(
        id="g-wacht",
        titel="Wachtenden per gebied",
        omschrijving="Staafgrafiek.",
        categorieen=["Heerlen gebied 1", "Landgraaf", "Voerendaal"],
        reeksen=[Reeks("Wachtend", [12, None, 7], ["12", "<5", "7"])],
        soort="staaf",
    )
    svg = str(g.svg())
    assert len(re.findall(r"<rect x=\"[\d.]+\" y=\"[\d.]+\" width=\"[\d.]+\" height=\"[\d.]+\"><title>", svg)) == 2
    assert "Landgraaf: " not in svg
    assert g.tabel["rijen"][1] == ["Landgraaf", "<5"]


def test_tekst_in_de_grafiek_wordt_ge_escaped():
    g = Grafiek(
        id="x",
        titel="<script>alert(1)</script>",
        omschrijving="a & b",
        categorieen=["<b>"],
        reeksen=[Reeks("r", [1])],
    )
    svg = str(g.svg())
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg and "&lt;b&gt;" in svg


@pytest.mark.parametrize(
    ("waarden", "norm", "verwacht_max_tik"),
    [([169.4], None, "200"), ([2434], 2100, "2.500"), ([0], None, "5"), ([3], None, "3")],
)
def test_y_as_loopt_tot_een_nette_waarde_boven_het_maximum_en_de_norm(waarden, norm, verwacht_max_tik):
    g = Grafiek(id="y", titel="t", omschrijving="d", categorieen=["a"], reeksen=[Reeks("r", waarden)], norm=norm)
    tikken = re.findall(r'text-anchor="end">([\d.,]+)</text>', str(g.svg()))
    assert tikken[-1] == verwacht_max_tik
