"""The dashboard's and the half-year report's figures, assembled from every app's report selectors.

Each ``onderdeel_*`` function returns an ``Onderdeel``: tiles (norm, actual value, traffic light), tables (also the
report's sheets) and chart specifications, all plain data. The apps compute the figures with aggregate queries;
this module only combines them for one period and optionally one municipality. How a number is shown (Dutch
notation, counts under 5 as "<5" for a municipality) is decided in ``weergave``, not here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cases import selectors as cases_selectors
from cases.models import Hulpvraag
from financien import selectors as financien_selectors
from jens.dashboard import conf, kosten
from jens.eenmalig import opbouw
from jens.getallen import verkeerslicht
from jens.models import Gebied, Gemeente
from jens.periode import Periode
from jens.templatetags.jens import euro

EERSTE_FTE_PEILDATUM = date(2019, 6, 30)


@dataclass
class Kolom:
    titel: str
    soort: str = "tekst"  # tekst | aantal (of people) | telling (of organisations, never hidden) | fte | pct | euro
    # | dagen | getal | janee | gemengd (cells are (value, kind[, base count]) tuples)


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[Kolom]
    rijen: list[list]
    toelichting: str = ""
    in_rapport: bool = True
    blad: str = ""  # the XLSX sheet name (at most 31 characters); default the title
    alleen_onbeperkt: bool = False  # holds names (of providers): not for a municipality
    # An appendix that grows with the register (every provider by name): in the report, not on the dashboard page.
    op_dashboard: bool = True
    # Rows whose counts add up to a total shown elsewhere (jens.privacy: one hidden count takes a second one with
    # it). The rows above a "Totaal" row are such a group without saying so.
    groepen: list[list[int]] = field(default_factory=list)
    # Columns whose counts in one row follow from the others (start + instroom - uitstroom = end): the same rule.
    kolomgroepen: list[list[int]] = field(default_factory=list)
    # Cells a municipality may not see whatever the table's own groups say, {(row, column): text}: computed with the
    # counts of another table they follow from (the clients per gemeente and per month, cases.selectors).
    verborgen: dict[tuple[int, int], str] = field(default_factory=dict)
    # Columns of totals that another table shows as well (the month's total of requests): never the extra count.
    vaste_kolommen: list[int] = field(default_factory=list)


@dataclass
class GrafiekSpec:
    sleutel: str
    titel: str
    omschrijving: str
    tabel: str  # key of the Tabel whose rows it draws
    categorie_kolom: int
    waarde_kolommen: list[int]
    soort: str = "lijn"
    as_x: str = ""
    as_y: str = ""
    decimalen: int = 0
    norm: float | None = None
    norm_label: str = ""
    uitsluiten: tuple[str, ...] = ()  # rows (by category) that the chart leaves out, such as a total


@dataclass
class Tegel:
    sleutel: str
    titel: str
    waarde: object
    soort: str = "aantal"  # how the value is shown (see Kolom.soort)
    norm: object = None
    richting: str | None = None  # "min": at least the norm; "max": at most the norm; None: no norm
    toelichting: str = ""
    detail: str = ""  # anchor of the detail section
    vergelijking: object = None  # a value to compare with (same period last year)
    vergelijking_label: str = ""
    basis: int | None = None  # the count a percentage is based on (hidden for a municipality when under 5)

    @property
    def kleur(self) -> str:
        return verkeerslicht(self.waarde, self.norm, self.richting)


@dataclass
class Onderdeel:
    sleutel: str
    titel: str
    beschikbaar: bool = True
    ontbreekt: list[str] = field(default_factory=list)
    tegels: list[Tegel] = field(default_factory=list)
    tabellen: list[Tabel] = field(default_factory=list)
    grafieken: list[GrafiekSpec] = field(default_factory=list)
    bron: str = ""  # which app
    toelichting: str = ""

    def tabel(self, sleutel: str) -> Tabel | None:
        return next((t for t in self.tabellen if t.sleutel == sleutel), None)


@dataclass(frozen=True)
class Filter:
    periode: Periode
    gemeente: Gemeente | None = None

    @property
    def jaar(self) -> int:
        return self.periode.van.year

    @property
    def gebieden(self) -> list[Gebied] | None:
        if self.gemeente is None:
            return None
        return list(Gebied.objects.filter(gemeente=self.gemeente))


def _selector(app: str, naam: str) -> Callable | None:
    """An app's report selector, or None while it does not exist (yet)."""
    try:
        module = importlib.import_module(f"{app}.selectors")
    except ModuleNotFoundError as exc:
        if exc.name in (app, f"{app}.selectors"):
            return None
        raise
    return getattr(module, naam, None)


def _ontbrekend(sleutel: str, titel: str, app: str, namen: list[str]) -> Onderdeel | None:
    ontbreekt = [f"{app}.selectors.{n}" for n in namen if _selector(app, n) is None]
    if ontbreekt:
        return Onderdeel(sleutel, titel, beschikbaar=False, ontbreekt=ontbreekt, bron=app)
    return None


def _pct(teller, noemer) -> Decimal | None:
    if not noemer:
        return None
    return (Decimal(teller) * 100 / Decimal(noemer)).quantize(Decimal("0.1"))


def _dec(waarde) -> Decimal | None:
    if waarde is None:
        return None
    return Decimal(str(waarde))


def _naam(waarde) -> str:
    """A label from a selector value that may be a model instance, a dict or a string."""
    if isinstance(waarde, dict):
        return str(waarde.get("naam") or waarde.get("code") or "")
    return str(waarde if waarde is not None else "")


# --- The onderdelen ----------------------------------------------------------------------------------------------


