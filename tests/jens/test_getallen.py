"""One number formatter and one traffic-light rule (jens.getallen), used by pages, charts and XLSX."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from jens import getallen


@pytest.mark.parametrize(
    ("waarde", "soort", "tekst", "formaat"),
    [
        (2021, "aantal", "2.021", "#,##0"),  # a count of 2021 people is grouped; a year never goes through here
        (Decimal("19.5"), "dagen", "19,5", "#,##0.0"),  # Excel used to show 20
        (9, "dagen", "9,0", "#,##0.0"),  # a median of 9 days beside 7,0: the same decimals
        (Decimal("7.0"), "dagen", "7,0", "#,##0.0"),
        (Decimal("95.7"), "pct", "95,7%", '#,##0.0"%"'),
        (Decimal("169.4"), "fte", "169,4", "#,##0.0"),
        (Decimal("2476696.00"), "euro", "€ 2.476.696", '"€" #,##0'),
        (4, "getal", "4", "#,##0"),
        (Decimal("4.5"), "getal", "4,5", "#,##0.0"),
        (None, "pct", "—", None),
    ],
)
def test_formatteer_en_xlsx_formaat_geven_dezelfde_decimalen(waarde, soort, tekst, formaat):
    assert getallen.formatteer(waarde, soort) == tekst
    assert getallen.xlsx_formaat(waarde, soort) == formaat


@pytest.mark.parametrize(
    ("waarde", "norm", "richting", "kleur"),
    [
        (Decimal("95.7"), 100, "min", "oranje"),  # the team page used to say red here, the dashboard orange
        (Decimal("90.0"), 100, "min", "oranje"),
        (Decimal("89.9"), 100, "min", "rood"),
        (100, 100, "min", "groen"),
        (2300, 2100, "max", "oranje"),
        (2311, 2100, "max", "rood"),
        (None, 100, "min", ""),
        (5, None, "min", ""),
    ],
)
def test_een_verkeerslichtregel(waarde, norm, richting, kleur):
    assert getallen.verkeerslicht(waarde, norm, richting) == kleur


def test_een_jaartal_in_een_sjabloon_krijgt_geen_duizendtalpunt():
    html = Template('{% load jens %}{{ jaar }} <input value="{{ jaar }}"> {{ n|getal:0 }} {{ m|als:"dagen" }}').render(
        Context({"jaar": 2021, "n": 8720, "m": 19.5})
    )
    assert html == '2021 <input value="2021"> 8.720 19,5'


def test_teampagina_kleurt_95_7_procent_oranje_zoals_het_dashboard(rf, django_user_model, db):
    from django.template.loader import render_to_string

    verzoek = rf.get("/team/")
    verzoek.user = django_user_model.objects.create_user("gm", password="x")
    cijfers = {
        "aandeel_basis": Decimal("95.7"),
        "norm_basis": 100,
        "aandeel_opfris": Decimal("91.0"),
        "norm_opfris": 90,
        "themabijeenkomsten": 4,
        "norm_themabijeenkomsten": 4,
        "opkomst_pct": Decimal("70.0"),
        "norm_opkomst": 80,
    }
    html = render_to_string("staff/team.html", {"cijfers": cijfers, "eindigt_dagen": 60}, request=verzoek)
    assert '<li class="tegel oranje" id="tegel-basis">' in html and "95,7%" in html and "Bijna aan de norm" in html
    assert '<li class="tegel groen" id="tegel-opfris">' in html
    assert '<li class="tegel rood" id="tegel-opkomst">' in html and "Norm niet gehaald" in html
    assert getallen.verkeerslicht(Decimal("95.7"), 100, "min") == "oranje"  # what the dashboard's tile says
