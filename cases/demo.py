"""Demo casework: synthetic young people and requests (invented names, no real persons) at JENS's
volume: about 2,500 in care, about 130 new requests a month, spread over the six areas, with
waiting lists, goal evaluations, a few Meldcode trajectories and Veilig Thuis reports (one overdue).

The first half of 2023 is shaped to the published client figures (``cases/data/clienten_2023h1.csv``,
copied from the reference table): the clients report over the demo reproduces them exactly.
BSNs only from the test range 99999xxxx that is not issued to persons; most demo clients have none.
Everything is bulk-inserted: the whole demo loads in a few seconds.
"""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from cases.models import (
    Evaluatie,
    Hulpvraag,
    Jeugdige,
    MeldcodeAfwijking,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
)
from cases.services import genereer_clientnummers
from cases.validators import is_geldig_bsn
from cases.zorgperiodes import herbouw as herbouw_zorgperiodes
from jens.models import Gebied, Gemeente
from jens.werkdagen import add_working_days

DATA = Path(__file__).resolve().parent / "data" / "clienten_2023h1.csv"
PERIODE_VAN, PERIODE_TOT = date(2023, 1, 1), date(2023, 6, 30)
NIEUW_PER_MAAND = 130
GEMIDDELDE_DUUR_DAGEN = 580  # in care ~ 130 a month x 19 months ~ 2,500
# JENS publishes the average per month as the mean of the month-end counts (HLV 2023H1: 2.434, below both the
# 2.482 at the start and the 2.458 at the end: more left early in the half year and more came in late; 2022: 2.572).
# The demo is shaped to these totals of month-end counts (mean = total / months; 6 x 2.434,3 and 12 x 2.572,3),
# on which the published cost per client (€ 1.303 and € 1.153) is based.
MAANDTOTAAL_2023H1 = 14606
MAANDTOTAAL_2022 = 30868
BIJ_AANVANG_2022 = 2565  # in care on 1 January 2022 (clienten_per_gemeente.csv)
UITSTROOM_GEWICHT = [19, 18, 17, 16, 15, 15]  # 2023H1: share of the outflow per month
INSTROOM_GEWICHT = [15, 16, 16, 17, 18, 18]  # 2023H1: share of the inflow per month

VOORNAMEN = [
    "Noor", "Sem", "Lieke", "Daan", "Fenna", "Luuk", "Isa", "Milan", "Roos", "Thijs", "Evi", "Bram", "Jade",
    "Ruben", "Zoë", "Jesse", "Lotte", "Stijn", "Mila", "Niels", "Sara", "Tygo", "Yara", "Koen", "Nina", "Mats",
]  # fmt: skip
ACHTERNAMEN = [
    "Demobeek", "Proefstra", "Testhoven", "Fictiens", "Voorbeeldman", "Verzinder", "Schijnhof", "Oefenaar",
    "Denkbeeld", "Nepveld", "Probeerkamp", "Modelink", "Kunstmans", "Bedenkers", "Simulda", "Schetsveld",
]  # fmt: skip
POSTCODES = {"heerlen": "641", "landgraaf": "637", "voerendaal": "636"}
# Returning young people: a share of the inflow of 2023H1 is someone whose earlier care ended in 2022 (the journey
# starts again; within 30 days of the closure it continues). Their earlier care closed before the half year and the
# new request falls in it, so the published client counts of 2022 and 2023H1 stay exactly as they are.
AANDEEL_TERUGKEREND = 0.12
# Reasons care ended: about 82% regular (as planned or early by agreement), below the norm of 85%.
EINDE_GEWICHT = [70, 12, 6, 7, 2, 3]
VERWIJZERS = list(Hulpvraag.Verwijzer.values)
VERWIJZER_GEWICHT = [30, 18, 6, 4, 5, 8, 15, 5, 7, 2]