def onderdeel_clienten(f: Filter) -> Onderdeel:
    titel = "Cliënten in zorg"
    if o := _ontbrekend("clienten", titel, "cases", ["clienten_rapport", "clienten_per_maand"]):
        return o
    rapport = _selector("cases", "clienten_rapport")(f.periode, gemeente=f.gemeente)
    per_maand = _selector("cases", "clienten_per_maand")(f.periode, gemeente=f.gemeente)
    rijen = [
        [_naam(r["gemeente"]), r["bij_aanvang"], r["instroom"], r["uitstroom"], r["ultimo"], r["gemiddeld_per_maand"]]
        for r in rapport["rijen"]
    ]
    per_gemeente = Tabel(
        "clienten_per_gemeente",
        "Unieke cliënten per gemeente",
        [
            Kolom("Gemeente"),
            Kolom("Bij aanvang", "aantal"),
            Kolom("Instroom", "aantal"),
            Kolom("Uitstroom", "aantal"),
            Kolom("Ultimo", "aantal"),
            Kolom("Gemiddeld per maand", "aantal"),
        ],
        rijen,
        toelichting=GEMIDDELD_PER_MAAND_UITLEG,
    )
    maanden = Tabel(
        "clienten_per_maand",
        "Cliënten per maand",
        [Kolom("Maand"), Kolom("In zorg", "aantal"), Kolom("Instroom", "aantal"), Kolom("Uitstroom", "aantal")],
        [[_maandlabel(r["maand"]), r["in_zorg"], r["instroom"], r["uitstroom"]] for r in per_maand],
        in_rapport=False,
    )
    # The per-gemeente row of the months (the last: the municipality's, or HLV) and the months are masked together:
    # start + instroom - uitstroom = end, and month after month (cases.selectors.verborgen_clienten).
    verborgen = _selector("cases", "verborgen_clienten")
    if verborgen is not None and rapport["rijen"]:
        r = len(rijen) - 1
        kolom = {"bij_aanvang": 1, "instroom": 2, "uitstroom": 3, "ultimo": 4, "gemiddeld_per_maand": 5}
        maandkolom = {"in_zorg": 1, "instroom": 2, "uitstroom": 3}
        for sleutel, tekst in verborgen(rapport["rijen"][-1], per_maand).items():
            if sleutel[0] == "rij" and sleutel[1] in kolom:
                per_gemeente.verborgen[(r, kolom[sleutel[1]])] = tekst
            elif sleutel[0] == "maand":
                maanden.verborgen[(sleutel[1], maandkolom[sleutel[2]])] = tekst
    # The row for the filter: HLV (all) or the chosen municipality.
    doel = f.gemeente.naam if f.gemeente else "HLV"
    rij = next((r for r in rijen if r[0].lower() == doel.lower()), rijen[-1] if rijen else None)
    met_norm = f.gemeente is None
    norm = conf.norm_clienten_per_maand()
    norm_tekst = f"{norm:_}".replace("_", ".")
    tegels = [
        Tegel(
            "clienten",
            "Unieke cliënten in zorg (gemiddeld per maand)",
            rij[5] if rij else None,
            norm=norm if met_norm else None,
            richting="max" if met_norm else None,
            toelichting=(
                "Norm: het aantal cliënten waarop de lumpsum is gebaseerd (HLV)."
                if met_norm
                else f"De norm van {norm_tekst} geldt voor HLV samen, niet per gemeente."
            ),
            detail="clienten",
        ),
        Tegel(
            "instroom",
            "Instroom en uitstroom in de periode",
            rij[2] if rij else None,
            toelichting="Instroom; de uitstroom staat eronder.",
            vergelijking=rij[3] if rij else None,
            vergelijking_label="uitstroom",
            detail="clienten",
        ),
    ]
    grafieken = [
        GrafiekSpec(
            "grafiek-clienten",
            "Unieke cliënten in zorg per maand",
            f"Lijngrafiek van het aantal unieke cliënten in zorg per maand, {f.periode.label}"
            + (f", met de norm van {norm_tekst}" if met_norm else "")
            + ".",
            "clienten_per_maand",
            0,
            [1],
            soort="lijn",
            as_x="Maand",
            as_y="Cliënten",
            norm=norm if met_norm else None,
            norm_label=f"norm {norm_tekst}" if met_norm else "",
        ),
        GrafiekSpec(
            "grafiek-instroom",
            "Instroom en uitstroom per maand",
            f"Staafgrafiek met per maand de instroom en de uitstroom van cliënten, {f.periode.label}.",
            "clienten_per_maand",
            0,
            [2, 3],
            soort="staaf",
            as_x="Maand",
            as_y="Cliënten",
        ),
    ]
    return Onderdeel(
        "clienten", titel, tegels=tegels, tabellen=[per_gemeente, maanden], grafieken=grafieken, bron="cases"
    )


# How the "gemiddeld per maand" column is computed (cases.selectors.clienten_rapport), said in the report itself.
# The mean of the start and end counts reproduces the published rows of the municipalities (2023H1) and of HLV for
# 2019 and 2020, and HLV is then the sum of its municipalities. The published HLV figures for 2021, 2022 and 2023H1
# (2023H1: 2.434 against 2.470) are the mean of the month-end counts; the demo is shaped so that this mean gives
# 2.434 for HLV 2023H1 and 2.572 for 2022 (jens/dashboard/kosten.py uses it for the cost per client).
GEMIDDELD_PER_MAAND_UITLEG = (
    "Gemiddeld per maand: het gemiddelde van het aantal bij aanvang en ultimo (zoals in de gepubliceerde tabellen "
    "per gemeente). Het aantal in zorg aan het eind van elke maand staat op het dashboard."
)


MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _maandlabel(maand) -> str:
    if isinstance(maand, str):
        maand = date.fromisoformat(maand[:10])
    return f"{MAANDEN[maand.month - 1]} {maand.year}"


def onderdeel_wachtlijst(f: Filter) -> Onderdeel:
    titel = "Wachtlijst per gebied"
    if o := _ontbrekend("wachtlijst", titel, "cases", ["wachtlijst_per_gebied"]):
        return o
    rijen = _selector("cases", "wachtlijst_per_gebied")(op=f.periode.tot, gemeente=f.gemeente)
    tabel = Tabel(
        "wachtlijst",
        f"Wachtlijst per gebied op {f.periode.tot:%d-%m-%Y}",
        [Kolom("Gebied"), Kolom("Wachtend", "aantal"), Kolom("Mediaan wachtdagen", "dagen")],
        [[_naam(r["gebied"]), r["wachtend"], r["mediaan_wachtdagen"]] for r in rijen],
    )
    totaal = sum(r["wachtend"] or 0 for r in rijen)
    tegel = Tegel(
        "wachtlijst",
        "Wachtend op zorg",
        totaal,
        toelichting=f"Cliënten die op {f.periode.tot:%d-%m-%Y} wachten op zorg, alle gebieden samen.",
        detail="wachtlijst",
    )
    grafiek = GrafiekSpec(
        "grafiek-wachtlijst",
        "Wachtenden per gebied",
        f"Staafgrafiek van het aantal wachtenden per gebied op {f.periode.tot:%d-%m-%Y}.",
        "wachtlijst",
        0,
        [1],
        soort="staaf",
        as_x="Gebied",
        as_y="Wachtenden",
    )
    kwartaal = _selector("cases", "wachtlijst_per_kwartaal")(f.periode, gemeente=f.gemeente)
    tabellen = [tabel, *_wachtlijst_kwartaal_tabellen(kwartaal)]
    return Onderdeel("wachtlijst", titel, tegels=[tegel], tabellen=tabellen, grafieken=[grafiek], bron="cases")


def _verschil(r: dict) -> tuple:
    """This quarter minus the previous, hidden (for a municipality) when either count is under 5."""
    basis = [a for a in (r.get("wachtend"), r.get("vorig_kwartaal")) if a is not None]
    return (r.get("verschil"), "getal", min(basis) if basis else None)


