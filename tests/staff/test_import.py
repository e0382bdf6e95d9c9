from datetime import date
from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from staff.models import Medewerker, Plaatsing
from staff.resources import MedewerkerResource, PlaatsingResource
from tests.staff.factories import LidFactory, MedewerkerFactory, PlaatsingFactory

pytestmark = pytest.mark.django_db

KOPPEN = ["personeelsnummer", "naam", "email", "werkgever", "functie", "in_dienst_van", "in_dienst_tot"]


@pytest.fixture
def lid():
    return LidFactory(naam="Radar")


def _medewerkers(*rijen):
    return tablib.Dataset(*rijen, headers=KOPPEN)


def test_import_maakt_aan_en_werkt_bij_op_personeelsnummer(lid):
    MedewerkerFactory(personeelsnummer="P1", naam="Oude Naam", werkgever=lid)
    data = _medewerkers(
        ["P1", "Nieuwe Naam", "p1@example.org", "radar", "gezinswerker", "2020-01-01", ""],
        ["P2", "Tweede", "", "Radar", "jeugdconsulent", "2023-02-01", ""],
    )
    proef = MedewerkerResource().import_data(data, dry_run=True, rollback_on_validation_errors=True)
    assert not proef.has_errors() and not proef.has_validation_errors()
    assert [r.import_type for r in proef.rows] == ["update", "new"]
    assert Medewerker.objects.get().naam == "Oude Naam"  # the preview writes nothing
    MedewerkerResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert sorted(Medewerker.objects.values_list("personeelsnummer", "naam")) == [
        ("P1", "Nieuwe Naam"),
        ("P2", "Tweede"),
    ]
    assert Medewerker.objects.get(personeelsnummer="P2").meldcode_basis_uiterlijk == date(2023, 3, 29)


def test_import_met_foute_rij_schrijft_niets_en_noemt_rij_en_reden(lid):
    data = _medewerkers(
        ["P1", "Goed", "", "Radar", "gezinswerker", "2020-01-01", ""],
        ["P2", "Geen lid", "", "Radar", "gezinswerker", "2018-01-01", ""],
        ["P3", "Onbekend", "", "Bestaat Niet", "gezinswerker", "2020-01-01", ""],
        ["P4", "Foute functie", "", "Radar", "tovenaar", "2020-01-01", ""],
    )
    resultaat = MedewerkerResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert set(fouten) == {2, 3, 4}
    assert "geen lid en geen strategische onderaannemer van JENS" in fouten[2]["werkgever"][0]
    assert "Onbekende zorgaanbieder 'Bestaat Niet'" in fouten[3]["werkgever"][0]
    assert "functie" in fouten[4]
    assert not Medewerker.objects.exists()


