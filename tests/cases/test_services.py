from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from cases import services
from cases import signaleringen as soorten
from cases.models import Hulpvraag, Jeugdige, MeldcodeStap, MeldcodeTraject, VeiligThuisMelding, Zorginzet
from cases.validators import is_geldig_bsn
from jens.models import Signalering

from .factories import (
    AanbiederFactory,
    HulpvraagFactory,
    JeugdigeFactory,
    MedewerkerFactory,
    MeldcodeTrajectFactory,
    VeiligThuisMeldingFactory,
)

pytestmark = pytest.mark.django_db


def melding(exc, veld: str) -> str:
    return " ".join(exc.value.message_dict[veld])


@pytest.mark.parametrize(
    ("bsn", "geldig"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),  # eleven test fails
        ("000000000", False),  # passes the sum but is refused
        ("12345678", False),  # eight digits
        ("1234567820", False),  # ten digits
        ("12345678a", False),
        ("١٢٣٤٥٦٧٨٢", False),  # non-ASCII digits
    ],
)
def test_bsn_elfproef(bsn, geldig):
    assert is_geldig_bsn(bsn) is geldig


def _jeugdige(gebied, **kw):
    velden = {
        "achternaam": "Jansen",
        "voornamen": "Piet Karel",
        "geboortedatum": date(2010, 1, 2),
        "gemeente": gebied.gemeente,
        "gebied": gebied,
    }
    return services.maak_jeugdige(**(velden | kw))


def test_jeugdige_krijgt_clientnummer(gebied):
    j = _jeugdige(gebied("heerlen-1"), bsn="111222333")
    assert j.clientnummer == f"C{j.pk:07d}"
    assert j.initialen == "P.K. J."


@pytest.mark.parametrize(
    ("kw", "veld", "tekst"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"bsn": "000000000"}, "bsn", "geen geldig BSN"),
        ({"bsn": "1234"}, "bsn", "9 cijfers"),
        ({}, "reden_geen_bsn", "reden"),
        ({"bsn": "111222333", "reden_geen_bsn": "anoniem"}, "reden_geen_bsn", "geen reden"),
        ({"reden_geen_bsn": "asielzoeker", "huisnummer": "7"}, "postcode", "de postcode verplicht"),
        ({"reden_geen_bsn": "mbo_zonder_dossier", "postcode": "6411AB"}, "huisnummer", "het huisnummer verplicht"),
    ],
)
def test_jeugdige_ongeldig(gebied, kw, veld, tekst):
    with pytest.raises(ValidationError) as exc:
        _jeugdige(gebied("heerlen-1"), **kw)
    assert tekst in melding(exc, veld)
    assert not Jeugdige.objects.exists()


def test_bsn_uniek(gebied):
    _jeugdige(gebied("heerlen-1"), bsn="111222333")
    with pytest.raises(ValidationError) as exc:
        _jeugdige(gebied("heerlen-2"), bsn="111222333")
    assert "al een jeugdige" in melding(exc, "bsn")
    assert Jeugdige.objects.count() == 1


def test_gebied_moet_in_gemeente_liggen(gebied, gemeente):
    with pytest.raises(ValidationError) as exc:
        _jeugdige(gebied("landgraaf"), reden_geen_bsn="anoniem", gemeente=gemeente("heerlen"))
    assert "ligt niet in" in melding(exc, "gebied")


@pytest.mark.parametrize(
    ("ontvangen", "dossier_uiterlijk"),
    [
        (date(2025, 3, 3), date(2025, 3, 10)),  # Monday: next Monday
        (date(2024, 12, 20), date(2024, 12, 31)),  # over Christmas
        (date(2025, 5, 2), date(2025, 5, 12)),  # over 5 May
        (date(2025, 3, 8), date(2025, 3, 14)),  # received on a Saturday
    ],
)
def test_dossiertermijn(ontvangen, dossier_uiterlijk):
    h = services.registreer_hulpvraag(
        jeugdige=JeugdigeFactory(), ontvangen_op=ontvangen, verwijzer="huisarts", soort="nieuwe_client"
    )
    assert h.dossier_uiterlijk == dossier_uiterlijk