def _wachtlijst_kwartaal_tabellen(k: dict) -> list[Tabel]:
    if not k["kwartalen"]:
        return []
    laatste = k["kwartalen"][-1]
    vorige = k["peildata"][-2] if len(k["peildata"]) > 1 else None
    vergelijk_kop = f"Vorig kwartaal ({vorige:%d-%m-%Y})" if vorige else "Vorig kwartaal"
    kolommen = [Kolom("Wachtend", "aantal"), Kolom(vergelijk_kop, "aantal"), Kolom("Verschil", "gemengd")]
    per_kwartaal = Tabel(
        "wachtlijst_kwartaal",
        "Wachtlijst per kwartaal",
        [
            Kolom("Kwartaal"),
            Kolom("Peildatum"),
            Kolom("Wachtend", "aantal"),
            Kolom("Vorig kwartaal", "aantal"),
            Kolom("Verschil", "gemengd"),
        ],  # fmt: skip
        [
            [r["kwartaal"], _datumlabel(r["peildatum"]), r["wachtend"], r["vorig_kwartaal"], _verschil(r)]
            for r in k["kwartalen"]
        ],
        toelichting="Wachtend: aangemeld voor zorg en nog niet gestart op de laatste dag van het kwartaal.",
        blad="Wachtlijst per kwartaal",
    )
    per_aanbieder = Tabel(
        "wachtlijst_aanbieder",
        f"Wachtlijst per zorgaanbieder op {laatste['peildatum']:%d-%m-%Y}",
        [Kolom("Zorgaanbieder"), *kolommen],
        [[r["zorgaanbieder"], r["wachtend"], r["vorig_kwartaal"], _verschil(r)] for r in k["per_zorgaanbieder"]],
        toelichting='Zorg door een gebiedsteam staat onder "gebiedsteam".',
        blad="Wachtlijst per aanbieder",
        op_dashboard=False,  # a row per provider with a waiting list: 2,600 at national scale; in the report
    )
    per_vorm = Tabel(
        "wachtlijst_vorm",
        f"Wachtlijst per vorm van zorg op {laatste['peildatum']:%d-%m-%Y}",
        [Kolom("Vorm"), *kolommen],
        [[r["vorm"], r["wachtend"], r["vorig_kwartaal"], _verschil(r)] for r in k["per_vorm"]],
        blad="Wachtlijst per vorm",
    )
    return [per_kwartaal, per_aanbieder, per_vorm]


def onderdeel_klantreis(f: Filter) -> Onderdeel:
    """The client journey (length against its norm; first time, returning and continued requests), the reasons care
    ended against the norm for a regular end, and the requests per month by kind and by referrer."""
    titel = "Cliëntreis, einde zorg en hulpvragen"
    k = cases_selectors.klantreis_cijfers(f.periode, gemeente=f.gemeente)
    e = cases_selectors.einde_redenen_rapport(f.periode, gemeente=f.gemeente)
    per_maand = cases_selectors.hulpvragen_per_maand(f.periode, gemeente=f.gemeente)
    a = ("", "tekst")  # an empty norm cell (not a count: the rows 5-7 are a group of counts)
    dagen = k["aansluiting_dagen"]
    # The regular share gives a regular reason away when the other one is shown: its base is the smallest of them.
    regulier_basis = min([r["aantal"] for r in e["rijen"] if r["is_regulier"]] + [e["totaal"]])
    klantreis = Tabel(
        "klantreis",
        f"Cliëntreis {f.periode.label}",
        [Kolom("Kengetal"), Kolom("Waarde", "gemengd"), Kolom("Norm", "gemengd")],
        [
            ["Afgeronde klantreizen", (k["afgeronde_klantreizen"], "aantal"), a],
            [
                "Gemiddelde duur klantreis (dagen)",
                (k["gemiddelde_duur_dagen"], "getal", k["afgeronde_klantreizen"]),
                (k["norm_dagen"], "getal"),
            ],
            ["Afgesloten hulpvragen", (k["afgesloten_hulpvragen"], "aantal"), a],
            [
                "Gemiddelde duur per afgesloten hulpvraag (dagen)",
                (k["gemiddelde_duur_hulpvraag_dagen"], "getal", k["afgesloten_hulpvragen"]),
                a,
            ],
            ["Ontvangen hulpvragen", (k["ontvangen_hulpvragen"], "aantal"), a],
            ["waarvan eerste keer", (k["eerste_keer"], "aantal"), a],
            [
                f"waarvan terugkerend (vorige klantreis meer dan {dagen} dagen geleden afgesloten)",
                (k["terugkerend"], "aantal"),
                a,
            ],  # fmt: skip
            [
                f"waarvan voortzetting (binnen {dagen} dagen na afsluiting of tijdens zorg)",
                (k["voortzetting"], "aantal"),
                a,
            ],  # fmt: skip
            [
                "Regulier beëindigd (%)",
                _p(e["regulier_pct"], regulier_basis if f.gemeente else e["totaal"]),
                _p(e["regulier_norm"]),
            ],
        ],
        toelichting=(
            f"Een klantreis loopt van de eerste hulpvraag tot de laatste afsluiting; een nieuwe hulpvraag binnen {dagen} "
            "dagen na een afsluiting (of terwijl er nog zorg loopt) zet dezelfde klantreis voort en telt niet als nieuw. "
            "Gemiddelde duur: van de klantreizen die in de periode zijn afgesloten."
        ),
        blad="Cliëntreis",
        groepen=[[5, 6, 7]],
    )
    einde = Tabel(
        "einde_redenen",
        f"Reden einde zorg {f.periode.label}",
        [Kolom("Reden"), Kolom("Regulier", "janee"), Kolom("Hulpvragen", "aantal"), Kolom("Aandeel (%)", "pct")],
        [[r["label"], r["is_regulier"], r["aantal"], r["aandeel_pct"]] for r in e["rijen"]]
        + [["Totaal", None, e["totaal"], _dec(100) if e["totaal"] else None]],
        toelichting=(
            f"Regulier beëindigd (volgens plan of voortijdig in overleg): {_pct_tekst(e['regulier_pct'], teken=False)}"
            f" (norm {e['regulier_norm']}%)."
            if e["regulier_pct"] is not None
            else "Geen hulpvragen afgesloten in deze periode."
        ),
        blad="Reden einde zorg",
    )
    soorten, verwijzers = Hulpvraag.Soort.choices, Hulpvraag.Verwijzer.choices

    def maandtabel(sleutel, tabeltitel, blad, keuzes, veld) -> Tabel:
        rijen = [[_maandlabel(m["maand"])] + [m[veld][c] for c, _ in keuzes] + [m["totaal"]] for m in per_maand]
        rijen.append(["Totaal", *[sum(r[i] for r in rijen) for i in range(1, len(keuzes) + 2)]])
        return Tabel(
            sleutel,
            tabeltitel,
            [Kolom("Maand")] + [Kolom(str(label), "aantal") for _, label in keuzes] + [Kolom("Totaal", "aantal")],
            rijen,
            blad=blad,
            kolomgroepen=[list(range(1, len(keuzes) + 1))],
            vaste_kolommen=[len(keuzes) + 1],  # the month's total is in both tables (cases.selectors)
        )

    tabellen = [
        klantreis,
        einde,
        maandtabel(
            "hulpvragen_soort",
            f"Hulpvragen per maand naar soort {f.periode.label}",
            "Hulpvragen per soort",
            soorten,
            "per_soort",
        ),  # fmt: skip
        maandtabel(
            "hulpvragen_verwijzer",
            f"Hulpvragen per maand naar verwijzer {f.periode.label}",
            "Hulpvragen per verwijzer",
            verwijzers,
            "per_verwijzer",
        ),  # fmt: skip
    ]
    tegels = [
        Tegel(
            "klantreis",
            "Gemiddelde duur klantreis (dagen)",
            k["gemiddelde_duur_dagen"],
            soort="getal",  # whole days, as published
            norm=k["norm_dagen"],
            richting="max",
            toelichting=f"{k['afgeronde_klantreizen']} klantreizen afgesloten in de periode.",
            detail="klantreis",
            basis=k["afgeronde_klantreizen"],
        ),
        Tegel(
            "einde_regulier",
            "Zorg regulier beëindigd",
            _dec(e["regulier_pct"]),
            soort="pct",
            norm=e["regulier_norm"],
            richting="min",
            toelichting="Volgens plan of voortijdig in overleg.",
            detail="klantreis",
            basis=regulier_basis if f.gemeente else e["totaal"],
        ),
    ]
    return Onderdeel("klantreis", titel, tegels=tegels, tabellen=tabellen, bron="cases")