def test_import_plaatsingen_controleert_fte_som(lid, gebied):
    m = MedewerkerFactory(personeelsnummer="P1", werkgever=lid, in_dienst_van=date(2020, 1, 1))
    PlaatsingFactory(medewerker=m, fte=Decimal("0.60"), van=date(2020, 1, 1))
    koppen = ["personeelsnummer", "gebied", "domein", "fte", "van", "tot"]
    goed = tablib.Dataset(["P1", "heerlen-2", "voorliggend_veld", "0.40", "2021-01-01", ""], headers=koppen)
    fout = tablib.Dataset(
        ["P1", "heerlen-2", "voorliggend_veld", "0.30", "2021-01-01", ""],
        ["P1", "heerlen-3", "gebiedsteam", "0.20", "2021-01-01", ""],  # together with row 1 above 1.00
        ["P9", "atlantis", "gebiedsteam", "0.20", "2021-01-01", ""],
        headers=koppen,
    )
    resultaat = PlaatsingResource().import_data(fout, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert "het maximum is 1,00" in fouten[2]["fte"][0]
    rijfouten = {nummer: " ".join(str(f.error) for f in lijst) for nummer, lijst in resultaat.row_errors()}
    assert "Onbekend personeelsnummer 'P9'" in rijfouten[3]
    assert Plaatsing.objects.count() == 1
    resultaat = PlaatsingResource().import_data(goed, dry_run=False, rollback_on_validation_errors=True)
    assert not resultaat.has_validation_errors()
    assert Plaatsing.objects.count() == 2


def test_admin_import_toont_voorbeeld_en_rijfouten_xlsx(client, web_als, maak_gebruiker, lid):
    beheerder = maak_gebruiker("functioneel_beheerder", is_staff=True)
    web_als(beheerder)
    data = _medewerkers(
        ["P1", "Goed", "", "Radar", "gezinswerker", "2020-01-01", ""],
        ["P2", "Geen lid", "", "Radar", "gezinswerker", "2018-01-01", ""],
    )
    bestand = SimpleUploadedFile("hr.xlsx", data.export("xlsx"))
    formaten = client.get("/admin/staff/medewerker/import/").context["form"].fields["format"].choices
    xlsx = next(waarde for waarde, label in formaten if "xlsx" in str(label).lower())
    antwoord = client.post(
        "/admin/staff/medewerker/import/",
        {"import_file": bestand, "format": xlsx, "resource": 0},
    )
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "geen lid en geen strategische onderaannemer van JENS" in inhoud
    assert "confirm_form" not in antwoord.context or antwoord.context.get("confirm_form") is None
    assert not Medewerker.objects.exists()


def test_admin_medewerker_toevoegen_via_service(client, web_als, maak_gebruiker, lid):
    web_als(maak_gebruiker("functioneel_beheerder", is_staff=True))
    data = {
        "personeelsnummer": "A1",
        "naam": "Via Beheer",
        "email": "",
        "werkgever": lid.pk,
        "functie": "gezinswerker",
        "in_dienst_van": "01-03-2023",
        "plaatsingen-TOTAL_FORMS": 0,
        "plaatsingen-INITIAL_FORMS": 0,
        "scholingen-TOTAL_FORMS": 0,
        "scholingen-INITIAL_FORMS": 0,
    }
    fout = client.post("/admin/staff/medewerker/add/", {**data, "in_dienst_van": "01-03-2018"})
    assert fout.status_code == 200
    assert "geen lid en geen strategische onderaannemer van JENS" in fout.content.decode()
    assert client.post("/admin/staff/medewerker/add/", data).status_code == 302
    assert Medewerker.objects.get().meldcode_basis_uiterlijk == date(2023, 4, 26)


def test_admin_plaatsing_boven_maximum_geweigerd(client, web_als, maak_gebruiker, gebied):
    web_als(maak_gebruiker("functioneel_beheerder", is_staff=True))
    p = PlaatsingFactory(fte=Decimal("0.80"), van=date(2020, 1, 1))
    data = {
        "medewerker": p.medewerker.pk,
        "gebied": gebied("heerlen-2").pk,
        "domein": "gebiedsteam",
        "fte": "0,30",
        "van": "01-01-2021",
    }
    fout = client.post("/admin/staff/plaatsing/add/", data)
    assert fout.status_code == 200 and "het maximum is 1,00" in fout.content.decode()
    assert client.post("/admin/staff/plaatsing/add/", {**data, "fte": "0,20"}).status_code == 302
    assert Plaatsing.objects.count() == 2


def test_admin_scholing_niet_naar_andere_medewerker(client, web_als, maak_gebruiker):
    """The employee of a training record is fixed: moving it left the first employee's deadlines stale."""
    from staff.models import Scholing
    from staff.services import registreer_scholing

    web_als(maak_gebruiker("functioneel_beheerder", is_staff=True))
    eerste, tweede = MedewerkerFactory(), MedewerkerFactory()
    scholing = registreer_scholing(medewerker=eerste, soort="meldcode_basis", datum=date(2023, 3, 1))
    data = {"medewerker": tweede.pk, "soort": "meldcode_basis", "datum": "01-03-2023", "omschrijving": "x"}
    assert client.post(f"/admin/staff/scholing/{scholing.pk}/change/", data).status_code == 302
    scholing = Scholing.objects.get()
    assert scholing.medewerker == eerste and scholing.omschrijving == "x"
    eerste.refresh_from_db()
    assert eerste.meldcode_basis_uiterlijk is None and eerste.meldcode_opfris_uiterlijk == date(2024, 3, 1)


def test_import_verlengt_geen_beeindigde_plaatsing(lid, gebied):
    """As in the service: an ended placement is not extended (a new one is started); ending one is fine."""
    m = MedewerkerFactory(personeelsnummer="P1", werkgever=lid, in_dienst_van=date(2020, 1, 1))
    PlaatsingFactory(
        medewerker=m, gebied=gebied("landgraaf"), fte=Decimal("0.60"), van=date(2020, 1, 1), tot=date(2021, 1, 1)
    )
    koppen = ["personeelsnummer", "gebied", "domein", "fte", "van", "tot"]
    for tot in ("", "2022-01-01"):
        data = tablib.Dataset(["P1", "landgraaf", "gebiedsteam", "0.60", "2020-01-01", tot], headers=koppen)
        resultaat = PlaatsingResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
        fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
        assert "niet worden verlengd" in fouten[1]["tot"][0]
        assert Plaatsing.objects.get().tot == date(2021, 1, 1)
    data = tablib.Dataset(["P1", "landgraaf", "gebiedsteam", "0.60", "2020-01-01", "2020-07-01"], headers=koppen)
    assert (
        not PlaatsingResource()
        .import_data(data, dry_run=False, rollback_on_validation_errors=True)
        .has_validation_errors()
    )
    assert Plaatsing.objects.get().tot == date(2020, 7, 1)


def test_admin_import_plaatsingen_xlsx_voorbeeld_en_dan_opslaan(client, web_als, maak_gebruiker, lid):
    """The placement import from an HR export in XLSX: a preview that writes nothing, then the confirmation."""
    web_als(maak_gebruiker("functioneel_beheerder", is_staff=True))
    MedewerkerFactory(personeelsnummer="P1", werkgever=lid, in_dienst_van=date(2020, 1, 1))
    koppen = ["personeelsnummer", "gebied", "domein", "fte", "van", "tot"]
    data = tablib.Dataset(["P1", "heerlen-2", "gebiedsteam", "0.80", "2021-01-01", ""], headers=koppen)
    formaten = client.get("/admin/staff/plaatsing/import/").context["form"].fields["format"].choices
    xlsx = next(waarde for waarde, label in formaten if "xlsx" in str(label).lower())
    voorbeeld = client.post(
        "/admin/staff/plaatsing/import/",
        {"import_file": SimpleUploadedFile("plaatsingen.xlsx", data.export("xlsx")), "format": xlsx, "resource": 0},
    )
    assert voorbeeld.status_code == 200
    bevestiging = voorbeeld.context["confirm_form"]
    assert bevestiging is not None
    assert not Plaatsing.objects.exists()  # the preview writes nothing
    client.post("/admin/staff/plaatsing/process_import/", bevestiging.initial)
    plaatsing = Plaatsing.objects.get()
    assert (plaatsing.medewerker.personeelsnummer, plaatsing.gebied.code, plaatsing.fte) == (
        "P1",
        "heerlen-2",
        Decimal("0.80"),
    )

    fout = tablib.Dataset(["P1", "heerlen-3", "gebiedsteam", "0.50", "2021-06-01", ""], headers=koppen)  # above 1,00
    antwoord = client.post(
        "/admin/staff/plaatsing/import/",
        {"import_file": SimpleUploadedFile("fout.xlsx", fout.export("xlsx")), "format": xlsx, "resource": 0},
    )
    assert "het maximum is 1,00" in antwoord.content.decode()
    assert Plaatsing.objects.count() == 1


def test_import_medewerker_en_plaatsing_van_strategische_onderaannemer(gebied):
    """The HR import's preloaded check lets a strategic subcontractor employ staff placed in an area team;
    a plain supplier is refused, and a refused row writes nothing."""
    from contracts.models import Relatie, Zorgaanbieder

    moventis = Zorgaanbieder.objects.create(naam="Moventis GGZ")
    Relatie.objects.create(zorgaanbieder=moventis, soort="onderaannemer", geldig_van=date(2021, 1, 1))
    kinso = Zorgaanbieder.objects.create(naam="Kinso")
    Relatie.objects.create(zorgaanbieder=kinso, soort="leverancier", geldig_van=date(2021, 1, 1))
    fout = _medewerkers(
        ["P1", "Onderaannemer", "", "Moventis GGZ", "gezinswerker", "2022-01-01", ""],
        ["P2", "Leverancier", "", "Kinso", "gezinswerker", "2022-01-01", ""],
    )
    resultaat = MedewerkerResource().import_data(fout, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert set(fouten) == {2}
    assert "Kinso is op 01-01-2022 geen lid en geen strategische onderaannemer" in fouten[2]["werkgever"][0]
    assert not Medewerker.objects.exists()
    goed = _medewerkers(["P1", "Onderaannemer", "", "Moventis GGZ", "gezinswerker", "2022-01-01", ""])
    assert not MedewerkerResource().import_data(goed, dry_run=False).has_validation_errors()
    assert Medewerker.objects.get(personeelsnummer="P1").werkgever == moventis

    leverancier = MedewerkerFactory(personeelsnummer="P2", werkgever=kinso, in_dienst_van=date(2022, 1, 1))
    assert leverancier.pk  # written past the services: the placement import must still refuse it
    koppen = ["personeelsnummer", "gebied", "domein", "fte", "van", "tot"]
    plaatsingen = tablib.Dataset(
        ["P1", "heerlen-1", "gebiedsteam", "0.80", "2022-02-01", ""],
        ["P2", "heerlen-1", "gebiedsteam", "0.80", "2022-02-01", ""],
        headers=koppen,
    )
    resultaat = PlaatsingResource().import_data(plaatsingen, dry_run=False, rollback_on_validation_errors=True)
    fouten = {rij.number: rij.error_dict for rij in resultaat.invalid_rows}
    assert set(fouten) == {2} and "Kinso is op 01-02-2022 geen lid" in fouten[2]["van"][0]
    assert not Plaatsing.objects.exists()
    alleen_p1 = tablib.Dataset(plaatsingen[0], headers=koppen)
    resultaat = PlaatsingResource().import_data(alleen_p1, dry_run=False, rollback_on_validation_errors=True)
    assert not resultaat.has_validation_errors()
    assert Plaatsing.objects.get().medewerker.werkgever == moventis