def test_termijn_uit_instellingen(settings):
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "CASES_DOSSIER_WERKDAGEN": 2}
    h = services.registreer_hulpvraag(
        jeugdige=JeugdigeFactory(), ontvangen_op=date(2025, 3, 3), verwijzer="huisarts", soort="nieuwe_client"
    )
    assert h.dossier_uiterlijk == date(2025, 3, 5)


@pytest.mark.parametrize(
    ("triage", "regie", "gezinsplan_uiterlijk"),
    [
        ("enkelvoudig", "jens", None),
        ("meervoudig", "jens", date(2025, 4, 24)),
        ("complex", "gemeente", None),
    ],
)
def test_kernteam_zet_triage_regie_en_termijnen(triage, regie, gezinsplan_uiterlijk):
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3))
    services.maak_dossier(hulpvraag=h, op=date(2025, 3, 5))
    h.refresh_from_db()
    assert h.kernteam_uiterlijk == date(2025, 3, 12)
    h = services.houd_kernteam(hulpvraag=h, op=date(2025, 3, 13), triage=triage)
    assert (h.regie, h.status, h.gezinsplan_uiterlijk) == (regie, "lopend", gezinsplan_uiterlijk)
    assert h.evaluatie_uiterlijk == date(2025, 6, 13)


def test_kernteam_zonder_dossier_geweigerd():
    h = HulpvraagFactory()
    with pytest.raises(ValidationError) as exc:
        services.houd_kernteam(hulpvraag=h, op=date(2023, 3, 3), triage="enkelvoudig")
    assert "dossier" in melding(exc, "kernteam_op")


def test_gezinsplan_zonder_dossier_geweigerd():
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3))
    with pytest.raises(ValidationError) as exc:
        services.stel_gezinsplan_vast(hulpvraag=h, op=date(2025, 3, 10))
    assert melding(exc, "gezinsplan_op") == "Maak eerst het dossier aan."
    h.refresh_from_db()
    assert h.gezinsplan_op is None


def test_gezinsplan_zonder_kernteam_en_triage_geweigerd():
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3))
    services.maak_dossier(hulpvraag=h, op=date(2025, 3, 4))
    with pytest.raises(ValidationError) as exc:
        services.stel_gezinsplan_vast(hulpvraag=h, op=date(2025, 3, 10))
    assert "leg eerst het kernteam met de triage vast" in melding(exc, "gezinsplan_op")
    h.refresh_from_db()
    assert h.gezinsplan_op is None


def test_gezinsplan_na_kernteam_niet_ervoor_en_maar_een_keer():
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3))
    services.maak_dossier(hulpvraag=h, op=date(2025, 3, 4))
    services.houd_kernteam(hulpvraag=h, op=date(2025, 3, 6), triage="meervoudig")
    with pytest.raises(ValidationError) as exc:
        services.stel_gezinsplan_vast(hulpvraag=h, op=date(2025, 3, 5))
    assert "voor het kernteam (06-03-2025)" in melding(exc, "gezinsplan_op")
    services.stel_gezinsplan_vast(hulpvraag=h, op=date(2025, 3, 20))
    with pytest.raises(ValidationError) as exc:
        services.stel_gezinsplan_vast(hulpvraag=h, op=date(2025, 3, 21))
    assert "al vastgesteld op 20-03-2025" in melding(exc, "gezinsplan_op")