def onderdeel_klachten(f: Filter) -> Onderdeel:
    titel = "Klachten en meldingen van ongenoegen"
    if o := _ontbrekend("klachten", titel, "complaints", ["klachten_rapport"]):
        return o
    r = _selector("complaints", "klachten_rapport")(f.periode, gemeente=f.gemeente)
    vergelijk = _naam(r.get("vergelijkingsperiode")) or f.periode.vorig_jaar().label
    per_aard = Tabel(
        "klachten_per_aard",
        f"Klachten per aard, {f.periode.label} tegen {vergelijk}",
        [Kolom("Aard"), Kolom(f.periode.label, "aantal"), Kolom(vergelijk, "aantal")],
        [[a.get("naam") or _naam(a["aard"]), a["aantal"], a["aantal_vergelijking"]] for a in r["per_aard"]]
        + [["Totaal", r["totaal"], r["totaal_vergelijking"]]],
    )
    tijdig = _dec(r.get("aandeel_tijdig_opgepakt"))
    tegels = [
        Tegel(
            "klachten",
            f"Klachten {f.periode.label}",
            r["totaal"],
            toelichting="Klachten en meldingen van ongenoegen samen.",
            vergelijking=r["totaal_vergelijking"],
            vergelijking_label=vergelijk,
            detail="klachten",
        ),
        Tegel(
            "klachten_tijdig",
            "Klachten binnen 5 werkdagen opgepakt",
            tijdig,
            soort="pct",
            norm=conf.norm_klacht_tijdig_pct(),
            richting="min",
            detail="klachten",
            basis=r["totaal"],
        ),
    ]
    totaal = r["totaal"]
    kengetallen = Tabel(
        "klachten_kengetallen",
        f"Klachten: soort, afhandeling en uitkomst {f.periode.label}",
        [Kolom("Kengetal"), Kolom(f.periode.label, "gemengd"), Kolom(vergelijk, "gemengd")],
        [
            *[
                [
                    (s.get("naam") or _naam(s.get("soort"))).capitalize(),
                    (s["aantal"], "aantal"),
                    (s.get("aantal_vergelijking"), "aantal"),
                ]
                for s in r.get("per_soort") or []
            ],
            ["Naar de klachtencommissie", (r.get("naar_commissie"), "aantal"), ("", "aantal")],
            ["Binnen 5 werkdagen opgepakt (%)", (tijdig, "pct", totaal), ("", "aantal")],
            [
                "Mediaan werkdagen tot oppakken",
                (r.get("mediaan_werkdagen_tot_oppakken"), "dagen", totaal),
                ("", "aantal"),
            ],
            *[
                [f"Uitkomst: {u.get('naam') or _naam(u.get('uitkomst'))}", (u["aantal"], "aantal"), ("", "aantal")]
                for u in r.get("uitkomsten") or []
            ],
        ],
        groepen=[list(range(len(r.get("per_soort") or [])))],  # the kinds add up to the total number of complaints
    )
    grafiek = GrafiekSpec(
        "grafiek-klachten",
        "Klachten per aard",
        f"Staafgrafiek van het aantal klachten per aard in {f.periode.label} en in {vergelijk}.",
        "klachten_per_aard",
        0,
        [1, 2],
        soort="staaf",
        as_x="Aard",
        as_y="Klachten",
        uitsluiten=("Totaal",),
    )
    return Onderdeel(
        "klachten", titel, tegels=tegels, tabellen=[per_aard, kengetallen], grafieken=[grafiek], bron="complaints"
    )


def fte_peildata(tot: date) -> list[date]:
    """Every 30 June and 31 December from the first published reference date up to ``tot``."""
    peildata = []
    for jaar in range(EERSTE_FTE_PEILDATUM.year, tot.year + 1):
        for d in (date(jaar, 6, 30), date(jaar, 12, 31)):
            if EERSTE_FTE_PEILDATUM <= d <= tot:
                peildata.append(d)
    return peildata


def onderdeel_fte(f: Filter) -> Onderdeel:
    titel = "Fte gebiedsteams en voorliggend veld"
    if o := _ontbrekend("fte", titel, "staff", ["fte_rapport"]):
        return o
    peildata = fte_peildata(f.periode.tot)
    if not peildata:
        return Onderdeel("fte", titel, toelichting="Geen peildatum in deze periode.", bron="staff")
    rapport = _selector("staff", "fte_rapport")(peildata, gemeente=f.gemeente)
    gemeenten = [g.naam for g in ([f.gemeente] if f.gemeente else Gemeente.objects.order_by("naam"))]
    rijen = []
    for r in rapport:
        per = {_naam(x["gemeente"]).lower(): x["fte"] for x in r["per_gemeente"]}
        rijen.append(
            [
                _datumlabel(r["peildatum"]),
                *[per.get(g.lower(), Decimal(0)) for g in gemeenten],
                r["totaal"],
                r.get("verschil_vorige_pct"),
                r.get("verschil_jaar_pct"),
            ]
        )
    tabel = Tabel(
        "fte",
        "Fte per gemeente per peildatum",
        [
            Kolom("Peildatum"),
            *[Kolom(g, "fte") for g in gemeenten],
            Kolom("Totaal", "fte"),
            Kolom("Verschil vorige peildatum (%)", "pct"),
            Kolom("Verschil jaar eerder (%)", "pct"),
        ],
        rijen,
    )
    laatste = rapport[-1]
    tegel = Tegel(
        "fte",
        f"Fte op {_datumlabel(laatste['peildatum'])}",
        laatste["totaal"],
        soort="fte",
        toelichting=(
            f"{_pct_tekst(laatste.get('verschil_jaar_pct'))} ten opzichte van een jaar eerder."
            if laatste.get("verschil_jaar_pct") is not None
            else ""
        ),
        detail="fte",
    )
    grafiek = GrafiekSpec(
        "grafiek-fte",
        "Fte per gemeente door de tijd",
        "Lijngrafiek van de fte van gebiedsteams en voorliggend veld per gemeente op elke peildatum (30 juni en "
        "31 december).",
        "fte",
        0,
        list(range(1, len(gemeenten) + 1)),
        soort="lijn",
        as_x="Peildatum",
        as_y="Fte",
        decimalen=1,
    )
    return Onderdeel("fte", titel, tegels=[tegel], tabellen=[tabel], grafieken=[grafiek], bron="staff")


def _datumlabel(d) -> str:
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return f"{d:%d-%m-%Y}"


def _pct_tekst(p, teken: bool = True) -> str:
    from jens.getallen import getal

    p = _dec(p)
    return ("+" if teken and p > 0 else "") + getal(p, 1) + "%"


