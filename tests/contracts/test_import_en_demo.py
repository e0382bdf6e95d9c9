from datetime import date
from io import StringIO

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from contracts import demo, selectors
from contracts.models import AndereNaam, Contract, Personeelsomvang, Relatie, Uitgave, Zorgaanbieder
from contracts.resources import (
    ContractResource,
    UitgaveResource,
    ZorgaanbiederResource,
    perioden_uit_soorten,
)
from tests.contracts.factories import ContractFactory, ZorgaanbiederFactory

pytestmark = pytest.mark.django_db

REFERENTIE = demo.DATA / "zorgaanbieders.csv"


def _importeer(resource, tekst: str):
    dataset = tablib.Dataset().load(tekst, format="csv")
    return resource.import_data(dataset, dry_run=False, rollback_on_validation_errors=True)


@pytest.mark.parametrize(
    ("soorten", "perioden"),
    [
        (
            {2021: "lid", 2023: "lid", 2024: "lid"},
            [("lid", date(2021, 1, 1), None)],
        ),
        (
            {2021: "onderaannemer", 2023: "lid", 2024: "lid"},
            [("onderaannemer", date(2021, 1, 1), date(2023, 1, 1)), ("lid", date(2023, 1, 1), None)],
        ),
        # a list that does not name the provider ends nothing: only a dated change does
        ({2021: "lid", 2023: "", 2024: ""}, [("lid", date(2021, 1, 1), None)]),
        ({2021: "lid", 2023: "lid", 2024: ""}, [("lid", date(2021, 1, 1), None)]),
        ({2021: "", 2023: "leverancier", 2024: ""}, [("leverancier", date(2023, 1, 1), None)]),
        ({2021: "kleine aanbieder", 2023: "", 2024: ""}, [("kleine aanbieder", date(2021, 1, 1), None)]),
        (
            {2021: "onderaannemer", 2023: "", 2024: "lid"},
            [("onderaannemer", date(2021, 1, 1), date(2024, 1, 1)), ("lid", date(2024, 1, 1), None)],
        ),
        ({2021: "", 2023: "", 2024: ""}, []),
    ],
)
def test_perioden_uit_gepubliceerde_lijsten(soorten, perioden):
    assert perioden_uit_soorten(soorten) == perioden


def test_referentiebestand_geeft_86_aanbieders_met_soorten_per_jaar():
    resultaat = _importeer(ZorgaanbiederResource(), REFERENTIE.read_text(encoding="utf-8"))
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    assert Zorgaanbieder.objects.count() == 86
    assert AndereNaam.objects.filter(naam="Stichting Yvoor", zorgaanbieder__naam="Yvoor").exists()
    per_soort_2021 = selectors.aanbieders_per_soort_op(date(2021, 6, 30))
    assert len(per_soort_2021["lid"]) == 7 and "Meandergroep Zuid-Limburg" in per_soort_2021["lid"]
    assert "Welsun" in per_soort_2021["onderaannemer"]
    assert "AHMW" in per_soort_2021["kleine_aanbieder"] and "AHMW" not in per_soort_2021["leverancier"]
    per_soort_2023 = selectors.aanbieders_per_soort_op(date(2023, 6, 30))
    assert "Lionarons GGZ" in per_soort_2023["lid"]
    assert "Buro TOO" in per_soort_2023["leverancier"]  # small provider in 2021, supplier in 2023
    assert Personeelsomvang.objects.filter(minder_dan=10, aantal_medewerkers__isnull=True).count() == 70
    # a second import (matched on name or other name) adds nothing
    _importeer(ZorgaanbiederResource(), REFERENTIE.read_text(encoding="utf-8"))
    assert Zorgaanbieder.objects.count() == 86 and Relatie.objects.count() == 91


