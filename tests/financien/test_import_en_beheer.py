"""Booked costs and the budget: the bookkeeping import (CSV/XLSX, preview, all or nothing, a Dutch message per
field), the admin forms, the database constraints and who may edit."""

from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from openpyxl import Workbook

from financien import services
from financien.models import Begrotingsregel, Kostenregel
from financien.resources import BegrotingsregelResource, KostenregelResource
from jens.models import Gemeente

pytestmark = pytest.mark.django_db

KOP = "jaar,maand,gemeente,post,bedrag,bron\n"


def _importeer(resource, tekst: str, dry_run: bool = False):
    dataset = tablib.Dataset().load(tekst, format="csv")
    return resource.import_data(dataset, dry_run=dry_run, rollback_on_validation_errors=True)


def _fouten(resultaat) -> dict[int, dict[str, list[str]]]:
    return {r.number: r.error_dict for r in resultaat.invalid_rows}


def test_import_kosten_met_nederlandse_bedragen_en_correctie():
    tekst = KOP + '2023,1,heerlen,gebiedsteams,"1.234,56",boeking jan\n2023,1,Landgraaf,overhead JENS,99.5,\n'
    resultaat = _importeer(KostenregelResource(), tekst)
    assert not resultaat.has_validation_errors() and not resultaat.has_errors()
    assert Kostenregel.objects.get(gemeente__code="heerlen").bedrag == Decimal("1234.56")
    assert Kostenregel.objects.get(gemeente__code="landgraaf").post == "overhead"
    # the same gemeente, month and line again corrects the row, it does not add a second one
    _importeer(KostenregelResource(), KOP + "2023,1,heerlen,gebiedsteams,2000,correctie\n")
    assert Kostenregel.objects.filter(gemeente__code="heerlen").get().bedrag == Decimal("2000")


@pytest.mark.parametrize(
    ("regel", "veld", "melding"),
    [
        ("2023,13,heerlen,gebiedsteams,10,", "maand", "De maand ligt tussen 1 en 12."),
        ("2023,1,heerlen,gebiedsteams,-10,", "bedrag", "Het bedrag mag niet negatief zijn."),
        ("2023,1,heerlen,gebiedsteams,tien,", "bedrag", "Geen geldig bedrag"),
        ("2023,1,maastricht,gebiedsteams,10,", "gemeente", "Onbekende gemeente"),
        ("2023,1,heerlen,reiskosten,10,", "post", "Onbekende waarde"),
        ("2023,1,heerlen,specialistische_zorg,10,", "post", "uitgaven per zorgaanbieder"),
        ("1999,1,heerlen,pgb,10,", "jaar", "Vul een jaar tussen 2000 en 2100 in."),
        ("2023,,heerlen,pgb,10,", "maand", "Vul de maand in"),
    ],
)
def test_import_een_foute_regel_schrijft_niets_en_noemt_veld(regel, veld, melding):
    tekst = KOP + "2023,1,heerlen,gebiedsteams,10,\n" + regel + "\n"
    resultaat = _importeer(KostenregelResource(), tekst)
    fouten = _fouten(resultaat)
    assert list(fouten) == [2]
    assert any(melding in m for m in fouten[2][veld]), fouten
    assert not Kostenregel.objects.exists()