def onderdeel_meldcode_scholing(f: Filter) -> Onderdeel:
    titel = "Meldcode-scholing"
    if o := _ontbrekend("scholing", titel, "staff", ["meldcode_scholing_cijfers"]):
        return o
    c = _selector("staff", "meldcode_scholing_cijfers")(op=f.periode.tot, gebieden=f.gebieden)
    rijen = [
        ["Medewerkers in zorgfuncties", (c.get("medewerkers"), "aantal"), ("", "aantal")],
        ["Aandeel met basisscholing Meldcode (%)", _p(c["aandeel_basis"], c.get("medewerkers")), _p(c["norm_basis"])],
        [
            "Aandeel met Meldcode-scholing in de laatste 12 maanden (%)",
            _p(c["aandeel_opfris"], c.get("medewerkers")),
            _p(c["norm_opfris"]),
        ],
        [
            "Themabijeenkomsten dit jaar",
            (c["themabijeenkomsten"], "telling"),
            (c["norm_themabijeenkomsten"], "telling"),
        ],
        ["Opkomst themabijeenkomsten (%)", _p(c["opkomst_pct"], c.get("medewerkers")), _p(c["norm_opkomst"])],
        ["Medewerkers zonder basisscholing", (_aantal(c.get("zonder_basis")), "aantal"), (0, "aantal")],
    ]
    tabel = Tabel(
        "meldcode_scholing",
        f"Meldcode-scholing op {f.periode.tot:%d-%m-%Y}",
        [Kolom("Kengetal"), Kolom("Waarde", "gemengd"), Kolom("Norm", "gemengd")],
        rijen,
    )
    tegels = [
        Tegel(
            "scholing_basis",
            "Meldcode-basisscholing",
            _dec(c["aandeel_basis"]),
            soort="pct",
            norm=c["norm_basis"],
            richting="min",
            detail="scholing",
            basis=c.get("medewerkers"),
        ),
        Tegel(
            "scholing_opfris",
            "Meldcode-opfrisscholing (12 maanden)",
            _dec(c["aandeel_opfris"]),
            soort="pct",
            norm=c["norm_opfris"],
            richting="min",
            detail="scholing",
            basis=c.get("medewerkers"),
        ),
    ]
    return Onderdeel("scholing", titel, tegels=tegels, tabellen=[tabel], bron="staff")


def _aantal(waarde) -> int | None:
    """A count from a selector value that may be a number or a list (of people: only the count is used)."""
    if waarde is None:
        return None
    if isinstance(waarde, int | Decimal):
        return int(waarde)
    return len(waarde)


def onderdeel_kleine_aanbieders(f: Filter) -> Onderdeel:
    titel = "Besteding bij kleine aanbieders (4%-regel)"
    if o := _ontbrekend("kleine_aanbieders", titel, "contracts", ["kleine_aanbieders_rapport"]):
        return o
    r = _selector("contracts", "kleine_aanbieders_rapport")(f.jaar)
    tabel = Tabel(
        "kleine_aanbieders",
        f"Aandeel kleine aanbieders {r.get('jaar', f.jaar)}",
        [Kolom("Kengetal"), Kolom("Waarde", "gemengd")],
        [
            ["Opdrachtsom", (r["opdrachtsom"], "euro")],
            ["Besteed bij kleine aanbieders", (r["besteed_kleine_aanbieders"], "euro")],
            ["Percentage", (r["percentage"], "pct")],
            ["Norm (minimaal)", (r["norm"], "pct")],
            ["Voldaan", (r["voldaan"], "janee")],
        ],
        toelichting="Geldt voor heel JENS (alle gemeenten samen).",
    )
    aanbieders = Tabel(
        "kleine_aanbieders_lijst",
        f"Kleine aanbieders {r.get('jaar', f.jaar)} en besteding",
        [Kolom("Zorgaanbieder"), Kolom("Besteed", "euro")],
        [[_naam(a.get("naam") or a.get("zorgaanbieder")), a.get("besteed") or a.get("bedrag")] for a in r["aanbieders"]]
        if r.get("aanbieders") and isinstance(r["aanbieders"][0], dict)
        else [[_naam(a), None] for a in r.get("aanbieders") or []],
        alleen_onbeperkt=True,
    )
    tegel = Tegel(
        "kleine_aanbieders",
        f"Besteed bij kleine aanbieders {r.get('jaar', f.jaar)}",
        _dec(r["percentage"]) if r.get("opdrachtsom") else None,  # no opdrachtsom that year: no data, not 0,0% red
        soort="pct",
        norm=r["norm"],
        richting="min",
        toelichting="Heel JENS; eis: minimaal 4% van de opdrachtsom.",
        detail="kleine-aanbieders",
    )
    return Onderdeel("kleine_aanbieders", titel, tegels=[tegel], tabellen=[tabel, aanbieders], bron="contracts")


SOORT_LABELS = {
    "lid": "Leden",
    "onderaannemer": "Strategische onderaannemers",
    "leverancier": "Gecontracteerde leveranciers",
    "incidenteel": "Incidentele leveranciers",
    "kleine_aanbieder": "Kleine aanbieders",
}


def onderdeel_aanbieders(f: Filter) -> Onderdeel:
    titel = "Zorgaanbieders per soort (bijlage)"
    if o := _ontbrekend("aanbieders", titel, "contracts", ["aanbieders_per_soort_op"]):
        return o
    per_soort = _selector("contracts", "aanbieders_per_soort_op")(f.periode.tot)
    aantallen = Tabel(
        "aanbieders_aantallen",
        f"Aantal zorgaanbieders per soort op {f.periode.tot:%d-%m-%Y}",
        [Kolom("Soort"), Kolom("Aantal", "telling")],
        [[SOORT_LABELS.get(k, k), len(v)] for k, v in per_soort.items()],
    )
    namen = Tabel(
        "aanbieders_per_soort",
        f"Zorgaanbieders per soort op {f.periode.tot:%d-%m-%Y}",
        [Kolom("Soort"), Kolom("Zorgaanbieder")],
        [[SOORT_LABELS.get(k, k), _naam(n)] for k, v in per_soort.items() for n in v],
        alleen_onbeperkt=True,
        op_dashboard=False,
    )
    return Onderdeel("aanbieders", titel, tabellen=[aantallen, namen], bron="contracts")


