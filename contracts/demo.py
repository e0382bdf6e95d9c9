"""Demo data of the contracts app, built from the published reference data in ``contracts/data/``:
the providers with their kinds per year (zorgaanbieders.csv, imported with the same import the inkoper uses),
the dated membership changes, the assignment per gemeente and year (Heerlen from lumpsum_heerlen.csv),
spending (outsourced care 2021-2023 as published; 2021: € 2.476.696 at small providers on € 34.266.618 = 7,2%;
2023: 7,8%), a few contracts,
transformation agreements (2023: 20 providers by 31 March), meetings, action items and annual-account reviews.
Idempotent: a second run changes nothing."""

import csv
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import tablib
from django.contrib.auth import get_user_model

from contracts import selectors, services
from contracts.models import (
    Actiepunt,
    Contract,
    ContractRegel,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)
from contracts.resources import ZorgaanbiederResource, zoek_aanbieder
from jens.models import Gemeente

DATA = Path(__file__).resolve().parent / "data"
PREFIX = "DEMO-"
CENT = Decimal("0.01")
START_OPDRACHT = date(2019, 1, 1)

# Landgraaf and Voerendaal are not in the reference data: demo amounts chosen so that the total over the three
# gemeenten matches the published income (2021: € 34.266.618; 2022: € 31.315.000; 2023: about € 33.936.000).
OPDRACHT_OVERIG = {
    # jaar: {gemeente: (lumpsum, verhoging)}
    2021: {"landgraaf": (Decimal("8100000"), Decimal("550000")), "voerendaal": (Decimal("3900000"), Decimal("279808"))},
    2022: {"landgraaf": (Decimal("7000000"), Decimal("400000")), "voerendaal": (Decimal("3300000"), Decimal("249357"))},
    2023: {"landgraaf": (Decimal("8600000"), Decimal("500000")), "voerendaal": (Decimal("4200000"), Decimal("270357"))},
}
# Spending at small providers: 2021 as published; 2023 = 7,8% of the 2023 assignment (half-year report 2023).
BESTEED_KLEIN = {2021: Decimal("2476696"), 2023: Decimal("2647008")}
# Outsourced (specialist) care bought from providers per year, and of it in the first half year (None: not
# published, half). 2021: € 16.340.000 (annual report 2021); 2022: € 17.829.000 of which € 8.601.000 in the first
# half and 2023H1: € 9.140.000 (half-year report 2023); the second half of 2023 is demo. The finance statement's
# outsourced line is exactly this spending.
UITBESTEED = {
    2021: (Decimal("16340000"), None),
    2022: (Decimal("17829000"), Decimal("8601000")),
    2023: (Decimal("18447008"), Decimal("9140000")),
}


def _lees(naam: str) -> list[dict]:
    with (DATA / naam).open(encoding="utf-8") as bestand:
        return list(csv.DictReader(bestand))


def _importeer_aanbieders() -> None:
    dataset = tablib.Dataset().load((DATA / "zorgaanbieders.csv").read_text(encoding="utf-8"), format="csv")
    resultaat = ZorgaanbiederResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True)
    if resultaat.has_errors() or resultaat.has_validation_errors():
        fouten = [f"regel {r.number}: {r.error_dict}" for r in resultaat.invalid_rows]
        fouten += [f"regel {n}: {e[0].error}" for n, e in resultaat.row_errors()]
        raise RuntimeError("Import zorgaanbieders mislukt: " + "; ".join(fouten))


def _relatie_op(aanbieder: Zorgaanbieder, datum: date) -> Relatie | None:
    return selectors.relaties_op(datum).filter(zorgaanbieder=aanbieder).first()


def pas_wijziging_toe(*, aanbieder: Zorgaanbieder, datum: date, van: str, naar: str) -> None:
    """Apply a dated change of membership (lidmaatschap_wijzigingen.csv) to the relation periods; idempotent."""
    op_datum = _relatie_op(aanbieder, datum)
    ervoor = _relatie_op(aanbieder, datum - timedelta(days=1))
    if not naar:
        if op_datum and op_datum.soort == van and op_datum.geldig_van < datum:
            services.wissel_relatie(zorgaanbieder=aanbieder, nieuwe_soort=None, per=datum)
        return
    if ervoor and ervoor.soort == van and (op_datum is None or op_datum.pk == ervoor.pk):
        services.wissel_relatie(zorgaanbieder=aanbieder, nieuwe_soort=naar, per=datum)
    elif op_datum and op_datum.soort == naar and op_datum.geldig_van < datum:
        # the published list shows the new kind for the whole year: the part before the change was ``van``
        begin = op_datum.geldig_van
        op_datum.geldig_van = datum
        op_datum.save(update_fields=["geldig_van"])
        services.sla_relatie_op(zorgaanbieder=aanbieder, soort=van, geldig_van=begin, geldig_tot=datum)


