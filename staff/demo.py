"""Demo data for staff: synthetic employees (no real persons) whose placements reproduce the published
FTE per municipality per reference date, spread over areas, domains and functions, plus budgets and
Meldcode training records that leave a few gaps.

The published figures (JENS half-year report 2023) are copied into ``FTE_GEPUBLICEERD``. The report
rounds to one decimal; where the published total is not the sum of the rounded municipal figures
(June 2021) or where the published change (+8,8% June 2023 on June 2022) follows from the unrounded
figures, the demo uses unrounded values in ``FTE_DOEL`` that round to exactly the published ones.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from simple_history.utils import bulk_create_with_history

from contracts.models import Relatie, Zorgaanbieder
from contracts.selectors import leden_op
from jens.models import Gebied
from staff.models import ZORGFUNCTIES, Domein, Formatie, Medewerker, Plaatsing, Scholing
from staff.services import basis_uiterlijk, opfris_uiterlijk

# peildatum: (Heerlen, Landgraaf, Voerendaal, Totaal), as published.
FTE_GEPUBLICEERD = {
    date(2019, 6, 30): ("59.3", "19.8", "5.8", "84.9"),
    date(2019, 12, 31): ("74.3", "30.2", "6.1", "110.6"),
    date(2020, 6, 30): ("109.3", "33.5", "8.5", "151.3"),
    date(2020, 12, 31): ("114.8", "34.8", "8.3", "157.9"),
    date(2021, 6, 30): ("112.4", "36.6", "9.0", "158.1"),
    date(2021, 12, 31): ("118.8", "37.2", "9.6", "165.6"),
    date(2022, 6, 30): ("113.3", "33.8", "8.5", "155.6"),
    date(2022, 12, 31): ("120.9", "37.8", "8.6", "167.3"),
    date(2023, 6, 30): ("121.9", "38.4", "9.1", "169.4"),
}
# Unrounded values (two decimals) where the rounded ones do not add up to what was published.
FTE_AFWIJKEND = {
    date(2021, 6, 30): ("112.44", "36.64", "9.04"),  # 158,12 -> published 158,1
    date(2022, 6, 30): ("113.34", "33.84", "8.46"),  # 155,64
    date(2023, 6, 30): ("121.87", "38.40", "9.08"),  # 169,35 -> +8,8% on 155,64
}
FTE_DOEL = {
    d: dict(zip(("heerlen", "landgraaf", "voerendaal"), map(Decimal, FTE_AFWIJKEND.get(d, waarden[:3])), strict=True))
    for d, waarden in FTE_GEPUBLICEERD.items()
}

# Share of each Heerlen area in Heerlen's FTE.
AANDEEL_GEBIED = {
    "heerlen": {"heerlen-1": "0.28", "heerlen-2": "0.24", "heerlen-3": "0.26", "heerlen-4": "0.22"},
    "landgraaf": {"landgraaf": "1"},
    "voerendaal": {"voerendaal": "1"},
}
WERKGEVERS = ("Alcander", "Koraal Groep", "Mondriaan", "Radar")
# Strategic subcontractors whose staff also work in the area teams (named so in every published list); used
# only when the contracts demo has loaded them, never created here. Every tenth employee works for one.
ONDERAANNEMERS = ("Moventis GGZ", "Scoor", "Yvoor")
ELKE_ZOVEELSTE_BIJ_ONDERAANNEMER = 10
FUNCTIES = [  # (function, domain, weight)
    (Medewerker.Functie.JEUGDHULPVERLENER, Domein.GEBIEDSTEAM, 34),
    (Medewerker.Functie.GEZINSWERKER, Domein.GEBIEDSTEAM, 18),
    (Medewerker.Functie.GEDRAGSWETENSCHAPPER, Domein.GEBIEDSTEAM, 8),
    (Medewerker.Functie.JEUGDCONSULENT, Domein.GEBIEDSTEAM, 9),
    (Medewerker.Functie.ERVARINGSDESKUNDIGE, Domein.GEBIEDSTEAM, 3),
    (Medewerker.Functie.ONDERSTEUNING, Domein.GEBIEDSTEAM, 5),
    (Medewerker.Functie.GEBIEDSMANAGER, Domein.GEBIEDSTEAM, 2),
    (Medewerker.Functie.JONGERENWERKER, Domein.VOORLIGGEND_VELD, 9),
    (Medewerker.Functie.SCHOOLMAATSCHAPPELIJK_WERKER, Domein.VOORLIGGEND_VELD, 8),
    (Medewerker.Functie.MBO_COACH, Domein.VOORLIGGEND_VELD, 4),
]
FTE_KEUZES = [Decimal(x) for x in ("1.00", "0.89", "0.89", "0.78", "0.78", "0.67", "0.56", "1.00", "0.83", "0.72")]
VOORNAMEN = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Eline",
    "Fenna",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jesse",
    "Kim",
    "Lars",
    "Maud",
    "Noor",
    "Olaf",
    "Pien",
    "Quinten",
    "Roos",
    "Sanne",
    "Tijn",
    "Uma",
    "Vera",
    "Wout",
    "Xena",
    "Yara",
    "Zeger",
    "Lotte",
    "Milan",
    "Femke",
    "Ruben",
    "Iris",
    "Joep",
    "Lieke",
    "Stijn",
    "Esmee",
    "Thijs",
    "Nina",
    "Bas",
    "Floor",
    "Koen",
]
ACHTERNAMEN = [
    "Aarts",
    "Bemelmans",
    "Coenen",
    "Dassen",
    "Engelen",
    "Frijns",
    "Geelen",
    "Hermans",
    "Janssen",
    "Kicken",
    "Lemmens",
    "Meijers",
    "Notermans",
    "Ortmans",
    "Peters",
    "Quaedvlieg",
    "Ramakers",
    "Schreurs",
    "Thewissen",
    "Vaessen",
    "Wetzels",
    "Xhonneux",
    "Zeegers",
    "Brouwers",
    "Curfs",
    "Dohmen",
    "Habets",
    "Jongen",
    "Kleijnen",
    "Lataster",
    "Mertens",
    "Nijsten",
    "Offermans",
    "Pluijmen",
    "Rutten",
    "Smeets",
    "Teuwen",
    "Vencken",
    "Willems",
]
PREFIX = "DEMO-"
START = date(2019, 1, 1)


def _maanden(van: date, tot: date) -> list[date]:
    """First days of the months in (van, tot]."""
    d = (van + timedelta(days=1)).replace(day=1)
    if d <= van:
        d += relativedelta(months=1)
    uit = []
    while d <= tot:
        uit.append(d)
        d += relativedelta(months=1)
    return uit


def _gebied_doelen() -> dict[str, list[tuple[date, Decimal]]]:
    """Per area code the target FTE per reference date (the municipality's split by fixed shares)."""
    doelen: dict[str, list[tuple[date, Decimal]]] = {}
    for gemeente, aandelen in AANDEEL_GEBIED.items():
        codes = list(aandelen)
        for peildatum, per_gemeente in FTE_DOEL.items():
            rest = per_gemeente[gemeente]
            for i, code in enumerate(codes):
                deel = (
                    rest
                    if i == len(codes) - 1
                    else (per_gemeente[gemeente] * Decimal(aandelen[code])).quantize(Decimal("0.01"))
                )
                rest -= deel
                doelen.setdefault(code, []).append((peildatum, deel))
    return doelen


class _Opbouw:
    """Builds employees and placements in memory so that each area's sum on each reference date is exact."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.medewerkers: list[dict] = []  # {"nr", "functie", "domein", "van", "tot", "gebied"}
        self.plaatsingen: list[dict] = []  # {"mw": index, "gebied", "domein", "fte", "van", "tot"}

    def nieuwe(self, gebied: str, fte: Decimal, van: date) -> None:
        functie, domein = self._functie()
        self.medewerkers.append({"functie": functie, "domein": domein, "van": van, "tot": None, "gebied": gebied})
        self.plaatsingen.append(
            {"mw": len(self.medewerkers) - 1, "gebied": gebied, "domein": domein, "fte": fte, "van": van, "tot": None}
        )

    def _functie(self):
        functie, domein, _ = self.rng.choices(FUNCTIES, weights=[w for *_, w in FUNCTIES])[0]
        return functie, domein

    def actief(self, gebied: str) -> list[dict]:
        return [p for p in self.plaatsingen if p["gebied"] == gebied and p["tot"] is None]

    def vertrek(self, p: dict, datum: date) -> None:
        p["tot"] = datum
        self.medewerkers[p["mw"]]["tot"] = datum

    def uren(self, p: dict, fte: Decimal, datum: date) -> None:
        p["tot"] = datum
        self.plaatsingen.append({**p, "fte": fte, "van": datum, "tot": None})

    def naar_doel(self, gebied: str, doel: Decimal, data: list[date]) -> None:
        """Start, end or change placements on the dates in ``data`` until the area's active sum is ``doel``."""
        som = sum((p["fte"] for p in self.actief(gebied)), Decimal(0))
        verschil = doel - som
        while verschil < 0:  # reduce: people leave, or somebody works fewer hours
            actief = sorted(self.actief(gebied), key=lambda p: p["fte"])
            passend = [p for p in actief if p["fte"] <= -verschil]
            if passend:
                p = passend[-1]
                self.vertrek(p, self.rng.choice(data))
                verschil += p["fte"]
            else:
                p = actief[0]
                self.uren(p, p["fte"] + verschil, self.rng.choice(data))
                verschil = Decimal(0)
        if 0 < verschil < Decimal("0.30"):  # a small rise: somebody works more hours
            kandidaten = [p for p in self.actief(gebied) if p["fte"] + verschil <= 1]
            if kandidaten:
                p = self.rng.choice(kandidaten)
                self.uren(p, p["fte"] + verschil, self.rng.choice(data))
                verschil = Decimal(0)
        while verschil > 0:
            if verschil <= 1:
                fte = verschil
            else:
                fte = self.rng.choice(FTE_KEUZES)
                if verschil - fte < Decimal("0.30"):
                    fte = verschil - Decimal("0.50")
            self.nieuwe(gebied, fte, self.rng.choice(data))
            verschil -= fte


def _bouw(rng: random.Random, vandaag: date) -> _Opbouw:
    opbouw = _Opbouw(rng)
    peildata = sorted(FTE_DOEL)
    for gebied, reeks in _gebied_doelen().items():
        vorige = None
        for peildatum, doel in reeks:
            data = _maanden(vorige, peildatum) if vorige else _maanden(START - timedelta(days=1), peildatum)
            if vorige:  # some turnover: a few people leave and are replaced
                for p in rng.sample(opbouw.actief(gebied), k=min(2, len(opbouw.actief(gebied)))):
                    if rng.random() < 0.5:
                        opbouw.vertrek(p, rng.choice(data))
            opbouw.naar_doel(gebied, doel, data)
            vorige = peildatum
        # After the last published date: a few placements end within the coming two months.
        for p in rng.sample(opbouw.actief(gebied), k=2):
            datum = vandaag + timedelta(days=rng.randint(10, 55))
            if datum > p["van"]:
                opbouw.vertrek(p, datum)
    assert peildata[-1] < vandaag
    return opbouw


def _werkgevers(stdout) -> list[tuple[Zorgaanbieder, list[tuple[date, date | None]]]]:
    """The member organisations used as employers with their membership periods. When contracts' demo
    has not loaded them, they are created here (idempotent by name) as members from 2019."""
    uit = []
    for naam in WERKGEVERS:
        aanbieder = Zorgaanbieder.objects.filter(naam__iexact=naam).first()
        if aanbieder is None:
            aanbieder = Zorgaanbieder.objects.create(naam=naam)
            stdout.write(f"  zorgaanbieder {naam} aangemaakt (lid vanaf {START:%d-%m-%Y})")
        if not Relatie.objects.filter(zorgaanbieder=aanbieder).exists():
            Relatie.objects.create(zorgaanbieder=aanbieder, soort=Relatie.Soort.LID, geldig_van=START)
        perioden = list(
            Relatie.objects.filter(zorgaanbieder=aanbieder, soort=Relatie.Soort.LID).values_list(
                "geldig_van", "geldig_tot"
            )
        )
        uit.append((aanbieder, perioden))
    return uit


def _onderaannemers() -> list[tuple[Zorgaanbieder, list[tuple[date, date | None]]]]:
    """The demo's strategic subcontractors (when loaded) with their periods as a subcontractor."""
    uit = []
    for aanbieder in Zorgaanbieder.objects.filter(naam__in=ONDERAANNEMERS).order_by("naam"):
        perioden = list(
            Relatie.objects.filter(zorgaanbieder=aanbieder, soort=Relatie.Soort.ONDERAANNEMER).values_list(
                "geldig_van", "geldig_tot"
            )
        )
        if perioden:
            uit.append((aanbieder, perioden))
    return uit


def _lid_op(perioden, datum: date) -> bool:
    return any(van <= datum and (tot is None or tot > datum) for van, tot in perioden)


def seed(stdout) -> None:
    if Medewerker.objects.filter(personeelsnummer__startswith=PREFIX).exists():
        stdout.write("staff: demodata bestaat al")
        return
    rng = random.Random(20230630)  # noqa: S311 - deterministic synthetic data
    vandaag = date.today()
    opbouw = _bouw(rng, vandaag)
    werkgevers = _werkgevers(stdout)
    onderaannemers = _onderaannemers()
    gebieden = {g.code: g for g in Gebied.objects.all()}

    medewerkers = []
    andere_leden: dict[date, list[Zorgaanbieder]] = {}
    for i, m in enumerate(opbouw.medewerkers, start=1):
        leden = [a for a, perioden in werkgevers if _lid_op(perioden, m["van"])]
        if not leden:  # none of the preferred members: any member on that date
            leden = andere_leden.setdefault(m["van"], list(leden_op(m["van"])[:5]))
        if not leden:
            raise RuntimeError(f"Er is geen lid van JENS op {m['van']:%d-%m-%Y} om als werkgever te gebruiken.")
        naam = f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"
        werkgever = rng.choice(leden)
        if i % ELKE_ZOVEELSTE_BIJ_ONDERAANNEMER == 0:  # no draw of the generator: the rest of the demo stays
            in_dienst = [a for a, perioden in onderaannemers if _lid_op(perioden, m["van"])]
            werkgever = in_dienst[(i // ELKE_ZOVEELSTE_BIJ_ONDERAANNEMER) % len(in_dienst)] if in_dienst else werkgever
        medewerkers.append(
            Medewerker(
                personeelsnummer=f"{PREFIX}{i:04d}",
                naam=naam,
                email=f"{naam.lower().replace(' ', '.')}.{i}@medewerker.example",
                werkgever=werkgever,
                functie=m["functie"],
                in_dienst_van=m["van"],
                in_dienst_tot=m["tot"],
                meldcode_basis_uiterlijk=basis_uiterlijk(m["van"]),
            )
        )

    scholingen = _scholingen(rng, opbouw, medewerkers, vandaag)
    bulk_create_with_history(medewerkers, Medewerker)
    opgeslagen = {m.personeelsnummer: m for m in Medewerker.objects.filter(personeelsnummer__startswith=PREFIX)}
    medewerkers = [opgeslagen[m.personeelsnummer] for m in medewerkers]

    bulk_create_with_history(
        [
            Plaatsing(
                medewerker=medewerkers[p["mw"]],
                gebied=gebieden[p["gebied"]],
                domein=p["domein"],
                fte=p["fte"],
                van=p["van"],
                tot=p["tot"],
            )
            for p in opbouw.plaatsingen
        ],
        Plaatsing,
    )
    bulk_create_with_history(
        [Scholing(medewerker=medewerkers[i], soort=soort, datum=datum) for i, soort, datum in scholingen], Scholing
    )
    _bewaar_termijnen(medewerkers, scholingen)
    _formatie(opbouw, gebieden)
    stdout.write(
        f"staff: {len(medewerkers)} medewerkers, {len(opbouw.plaatsingen)} plaatsingen, {len(scholingen)} scholingen"
    )


def _scholingen(rng: random.Random, opbouw: _Opbouw, medewerkers, vandaag: date) -> list[tuple[int, str, date]]:
    """Basic training within a few weeks of starting (a few never), a refresher every 10 to 11 months
    (one in ten lapses), and four theme meetings a year for the last two years (attended by most current care
    employees).

    The refreshers are laid out backwards from today (or from the day the employee left), so the share
    with a Meldcode training in the last 12 months is the same on every date: those who keep up had their
    latest refresher 0-330 days ago, those who lapsed 14-30 months ago. Who never had the basic training
    and who lapses is drawn from its own generator before anything that depends on the date."""
    keuze = random.Random(rng.random())  # noqa: S311 - deterministic synthetic data
    nooit_basis = {i for i in range(len(medewerkers)) if keuze.random() < 0.03}
    gestopt = {i for i in range(len(medewerkers)) if keuze.random() < 0.10}
    uit: list[tuple[int, str, date]] = []
    for i, (m, mw) in enumerate(zip(opbouw.medewerkers, medewerkers, strict=True)):
        if mw.functie not in ZORGFUNCTIES or i in nooit_basis:
            continue
        einde = min(m["tot"] or vandaag, vandaag)
        basis = m["van"] + timedelta(days=keuze.randint(10, 50))
        if basis > einde:
            continue
        uit.append((i, Scholing.Soort.MELDCODE_BASIS, basis))
        geleden = keuze.randint(425, 900) if i in gestopt else keuze.randint(0, 330)
        opfris = einde - timedelta(days=geleden)
        reeks = []
        while opfris >= basis + relativedelta(months=10):
            reeks.append(opfris)
            opfris -= relativedelta(months=keuze.choice((10, 11)))
        uit.extend((i, Scholing.Soort.MELDCODE_OPFRIS, d) for d in reversed(reeks))
    for jaar in (vandaag.year - 1, vandaag.year):
        for maand, dag in ((3, 12), (6, 11), (9, 17), (11, 12)):
            datum = date(jaar, maand, dag)
            if datum > vandaag:
                continue
            for i, (m, mw) in enumerate(zip(opbouw.medewerkers, medewerkers, strict=True)):
                in_dienst = m["van"] <= datum and (m["tot"] is None or m["tot"] > datum)
                if in_dienst and mw.functie in ZORGFUNCTIES and rng.random() < 0.86:
                    uit.append((i, Scholing.Soort.THEMABIJEENKOMST_HGKM, datum))
    return uit


def _bewaar_termijnen(medewerkers, scholingen) -> None:
    basis: dict[int, date] = {}
    laatste: dict[int, date] = {}
    for i, soort, datum in scholingen:
        if soort == Scholing.Soort.MELDCODE_BASIS:
            basis[i] = datum
        if soort in (Scholing.Soort.MELDCODE_BASIS, Scholing.Soort.MELDCODE_OPFRIS):
            laatste[i] = max(datum, laatste.get(i, datum))
    for i, mw in enumerate(medewerkers):
        mw.meldcode_basis_uiterlijk = None if i in basis else basis_uiterlijk(mw.in_dienst_van)
        mw.meldcode_opfris_uiterlijk = opfris_uiterlijk(laatste.get(i))
    Medewerker.objects.bulk_update(medewerkers, ["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"])


def _formatie(opbouw: _Opbouw, gebieden: dict[str, Gebied]) -> None:
    """Budget from 1 January 2023: the FTE occupied then plus some vacancy room."""
    peildatum = date(2023, 6, 30)
    bezet: dict[tuple[str, str], Decimal] = {}
    for p in opbouw.plaatsingen:
        if p["van"] <= peildatum and (p["tot"] is None or p["tot"] > peildatum):
            sleutel = (p["gebied"], p["domein"])
            bezet[sleutel] = bezet.get(sleutel, Decimal(0)) + p["fte"]
    Formatie.objects.bulk_create(
        [
            Formatie(
                gebied=gebieden[code],
                domein=domein,
                fte=(fte + Decimal("1.50") if domein == Domein.GEBIEDSTEAM else fte + Decimal("0.50")).quantize(
                    Decimal("1")
                ),
                geldig_van=date(2023, 1, 1),
            )
            for (code, domein), fte in sorted(bezet.items())
        ]
    )