def onderdeel_transformatie(f: Filter) -> Onderdeel:
    titel = "Transformatieafspraken en monitorgesprekken"
    if o := _ontbrekend("transformatie", titel, "contracts", ["transformatie_rapport", "gesprekken_rapport"]):
        return o
    t = _selector("contracts", "transformatie_rapport")(peildatum=f.periode.tot)
    g = _selector("contracts", "gesprekken_rapport")(f.jaar)
    tabel = Tabel(
        "transformatie",
        f"Transformatieafspraken en gesprekken {f.jaar}",
        [Kolom("Kengetal"), Kolom("Waarde", "telling"), Kolom("Streefaantal", "telling")],
        [
            [
                f"Aanbieders met een transformatieafspraak (uiterlijk {_datumlabel(t.get('streefdatum') or f.periode.tot)})",
                t["aantal_aanbieders_met_afspraak"],
                t.get("streefaantal"),
            ],
            *[[f"Afspraken met status {_naam(s)}", n, None] for s, n in _paren(t.get("per_status"))],
            ["Monitorgesprekken gehouden", g["monitorgesprekken_gehouden"], g.get("streefaantal")],
            *[[f"Gesprekken: {_naam(s)}", n, None] for s, n in _paren(g.get("per_soort"))],
            ["Achterstallige gesprekken (stand vandaag)", _aantal(g.get("achterstallig")), None],
        ],
        toelichting="Geldt voor heel JENS (alle gemeenten samen).",
    )
    tegels = [
        Tegel(
            "transformatie",
            "Aanbieders met transformatieafspraak",
            t["aantal_aanbieders_met_afspraak"],
            soort="telling",
            norm=t.get("streefaantal"),
            richting="min" if t.get("streefaantal") else None,
            toelichting=f"Afgesproken uiterlijk {_datumlabel(t.get('streefdatum') or f.periode.tot)}; heel JENS.",
            detail="transformatie",
        ),
        Tegel(
            "monitorgesprekken",
            f"Monitorgesprekken {f.jaar}",
            g["monitorgesprekken_gehouden"],
            soort="telling",
            norm=g.get("streefaantal"),
            richting="min" if g.get("streefaantal") else None,
            toelichting="Gehouden gesprekken; heel JENS.",
            detail="transformatie",
        ),
    ]
    return Onderdeel("transformatie", titel, tegels=tegels, tabellen=[tabel], bron="contracts")


def _paren(waarde) -> list[tuple]:
    """(label, count) pairs from a dict or a list of dicts."""
    if not waarde:
        return []
    if isinstance(waarde, dict):
        return list(waarde.items())
    paren = []
    for r in waarde:
        label = r.get("label") or r.get("naam") or r.get("status") or r.get("soort")
        paren.append((label, r["aantal"] if "aantal" in r else r.get("gehouden")))
    return paren


def _p(waarde, basis=None) -> tuple:
    """A percentage cell for a mixed column; ``basis`` is the count it is computed from."""
    return (_dec(waarde), "pct", basis)


def onderdeel_veilig_thuis(f: Filter) -> Onderdeel:
    titel = "Meldcode en Veilig Thuis"
    if o := _ontbrekend(
        "veilig_thuis",
        titel,
        "cases",
        ["veilig_thuis_cijfers", "meldcode_cijfers", "meldcode_afwijking_cijfers", "norm_cijfers"],
    ):
        return o
    vt = _selector("cases", "veilig_thuis_cijfers")(f.periode, gemeente=f.gemeente)
    mc = _selector("cases", "meldcode_cijfers")(f.periode, gemeente=f.gemeente)
    af = _selector("cases", "meldcode_afwijking_cijfers")(f.periode, gemeente=f.gemeente)
    nc = _selector("cases", "norm_cijfers")(f.periode, gemeente=f.gemeente)
    a = ("", "aantal")
    onderzocht_mc = _pct(mc.get("onderzoeken_niet_gevolgd_afgerond", 0), mc.get("onderzoeken_niet_gevolgd"))
    rijen = [
        ["Veilig Thuis-meldingen ontvangen", (vt["aantal"], "aantal"), a],
        ["Veilig Thuis-meldingen opgevolgd (%)", _p(vt["opgevolgd_pct"], vt["aantal"]), _p(vt.get("norm"))],
        ["Veilig Thuis-meldingen tijdig opgevolgd (%)", _p(vt["tijdig_pct"], vt["aantal"]), _p(vt.get("norm"))],
        ["Niet tijdig opgevolgde meldingen", (vt.get("niet_tijdig"), "aantal"), a],
        [
            "Niet tijdig opgevolgd en onderzocht (%)",
            _p(vt.get("niet_tijdig_onderzocht_pct"), vt.get("niet_tijdig")),
            _p(vt.get("onderzoek_norm")),
        ],
        ["Meldcodetrajecten gestart", (mc["aantal"], "aantal"), a],
        ["Meldcodetrajecten afgerond (besluit genomen)", (mc.get("afgerond"), "aantal"), a],
        ["Gemeld bij Veilig Thuis", (mc.get("gemeld"), "aantal"), a],
        ["Terugkoppeling van Veilig Thuis ontvangen", (mc.get("terugkoppeling_ontvangen"), "aantal"), a],
        ["Veilig Thuis geraadpleegd (collegiale consultatie)", (mc.get("veilig_thuis_geraadpleegd"), "aantal"), a],
        # The cases that should have been investigated (every deviation from the Meldcode), not only the
        # investigations started: the share investigated is against all of them.
        ["Meldcode had gevolgd moeten worden en is niet gevolgd", (af.get("aantal"), "aantal"), a],
        ["Meldcode niet gevolgd en onderzocht (%)", _p(af.get("onderzocht_pct"), af.get("aantal")), _p(af.get("norm"))],
        ["Onderzoeken: Meldcode niet gevolgd", (mc.get("onderzoeken_niet_gevolgd"), "aantal"), a],
        [
            "Onderzoeken Meldcode niet gevolgd afgerond (%)",
            _p(onderzocht_mc, mc.get("onderzoeken_niet_gevolgd")),
            a,
        ],
    ]
    tabel = Tabel(
        "meldcode_veilig_thuis",
        f"Meldcode en Veilig Thuis {f.periode.label}",
        [Kolom("Kengetal"), Kolom("Waarde", "gemengd"), Kolom("Norm", "gemengd")],
        rijen,
        blad="Meldcode en Veilig Thuis",
    )
    normen = Tabel(
        "normen_toeleiding",
        f"Toeleiding naar zorg: normen {f.periode.label}",
        [Kolom("Kengetal"), Kolom("Waarde", "gemengd"), Kolom("Norm", "gemengd")],
        [
            ["Hulpvragen ontvangen", (nc["aantal"], "aantal"), a],
            [
                f"Dossier binnen {nc['dossier_werkdagen']} werkdagen na ontvangst (%)",
                _p(nc.get("dossier_tijdig_pct"), nc.get("dossier")),
                _p(nc.get("dossier_tijdig_norm")),
            ],
            [
                f"Kernteam binnen {nc['kernteam_werkdagen']} werkdagen na het dossier (%)",
                _p(nc.get("kernteam_tijdig_pct"), nc.get("kernteam")),
                _p(nc.get("kernteam_tijdig_norm")),
            ],
            ["Meervoudige hulpvragen", (nc.get("meervoudig"), "aantal"), a],
            [
                f"Gezinsplan binnen {nc['gezinsplan_weken']} weken na het kernteam (%)",
                _p(nc.get("gezinsplan_tijdig_pct"), nc.get("gezinsplan")),
                _p(nc.get("gezinsplan_tijdig_norm")),
            ],
            [
                "Meervoudig met gezinsplan (%)",
                _p(nc.get("gezinsplan_pct"), nc.get("meervoudig")),
                _p(nc.get("gezinsplan_norm")),
            ],
            [
                "Meervoudig met vast aanspreekpunt (%)",
                _p(nc.get("vast_aanspreekpunt_pct"), nc.get("meervoudig")),
                _p(nc.get("vast_aanspreekpunt_norm")),
            ],
        ],
        toelichting=(
            "Per stap van de toeleiding het deel van de hulpvragen waarbij de stap binnen de termijn is gezet; een stap "
            "die na de termijn nog ontbreekt telt als te laat. De normen zijn instellingen (JENS_CASES_NORM_*)."
        ),
        blad="Normen toeleiding",
    )
    tegels = [
        Tegel(
            "veilig_thuis",
            "Veilig Thuis-meldingen opgevolgd",
            _dec(vt["opgevolgd_pct"]),
            soort="pct",
            norm=vt.get("norm"),
            richting="min",
            toelichting=f"Tijdig opgevolgd: {_pct_tekst(vt['tijdig_pct'], teken=False)}"
            if vt.get("tijdig_pct") is not None
            else "Geen meldingen in deze periode.",
            detail="veilig-thuis",
            basis=vt["aantal"],
        ),
        Tegel(
            "gezinsplan",
            "Meervoudige hulpvragen met gezinsplan",
            _dec(nc.get("gezinsplan_pct")),
            soort="pct",
            norm=nc.get("gezinsplan_norm"),
            richting="min",
            detail="veilig-thuis",
            basis=nc.get("meervoudig"),
        ),
    ]
    return Onderdeel("veilig_thuis", titel, tegels=tegels, tabellen=[tabel, normen], bron="cases")