@pytest.mark.parametrize(
    "velden",
    [
        {"gezinsplan_op": date(2025, 3, 20)},
        {"dossier_aangemaakt_op": date(2025, 3, 4), "gezinsplan_op": date(2025, 3, 20)},
        {
            "dossier_aangemaakt_op": date(2025, 3, 4),
            "kernteam_op": date(2025, 3, 6),
            "gezinsplan_op": date(2025, 3, 20),
        },
        {"kernteam_op": date(2025, 3, 6), "triage": "enkelvoudig"},
    ],
)
def test_database_weigert_stappen_buiten_volgorde(velden):
    """The admin and bulk writes go past the service: the database holds the same order."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        HulpvraagFactory(ontvangen_op=date(2025, 3, 3), **velden)


def test_evaluatie_schuift_volgende_termijn_op():
    h = HulpvraagFactory(ontvangen_op=date(2025, 1, 6))
    services.maak_dossier(hulpvraag=h, op=date(2025, 1, 7))
    services.houd_kernteam(hulpvraag=h, op=date(2025, 1, 8), triage="enkelvoudig")
    services.registreer_evaluatie(hulpvraag=h, datum=date(2025, 3, 31), uitkomst="deels_behaald")
    h.refresh_from_db()
    assert h.evaluatie_uiterlijk == date(2025, 6, 30)


def test_afgesloten_hulpvraag_niet_meer_wijzigen():
    h = HulpvraagFactory()
    services.sluit_hulpvraag(hulpvraag=h, op=date(2023, 4, 1), einde_reden="volgens_plan")
    with pytest.raises(ValidationError) as exc:
        services.maak_dossier(hulpvraag=h, op=date(2023, 4, 2))
    assert "afgesloten" in melding(exc, "status")


def _meldcode_tot_stap4(antwoorden):
    traject = MeldcodeTrajectFactory(gestart_op=date(2025, 1, 6))
    prof = MedewerkerFactory()
    services.registreer_meldcode_stap(traject=traject, stap=1, datum=date(2025, 1, 6), professional=prof)
    services.registreer_meldcode_stap(
        traject=traject, stap=2, datum=date(2025, 1, 7), professional=prof, veilig_thuis_geraadpleegd=True
    )
    services.registreer_meldcode_stap(traject=traject, stap=3, datum=date(2025, 1, 8), professional=prof)
    services.registreer_meldcode_stap(
        traject=traject, stap=4, datum=date(2025, 1, 9), professional=prof, antwoorden=antwoorden
    )
    return traject, prof


VEILIG = {
    "vermoeden": True,
    "acute_of_structurele_onveiligheid": False,
    "effectieve_hulp_mogelijk": True,
    "hulp_geaccepteerd": True,
    "resultaat_binnen_termijn": True,
}


@pytest.mark.parametrize(
    ("afwijking", "besluit", "toegestaan"),
    [
        ({}, "hulp_organiseren", True),
        ({}, "geen_vervolg", True),
        ({}, "melden", True),
        ({"acute_of_structurele_onveiligheid": True}, "hulp_organiseren", False),
        ({"acute_of_structurele_onveiligheid": True}, "geen_vervolg", False),
        ({"acute_of_structurele_onveiligheid": True}, "melden", True),
        ({"acute_of_structurele_onveiligheid": True}, "melden_en_hulp", True),
        ({"effectieve_hulp_mogelijk": False}, "hulp_organiseren", False),
        ({"effectieve_hulp_mogelijk": False}, "melden_en_hulp", True),
        ({"hulp_geaccepteerd": False}, "hulp_organiseren", False),
        ({"hulp_geaccepteerd": False}, "geen_vervolg", False),
        ({"hulp_geaccepteerd": False}, "melden", True),
    ],
)
def test_besluit_tegen_afwegingskader(afwijking, besluit, toegestaan):
    traject, prof = _meldcode_tot_stap4(VEILIG | afwijking)
    kwargs = {"traject": traject, "stap": 5, "datum": date(2025, 1, 10), "professional": prof, "besluit": besluit}
    if toegestaan:
        services.registreer_meldcode_stap(**kwargs)
        traject.refresh_from_db()
        assert traject.besluit == besluit
    else:
        with pytest.raises(ValidationError) as exc:
            services.registreer_meldcode_stap(**kwargs)
        assert "melding bij Veilig Thuis" in melding(exc, "besluit")
        traject.refresh_from_db()
        assert traject.besluit == ""
        assert not MeldcodeStap.objects.filter(traject=traject, stap=5).exists()


def test_meldcode_stappen_op_volgorde_en_alle_vragen():
    traject = MeldcodeTrajectFactory()
    prof = MedewerkerFactory()
    with pytest.raises(ValidationError) as exc:
        services.registreer_meldcode_stap(traject=traject, stap=2, datum=date(2023, 3, 2), professional=prof)
    assert "stap 1" in melding(exc, "stap")
    t, prof = _meldcode_tot_stap4(VEILIG)
    other = MeldcodeTrajectFactory(gestart_op=date(2025, 1, 6))
    for stap in (1, 2, 3):
        services.registreer_meldcode_stap(
            traject=other, stap=stap, datum=date(2025, 1, 6), professional=prof, veilig_thuis_geraadpleegd=False
        )
    with pytest.raises(ValidationError) as exc:
        services.registreer_meldcode_stap(
            traject=other, stap=4, datum=date(2025, 1, 7), professional=prof, antwoorden={"vermoeden": True}
        )
    assert "hulp_geaccepteerd" in exc.value.message_dict


def test_melden_zet_terugkoppelingstermijn():
    traject, prof = _meldcode_tot_stap4(VEILIG)
    services.registreer_meldcode_stap(
        traject=traject,
        stap=5,
        datum=date(2025, 1, 10),
        professional=prof,
        besluit="melden",
        gemeld_op=date(2025, 1, 10),
    )
    traject.refresh_from_db()
    assert traject.gemeld_op == date(2025, 1, 10)
    assert traject.terugkoppeling_uiterlijk == date(2025, 1, 17)


def test_vt_melding_termijn_en_opvolgen():
    m = services.registreer_vt_melding(
        jeugdige=JeugdigeFactory(), ontvangen_op=date(2024, 12, 20), omschrijving="Overdracht"
    )
    assert m.opvolgen_uiterlijk == date(2024, 12, 31)
    door = MedewerkerFactory()
    with pytest.raises(ValidationError) as exc:
        services.volg_vt_melding_op(melding=m, op=date(2024, 12, 23), door=door, wijze="overgedragen")
    assert "aan wie" in melding(exc, "overgedragen_aan")
    services.volg_vt_melding_op(melding=m, op=date(2024, 12, 23), door=door, wijze="contact_gezin")
    with pytest.raises(ValidationError) as exc:
        services.volg_vt_melding_op(melding=m, op=date(2024, 12, 24), door=door, wijze="contact_gezin")
    assert "al opgevolgd" in melding(exc, "opgevolgd_op")
    m.refresh_from_db()
    assert m.opgevolgd_op == date(2024, 12, 23)


def _open_signaleringen(soort):
    return Signalering.objects.open().filter(soort=soort)


def test_signalering_vt_niet_opgevolgd_naar_gedragswetenschappers_en_management(
    gebied, maak_gebruiker, django_assert_max_num_queries
):
    maak_gebruiker("gedragswetenschapper", gebieden=["heerlen-1"])
    m = VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 3))  # due 10-03-2025
    VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 10))  # not yet due on 11-03
    services.signaleer_te_laat(op=date(2025, 3, 11))
    open_ = _open_signaleringen(soorten.VT_NIET_OPGEVOLGD)
    assert [s.object_id for s in open_] == [m.pk]
    s = open_.get()
    assert s.gebied == gebied("heerlen-1")
    assert sorted(s.verantwoordelijke_groepen.values_list("name", flat=True)) == ["gedragswetenschapper", "management"]
    assert m.jeugdige.clientnummer in s.omschrijving and m.jeugdige.achternaam not in s.omschrijving
    services.signaleer_te_laat(op=date(2025, 3, 11))
    assert _open_signaleringen(soorten.VT_NIET_OPGEVOLGD).count() == 1
    services.volg_vt_melding_op(melding=m, op=date(2025, 3, 11), door=MedewerkerFactory(), wijze="contact_gezin")
    services.signaleer_te_laat(op=date(2025, 3, 12))
    assert not _open_signaleringen(soorten.VT_NIET_OPGEVOLGD).exists()


@pytest.mark.parametrize(
    ("instellen", "soort"),
    [
        ({}, soorten.DOSSIER_TE_LAAT),
        (
            {"dossier_aangemaakt_op": date(2025, 3, 4), "kernteam_uiterlijk": date(2025, 3, 11)},
            soorten.KERNTEAM_TE_LAAT,
        ),
        ({"kernteam_op": date(2025, 3, 4), "evaluatie_uiterlijk": date(2025, 3, 11)}, soorten.EVALUATIE_TE_LAAT),
        (
            {"triage": "meervoudig", "kernteam_op": date(2025, 3, 4), "gezinsplan_uiterlijk": date(2025, 3, 11)},
            soorten.GEZINSPLAN_ONTBREEKT,
        ),
    ],
)
def test_hulpvraag_signaleringen(instellen, soort):
    basis = {"dossier_aangemaakt_op": date(2025, 3, 3)} if soort != soorten.DOSSIER_TE_LAAT else {}
    h = HulpvraagFactory(ontvangen_op=date(2025, 3, 3), **(basis | instellen))
    services.signaleer_te_laat(op=date(2025, 3, 20))
    ct = ContentType.objects.get_for_model(Hulpvraag)
    assert list(_open_signaleringen(soort).values_list("content_type", "object_id")) == [(ct.pk, h.pk)]
    services.sluit_hulpvraag(hulpvraag=h, op=date(2025, 3, 20), einde_reden="overig")
    services.signaleer_te_laat(op=date(2025, 3, 21))
    assert not _open_signaleringen(soort).exists()


def test_terugkoppeling_ontbreekt_signalering():
    t = MeldcodeTrajectFactory(gemeld_op=date(2025, 3, 3), terugkoppeling_uiterlijk=date(2025, 3, 10))
    services.signaleer_te_laat(op=date(2025, 3, 11))
    assert _open_signaleringen(soorten.VT_TERUGKOPPELING_ONTBREEKT).get().object_id == t.pk
    services.registreer_terugkoppeling(traject=t, op=date(2025, 3, 11), terugkoppeling="Onderzoek gestart")
    services.signaleer_te_laat(op=date(2025, 3, 12))
    assert not _open_signaleringen(soorten.VT_TERUGKOPPELING_ONTBREEKT).exists()


def test_scan_vast_aantal_queries_ongeacht_aantal_items():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 3))
    HulpvraagFactory(ontvangen_op=date(2025, 3, 3))
    with CaptureQueriesContext(connection) as een:
        services.signaleer_te_laat(op=date(2025, 4, 1))
    for i in range(5):
        VeiligThuisMeldingFactory(ontvangen_op=date(2025, 3, 4 + i))
        HulpvraagFactory(ontvangen_op=date(2025, 3, 4 + i))
    with CaptureQueriesContext(connection) as zes:
        services.signaleer_te_laat(op=date(2025, 4, 1))
    assert _open_signaleringen(soorten.VT_NIET_OPGEVOLGD).count() == 6
    assert len(zes) == len(een)


# --- Zorginzet -----------------------------------------------------------------------------------


def test_zorginzet_gebiedsteam(gebied):
    h = HulpvraagFactory()
    z = services.registreer_zorginzet(
        hulpvraag=h, vorm="begeleiding", aangemeld_op=date(2023, 3, 2), gebied=gebied("heerlen-1")
    )
    assert z.gestart_op is None
    services.start_zorginzet(zorginzet=z, op=date(2023, 3, 20))
    z.refresh_from_db()
    assert z.gestart_op == date(2023, 3, 20)


def test_zorginzet_aanbieder_zonder_relatie_of_contract_vraagt_incidenteel_contract():
    from contracts.models import Contract

    h = HulpvraagFactory()
    aanbieder = AanbiederFactory()
    with pytest.raises(ValidationError) as exc:
        services.registreer_zorginzet(
            hulpvraag=h, vorm="behandeling", aangemeld_op=date(2023, 3, 2), zorgaanbieder=aanbieder
        )
    assert "incidentele overeenkomst" in melding(exc, "contract")
    incidenteel = Contract.objects.create(
        zorgaanbieder=aanbieder,
        soort=Contract.Soort.INCIDENTEEL,
        kenmerk="INC-1",
        startdatum=date(2023, 4, 1),
        status=Contract.Status.ACTIEF,
        incidentele_reden=Contract.IncidenteleReden.NICHEZORG,
        client_referentie="C0000001",
    )
    z = services.registreer_zorginzet(
        hulpvraag=h, vorm="behandeling", aangemeld_op=date(2023, 3, 2), zorgaanbieder=aanbieder, contract=incidenteel
    )
    assert z.contract == incidenteel


def test_zorginzet_aanbieder_met_contract_krijgt_het_lopende_contract():
    from contracts.models import Contract

    aanbieder = AanbiederFactory()
    contract = Contract.objects.create(
        zorgaanbieder=aanbieder,
        soort=Contract.Soort.LEVERING,
        kenmerk="LEV-1",
        startdatum=date(2023, 1, 1),
        status=Contract.Status.ACTIEF,
    )
    z = services.registreer_zorginzet(
        hulpvraag=HulpvraagFactory(), vorm="training", aangemeld_op=date(2023, 3, 2), zorgaanbieder=aanbieder
    )
    assert z.contract == contract


def test_zorginzet_niet_gebied_en_aanbieder_tegelijk(gebied):
    with pytest.raises(ValidationError) as exc:
        services.registreer_zorginzet(
            hulpvraag=HulpvraagFactory(),
            vorm="training",
            aangemeld_op=date(2023, 3, 2),
            gebied=gebied("heerlen-1"),
            zorgaanbieder=AanbiederFactory(),
        )
    assert "niet allebei" in melding(exc, "gebied")
    assert not Zorginzet.objects.exists()


def test_meldcode_traject_zonder_melding_geen_terugkoppeling():
    t = MeldcodeTrajectFactory()
    with pytest.raises(ValidationError) as exc:
        services.registreer_terugkoppeling(traject=t, op=date(2023, 3, 5), terugkoppeling="x")
    assert "niet gemeld" in melding(exc, "terugkoppeling_op")
    assert MeldcodeTraject.objects.get(pk=t.pk).terugkoppeling_op is None
    assert VeiligThuisMelding.objects.count() == 0


def test_zorginzet_start_na_einde_relatie_geweigerd():
    from contracts.models import Relatie

    aanbieder = AanbiederFactory()
    Relatie.objects.create(
        zorgaanbieder=aanbieder, soort="lid", geldig_van=date(2020, 1, 1), geldig_tot=date(2023, 4, 1)
    )
    z = services.registreer_zorginzet(
        hulpvraag=HulpvraagFactory(), vorm="training", aangemeld_op=date(2023, 3, 2), zorgaanbieder=aanbieder
    )
    with pytest.raises(ValidationError) as exc:
        services.start_zorginzet(zorginzet=z, op=date(2023, 4, 3))
    assert "incidentele overeenkomst" in melding(exc, "gestart_op")
    assert Zorginzet.objects.get(pk=z.pk).gestart_op is None
    services.start_zorginzet(zorginzet=z, op=date(2023, 3, 31))


def test_anonieme_jeugdige_zonder_adres(gebied):
    j = _jeugdige(gebied("heerlen-1"), reden_geen_bsn="anoniem")
    assert (j.bsn, j.postcode, j.reden_geen_bsn) == (None, "", "anoniem")