# Dated changes applied to the register. lidmaatschap_wijzigingen.csv is the published data. The import of the
# lists ends nothing (a list that does not name a provider is no ending); the 25 providers of the 2021 list that
# the 2023 list (which names every kind) no longer names therefore get an explicit dated ending in
# demo_beeindigingen.csv. The sources give no date: 1 January 2022 is a demo value. Without them the register
# would hold 70 suppliers in 2024 instead of the "about 50" the 2024 answers name.
WIJZIGINGEN = ("lidmaatschap_wijzigingen.csv", "demo_beeindigingen.csv")


def _wijzigingen() -> None:
    for rij in (rij for naam in WIJZIGINGEN for rij in _lees(naam)):
        aanbieder = zoek_aanbieder(rij["zorgaanbieder"])
        if aanbieder is None:
            raise RuntimeError(f"Onbekende zorgaanbieder in wijzigingen: {rij['zorgaanbieder']}")
        pas_wijziging_toe(aanbieder=aanbieder, datum=date.fromisoformat(rij["datum"]), van=rij["van"], naar=rij["naar"])


def _leden_sinds_start() -> None:
    """Demo assumption: the members in the first published list (2021) have been members since the start of the
    assignment (1 January 2019, the first year in lumpsum_heerlen.csv); the list only starts in 2021."""
    eerste_lijst = date(2021, 1, 1)
    for relatie in Relatie.objects.filter(soort=Relatie.Soort.LID, geldig_van=eerste_lijst).select_related(
        "zorgaanbieder"
    ):
        if not Relatie.objects.filter(zorgaanbieder=relatie.zorgaanbieder, geldig_van__lt=eerste_lijst).exists():
            services.sla_relatie_op(
                zorgaanbieder=relatie.zorgaanbieder,
                soort=relatie.soort,
                geldig_van=START_OPDRACHT,
                geldig_tot=relatie.geldig_tot,
                relatie=relatie,
            )


def _opdrachten() -> None:
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    heerlen = {int(r["jaar"]): r for r in _lees("lumpsum_heerlen.csv")}
    heerlen[2023] = {**heerlen[2022], "bron": "demo: gelijk aan 2022"}
    bestaand = set(Opdracht.objects.values_list("gemeente__code", "jaar"))
    nieuw = []
    for jaar, rij in heerlen.items():
        if ("heerlen", jaar) not in bestaand:
            nieuw.append(
                Opdracht(
                    gemeente=gemeenten["heerlen"],
                    jaar=jaar,
                    lumpsum=Decimal(rij["lumpsum"]),
                    verhoging_lumpsum=Decimal(rij["verhoging_lumpsum"]),
                    aanvullende_taken=Decimal(rij["aanvullende_taak_ambulantisering"]),
                    toelichting=rij.get("bron", "lumpsum_heerlen.csv"),
                )
            )
    for jaar, per_gemeente in OPDRACHT_OVERIG.items():
        for code, (lumpsum, verhoging) in per_gemeente.items():
            if (code, jaar) not in bestaand:
                nieuw.append(
                    Opdracht(
                        gemeente=gemeenten[code],
                        jaar=jaar,
                        lumpsum=lumpsum,
                        verhoging_lumpsum=verhoging,
                        toelichting="demo",
                    )
                )
    Opdracht.objects.bulk_create(nieuw)


def _verdeel(totaal: Decimal, aantal: int, rng: random.Random) -> list[Decimal]:
    """Split ``totaal`` into ``aantal`` positive amounts (to the cent) that add up exactly."""
    return verdeel_naar(totaal, [rng.uniform(0.3, 3.0) for _ in range(aantal)])


