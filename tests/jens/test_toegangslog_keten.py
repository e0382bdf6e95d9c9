"""The tamper-evident access log: sealing, the hash chain, the PostgreSQL trigger and the retention job."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from jens import toegangslog
from jens.models import Signalering, Toegangslog, ToegangslogKetting
from jens.tasks import controleer_toegangslog

POSTGRES = connection.vendor == "postgresql"


def _regel(**velden) -> Toegangslog:
    basis = {
        "gebruikersnaam": "daan",
        "rol": "gedragswetenschapper",
        "actie": "inzien",
        "object_type": "jeugdige",
        "object_id": "1",
        "client": "C0000001",
        "ip_adres": "10.0.0.1",
        "uitkomst": "toegestaan",
    }
    return Toegangslog.objects.create(**{**basis, **velden})


def _buiten_trigger(sql: str, params=()) -> None:
    """Change the table as someone with direct database access would (on PostgreSQL past the trigger, the way a
    superuser can: session_replication_role=replica skips ordinary triggers)."""
    with connection.cursor() as cursor:
        if POSTGRES:
            cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(sql, params)
        finally:
            if POSTGRES:
                cursor.execute("SET session_replication_role = DEFAULT")


@pytest.fixture
def vijf_regels(db):
    regels = [_regel(object_id=str(i), client=f"C000000{i}") for i in range(1, 6)]
    assert toegangslog.verzegel() == 5
    return regels


def test_verzegelen_nummert_en_ketent(vijf_regels):
    rijen = list(Toegangslog.objects.order_by("volgnummer").values_list("volgnummer", "vorige_hash", "hash"))
    assert [r[0] for r in rijen] == [1, 2, 3, 4, 5]
    assert rijen[0][1] == "" and all(rijen[i][1] == rijen[i - 1][2] for i in range(1, 5))
    assert len({r[2] for r in rijen}) == 5 and all(len(r[2]) == 64 for r in rijen)
    assert toegangslog.verzegel() == 0
    uitkomst = toegangslog.controleer()
    assert uitkomst.in_orde and uitkomst.gecontroleerd == 5


def test_nieuwe_regels_sluiten_aan_op_de_keten(vijf_regels):
    _regel(object_id="6")
    assert toegangslog.verzegel() == 1
    zesde = Toegangslog.objects.get(object_id="6")
    assert zesde.volgnummer == 6 and zesde.vorige_hash == Toegangslog.objects.get(volgnummer=5).hash
    assert toegangslog.controleer().in_orde


def test_gewijzigde_regel_breekt_de_keten_en_geeft_een_signalering(vijf_regels):
    _buiten_trigger("UPDATE jens_toegangslog SET client = %s WHERE volgnummer = 3", ["C9999999"])
    uitkomst = toegangslog.controleer()
    assert not uitkomst.in_orde and uitkomst.melding == "regel 3 is gewijzigd"
    assert controleer_toegangslog.delay().get() == "regel 3 is gewijzigd"
    signalering = Signalering.objects.get(soort=toegangslog.SIGNALERING_SOORT)
    assert "regel 3 is gewijzigd" in signalering.omschrijving
    assert [g.name for g in signalering.verantwoordelijke_groepen.all()] == ["functioneel_beheerder"]
    with pytest.raises(CommandError, match="regel 3 is gewijzigd"):
        call_command("controleer_toegangslog")
    assert Signalering.objects.filter(soort=toegangslog.SIGNALERING_SOORT).count() == 1  # raised once


def test_herberekende_hash_zonder_sleutel_valt_op(vijf_regels, settings):
    """Someone who changes a row and recomputes its hash without the key (here: with another key) is found."""
    regel = Toegangslog.objects.get(volgnummer=2)
    velden = {v: getattr(regel, v) for v in toegangslog.VELDEN} | {"client": "C7777777"}
    echte_sleutel = settings.JENS_TOEGANGSLOG_SLEUTEL
    settings.JENS_TOEGANGSLOG_SLEUTEL = "geraden"
    nep = toegangslog.bereken_hash(velden, 2, regel.vorige_hash)
    settings.JENS_TOEGANGSLOG_SLEUTEL = echte_sleutel
    _buiten_trigger("UPDATE jens_toegangslog SET client = %s, hash = %s WHERE volgnummer = 2", ["C7777777", nep])
    assert toegangslog.controleer().melding in {"regel 2 is gewijzigd", "regel 3 verwijst niet naar de vorige regel"}


def test_verwijderde_regel_in_het_midden_en_aan_het_eind(vijf_regels):
    _buiten_trigger("DELETE FROM jens_toegangslog WHERE volgnummer = 2")
    assert toegangslog.controleer().melding == "regel 2 t/m 2 ontbreekt (verwijderd)"


def test_verwijderde_laatste_regel(vijf_regels):
    _buiten_trigger("DELETE FROM jens_toegangslog WHERE volgnummer = 5")
    uitkomst = toegangslog.controleer()
    assert not uitkomst.in_orde and "laatste regels verwijderd" in uitkomst.melding


def test_commando_meldt_een_keten_in_orde(vijf_regels, capsys):
    call_command("controleer_toegangslog")
    assert "Toegangslog in orde: 5 regels in orde." in capsys.readouterr().out
    assert ToegangslogKetting.objects.get().laatste_uitkomst == "5 regels in orde"
    assert not Signalering.objects.exists()


def test_database_weigert_wijzigen_en_verwijderen_op_postgresql(vijf_regels):
    regel = vijf_regels[0]
    if POSTGRES:
        with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
            Toegangslog.objects.filter(pk=regel.pk).update(client="C9999999")
        with pytest.raises(DatabaseError, match="bewaartermijn"), transaction.atomic():
            Toegangslog.objects.filter(pk=regel.pk).delete()
        # An unsealed row cannot be changed either, only sealed.
        nieuw = _regel(object_id="99")
        with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
            Toegangslog.objects.filter(pk=nieuw.pk).update(omschrijving="anders")
        assert toegangslog.verzegel() == 1
        assert Toegangslog.objects.count() == 6
    else:
        # SQLite has no trigger: the same change goes through, and the chain shows it.
        Toegangslog.objects.filter(pk=regel.pk).update(client="C9999999")
        assert toegangslog.controleer().melding == "regel 1 is gewijzigd"


def test_gebruiker_verwijderen_maakt_de_koppeling_leeg_en_de_keten_blijft_heel(vijf_regels, maak_gebruiker):
    user = maak_gebruiker("gedragswetenschapper")
    _regel(gebruiker=user, gebruikersnaam=user.username)
    toegangslog.verzegel()
    user.delete()
    assert Toegangslog.objects.get(gebruikersnaam=user.username).gebruiker_id is None
    assert toegangslog.controleer().in_orde


def test_bewaartermijn_verwijdert_alleen_wat_ouder_is_dan_vijf_jaar(db, settings):
    settings.JENS_TOEGANGSLOG_BEWAAR_JAREN = 5
    nu = timezone.now()
    for jaren in (7, 6, 5.1, 4.9, 1):
        _regel(tijdstip=nu - timedelta(days=round(365.25 * jaren)), omschrijving=f"{jaren} jaar")
    toegangslog.verzegel()
    assert toegangslog.opschonen(op=nu) == 3
    assert sorted(Toegangslog.objects.values_list("omschrijving", flat=True)) == ["1 jaar", "4.9 jaar"]
    ketting = ToegangslogKetting.objects.get()
    assert ketting.begin_volgnummer == 4
    assert toegangslog.controleer().in_orde
    assert toegangslog.opschonen(op=nu) == 0
    # Removing the oldest rows by hand (not through the retention job) breaks the chain.
    _buiten_trigger("DELETE FROM jens_toegangslog WHERE volgnummer = 4")
    assert toegangslog.controleer().melding == "regel 4 t/m 4 ontbreekt (verwijderd)"


def test_commando_opschonen(db, capsys):
    _regel(tijdstip=timezone.now() - timedelta(days=6 * 366))
    _regel()
    call_command("opschonen_toegangslog")
    assert "1 regels ouder dan 5 jaar" in capsys.readouterr().out
    assert Toegangslog.objects.count() == 1


def test_zware_taken_staan_in_de_planning():
    from jens.celery import app

    taken = {t["task"] for t in app.conf.beat_schedule.values()}
    assert {
        "jens.tasks.verzegel_toegangslog",
        "jens.tasks.controleer_toegangslog",
        "jens.tasks.schoon_toegangslog_op",
    } <= taken


def _lijstregel(**velden) -> Toegangslog:
    return _regel(object_id="", client="", object_ids=" 11 12 13 ", clienten=" C0000011 C0000012 C0000013 ", **velden)


@pytest.mark.parametrize(
    ("kolom", "waarde"), [("clienten", " C0000011 C0000013 "), ("object_ids", " 11 13 "), ("ketenversie", 1)]
)
def test_gewijzigde_lijst_van_een_verzegelde_regel_valt_op(vijf_regels, kolom, waarde):
    """A list read's clients and ids (and the chain version) are sealed too: removing a client from the list of
    a sealed row breaks the chain."""
    regel = _lijstregel()
    assert toegangslog.verzegel() == 1
    regel.refresh_from_db()
    assert regel.ketenversie == toegangslog.VERSIE == 2 and regel.volgnummer == 6
    assert toegangslog.controleer().in_orde
    _buiten_trigger(f"UPDATE jens_toegangslog SET {kolom} = %s WHERE volgnummer = 6", [waarde])  # noqa: S608
    uitkomst = toegangslog.controleer()
    assert not uitkomst.in_orde and uitkomst.melding == "regel 6 is gewijzigd"


@pytest.mark.parametrize("kolom", ["clienten", "object_ids", "ketenversie"])
def test_database_weigert_een_gewijzigde_lijst(vijf_regels, kolom):
    regel = _lijstregel()
    toegangslog.verzegel()
    regel.refresh_from_db()
    nieuw = {"clienten": " C0000011 ", "object_ids": " 11 ", "ketenversie": 1}[kolom]
    if POSTGRES:
        with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
            Toegangslog.objects.filter(pk=regel.pk).update(**{kolom: nieuw})
        # Not sealed yet: refused as well.
        onverzegeld = _lijstregel()
        with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
            Toegangslog.objects.filter(pk=onverzegeld.pk).update(**{kolom: nieuw})
        regel.refresh_from_db()
        assert regel.clienten == " C0000011 C0000012 C0000013 " and regel.ketenversie == 2
        assert toegangslog.controleer().in_orde
    else:
        # SQLite has no trigger: the change goes through and the chain shows it.
        Toegangslog.objects.filter(pk=regel.pk).update(**{kolom: nieuw})
        assert toegangslog.controleer().melding == f"regel {regel.volgnummer} is gewijzigd"


def test_regels_van_versie_1_blijven_kloppen_naast_versie_2(db):
    """Rows sealed before version 2 verify under the old field list; the chain runs on into version-2 rows."""
    oud = _lijstregel(ketenversie=1)
    assert toegangslog.verzegel() == 1
    nieuw = _lijstregel()
    assert toegangslog.verzegel() == 1
    oud.refresh_from_db()
    nieuw.refresh_from_db()
    velden = {v: getattr(oud, v) for v in toegangslog.VELDEN}
    assert oud.hash == toegangslog.bereken_hash(velden, 1, "", 1) != toegangslog.bereken_hash(velden, 1, "", 2)
    assert nieuw.vorige_hash == oud.hash and nieuw.ketenversie == 2
    assert toegangslog.controleer().in_orde and toegangslog.controleer().gecontroleerd == 2
    # Passing a version-2 row off as version 1 (whose hash ignores the lists) does not verify.
    _buiten_trigger("UPDATE jens_toegangslog SET ketenversie = 1, clienten = '' WHERE volgnummer = 2")
    assert toegangslog.controleer().melding == "regel 2 is gewijzigd"
    assert toegangslog.bereken_hash(velden, 1, "", 99) == ""  # an unknown version never verifies
