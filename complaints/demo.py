"""Demo complaints (synthetic, no real people) that reproduce the published counts per aard, plus a
few open ones (one overdue). Idempotent: skipped when the demo years already have a counter."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from jens.models import Gemeente
from jens.periode import Periode
from jens.werkdagen import add_working_days

from . import services
from .models import Aard, Kanaal, Klacht, KlachtStap, ReferentieTeller, Soort, Status, Uitkomst

# Published complaints per aard per half year (reference/klachten_per_aard.csv; JENS half-year
# report 2023 and annual report 2021). Aarden not named in a period had no complaints.
GEPUBLICEERD: dict[str, dict[str, int]] = {
    "2021H1": {"verwijzing": 8, "behandeling": 7, "bereikbaarheid": 2, "algemene_vragen": 2, "privacy": 4},
    "2021H2": {"verwijzing": 3, "behandeling": 8, "privacy": 1},
    "2022H1": {"verwijzing": 1, "behandeling": 3, "algemene_vragen": 2, "privacy": 2},
    "2023H1": {"verwijzing": 7, "behandeling": 7, "algemene_vragen": 2, "privacy": 2},
}

KANALEN = [Kanaal.WEBSITE, Kanaal.EMAIL, Kanaal.TELEFOON, Kanaal.BRIEF, Kanaal.WEBSITE, Kanaal.PERSOONLIJK]
UITKOMSTEN = [Uitkomst.OPGELOST, Uitkomst.OPGELOST, Uitkomst.DEELS_GEGROND, Uitkomst.ONGEGROND, Uitkomst.GEGROND]
OMSCHRIJVINGEN = {
    "verwijzing": "Het duurde lang voordat de verwijzing naar specialistische hulp rond was.",
    "behandeling": "De ouder voelde zich niet gehoord in het gesprek met de hulpverlener.",
    "bereikbaarheid": "Het secretariaat was meerdere dagen telefonisch niet bereikbaar.",
    "algemene_vragen": "Vraag over de procedure voor een second opinion.",
    "privacy": "Informatie uit het dossier is zonder toestemming gedeeld met school.",
}


def _moment(d, uur: int = 10):
    return timezone.make_aware(datetime.combine(d, time(uur, 0)))


def _historisch(aarden: dict[str, Aard], gemeenten: list[Gemeente], door) -> tuple[list[Klacht], dict[int, int]]:
    klachten: list[Klacht] = []
    tellers: dict[int, int] = {}
    volgnummer = 0
    for label, per_aard in GEPUBLICEERD.items():
        periode = Periode.parse(label)
        totaal = sum(per_aard.values())
        dagen = (periode.tot - periode.van).days
        i = 0
        for code, aantal in per_aard.items():
            for _ in range(aantal):
                ontvangen = periode.van + timedelta(days=2 + i * (dagen - 4) // max(totaal - 1, 1))
                jaar = ontvangen.year
                tellers[jaar] = tellers.get(jaar, 0) + 1
                oppakken, afhandelen = services.bereken_termijnen(ontvangen)
                werkdagen = 1 + (volgnummer % 7)  # 1..7: most on time, some late
                opgepakt = add_working_days(ontvangen, werkdagen)
                commissie = volgnummer % 9 == 4
                k = Klacht(
                    referentie=f"K-{jaar}-{tellers[jaar]:04d}",
                    soort=Soort.MELDING_VAN_ONGENOEGEN if volgnummer % 4 == 3 else Soort.KLACHT,
                    kanaal=KANALEN[volgnummer % len(KANALEN)],
                    ontvangen_op=_moment(ontvangen),
                    ontvangen_datum=ontvangen,
                    indiener_naam=f"Demo-indiener {volgnummer + 1}",
                    indiener_email=f"indiener{volgnummer + 1}@voorbeeld.invalid",
                    indiener_rol="ouder",
                    gemeente=gemeenten[volgnummer % len(gemeenten)],
                    aard=aarden[code],
                    omschrijving=OMSCHRIJVINGEN[code],
                    oppakken_uiterlijk=oppakken,
                    afhandelen_uiterlijk=afhandelen,
                    opgepakt_op=_moment(opgepakt, 14),
                    opgepakt_door=door,
                    werkdagen_tot_oppakken=werkdagen,
                    status=Status.AFGESLOTEN,
                    versie=5,
                    afgesloten_op=_moment(afhandelen - timedelta(days=3), 16),
                )
                if commissie:
                    k.naar_commissie_op = opgepakt + timedelta(days=10)
                    k.uitspraak_op = k.naar_commissie_op + timedelta(days=21)
                    k.uitspraak = (
                        "De commissie acht de klacht deels gegrond: de communicatie over de wachttijd schoot tekort."
                    )
                    k.aanbevelingen = "Informeer gezinnen actief over de verwachte wachttijd."
                    k.uitkomst = Uitkomst.DEELS_GEGROND
                    k.maatregelen_uiterlijk = k.uitspraak_op + timedelta(days=30)
                    k.maatregelen_besloten_op = k.uitspraak_op + timedelta(days=20)
                    k.maatregelen = "Vaste terugbelafspraak bij wachttijd langer dan vier weken."
                    k.afgesloten_op = _moment(k.maatregelen_besloten_op + timedelta(days=2), 16)
                else:
                    k.uitkomst = UITKOMSTEN[volgnummer % len(UITKOMSTEN)]
                klachten.append(k)
                i += 1
                volgnummer += 1
    return klachten, tellers


def _stappen(klacht: Klacht, door) -> list[KlachtStap]:
    naam = door.get_full_name() or door.username
    stappen = [
        ("ontvangen", "", Status.ONTVANGEN, klacht.ontvangen_op, "Ontvangen."),
        ("oppakken", Status.ONTVANGEN, Status.OPGEPAKT, klacht.opgepakt_op, "Contact opgenomen met de indiener."),
        ("in_behandeling", Status.OPGEPAKT, Status.IN_BEHANDELING, klacht.opgepakt_op + timedelta(hours=1), ""),
    ]
    if klacht.uitspraak_op:
        stappen += [
            ("naar_commissie", Status.IN_BEHANDELING, Status.BIJ_COMMISSIE, _moment(klacht.naar_commissie_op), ""),
            ("uitspraak", Status.BIJ_COMMISSIE, Status.UITSPRAAK, _moment(klacht.uitspraak_op), klacht.uitspraak),
            (
                "maatregelen",
                Status.UITSPRAAK,
                Status.MAATREGELEN_BESLOTEN,
                _moment(klacht.maatregelen_besloten_op),
                klacht.maatregelen,
            ),
            ("afsluiten", Status.MAATREGELEN_BESLOTEN, Status.AFGESLOTEN, klacht.afgesloten_op, ""),
        ]
    else:
        eind = klacht.afgesloten_op - timedelta(hours=2)
        stappen += [
            (
                "afhandelen",
                Status.IN_BEHANDELING,
                Status.AFGEHANDELD,
                eind,
                f"Uitkomst: {klacht.get_uitkomst_display()}.",
            ),
            ("afsluiten", Status.AFGEHANDELD, Status.AFGESLOTEN, klacht.afgesloten_op, ""),
        ]
    return [
        KlachtStap(
            klacht=klacht,
            actie=actie,
            van_status=van,
            naar_status=naar,
            door=None if actie == "ontvangen" else door,
            door_naam="indiener (website)" if actie == "ontvangen" else naam,
            tijdstip=tijdstip,
            notitie=notitie,
        )
        for actie, van, naar, tijdstip, notitie in stappen
    ]


def _open_klachten(aarden: dict[str, Aard], gemeenten: list[Gemeente], door) -> int:
    """Four open complaints through the real services: one overdue (not picked up), three in progress."""
    nu = timezone.now()
    vandaag = timezone.localdate()
    te_laat_ontvangen = vandaag - timedelta(days=14)
    services.maak_klacht(
        kanaal=Kanaal.BRIEF,
        ontvangen_op=_moment(te_laat_ontvangen, 9),
        soort=Soort.KLACHT,
        aard=aarden["bereikbaarheid"],
        omschrijving="Brief: al weken geen reactie van het gebiedsteam op mijn vragen.",
        indiener_naam="Demo-indiener brief",
        indiener_telefoon="045-0000000",
        indiener_rol="pleegouder",
        gemeente=gemeenten[1],
        door=door,
    )
    specs = [
        (3, "behandeling", Soort.KLACHT, ["oppakken"]),
        (6, "verwijzing", Soort.MELDING_VAN_ONGENOEGEN, ["oppakken", "in_behandeling"]),
        (1, "privacy", Soort.KLACHT, []),
    ]
    for i, (dagen_geleden, code, soort, acties) in enumerate(specs):
        klacht = services.maak_klacht(
            kanaal=Kanaal.EMAIL,
            ontvangen_op=nu - timedelta(days=dagen_geleden),
            soort=soort,
            aard=aarden[code],
            omschrijving=OMSCHRIJVINGEN[code],
            indiener_naam=f"Demo-indiener open {i + 1}",
            indiener_email=f"open{i + 1}@voorbeeld.invalid",
            indiener_rol="ouder",
            gemeente=gemeenten[i % len(gemeenten)],
            door=door,
        )
        for actie in acties:
            klacht = services.voer_actie(klacht=klacht, actie=actie, door=door, versie=klacht.versie)
    return 1 + len(specs)


def seed(stdout) -> None:
    if ReferentieTeller.objects.filter(jaar=2021).exists():
        stdout.write("Klachten: demodata bestaat al; overgeslagen.")
        return
    door = get_user_model().objects.get(username="klachten")
    aarden = {a.code: a for a in Aard.objects.all()}
    gemeenten = list(Gemeente.objects.order_by("naam"))
    klachten, tellers = _historisch(aarden, gemeenten, door)
    Klacht.objects.bulk_create(klachten)
    KlachtStap.objects.bulk_create([s for k in klachten for s in _stappen(k, door)])
    for jaar, laatste in tellers.items():
        ReferentieTeller.objects.update_or_create(jaar=jaar, defaults={"laatste": laatste})
    open_aantal = _open_klachten(aarden, gemeenten, door)
    stdout.write(f"Klachten: {len(klachten)} afgesloten (gepubliceerde aantallen) en {open_aantal} open klachten.")
