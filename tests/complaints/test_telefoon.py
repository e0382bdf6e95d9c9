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