def test_admin_import_xlsx_voorbeeld_eerst_en_alles_of_niets(web_als):
    client = web_als("inkoper", is_staff=True)
    url = "/admin/financien/kostenregel/import/"

    def xlsx(*rijen) -> SimpleUploadedFile:
        wb = Workbook()
        ws = wb.active
        ws.append(["jaar", "maand", "gemeente", "post", "bedrag", "bron"])
        for rij in rijen:
            ws.append(list(rij))
        import io

        buffer = io.BytesIO()
        wb.save(buffer)
        return SimpleUploadedFile("boekhouding.xlsx", buffer.getvalue())

    goed, fout = (2023, 2, "heerlen", "pgb", 1500, "feb"), (2023, 2, "heerlen", "specialistische zorg", 10, "")
    antwoord = client.post(url, {"import_file": xlsx(goed, fout), "format": "1", "resource": "0"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200 and "uitgaven per zorgaanbieder" in inhoud
    assert "confirm" not in inhoud.lower() or "Importeren bevestigen" not in inhoud
    assert not Kostenregel.objects.exists()
    antwoord = client.post(url, {"import_file": xlsx(goed), "format": "1", "resource": "0"})
    assert "confirm" in antwoord.content.decode().lower()  # the preview: nothing written yet
    assert not Kostenregel.objects.exists()


def test_begroting_import_en_dubbele_regel():
    tekst = "jaar,gemeente,post,bedrag,toelichting\n2024,heerlen,gebiedsteams,100000,\n2024,heerlen,Gebiedsteams,5,\n"
    resultaat = _importeer(BegrotingsregelResource(), tekst)
    assert not resultaat.has_validation_errors()
    assert Begrotingsregel.objects.get().bedrag == Decimal("5")  # the second row corrects the first
    fout = _importeer(BegrotingsregelResource(), "jaar,gemeente,post,bedrag,toelichting\n2024,,pgb,5,\n")
    assert "gemeente" in _fouten(fout)[1]


def test_database_weigert_uitbestede_zorg_in_de_boekhouding_en_negatieve_bedragen():
    heerlen = Gemeente.objects.get(code="heerlen")
    for velden in ({"post": "specialistische_zorg", "bedrag": 1}, {"post": "pgb", "bedrag": -1}, {"maand": 0}):
        rij = {"gemeente": heerlen, "jaar": 2023, "maand": 1, "post": "pgb", "bedrag": 1, **velden}
        with pytest.raises(IntegrityError), transaction.atomic():
            Kostenregel.objects.create(**rij)
    Kostenregel.objects.create(gemeente=heerlen, jaar=2023, maand=1, post="pgb", bedrag=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Kostenregel.objects.create(gemeente=heerlen, jaar=2023, maand=1, post="pgb", bedrag=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Begrotingsregel.objects.create(gemeente=heerlen, jaar=2023, post="pgb", bedrag=-5)


def test_service_meldt_per_veld_en_schrijft_niets():
    heerlen = Gemeente.objects.get(code="heerlen")
    services.boek_kosten(gemeente=heerlen, jaar=2023, maand=3, post="pgb", bedrag=Decimal("10"))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        services.boek_kosten(gemeente=heerlen, jaar=2023, maand=3, post="pgb", bedrag=Decimal("12"))
    assert fout.value.message_dict == {"maand": ["Voor deze gemeente, deze maand en deze post zijn al kosten geboekt."]}
    with pytest.raises(ValidationError) as fout:
        services.begroot(gemeente=heerlen, jaar=2023, post="gebiedsteams", bedrag=Decimal("-1"))
    assert fout.value.message_dict == {"bedrag": ["Het bedrag mag niet negatief zijn."]}
    assert Kostenregel.objects.count() == 1 and not Begrotingsregel.objects.exists()


def test_admin_formulier_toont_melding_bij_het_veld(web_als):
    client = web_als("inkoper", is_staff=True)
    heerlen = Gemeente.objects.get(code="heerlen")
    antwoord = client.post(
        "/admin/financien/kostenregel/add/",
        {"gemeente": heerlen.pk, "jaar": 2023, "maand": 4, "post": "specialistische_zorg", "bedrag": "10", "bron": ""},
    )
    assert antwoord.status_code == 200
    assert "uitgaven per zorgaanbieder" in antwoord.context["adminform"].form.errors["post"][0]
    assert not Kostenregel.objects.exists()
    antwoord = client.post(
        "/admin/financien/kostenregel/add/",
        {"gemeente": heerlen.pk, "jaar": 2023, "maand": 4, "post": "pgb", "bedrag": "10", "bron": ""},
    )
    assert antwoord.status_code == 302 and Kostenregel.objects.get().bedrag == Decimal("10")


def test_gemeente_kan_niet_beheren(web_als, maak_gebruiker):
    gemeente = maak_gebruiker("gemeente", gemeenten=["heerlen"], is_staff=True)
    client = web_als(gemeente)
    heerlen = Gemeente.objects.get(code="heerlen")
    antwoord = client.post(
        "/admin/financien/kostenregel/add/",
        {"gemeente": heerlen.pk, "jaar": 2023, "maand": 4, "post": "pgb", "bedrag": "10", "bron": ""},
    )
    assert antwoord.status_code == 403 and not Kostenregel.objects.exists()
    assert client.get("/admin/financien/kostenregel/import/").status_code == 403
    assert not gemeente.has_perm("financien.change_kostenregel")
    assert gemeente.has_perm("financien.view_kostenregel")