def test_match_op_kvk_dan_andere_naam():
    aanbieder = ZorgaanbiederFactory(naam="Stichting Yvoor", kvk_nummer="12345678")
    aanbieder.andere_namen.create(naam="Yvoor")
    _importeer(ZorgaanbiederResource(), "naam,kvk_nummer,plaats\nYvoor Jeugd,12345678,Heerlen\n")
    _importeer(ZorgaanbiederResource(), "naam,agb_code\nyvoor,87654321\n")
    aanbieder.refresh_from_db()
    assert Zorgaanbieder.objects.count() == 1
    assert (aanbieder.naam, aanbieder.plaats, aanbieder.agb_code) == ("Yvoor Jeugd", "Heerlen", "87654321")
    assert set(aanbieder.andere_namen.values_list("naam", flat=True)) == {"Yvoor", "Stichting Yvoor"}


@pytest.mark.parametrize(
    ("regels", "kolom"),
    [
        ("naam,soort_2021\nGoed,lid\nFout,directeur\n", "soort_2021"),
        ("naam,kvk_nummer\nGoed,12345678\nFout,1234\n", "kvk_nummer"),
    ],
)
def test_foute_regel_schrijft_niets_en_noemt_regel_en_reden(regels, kolom):
    resultaat = _importeer(ZorgaanbiederResource(), regels)
    assert resultaat.has_validation_errors()
    fout = resultaat.invalid_rows[0]
    assert fout.number == 2
    assert kolom in fout.error_dict
    assert not Zorgaanbieder.objects.exists()


def test_uitgaven_import_negatief_bedrag_schrijft_niets():
    ZorgaanbiederFactory(naam="Kinso")
    tekst = (
        "zorgaanbieder,jaar,maand,gemeente,categorie,bedrag\n"
        "Kinso,2023,1,heerlen,specialistische zorg,1000.50\n"
        "Kinso,2023,2,Landgraaf,pgb,-5\n"
    )
    resultaat = _importeer(UitgaveResource(), tekst)
    assert resultaat.has_validation_errors()
    assert "negatief" in str(resultaat.invalid_rows[0].error_dict["bedrag"])
    assert not Uitgave.objects.exists()
    resultaat = _importeer(UitgaveResource(), tekst.replace("-5", "5"))
    assert not resultaat.has_validation_errors()
    assert Uitgave.objects.count() == 2


def test_uitgaven_import_onbekende_aanbieder():
    resultaat = _importeer(
        UitgaveResource(), "zorgaanbieder,jaar,maand,gemeente,categorie,bedrag\nOnbekend,2023,1,heerlen,pgb,5\n"
    )
    assert resultaat.has_errors()
    regel, fouten = resultaat.row_errors()[0]
    assert regel == 1 and "Onbekende zorgaanbieder ‘Onbekend’" in str(fouten[0].error)
    assert not Uitgave.objects.exists()


def test_contract_import_controleert_regels_en_statusovergang():
    ZorgaanbiederFactory(naam="Radar")
    ContractFactory(kenmerk="K-OUD", status=Contract.Status.BEEINDIGD)
    goed = "kenmerk,zorgaanbieder,soort,status,startdatum,einddatum,gemeenten\nK-1,Radar,levering,,2023-01-01,2023-12-31,heerlen,landgraaf\n"
    resultaat = _importeer(ContractResource(), goed.replace("heerlen,landgraaf", '"heerlen,landgraaf"'))
    assert not resultaat.has_validation_errors() and not resultaat.has_errors(), resultaat.row_errors()
    contract = Contract.objects.get(kenmerk="K-1")
    assert contract.status == "concept" and contract.gemeenten.count() == 2
    fout = "kenmerk,zorgaanbieder,soort,status,startdatum,einddatum\nK-2,Radar,incidenteel,,2023-01-01,2023-12-31\n"
    assert "incidentele_reden" in _importeer(ContractResource(), fout).invalid_rows[0].error_dict
    terug = "kenmerk,zorgaanbieder,soort,status,startdatum,einddatum\nK-OUD,Radar,levering,actief,2023-01-01,\n"
    assert "status" in _importeer(ContractResource(), terug).invalid_rows[0].error_dict