def verdeel_naar(totaal: Decimal, gewichten: list[float | Decimal]) -> list[Decimal]:
    """Split ``totaal`` in proportion to ``gewichten`` (to the cent); the parts add up exactly."""
    som = sum(Decimal(str(g)) for g in gewichten)
    delen = [(totaal * Decimal(str(g)) / som).quantize(CENT) for g in gewichten]
    delen[-1] += totaal - sum(delen)
    return delen


def opdracht_aandelen(jaar: int) -> dict[int, Decimal]:
    """Per gemeente (pk) its assignment in ``jaar``: the weights to split JENS-wide demo amounts by."""
    return {o.gemeente_id: o.opdrachtsom for o in Opdracht.objects.filter(jaar=jaar).order_by("gemeente__code")}


def _uitgaven() -> None:
    """Outsourced care per provider, month and gemeente: the yearly and half-yearly totals exactly as published,
    each provider's part split over the gemeenten by their assignment and evenly over the months."""
    if Uitgave.objects.exists():
        return
    rng = random.Random(20210102)  # noqa: S311 - deterministic synthetic data
    rijen = []
    for jaar, (totaal, eerste_helft) in UITBESTEED.items():
        eerste_helft = eerste_helft if eerste_helft is not None else (totaal / 2).quantize(CENT)
        aandelen = opdracht_aandelen(jaar)
        gemeente_ids, gewichten_gemeente = list(aandelen), list(aandelen.values())
        klein = list(selectors.kleine_aanbieders(jaar).order_by("naam"))
        overig = list(
            Zorgaanbieder.objects.filter(pk__in=selectors.relaties_op(date(jaar, 6, 30)).values("zorgaanbieder"))
            .exclude(pk__in=[a.pk for a in klein])
            .order_by("naam")
        )
        besteed_klein = BESTEED_KLEIN.get(jaar, Decimal("0")) if klein else Decimal("0")
        klein_h1 = (besteed_klein * eerste_helft / totaal).quantize(CENT)
        groepen = [
            (klein, besteed_klein, klein_h1),
            (overig, totaal - besteed_klein, eerste_helft - klein_h1),
        ]
        for groep, groep_totaal, groep_h1 in groepen:
            if not groep or not groep_totaal:
                continue
            gewichten = [rng.uniform(0.3, 3.0) for _ in groep]
            for maanden, helft in ((range(1, 7), groep_h1), (range(7, 13), groep_totaal - groep_h1)):
                for aanbieder, bedrag in zip(groep, verdeel_naar(helft, gewichten), strict=True):
                    for gemeente_id, deel in zip(gemeente_ids, verdeel_naar(bedrag, gewichten_gemeente), strict=True):
                        for maand, maanddeel in zip(maanden, verdeel_naar(deel, [1] * 6), strict=True):
                            rijen.append(
                                Uitgave(
                                    zorgaanbieder=aanbieder,
                                    jaar=jaar,
                                    maand=maand,
                                    gemeente_id=gemeente_id,
                                    categorie=Uitgave.Categorie.SPECIALISTISCHE_ZORG,
                                    bedrag=maanddeel,
                                )
                            )
    Uitgave.objects.bulk_create(rijen, batch_size=2000)