def cijfers() -> dict[str, dict[str, int]]:
    """The 2023H1 figures per gemeente name (from the copied reference table)."""
    with DATA.open(encoding="utf-8") as f:
        return {
            r["gemeente"]: {k: int(r[k]) for k in ("bij_aanvang", "instroom", "uitstroom", "ultimo")}
            for r in csv.DictReader(f)
            if r["periode"] == "2023H1" and r["gemeente"] != "HLV"
        }


class _Werkdagen:
    """Memoised ``add_working_days`` (the demo asks the same dates thousands of times)."""

    def __init__(self):
        self.cache: dict[tuple[date, int], date] = {}

    def __call__(self, d: date, n: int) -> date:
        if (d, n) not in self.cache:
            self.cache[(d, n)] = add_working_days(d, n)
        return self.cache[(d, n)]


def _datum(rng: random.Random, van: date, tot: date) -> date:
    return van + timedelta(days=rng.randint(0, (tot - van).days))


def _in_maand(rng: random.Random, jaar: int, maand: int) -> date:
    """A day in the month (one draw from ``rng``, as ``_datum`` makes)."""
    begin = date(jaar, maand, 1)
    return _datum(rng, begin, begin + relativedelta(months=1) - timedelta(days=1))


def _quota(totaal: int, gewichten: list[int]) -> list[int]:
    """``totaal`` split in whole numbers in proportion to ``gewichten`` (largest remainder)."""
    som = sum(gewichten)
    delen = [totaal * g // som for g in gewichten]
    resten = sorted(range(len(gewichten)), key=lambda i: -((totaal * gewichten[i]) % som))
    for i in resten[: totaal - sum(delen)]:
        delen[i] += 1
    return delen


def _maandquota_2023h1() -> dict[str, tuple[list[int], list[int]]]:
    """Per gemeente the outflow and inflow per month of 2023H1, such that the month-end counts of HLV add up to
    ``MAANDTOTAAL_2023H1``: weighted quotas, then single outflows moved a month (each move changes the total by one)."""
    c = cijfers()
    quota = {
        naam: (_quota(r["uitstroom"], UITSTROOM_GEWICHT), _quota(r["instroom"], INSTROOM_GEWICHT))
        for naam, r in c.items()
    }

    def totaal() -> int:
        aanvang = sum(r["bij_aanvang"] for r in c.values())
        return sum(aanvang + sum(sum(i[: k + 1]) - sum(u[: k + 1]) for u, i in quota.values()) for k in range(6))

    grootste = max(c, key=lambda naam: c[naam]["uitstroom"])
    uit = quota[grootste][0]
    while (verschil := totaal() - MAANDTOTAAL_2023H1) != 0:
        stap = 1 if verschil > 0 else -1  # earlier lowers the total, later raises it
        k = next(k for k in range(1, 6) if uit[k if stap > 0 else k - 1] > 0)
        van, naar = (k, k - 1) if stap > 0 else (k - 1, k)
        uit[van] -= 1
        uit[naar] += 1
    return quota


def _afgesloten_in_2022(trajecten: list, gemeenten: dict[str, Gemeente]) -> list[tuple[Gemeente, date, date]]:
    """Young people in care on 1 January 2022 who left during 2022 (their own random generator, so the rest of the
    demo stays as it was): as many as make ``BIJ_AANVANG_2022`` on 1 January, leaving so that the month-end counts
    of 2022 add up to ``MAANDTOTAAL_2022``."""
    rng = random.Random(2022)  # noqa: S311 - deterministic synthetic data
    eersten = [date(2022, m, 1) for m in range(1, 13)] + [date(2023, 1, 1)]

    def open_op(dag: date) -> int:
        return sum(1 for _, o, s in trajecten if o < dag and (s is None or s >= dag))

    basis = [open_op(d) for d in eersten]
    extra = BIJ_AANVANG_2022 - basis[0]
    nodig = MAANDTOTAAL_2022 - sum(basis[1:])  # = the sum of the extra still in care at the end of Jan..Nov
    if extra <= 0 or not 0 <= nodig <= 11 * extra:
        return []
    blijft = [extra * (12 - k) // 12 for k in range(1, 12)]  # still in care at the end of month k (1..11)
    while (rest := nodig - sum(blijft)) != 0:
        for k in range(11):
            boven = extra if k == 0 else blijft[k - 1]
            if rest > 0 and blijft[k] < boven:
                blijft[k] += 1
                rest -= 1
            elif rest < 0 and blijft[k] > (blijft[k + 1] if k < 10 else 0):
                blijft[k] -= 1
                rest += 1
    vertrek = [a - b for a, b in zip([extra, *blijft], [*blijft, 0], strict=True)]  # leaving per month
    c = cijfers()
    per_gemeente = dict(zip(c, _quota(extra, [r["bij_aanvang"] for r in c.values()]), strict=True))
    namen = [naam for naam, n in per_gemeente.items() for _ in range(n)]
    rng.shuffle(namen)
    maanden = [m for m, n in enumerate(vertrek, start=1) for _ in range(n)]
    return [
        (gemeenten[naam], _datum(rng, date(2019, 9, 2), date(2021, 12, 30)), _in_maand(rng, 2022, maand))
        for naam, maand in zip(namen, maanden, strict=True)
    ]


def _terugkerend(trajecten: list) -> dict[int, int]:
    """Which later trajectory (an extra one that closed in 2022) belongs to the young person of which inflow
    trajectory of 2023H1: {index of the 2022 one: index of the 2023H1 one}. Own random generator."""
    rng = random.Random(1230)  # noqa: S311 - deterministic synthetic data
    afgesloten_2022: dict[int, list[int]] = {}
    for i, (g, _, gesloten) in enumerate(trajecten):
        if gesloten is not None and gesloten.year == 2022:
            afgesloten_2022.setdefault(g.pk, []).append(i)
    koppeling: dict[int, int] = {}
    for i, (g, ontvangen, _) in enumerate(trajecten):
        if not PERIODE_VAN <= ontvangen <= PERIODE_TOT or rng.random() >= AANDEEL_TERUGKEREND:
            continue
        kandidaten = [k for k in afgesloten_2022.get(g.pk, []) if k not in koppeling and trajecten[k][2] < ontvangen]
        kort = [k for k in kandidaten if (ontvangen - trajecten[k][2]).days <= 30]
        if kort and rng.random() < 0.5:
            kandidaten = kort  # within 30 days: the same journey goes on
        if kandidaten:
            koppeling[rng.choice(kandidaten)] = i
    return koppeling


def _test_bsns():
    for n in range(999990000, 1000000000):
        if is_geldig_bsn(str(n)):
            yield str(n)


def seed(stdout) -> None:
    if Jeugdige.objects.exists():
        stdout.write("cases: demodata bestaat al")
        return
    rng = random.Random(2023)  # noqa: S311 - deterministic synthetic data
    vandaag = date.today()
    wd = _Werkdagen()
    gemeenten = {g.naam: g for g in Gemeente.objects.all()}
    gebieden: dict[int, list[Gebied]] = {}
    for g in Gebied.objects.all():
        gebieden.setdefault(g.gemeente_id, []).append(g)
    from staff.models import Medewerker

    medewerkers = list(Medewerker.objects.order_by("pk")[:200])
    aanbieders = _aanbieders()

    # 1. Who is in care when: (gemeente, received, closed) per young person.
    trajecten: list[tuple[Gemeente, date, date | None]] = []

    def sluiting(na: date) -> date | None:
        d = na + timedelta(days=max(30, int(rng.expovariate(1 / GEMIDDELDE_DUUR_DAGEN))))
        return d if d < vandaag else None

    quota = _maandquota_2023h1()
    for naam, c in cijfers().items():
        g = gemeenten[naam]
        uit_maanden = [m for m, n in enumerate(quota[naam][0], start=1) for _ in range(n)]
        in_maanden = [m for m, n in enumerate(quota[naam][1], start=1) for _ in range(n)]
        for i in range(c["bij_aanvang"]):
            ontvangen = _datum(rng, date(2021, 1, 4), date(2022, 12, 30))
            gesloten = _in_maand(rng, 2023, uit_maanden[i]) if i < c["uitstroom"] else sluiting(PERIODE_TOT)
            trajecten.append((g, ontvangen, gesloten))
        for i in range(c["instroom"]):
            ontvangen = _in_maand(rng, 2023, in_maanden[i])
            trajecten.append((g, ontvangen, sluiting(max(ontvangen, PERIODE_TOT))))
    # After the reference half year: about 130 new a month, in the same proportions.
    aandeel = {naam: c["instroom"] for naam, c in cijfers().items()}
    namen, gewichten = list(aandeel), list(aandeel.values())
    maand = date(2023, 7, 1)
    while maand <= vandaag:
        volgende = maand + relativedelta(months=1)
        for _ in range(NIEUW_PER_MAAND):
            ontvangen = _datum(rng, maand, min(volgende - timedelta(days=1), vandaag))
            trajecten.append((gemeenten[rng.choices(namen, gewichten)[0]], ontvangen, sluiting(ontvangen)))
        maand = volgende
    trajecten += _afgesloten_in_2022(trajecten, gemeenten)
    zelfde_jeugdige = _terugkerend(trajecten)

    # 2. Young people (one per trajectory; invented names; BSN only from the test range).
    bsns = _test_bsns()
    jeugdigen = []
    for i, (g, ontvangen, _) in enumerate(trajecten):
        bsn = next(bsns, None) if rng.random() < 0.3 else None
        geboren = ontvangen - timedelta(days=rng.randint(365 * 2, 365 * 17))
        jeugdigen.append(
            Jeugdige(
                bsn=bsn,
                reden_geen_bsn="" if bsn else rng.choice(Jeugdige.RedenGeenBsn.values),
                achternaam=rng.choice(ACHTERNAMEN),
                voornamen=rng.choice(VOORNAMEN),
                geboortedatum=geboren,
                postcode=f"{POSTCODES.get(g.code, '640')}{rng.randint(1, 9)} {chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))}",
                huisnummer=str(rng.randint(1, 180)),
                gemeente=g,
                gebied=rng.choice(gebieden[g.pk]),
            )
        )
        if i in zelfde_jeugdige:  # the same young person as an earlier trajectory (the draws stay as they were)
            jeugdigen[-1] = jeugdigen[zelfde_jeugdige[i]]
    uniek = list({id(j): j for j in jeugdigen}.values())
    Jeugdige.objects.bulk_create(uniek, batch_size=2000)
    genereer_clientnummers(Jeugdige.objects.all())

    # 3. Requests with their deadlines, as the services would have computed them.
    hulpvragen = []
    terug = set(zelfde_jeugdige.values())  # the requests of a returning young person: a new question
    for i, (j, (_, ontvangen, gesloten)) in enumerate(zip(jeugdigen, trajecten, strict=True)):
        dossier_uiterlijk = wd(ontvangen, 5)
        dossier = wd(ontvangen, rng.choices([1, 2, 3, 4, 5, 7], [20, 30, 25, 12, 8, 5])[0])
        if dossier > vandaag or (gesloten and dossier > gesloten):
            dossier = None
        kernteam = wd(dossier, rng.choices([2, 3, 4, 5, 6], [20, 35, 25, 15, 5])[0]) if dossier else None
        if kernteam and (kernteam > vandaag or (gesloten and kernteam > gesloten)):
            kernteam = None
        triage = rng.choices(Hulpvraag.Triage.values, [55, 35, 10])[0] if kernteam else ""
        meervoudig = triage == Hulpvraag.Triage.MEERVOUDIG
        gezinsplan = None
        if meervoudig and rng.random() < 0.88:
            gezinsplan = kernteam + timedelta(days=rng.randint(7, 35))
            if gezinsplan > vandaag or (gesloten and gezinsplan > gesloten):
                gezinsplan = None
        regisseur = rng.choice(medewerkers) if medewerkers and kernteam and rng.random() < 0.96 else None
        hulpvragen.append(
            Hulpvraag(
                jeugdige=j,
                ontvangen_op=ontvangen,
                verwijzer=rng.choices(VERWIJZERS, VERWIJZER_GEWICHT)[0],
                soort=Hulpvraag.Soort.NIEUWE_VRAAG if i in terug else Hulpvraag.Soort.NIEUWE_CLIENT,
                triage=triage,
                regie=(Hulpvraag.Regie.GEMEENTE if triage == "complex" else Hulpvraag.Regie.JENS) if triage else "",
                regisseur=regisseur,
                dossier_aangemaakt_op=dossier,
                kernteam_op=kernteam,
                gezinsplan_op=gezinsplan,
                status=(
                    Hulpvraag.Status.AFGESLOTEN
                    if gesloten
                    else (Hulpvraag.Status.LOPEND if kernteam else Hulpvraag.Status.AANGEMELD)
                ),
                afgesloten_op=gesloten,
                einde_reden=rng.choices(Hulpvraag.EindeReden.values, EINDE_GEWICHT)[0] if gesloten else "",
                dossier_uiterlijk=dossier_uiterlijk,
                kernteam_uiterlijk=wd(dossier, 5) if dossier else None,
                gezinsplan_uiterlijk=kernteam + timedelta(weeks=6) if meervoudig else None,
                evaluatie_uiterlijk=kernteam + relativedelta(months=3) if kernteam else None,
            )
        )
    Hulpvraag.objects.bulk_create(hulpvragen, batch_size=2000)
    herbouw_zorgperiodes()  # bulk_create sends no signals

    # 4. Goal evaluations: every running request has had its latest one less than three months ago.
    evaluaties = []
    for h in hulpvragen:
        if h.kernteam_op and not h.afgesloten_op and h.evaluatie_uiterlijk < vandaag:
            datum = max(h.kernteam_op, vandaag - timedelta(days=rng.randint(1, 80)))
            evaluaties.append(
                Evaluatie(hulpvraag=h, datum=datum, uitkomst=rng.choice(Evaluatie.Uitkomst.values), toelichting="")
            )
            h.evaluatie_uiterlijk = datum + relativedelta(months=3)
    Evaluatie.objects.bulk_create(evaluaties, batch_size=2000)
    Hulpvraag.objects.bulk_update([e.hulpvraag for e in evaluaties], ["evaluatie_uiterlijk"], batch_size=1000)

    # 5. Care: mostly by the area team, the rest by providers; recent ones still waiting.
    zorg = []
    for h, j in zip(hulpvragen, jeugdigen, strict=True):
        if not h.kernteam_op:
            continue
        bij_aanbieder = aanbieders and rng.random() < 0.3
        start = h.kernteam_op + timedelta(days=int(rng.expovariate(1 / (35 if bij_aanbieder else 12))))
        if h.afgesloten_op and start > h.afgesloten_op:
            start = h.afgesloten_op
        if start > vandaag:
            start = None
        aanbieder, contract = rng.choice(aanbieders) if bij_aanbieder else (None, None)
        # bulk_create sends no signals: the copies of cases.zorgperiodes set here
        kopieen = {"jeugdige": j, "gemeente_id": j.gemeente_id, "hulpvraag_afgesloten_op": h.afgesloten_op}
        zorg.append(
            Zorginzet(
                hulpvraag=h,
                **kopieen,
                gebied=None if bij_aanbieder else j.gebied,
                zorgaanbieder=aanbieder,
                contract=contract,
                vorm=rng.choices(Zorginzet.Vorm.values, [45, 20, 10, 12, 3, 5, 5])[0],
                aangemeld_op=h.kernteam_op,
                gestart_op=start,
                beeindigd_op=h.afgesloten_op if start else None,
            )
        )
        if bij_aanbieder and start is None:  # bridging care by the area team while waiting
            zorg.append(
                Zorginzet(
                    hulpvraag=h,
                    **kopieen,
                    gebied=j.gebied,
                    vorm=Zorginzet.Vorm.BEGELEIDING,
                    aangemeld_op=h.kernteam_op,
                    gestart_op=h.kernteam_op,
                    overbrugging=True,
                )
            )
    Zorginzet.objects.bulk_create(zorg, batch_size=2000)

    _meldcode_en_veilig_thuis(rng, vandaag, wd, jeugdigen, hulpvragen, medewerkers)
    stdout.write(
        f"cases: {len(uniek)} jeugdigen, {len(hulpvragen)} hulpvragen, {len(zorg)} zorginzet, "
        f"{len(evaluaties)} evaluaties"
    )


def _aanbieders() -> list[tuple]:
    """Providers with a contract in force today (and that contract), from the contracts demo."""
    from contracts.models import Zorgaanbieder
    from contracts.selectors import contracten_op, relaties_op

    vandaag = date.today()
    paren = [(c.zorgaanbieder, c) for c in contracten_op(vandaag).select_related("zorgaanbieder")[:20]]
    met_contract = {a.pk for a, _ in paren}
    leden = Zorgaanbieder.objects.filter(pk__in=relaties_op(vandaag).values("zorgaanbieder")).exclude(
        pk__in=met_contract
    )
    return paren + [(a, None) for a in leden[:20]]


def _meldcode_en_veilig_thuis(rng, vandaag, wd, jeugdigen, hulpvragen, medewerkers) -> None:
    lopend = [j for j, h in zip(jeugdigen, hulpvragen, strict=True) if not h.afgesloten_op and h.kernteam_op]
    # Veilig Thuis reports over the last years: all followed up, one late (investigated), one overdue now.
    meldingen = []
    start = date(2023, 1, 9)
    for i, j in enumerate(rng.sample(lopend, 40)):
        ontvangen = start + timedelta(days=i * (vandaag - start).days // 41)
        uiterlijk = wd(ontvangen, 5)
        laat = i == 7
        opgevolgd = wd(ontvangen, 8 if laat else rng.randint(1, 4))
        meldingen.append(
            VeiligThuisMelding(
                jeugdige=j,
                ontvangen_op=ontvangen,
                omschrijving="Veilig Thuis draagt de casus over voor vervolghulp (demo).",
                opvolgen_uiterlijk=uiterlijk,
                opgevolgd_op=opgevolgd if medewerkers else None,
                opgevolgd_door=rng.choice(medewerkers) if medewerkers else None,
                wijze=rng.choice(["contact_gezin", "zorg_gestart"]) if medewerkers else "",
                notitie="",
            )
        )
    te_laat = wd(vandaag - timedelta(days=14), 0)
    meldingen.append(
        VeiligThuisMelding(
            jeugdige=rng.choice(lopend),
            ontvangen_op=te_laat,
            omschrijving="Veilig Thuis draagt de casus over; nog niet opgevolgd (demo).",
            opvolgen_uiterlijk=wd(te_laat, 5),
        )
    )
    VeiligThuisMelding.objects.bulk_create(meldingen)
    laat = meldingen[7]
    Onderzoek.objects.create(
        jeugdige=laat.jeugdige,
        reden=Onderzoek.Reden.VT_NIET_TIJDIG_OPGEVOLGD,
        veilig_thuis_melding=laat,
        gestart_op=laat.opgevolgd_op or laat.ontvangen_op,
        bevindingen="De melding kwam binnen tijdens een vakantieperiode; de vervanging was niet geregeld.",
        maatregelen="Vervangingsrooster voor Veilig Thuis-meldingen ingevoerd.",
        afgerond_op=(laat.opgevolgd_op or laat.ontvangen_op) + timedelta(days=14),
    )
    if not medewerkers:
        return
    # A few Meldcode trajectories, complete with the five steps.
    besluiten = ["hulp_organiseren", "melden_en_hulp", "melden", "hulp_organiseren", "geen_vervolg", "hulp_organiseren"]
    stappen = []
    for i, (j, besluit) in enumerate(zip(rng.sample(lopend, len(besluiten)), besluiten, strict=True)):
        begin = wd(vandaag - timedelta(days=400 - i * 60), 0)
        melden = besluit in ("melden", "melden_en_hulp")
        besluit_op = wd(begin, 12)
        traject = MeldcodeTraject.objects.create(
            jeugdige=j,
            gestart_op=begin,
            signalen="Zorgen over de thuissituatie gemeld door school (demo).",
            besluit=besluit,
            gemeld_op=besluit_op if melden else None,
            terugkoppeling_uiterlijk=wd(besluit_op, 5) if melden else None,
            terugkoppeling_op=wd(besluit_op, 4) if melden else None,
            terugkoppeling="Veilig Thuis start een onderzoek (demo)." if melden else "",
            herbeoordeling_op=besluit_op + timedelta(weeks=12) if melden else None,
        )
        prof = rng.choice(medewerkers)
        onveilig = besluit in ("melden", "melden_en_hulp")
        for stap, dagen in zip(range(1, 6), (0, 3, 6, 9, 12), strict=True):
            stappen.append(
                MeldcodeStap(
                    traject=traject,
                    stap=stap,
                    datum=wd(begin, dagen),
                    professional=prof,
                    veilig_thuis_geraadpleegd=(i % 2 == 0) if stap == 2 else None,
                    vermoeden=(besluit != "geen_vervolg") if stap == 4 else None,
                    acute_of_structurele_onveiligheid=onveilig if stap == 4 else None,
                    effectieve_hulp_mogelijk=True if stap == 4 else None,
                    hulp_geaccepteerd=True if stap == 4 else None,
                    resultaat_binnen_termijn=(not onveilig) if stap == 4 else None,
                    besluit=besluit if stap == 5 else "",
                )
            )
    MeldcodeStap.objects.bulk_create(stappen)
    onderzoek = Onderzoek.objects.create(
        jeugdige=rng.choice(lopend),
        reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD,
        gestart_op=vandaag - timedelta(days=20),
        bevindingen="",
    )
    # Deviations from the Meldcode (demo values; the published reports give no count): the one investigated
    # above, and two still to be investigated, so the share "niet gevolgd → onderzocht" is 1 of 3 against 100%.
    MeldcodeAfwijking.objects.bulk_create(
        [
            MeldcodeAfwijking(
                jeugdige=onderzoek.jeugdige,
                soort=MeldcodeAfwijking.Soort.NIET_GESTART,
                vastgesteld_op=onderzoek.gestart_op,
                toelichting="Signalen van school niet in een Meldcodetraject opgepakt (demo).",
                onderzoek=onderzoek,
            ),
            MeldcodeAfwijking(
                jeugdige=traject.jeugdige,
                soort=MeldcodeAfwijking.Soort.STAP_OVERGESLAGEN,
                traject=traject,
                stap=MeldcodeStap.Stap.CONSULTATIE,
                vastgesteld_op=vandaag - timedelta(days=10),
                toelichting="Collegiale consultatie pas na het gesprek gehouden (demo).",
            ),
            MeldcodeAfwijking(
                jeugdige=lopend[-1],  # no draw of the generator: the rest of the demo stays as it was
                soort=MeldcodeAfwijking.Soort.NIET_GESTART,
                vastgesteld_op=vandaag - timedelta(days=5),
                toelichting="Zorgen over de thuissituatie niet volgens de Meldcode gewogen (demo).",
            ),
        ]
    )


__all__ = ["seed", "cijfers"]