def test_admin_import_met_voorbeeld_en_foutmelding(web_als):
    client = web_als("inkoper", is_staff=True)
    url = "/admin/contracts/zorgaanbieder/import/"
    bestand = SimpleUploadedFile("lijst.csv", b"naam,soort_2021\nGoed,lid\nFout,directeur\n")
    antwoord = client.post(url, {"import_file": bestand, "format": "0", "resource": "0"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Onbekende soort" in inhoud and "directeur" in inhoud
    assert not Zorgaanbieder.objects.exists()
    bestand = SimpleUploadedFile("lijst.csv", b"naam,soort_2021\nGoed,lid\n")
    antwoord = client.post(url, {"import_file": bestand, "format": "0", "resource": "0"})
    assert "confirm" in antwoord.content.decode().lower()  # the preview, nothing written yet
    assert not Zorgaanbieder.objects.exists()


def test_demo_volgt_referentiecijfers_en_is_idempotent(maak_gebruiker):
    maak_gebruiker("inkoper", username="inkoper")
    demo.seed(stdout=StringIO())
    r2021, r2023 = selectors.kleine_aanbieders_rapport(2021), selectors.kleine_aanbieders_rapport(2023)
    assert r2021["opdrachtsom"] == 34266618 and r2021["besteed_kleine_aanbieders"] == 2476696
    assert str(r2021["percentage"]) == "7.2" and str(r2023["percentage"]) == "7.8"
    transformatie = selectors.transformatie_rapport(peildatum=date(2023, 6, 30))
    assert transformatie["aantal_aanbieders_met_afspraak"] == 20 and transformatie["streefaantal"] == 10
    assert selectors.gesprekken_rapport(2023)["streefaantal"] == 27
    welsun = Zorgaanbieder.objects.get(naam="Welsun")
    assert selectors.soort_op(welsun, date(2021, 4, 30)) == "lid"
    assert selectors.soort_op(welsun, date(2021, 5, 1)) == "onderaannemer"
    lionarons = Zorgaanbieder.objects.get(naam="Lionarons GGZ")
    assert selectors.soort_op(lionarons, date(2021, 6, 1)) == "onderaannemer"
    assert selectors.soort_op(lionarons, date(2023, 6, 1)) == "lid"
    assert selectors.soort_op(Zorgaanbieder.objects.get(naam="Xonar"), date(2024, 1, 1)) is None
    tellingen = [m.objects.count() for m in (Zorgaanbieder, Relatie, Contract, Uitgave)]
    demo.seed(stdout=StringIO())
    assert [m.objects.count() for m in (Zorgaanbieder, Relatie, Contract, Uitgave)] == tellingen


def test_export_zorgaanbieders_met_andere_namen_en_relaties():
    aanbieder = ZorgaanbiederFactory(naam="Welsun")
    aanbieder.andere_namen.create(naam="Stichting Welsun")
    Relatie.objects.create(
        zorgaanbieder=aanbieder, soort="lid", geldig_van=date(2021, 1, 1), geldig_tot=date(2021, 5, 1)
    )
    dataset = ZorgaanbiederResource().export()
    rij = dict(zip(dataset.headers, dataset[0], strict=True))
    assert rij["naam"] == "Welsun" and rij["ook_genoemd_als"] == "Stichting Welsun"
    assert rij["relaties"] == "lid 2021-01-01..2021-05-01"
    assert dataset.export("xlsx")[:2] == b"PK"


def test_relatieperioden_import_weigert_overlap_en_schrijft_niets():
    from contracts.resources import RelatieResource

    ZorgaanbiederFactory(naam="Welsun")
    tekst = (
        "zorgaanbieder,soort,geldig_van,geldig_tot\n"
        "Welsun,lid,2021-01-01,2021-05-01\n"
        "Welsun,onderaannemer,2021-04-01,\n"
    )
    resultaat = _importeer(RelatieResource(), tekst)
    assert resultaat.has_validation_errors()
    assert resultaat.invalid_rows[0].number == 2 and "overlapt" in str(resultaat.invalid_rows[0].error_dict)
    assert not Relatie.objects.exists()
    resultaat = _importeer(RelatieResource(), tekst.replace("2021-04-01", "2021-05-01"))
    assert not resultaat.has_validation_errors() and not resultaat.has_errors()
    assert Relatie.objects.count() == 2


def test_een_latere_lijst_die_een_aanbieder_niet_noemt_beeindigt_niets():
    """The 2024 list names only members and subcontractors: importing it after the 2023 list leaves every
    supplier's relation running; only a dated change ends one."""
    _importeer(ZorgaanbiederResource(), "naam,soort_2023\nKinso,kleine aanbieder\nRadar,lid\nScoor,onderaannemer\n")
    _importeer(ZorgaanbiederResource(), "naam,soort_2024\nKinso,\nRadar,lid\nScoor,onderaannemer\n")
    kinso = Zorgaanbieder.objects.get(naam="Kinso")
    assert list(kinso.relaties.values_list("soort", "geldig_van", "geldig_tot")) == [
        ("leverancier", date(2023, 1, 1), None)
    ]
    assert selectors.soort_op(kinso, date(2024, 6, 30)) == "leverancier"
    assert Relatie.objects.filter(geldig_tot__isnull=False).count() == 0
    demo.pas_wijziging_toe(aanbieder=kinso, datum=date(2025, 1, 1), van="leverancier", naar="")
    assert selectors.soort_op(kinso, date(2024, 12, 31)) == "leverancier"
    assert selectors.soort_op(kinso, date(2025, 1, 1)) is None
    # a re-import of the lists does not reopen the ended relation
    _importeer(ZorgaanbiederResource(), "naam,soort_2023,soort_2024\nKinso,kleine aanbieder,\n")
    assert selectors.soort_op(kinso, date(2025, 1, 1)) is None and kinso.relaties.count() == 1


def test_demo_register_2021_2023_en_2024(maak_gebruiker):
    """The register as the published lists give it: 2021 and 2023 per kind; in 2024 the five members and six
    subcontractors of the 2024 list and the 47 suppliers of the 2023 list ("about 50"): none of them ended by
    the 2024 list; Kracht in Zorg and Xonar ended by their dated change on 1 January 2024."""
    maak_gebruiker("inkoper", username="inkoper")
    demo.seed(stdout=StringIO())
    tellingen = {
        d.year: {soort: len(namen) for soort, namen in selectors.aanbieders_per_soort_op(d).items()}
        for d in (date(2021, 6, 30), date(2023, 6, 30))
    }
    assert tellingen[2021] == {
        "lid": 7,
        "onderaannemer": 8,
        "leverancier": 25,
        "incidenteel": 0,
        "kleine_aanbieder": 43,
    }
    assert tellingen[2023] == {
        "lid": 7,
        "onderaannemer": 6,
        "leverancier": 20,
        "incidenteel": 0,
        "kleine_aanbieder": 27,
    }
    in_2024 = selectors.aanbieders_per_soort_op(date(2024, 6, 30))
    assert in_2024["lid"] == ["Alcander", "Koraal Groep", "Lionarons GGZ", "Mondriaan", "Radar"]
    assert len(in_2024["onderaannemer"]) == 6 and "Tobas Jeugdhulp" in in_2024["onderaannemer"]
    leveranciers_2023 = {
        r["naam"] for r in demo._lees("zorgaanbieders.csv") if r["soort_2023"] in ("leverancier", "kleine aanbieder")
    }
    assert set(in_2024["leverancier"]) | set(in_2024["kleine_aanbieder"]) == leveranciers_2023
    assert len(leveranciers_2023) == 47
    for naam in ("Kracht in Zorg", "Xonar"):
        relatie = Zorgaanbieder.objects.get(naam=naam).relaties.get(soort="lid")
        assert relatie.geldig_tot == date(2024, 1, 1)