def _contracten(vandaag: date) -> list[Contract]:
    if Contract.objects.filter(kenmerk__startswith=PREFIX).exists():
        return []
    gemeenten = list(Gemeente.objects.all())
    contracten: list[tuple[Contract, list]] = []
    nummer = 0

    def nieuw(aanbieder, soort, start, eind, status, plafond=None, **extra):
        nonlocal nummer
        nummer += 1
        contract = Contract(
            zorgaanbieder=aanbieder,
            soort=soort,
            kenmerk=f"{PREFIX}{start.year}-{nummer:03d}",
            startdatum=start,
            einddatum=eind,
            status=status,
            plafond=plafond,
            **extra,
        )
        contracten.append((contract, gemeenten))
        return contract

    # member agreements follow the membership periods; subcontracts those of the subcontractors
    for relatie in Relatie.objects.filter(soort__in=[Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER]).select_related(
        "zorgaanbieder"
    ):
        soort = (
            Contract.Soort.LEDENOVEREENKOMST if relatie.soort == Relatie.Soort.LID else Contract.Soort.ONDERAANNEMING
        )
        eind = relatie.geldig_tot - timedelta(days=1) if relatie.geldig_tot else None
        if eind is None and relatie.soort == Relatie.Soort.ONDERAANNEMER:
            eind = date(vandaag.year, 12, 31)  # subcontracts run per calendar year
        status = Contract.Status.BEEINDIGD if eind and eind < vandaag else Contract.Status.ACTIEF
        nieuw(relatie.zorgaanbieder, soort, relatie.geldig_van, eind, status)
        if relatie.geldig_tot is None and relatie.soort == Relatie.Soort.ONDERAANNEMER and nummer % 2:
            # the follow-up subcontract for next year is being prepared (the others get a signalering)
            volgend = date(vandaag.year + 1, 1, 1)
            nieuw(relatie.zorgaanbieder, soort, volgend, date(volgend.year, 12, 31), Contract.Status.CONCEPT)
    # supply contracts for the 2023 suppliers, with a ceiling
    for i, relatie in enumerate(
        selectors.relaties_op(date(2023, 6, 30))
        .filter(soort=Relatie.Soort.LEVERANCIER)
        .select_related("zorgaanbieder")
        .order_by("zorgaanbieder__naam")[:6]
    ):
        nieuw(
            relatie.zorgaanbieder,
            Contract.Soort.LEVERING,
            date(2023, 1, 1),
            date(2023, 12, 31),
            Contract.Status.BEEINDIGD,
            plafond=Decimal(150000 + 25000 * i),
        )
    # an incidental contract for one client who lives outside the region
    extern = Zorgaanbieder.objects.filter(naam="Vincent van Gogh Instituut").first()
    if extern:
        nieuw(
            extern,
            Contract.Soort.INCIDENTEEL,
            vandaag - timedelta(days=120),
            vandaag + timedelta(days=60),
            Contract.Status.ACTIEF,
            plafond=Decimal("18000.00"),
            incidentele_reden=Contract.IncidenteleReden.BUITEN_REGIO,
            client_referentie="CL-2026-0142",
        )
    for contract, _ in contracten:
        services.controleer_contract(contract=contract)
    Contract.objects.bulk_create([c for c, _ in contracten])
    Koppeling = Contract.gemeenten.through
    Koppeling.objects.bulk_create([Koppeling(contract_id=c.pk, gemeente_id=g.pk) for c, gs in contracten for g in gs])
    regels = []
    for contract, _ in contracten:
        if contract.soort == Contract.Soort.INCIDENTEEL:
            regels.append(
                ContractRegel(
                    contract=contract,
                    product="Behandeling",
                    eenheid="uur",
                    tarief=Decimal("118.00"),
                    geldig_van=contract.startdatum,
                )
            )
            continue
        regels.append(
            ContractRegel(
                contract=contract,
                product="Ambulante begeleiding",
                eenheid="uur",
                tarief=Decimal("68.40"),
                geldig_van=contract.startdatum,
            )
        )
        regels.append(
            ContractRegel(
                contract=contract,
                product="Behandeling jeugd-GGZ",
                eenheid="traject",
                tarief=Decimal("1450.00"),
                geldig_van=contract.startdatum,
            )
        )
        if contract.startdatum < date(2023, 1, 1) and (
            contract.einddatum is None or contract.einddatum >= date(2023, 1, 1)
        ):
            # the 2023 indexation: a new line, the old tariff stays as history
            regels.append(
                ContractRegel(
                    contract=contract,
                    product="Ambulante begeleiding",
                    eenheid="uur",
                    tarief=Decimal("72.10"),
                    geldig_van=date(2023, 1, 1),
                )
            )
    ContractRegel.objects.bulk_create(regels)
    return [c for c, _ in contracten]


