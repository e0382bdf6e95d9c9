"""A phone number is a phone number: the public form, the API and the services refuse "abc" with a Dutch message."""

import pytest
from django.core.exceptions import ValidationError

from complaints.models import Klacht
from complaints.services import TELEFOON_FOUT, valideer_telefoon

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "goed", ["06 12345678", "045-1234567", "+31 45 123 4567", "(045) 123 45 67", "0031612345678", ""]
)
def test_geldige_telefoonnummers(goed):
    assert valideer_telefoon(f" {goed} ") == goed


@pytest.mark.parametrize("fout", ["abc", "12345", "06-1234567a", "+", "0612345678901234567"])
def test_ongeldige_telefoonnummers(fout):
    with pytest.raises(ValidationError) as exc:
        valideer_telefoon(fout)
    assert exc.value.message_dict == {"indiener_telefoon": [TELEFOON_FOUT]}


def test_webformulier_weigert_abc_als_telefoonnummer(client):
    from tests.complaints.test_formulier import URL, geldig

    r = client.post(URL, geldig(indiener_telefoon="abc"))
    assert r.status_code in (200, 400)
    tekst = r.content.decode()
    assert "Vul een geldig telefoonnummer in" in tekst
    assert not Klacht.objects.exists()
    r = client.post(URL, geldig(indiener_telefoon="06 12345678"))
    assert r.status_code == 302 and Klacht.objects.get().indiener_telefoon == "06 12345678"


def test_api_weigert_abc_als_telefoonnummer(api_als):
    from tests.complaints.factories import aard

    r = api_als("klachtenfunctionaris").post(
        "/api/v1/klachten/",
        {
            "kanaal": "telefoon",
            "soort": "klacht",
            "aard": aard("behandeling").code,
            "omschrijving": "Belde boos.",
            "indiener_naam": "B",
            "indiener_telefoon": "abc",
        },
        format="json",
    )
    assert r.status_code == 400 and r.json()["indiener_telefoon"] == [TELEFOON_FOUT]
    assert not Klacht.objects.exists()


def _vijf_klachten_en_een_melding():
    from datetime import date

    from complaints.models import Soort
    from jens.models import Gemeente
    from tests.complaints.factories import KlachtFactory, aard, moment

    heerlen = Gemeente.objects.get(code="heerlen")
    for i in range(5):
        KlachtFactory(gemeente=heerlen, aard=aard("behandeling"), ontvangen_op=moment(date(2023, 2, 1 + i)))
    KlachtFactory(
        gemeente=heerlen,
        soort=Soort.MELDING_VAN_ONGENOEGEN,
        aard=aard("behandeling"),
        ontvangen_op=moment(date(2023, 3, 1)),
    )


def test_gemeente_kan_een_verborgen_aantal_niet_uit_het_totaal_afleiden(web_als, api_als):
    """In the gemeente XLSX 'Klacht 5' with 'Totaal 6' gave the hidden '<5' away: it was 1."""
    import io

    import openpyxl

    _vijf_klachten_en_een_melding()
    web = web_als("gemeente", gemeenten=["heerlen"])
    html = web.get("/klachten/rapportage/", {"periode": "2023H1"}).content.decode()
    assert '<td>Klacht</td><td class="getal">—</td>' in html
    assert '<td>Melding van ongenoegen</td><td class="getal">&lt;5</td>' in html
    assert "<strong>6</strong>" in html  # the total itself stays
    wb = openpyxl.load_workbook(
        io.BytesIO(web.get("/klachten/rapportage/", {"periode": "2023H1", "formaat": "xlsx"}).content)
    )
    assert [r[:2] for r in wb["Per soort"].iter_rows(min_row=2, values_only=True)] == [
        ("klacht", "—"),
        ("melding van ongenoegen", "<5"),
    ]
    data = api_als("gemeente", gemeenten=["heerlen"]).get("/api/v1/rapportages/klachten/?periode=2023H1").json()
    assert [s["aantal"] for s in data["per_soort"]] == ["—", "<5"] and data["totaal"] == 6
    # The complaints officer sees the counts.
    data = api_als("klachtenfunctionaris").get("/api/v1/rapportages/klachten/?periode=2023H1").json()
    assert [s["aantal"] for s in data["per_soort"]] == [5, 1]


def test_dashboard_xlsx_van_de_gemeente_verraadt_het_verborgen_aantal_niet(web_als):
    import io

    import openpyxl

    _vijf_klachten_en_een_melding()
    web = web_als("gemeente", gemeenten=["heerlen"])
    r = web.post("/rapportage/", {"periode": "2023H1", "gemeente": "heerlen", "formaat": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    rijen = {r[0]: r[1] for r in wb["Klachten afhandeling"].iter_rows(min_row=6, values_only=True)}
    assert rijen["Klacht"] == "—" and rijen["Melding van ongenoegen"] == "<5"