def onderdeel_zorg(f: Filter) -> Onderdeel:
    titel = "Zorg in gebiedsteams en uitbesteed"
    if o := _ontbrekend("zorg", titel, "cases", ["aandeel_gebiedsteam"]):
        return o
    r = _selector("cases", "aandeel_gebiedsteam")(f.periode, gemeente=f.gemeente)
    tabel = Tabel(
        "zorg_gebiedsteam",
        f"Zorg in gebiedsteams en uitbesteed {f.periode.label}",
        [Kolom("Uitvoering"), Kolom("Zorginzet", "aantal"), Kolom("Aandeel (%)", "pct"), Kolom("Cliënten", "aantal")],
        [
            ["Gebiedsteams", r["gebiedsteam"], r.get("gebiedsteam_pct"), r.get("clienten_gebiedsteam")],
            ["Uitbesteed aan zorgaanbieders", r["uitbesteed"], r.get("uitbesteed_pct"), r.get("clienten_uitbesteed")],
        ],
        blad="Zorg gebiedsteam-uitbesteed",
    )
    tegel = Tegel(
        "zorg_gebiedsteam",
        "Zorg door de gebiedsteams (aantal zorginzetten)",
        _dec(r.get("gebiedsteam_pct")),
        soort="pct",
        toelichting=f"Uitbesteed: {_pct_tekst(r['uitbesteed_pct'], teken=False)}"
        if r.get("uitbesteed_pct") is not None
        else "",
        detail="zorg",
        basis=r.get("totaal"),
    )
    grafiek = GrafiekSpec(
        "grafiek-zorg",
        "Zorginzet: gebiedsteams en uitbesteed",
        f"Staafgrafiek van het aantal zorginzetten door de gebiedsteams en uitbesteed aan zorgaanbieders, "
        f"{f.periode.label}.",
        "zorg_gebiedsteam",
        0,
        [1],
        soort="staaf",
        as_x="Uitvoering",
        as_y="Zorginzet",
    )
    return Onderdeel("zorg", titel, tegels=[tegel], tabellen=[tabel], grafieken=[grafiek], bron="cases")


# --- Finances ------------------------------------------------------------------------------------------------------


def _vorig_heel_jaar(periode: Periode) -> Periode:
    return Periode.parse(str(periode.van.year - 1))