def _afspraken_en_gesprekken(rng: random.Random, vandaag: date) -> None:
    if TransformatieAfspraak.objects.exists():
        return
    inkoper = get_user_model().objects.filter(username="inkoper").first()
    peildatum = date(2023, 3, 31)
    kandidaten = list(
        Zorgaanbieder.objects.filter(
            pk__in=selectors.relaties_op(peildatum)
            .filter(soort__in=[Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER, Relatie.Soort.LEVERANCIER])
            .values("zorgaanbieder")
        )
        .exclude(pk__in=selectors.kleine_aanbieders(2023).values("pk"))
        .order_by("naam")
    )
    gekozen = kandidaten[:20]  # 2023: 20 providers with an agreement by 31 March (target 10)
    onderwerpen = [
        ("Wachttijd specialistische jeugdhulp terugdringen", "Wachttijd onder de vier weken"),
        ("Meer hulp in het voorliggend veld", "Tien procent van de trajecten via voorliggend veld"),
        ("Kortere trajecten met duidelijke doelen", "Gemiddelde trajectduur onder de negen maanden"),
        ("Samenwerking met de gebiedsteams versterken", "Vaste contactpersoon per gebiedsteam"),
    ]
    afspraken = []
    for i, aanbieder in enumerate(gekozen):
        opdracht, resultaat = onderwerpen[i % len(onderwerpen)]
        afgesproken = date(2023, 1, 9) + timedelta(days=(i * 80) // len(gekozen))
        status = [
            TransformatieAfspraak.Status.GEREALISEERD,
            TransformatieAfspraak.Status.LOPEND,
            TransformatieAfspraak.Status.LOPEND,
            TransformatieAfspraak.Status.NIET_GEREALISEERD,
            TransformatieAfspraak.Status.OPEN,
        ][i % 5]
        afspraken.append(
            TransformatieAfspraak(
                zorgaanbieder=aanbieder,
                opdracht=opdracht,
                gewenst_resultaat=resultaat,
                afgesproken_op=afgesproken,
                streefdatum=date(2024, 12, 31)
                if status != TransformatieAfspraak.Status.OPEN
                else vandaag + timedelta(days=200),
                status=status,
                realisatie="Besproken in het monitorgesprek (demo)."
                if status in (TransformatieAfspraak.Status.GEREALISEERD, TransformatieAfspraak.Status.NIET_GEREALISEERD)
                else "",
            )
        )
    # a few later agreements (after the 2023 target date)
    for aanbieder in kandidaten[20:23]:
        afspraken.append(
            TransformatieAfspraak(
                zorgaanbieder=aanbieder,
                opdracht="Aansluiten bij de wijkaanpak",
                gewenst_resultaat="Deelname aan het wijkoverleg",
                afgesproken_op=date(2023, 9, 15),
                streefdatum=date(2024, 6, 30),
                status=TransformatieAfspraak.Status.LOPEND,
            )
        )
    TransformatieAfspraak.objects.bulk_create(afspraken)

    # 2023: 27 monitoring meetings planned (the target), 25 held; a few connection meetings
    gesprekken = []
    met_afspraak = [a.zorgaanbieder for a in afspraken]
    for i in range(27):
        aanbieder = met_afspraak[i % len(met_afspraak)]
        gepland = date(2023, 2, 1) + timedelta(days=(i * 300) // 27)
        gesprekken.append(
            Gesprek(
                zorgaanbieder=aanbieder,
                soort=Gesprek.Soort.MONITORGESPREK,
                gepland_op=gepland,
                gehouden_op=gepland + timedelta(days=rng.randint(0, 7)) if i < 25 else None,
                overige_deelnemers="Bestuurder en teamleider van de aanbieder",
                verslag="Voortgang van de transformatie-afspraken besproken (demo).",
                knelpunten="Personeelstekort" if i % 4 == 0 else "",
            )
        )
    for i, aanbieder in enumerate(kandidaten[23:28]):
        gepland = date(2023, 5, 10) + timedelta(days=30 * i)
        gesprekken.append(
            Gesprek(
                zorgaanbieder=aanbieder, soort=Gesprek.Soort.VERBINDINGSGESPREK, gepland_op=gepland, gehouden_op=gepland
            )
        )
    # recent monitoring meetings for most providers with a running agreement (the rest is overdue today)
    for i, aanbieder in enumerate(met_afspraak[:15]):
        gepland = vandaag - timedelta(days=30 + 20 * i)
        gesprekken.append(
            Gesprek(
                zorgaanbieder=aanbieder, soort=Gesprek.Soort.MONITORGESPREK, gepland_op=gepland, gehouden_op=gepland
            )
        )
    gesprekken.append(
        Gesprek(
            zorgaanbieder=met_afspraak[0], soort=Gesprek.Soort.MONITORGESPREK, gepland_op=vandaag + timedelta(days=21)
        )
    )
    Gesprek.objects.bulk_create(gesprekken)
    if inkoper:
        Deelnemer = Gesprek.deelnemers.through
        Deelnemer.objects.bulk_create(
            [Deelnemer(gesprek_id=g.pk, user_id=inkoper.pk) for g in gesprekken if g.gehouden_op]
        )
    Besproken = Gesprek.afspraken.through
    per_aanbieder = {a.zorgaanbieder_id: a for a in afspraken}
    Besproken.objects.bulk_create(
        [
            Besproken(gesprek_id=g.pk, transformatieafspraak_id=per_aanbieder[g.zorgaanbieder_id].pk)
            for g in gesprekken
            if g.soort == Gesprek.Soort.MONITORGESPREK and g.gehouden_op and g.zorgaanbieder_id in per_aanbieder
        ]
    )
    actiepunten = []
    for i, gesprek in enumerate(g for g in gesprekken if g.gehouden_op and g.gehouden_op.year == 2023):
        actiepunten.append(
            Actiepunt(
                gesprek=gesprek,
                omschrijving=["Wachtlijstcijfers aanleveren", "Plan voor voorliggend veld opstellen"][i % 2],
                eigenaar=inkoper,
                deadline=gesprek.gehouden_op + timedelta(days=42),
                afgerond_op=gesprek.gehouden_op + timedelta(days=30) if i % 6 else None,
            )
        )
    Actiepunt.objects.bulk_create(actiepunten)


def _jaarrekeningen(vandaag: date) -> None:
    if JaarrekeningBeoordeling.objects.exists():
        return
    inkoper = get_user_model().objects.filter(username="inkoper").first()
    rijen = []
    for boekjaar in range(2021, vandaag.year):
        uiterlijk = date(boekjaar + 1, 10, 1)
        if uiterlijk > vandaag + timedelta(days=365):
            continue
        plichtig = list(
            selectors.relaties_op(uiterlijk)
            .filter(soort__in=[Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER])
            .order_by("zorgaanbieder__naam")
            .values_list("zorgaanbieder", flat=True)
        )
        for i, aanbieder_id in enumerate(plichtig):
            laatste_jaar = boekjaar == vandaag.year - 1
            if laatste_jaar and i % 5 == 4:
                continue  # missing: flagged after the due date
            beoordeeld = uiterlijk - timedelta(days=40 + 3 * i)
            if beoordeeld > vandaag:
                continue
            oordeel = (
                JaarrekeningBeoordeling.Oordeel.AANDACHTSPUNT
                if i % 7 == 3
                else JaarrekeningBeoordeling.Oordeel.GEEN_BIJZONDERHEDEN
            )
            rijen.append(
                JaarrekeningBeoordeling(
                    zorgaanbieder_id=aanbieder_id,
                    boekjaar=boekjaar,
                    ontvangen_op=beoordeeld - timedelta(days=20),
                    beoordeeld_op=beoordeeld,
                    beoordeeld_door=inkoper,
                    oordeel=oordeel,
                    toelichting="Lage solvabiliteit; volgend jaar opnieuw bekijken."
                    if oordeel == JaarrekeningBeoordeling.Oordeel.AANDACHTSPUNT
                    else "",
                )
            )
    JaarrekeningBeoordeling.objects.bulk_create(rijen)


def seed(stdout) -> None:
    rng = random.Random(20210101)  # noqa: S311 - deterministic synthetic data
    vandaag = date.today()
    _importeer_aanbieders()
    _wijzigingen()
    _leden_sinds_start()
    _opdrachten()
    _uitgaven()
    contracten = _contracten(vandaag)
    _afspraken_en_gesprekken(rng, vandaag)
    _jaarrekeningen(vandaag)
    r2021, r2023 = selectors.kleine_aanbieders_rapport(2021), selectors.kleine_aanbieders_rapport(2023)
    stdout.write(
        f"contracts: {Zorgaanbieder.objects.count()} zorgaanbieders, {Relatie.objects.count()} relatieperioden, "
        f"{len(contracten)} nieuwe contracten; 4%-regel 2021 {r2021['percentage']}%, 2023 {r2023['percentage']}%"
    )
