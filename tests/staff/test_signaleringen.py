from datetime import date

import pytest

from jens.models import EmailBericht, Signalering
from staff.signaleringen import BASIS_ONTBREEKT, OPFRIS_VERLOPEN, sync_meldcode_signaleringen
from staff.tasks import meldcode_signaleringen
from tests.staff.factories import PlaatsingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("in_dienst_van", "op", "gesignaleerd"),
    [
        (date(2024, 1, 1), date(2024, 2, 26), False),  # deadline day itself (8 weeks)
        (date(2024, 1, 1), date(2024, 2, 27), True),
        (date(2024, 1, 1), date(2024, 1, 10), False),
    ],
)
def test_basistraining_na_8_weken(in_dienst_van, op, gesignaleerd, gebied):
    p = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__in_dienst_van=in_dienst_van)
    p.medewerker.meldcode_basis_uiterlijk = date(2024, 2, 26)
    p.medewerker.save()
    sync_meldcode_signaleringen(op=op)
    assert Signalering.objects.open().filter(soort=BASIS_ONTBREEKT).exists() is gesignaleerd


def test_opfris_verlopen_en_opgelost(gebied, maak_gebruiker, django_capture_on_commit_callbacks):
    maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"])
    maak_gebruiker("gebiedsmanager", gebieden=["heerlen-1"], username="heerlen_gm")
    p = PlaatsingFactory(gebied=gebied("landgraaf"), medewerker__naam="Opfris Nodig")
    m = p.medewerker
    m.meldcode_opfris_uiterlijk = date(2024, 1, 1)
    m.save()
    with django_capture_on_commit_callbacks(execute=True):
        sync_meldcode_signaleringen(op=date(2024, 1, 2))
    s = Signalering.objects.open().get(soort=OPFRIS_VERLOPEN)
    assert s.gebied == gebied("landgraaf") and "Opfris Nodig" in s.omschrijving
    mails = list(EmailBericht.objects.all())
    assert len(mails) == 1 and mails[0].aan == ["gebiedsmanager1@jens.example"]
    with django_capture_on_commit_callbacks(execute=True):
        sync_meldcode_signaleringen(op=date(2024, 1, 3))
    assert EmailBericht.objects.count() == 1  # notified once
    m.meldcode_opfris_uiterlijk = date(2025, 1, 1)
    m.save()
    sync_meldcode_signaleringen(op=date(2024, 1, 3))
    assert not Signalering.objects.open().exists()


def test_taak_draait_service():
    assert meldcode_signaleringen() == {BASIS_ONTBREEKT: 0, OPFRIS_VERLOPEN: 0}


def test_landgraaf_ziet_geen_signalering_van_heerlen_medewerker(gebied, web_als):
    p = PlaatsingFactory(gebied=gebied("heerlen-1"), medewerker__naam="Henk Heerlen")
    p.medewerker.meldcode_basis_uiterlijk = date(2020, 2, 26)
    p.medewerker.save()
    sync_meldcode_signaleringen(op=date(2024, 1, 1))
    assert Signalering.objects.open().filter(soort=BASIS_ONTBREEKT).count() == 1
    assert "Henk Heerlen" not in web_als("gebiedsmanager", gebieden=["landgraaf"]).get("/").content.decode()
    assert "Henk Heerlen" in web_als("gebiedsmanager", gebieden=["heerlen-1"]).get("/").content.decode()