def onderdeel_financien(f: Filter) -> Onderdeel:
    """The finance statement (realisation against budget), the cost per unique client per month against its norm and
    the care split in euros beside the count of care, for the period, the same period last year and last year."""
    titel = "Financiën: begroting en realisatie"
    periode, vorige, vorig_jaar = f.periode, f.periode.vorig_jaar(), _vorig_heel_jaar(f.periode)
    staat = financien_selectors.financiele_staat(periode, gemeente=f.gemeente)
    staat_vorige = financien_selectors.financiele_staat(vorige, gemeente=f.gemeente)
    vergelijk_jaar = vorig_jaar.label != vorige.label
    staat_jaar = financien_selectors.financiele_staat(vorig_jaar, gemeente=f.gemeente) if vergelijk_jaar else None
    jaar = periode.van.year
    kolommen = [
        Kolom("Post"),
        Kolom(f"Realisatie {periode.label}", "euro"),
        Kolom("Begroting naar rato", "euro"),
        Kolom("Verschil", "euro"),
        Kolom(f"Begroting {jaar}" if periode.tot.year == jaar else "Begroting (jaren)", "euro"),
        Kolom(f"Realisatie {vorige.label}", "euro"),
    ]
    if staat_jaar:
        kolommen.append(Kolom(f"Realisatie {vorig_jaar.label}", "euro"))
    vorige_regels = {r["sleutel"]: r for r in staat_vorige["regels"]}
    jaar_regels = {r["sleutel"]: r for r in staat_jaar["regels"]} if staat_jaar else {}
    rijen = []
    for r in staat["regels"]:
        rij = [
            r["label"],
            r["realisatie"],
            r["begroting"] if staat["heeft_begroting"] else None,
            r["verschil"] if staat["heeft_begroting"] else None,
            r["begroting_jaar"] if staat["heeft_begroting"] else None,
            vorige_regels[r["sleutel"]]["realisatie"],
        ]
        if staat_jaar:
            rij.append(jaar_regels[r["sleutel"]]["realisatie"])
        rijen.append(rij)
    wie = f.gemeente.naam if f.gemeente else "HLV"
    staat_tabel = Tabel(
        "financiele_staat",
        f"Financiële staat {periode.label} ({wie})",
        kolommen,
        rijen,
        toelichting=(
            "Inkomsten: de opdracht (lumpsum) van de gemeenten, per maand naar rato. Kosten: geboekt per maand; de "
            "specialistische (uitbestede) zorg is de besteding per zorgaanbieder. De meerkosten bijdrage van de "
            "gemeenten staat negatief; resultaat = inkomsten − (kosten − bijdrage). Begroting naar rato van de maanden."
        ),
        blad="Financiële staat",
    )
    per_client = kosten.kosten_per_client(periode, gemeente=f.gemeente, staat=staat)
    per_client_jaar = kosten.kosten_per_client(vorig_jaar, gemeente=f.gemeente, staat=staat_jaar or staat_vorige)
    norm = per_client["norm"]

    def client_rij(r: dict) -> list:
        basis = r["gemiddeld_in_zorg"]
        return [r["periode"], r["kosten"], r["maanden"], basis, (r["kosten_per_client"], "euro", basis), norm]

    client_tabel = Tabel(
        "kosten_per_client",
        "Kosten per unieke cliënt per maand",
        [
            Kolom("Periode"),
            Kolom("Totale kosten", "euro"),
            Kolom("Maanden", "getal"),
            Kolom("Gemiddeld in zorg per maand", "aantal"),
            Kolom("Kosten per cliënt per maand", "gemengd"),
            Kolom("Norm", "euro"),
        ],
        [client_rij(per_client), client_rij(per_client_jaar)],
        toelichting=(
            "Totale kosten van de periode (zorgkosten, PGB, overige initiatieven, overhead en organisatiekosten) ÷ "
            "maanden ÷ gemiddeld aantal unieke cliënten in zorg per maand (het gemiddelde van de aantallen aan het "
            "eind van elke maand)."
        ),
        blad="Kosten per cliënt",
    )
    verdeling = financien_selectors.zorgverdeling(periode, gemeente=f.gemeente)
    verdeling_jaar = financien_selectors.zorgverdeling(vorig_jaar, gemeente=f.gemeente)
    telling = _selector("cases", "aandeel_gebiedsteam")(periode, gemeente=f.gemeente)

    def euro_rij(label: str, v: dict) -> list:
        return [
            label,
            (v["gebiedsteams_en_voorliggend_veld"], "euro"),
            (v["uitbesteed"], "euro"),
            (v["uitbesteed_pct"], "pct"),
        ]

    verdeling_tabel = Tabel(
        "zorgverdeling",
        f"Zorgverdeling {periode.label}: in euro's en in aantal zorginzetten",
        [
            Kolom("Meting"),
            Kolom("Gebiedsteams en voorliggend veld", "gemengd"),
            Kolom("Uitbesteed aan zorgaanbieders", "gemengd"),
            Kolom("Aandeel uitbesteed", "gemengd"),
        ],
        [
            euro_rij(f"Zorgkosten in euro's {periode.label}", verdeling),
            euro_rij(f"Zorgkosten in euro's {vorig_jaar.label}", verdeling_jaar),
            [
                f"Aantal zorginzetten {periode.label} (gebiedsteams zonder voorliggend veld)",
                (telling["gebiedsteam"], "aantal"),
                (telling["uitbesteed"], "aantal"),
                (telling.get("uitbesteed_pct"), "pct", telling.get("totaal")),
            ],
        ],
        toelichting=(
            "In euro's: de gerealiseerde zorgkosten (gebiedsteams en voorliggend veld tegen de specialistische zorg), "
            "zoals JENS de verdeling publiceert. In aantallen: de zorginzetten die in de periode liepen."
        ),
        blad="Zorgverdeling in euro's",
    )
    maand_posten = [p for p, _ in financien_selectors.LABELS.items() if p != "meerkosten_bijdrage"]
    maand_tabel = Tabel(
        "kosten_per_maand",
        f"Gerealiseerde kosten per maand en post {periode.label}",
        [Kolom("Maand")]
        + [Kolom(financien_selectors.LABELS[p], "euro") for p in maand_posten]
        + [Kolom("Totaal kosten", "euro")],
        [
            [_maandlabel(m["maand"])] + [m[p] for p in maand_posten] + [m["kosten"]]
            for m in financien_selectors.gerealiseerd_per_maand(periode, gemeente=f.gemeente)
        ],
        blad="Kosten per maand",
    )
    vorig_pct = verdeling_jaar["uitbesteed_pct"]
    tegels = [
        Tegel(
            "financien_resultaat",
            f"Resultaat {periode.label}",
            staat["resultaat"],
            soort="euro",
            norm=staat["begroot_resultaat"] if staat["heeft_begroting"] else None,
            richting="min" if staat["heeft_begroting"] else None,
            toelichting=(
                f"Begroot naar rato: {_euro_tekst(staat['begroot_resultaat'])}; meerkosten bijdrage gemeenten "
                f"{_euro_tekst(staat['meerkosten_bijdrage'])}."
                if staat["heeft_begroting"]
                else "Geen begroting voor deze periode."
            ),
            detail="financien",
        ),
        Tegel(
            "kosten_per_client",
            "Kosten per unieke cliënt per maand",
            per_client["kosten_per_client"],
            soort="euro",
            norm=norm,
            richting="max",
            toelichting=f"Norm: {_euro_tekst(norm)} per cliënt per maand.",
            detail="financien",
            vergelijking=per_client_jaar["kosten_per_client"],
            vergelijking_label=vorig_jaar.label,
            basis=per_client["gemiddeld_in_zorg"],
        ),
        Tegel(
            "zorg_uitbesteed_euro",
            "Uitbestede zorg (in euro's)",
            verdeling["uitbesteed_pct"],
            soort="pct",
            toelichting="Deel van de zorgkosten dat naar zorgaanbieders gaat; de rest gebiedsteams en voorliggend veld.",
            detail="financien",
            vergelijking=vorig_pct,
            vergelijking_label=vorig_jaar.label,
        ),
    ]
    return Onderdeel(
        "financien",
        titel,
        tegels=tegels,
        tabellen=[staat_tabel, client_tabel, verdeling_tabel, maand_tabel],
        bron="financien",
    )


def onderdeel_grootste_aanbieders(f: Filter) -> Onderdeel:
    """The seven providers with the most spending on outsourced care in the period (names with money: management)."""
    titel = "Grootste zorgaanbieders"
    r = financien_selectors.grootste_aanbieders(f.periode, gemeente=f.gemeente)
    rijen = [[x["zorgaanbieder"], x["bedrag"], x["aandeel_pct"]] for x in r["rijen"]]
    rijen.append(["Overige zorgaanbieders", r["overig_bedrag"], _pct(r["overig_bedrag"], r["totaal"])])
    rijen.append(["Totaal uitbestede zorg", r["totaal"], _dec(100) if r["totaal"] else None])
    tabel = Tabel(
        "grootste_aanbieders",
        f"De {len(r['rijen'])} grootste zorgaanbieders {f.periode.label}",
        [Kolom("Zorgaanbieder"), Kolom("Besteding", "euro"), Kolom("Aandeel (%)", "pct")],
        rijen,
        toelichting="Naar besteding aan uitbestede (specialistische) zorg in de maanden van de periode.",
        blad="Grootste zorgaanbieders",
        alleen_onbeperkt=True,
    )
    return Onderdeel(
        "grootste_aanbieders",
        titel,
        tabellen=[tabel],
        bron="financien",
        toelichting="Besteding per zorgaanbieder: voor management en functioneel beheer, niet voor een gemeente.",
    )


def _euro_tekst(waarde) -> str:
    return euro(waarde, 0) if waarde is not None else "—"


def alle_onderdelen(f: Filter) -> list[Onderdeel]:
    with opbouw():
        return [maak(f) for maak in ONDERDELEN]


ONDERDELEN: list[Callable[[Filter], Onderdeel]] = [
    onderdeel_clienten,
    onderdeel_klantreis,
    onderdeel_wachtlijst,
    onderdeel_zorg,
    onderdeel_financien,
    onderdeel_grootste_aanbieders,
    onderdeel_klachten,
    onderdeel_veilig_thuis,
    onderdeel_fte,
    onderdeel_meldcode_scholing,
    onderdeel_transformatie,
    onderdeel_kleine_aanbieders,
    onderdeel_aanbieders,
]


def _tevredenheid(f: Filter) -> Onderdeel:
    from jens.dashboard.tevredenheid import onderdeel_tevredenheid

    return onderdeel_tevredenheid(f)


ONDERDELEN.append(_tevredenheid)
