"""Fill the benchmark database set-based: every table with ``INSERT … SELECT … FROM generate_series``
(PostgreSQL), in slices so a progress bar can follow, never one ORM call per row.

The data are synthetic (no person is real) and deterministic: row ``i`` gets its values from
arithmetic on ``i`` (a multiplicative hash), so two fills at the same scale are identical. The dates
run from 1 January 2015 to the day of the fill, so the overdue items the signaleringen look for exist
whatever the day. At scale N (requests for help) the other tables follow the national proportions:
N young people and N care rows, N/5 complaints with their steps, N/20 placements, N/100 providers
with a contract each, N/4 spending rows, 3N access-log rows.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models

BEGIN = date(2015, 1, 1)
SLICE = 200_000

# The national scale of issue 11, per 1,000,000 requests for help.
NATIONAAL = 1_000_000


@dataclass(frozen=True)
class Omvang:
    """Row counts at scale ``schaal`` (requests for help)."""

    schaal: int

    def _deel(self, per_miljoen: int, minimum: int) -> int:
        return max(minimum, round(per_miljoen * self.schaal / NATIONAAL))

    @property
    def jeugdigen(self) -> int:
        return self.schaal

    @property
    def hulpvragen(self) -> int:
        return self.schaal

    @property
    def zorginzet(self) -> int:
        return self.schaal

    @property
    def aanbieders(self) -> int:
        return self._deel(10_000, 20)

    @property
    def leden(self) -> int:
        return max(5, self.aanbieders // 50)

    @property
    def uitgaven(self) -> int:
        return min(self._deel(250_000, 100), self.aanbieders * 1440)

    @property
    def medewerkers(self) -> int:
        return self._deel(40_000, 40)

    @property
    def plaatsingen(self) -> int:
        return self._deel(50_000, 50)

    @property
    def klachten(self) -> int:
        return self._deel(200_000, 40)

    @property
    def vt_meldingen(self) -> int:
        return self._deel(10_000, 20)

    @property
    def meldcode_trajecten(self) -> int:
        return self._deel(5_000, 10)

    @property
    def toegangslog(self) -> int:
        return self._deel(3_000_000, 100)

    @property
    def importrijen(self) -> int:
        """Rows of the HR import measurement (10,000 at national scale)."""
        return self._deel(10_000, 50)


def h(i: str, modulus: int, zout: int = 0) -> str:
    """A deterministic spread of ``i`` over ``0 … modulus-1`` (SQL)."""
    return f"((({i})::bigint * 2654435761 + {zout * 40503 + 17}) % 4294967291 % {modulus})::int"


def dag(expr: str) -> str:
    return f"(DATE '{BEGIN.isoformat()}' + ({expr})::int)"


class Voortgang:
    """A progress bar on stderr: the steps with their rows, one line redrawn."""

    def __init__(self, stappen: list[tuple[str, int]], uit=None, breedte: int = 30):
        self.totaal = sum(n for _, n in stappen) or 1
        self.gedaan = 0
        self.uit = uit or sys.stderr
        self.breedte = breedte
        self.start = time.monotonic()

    def stap(self, naam: str, rijen: int) -> None:
        self.gedaan += rijen
        deel = min(1.0, self.gedaan / self.totaal)
        vol = int(deel * self.breedte)
        sec = time.monotonic() - self.start
        balk = "#" * vol + "." * (self.breedte - vol)
        self.uit.write(f"\r[{balk}] {deel * 100:5.1f}%  {self.gedaan:>11,} rijen  {sec:6.1f} s  {naam:<28}")
        self.uit.flush()

    def klaar(self) -> float:
        self.uit.write("\n")
        self.uit.flush()
        return time.monotonic() - self.start


def _kolommen(model: type[models.Model], waarden: dict[str, str]) -> tuple[list[str], list[str]]:
    """Columns and SQL expressions of ``model``; every field without an expression gets its Django
    default (as a literal), NULL when it may be empty, or an error: nothing is silently left out."""
    kolommen, expressies = [], []
    onbekend = set(waarden) - {f.name for f in model._meta.concrete_fields}
    if onbekend:
        raise ValueError(f"{model.__name__}: onbekende velden {sorted(onbekend)}")
    for f in model._meta.concrete_fields:
        if f.name in waarden:
            expr = waarden[f.name]
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            expr = "now()"
        elif f.has_default() and not callable(f.default):
            expr = _literal(f.get_default())
        elif f.has_default() and f.get_internal_type() == "DateTimeField":
            expr = "now()"
        elif f.null:
            expr = "NULL"
        elif f.get_internal_type() in ("CharField", "TextField", "FileField", "EmailField"):
            expr = "''"
        else:
            raise ValueError(f"{model.__name__}.{f.name}: geen waarde voor een verplicht veld")
        kolommen.append(connection.ops.quote_name(f.column))
        expressies.append(expr)
    return kolommen, expressies


def _literal(waarde) -> str:
    if isinstance(waarde, bool):
        return "TRUE" if waarde else "FALSE"
    if isinstance(waarde, int | float):
        return str(waarde)
    if waarde is None:
        return "NULL"
    if isinstance(waarde, dict):
        return "'{}'"
    return "'" + str(waarde).replace("'", "''") + "'"


def vul_tabel(
    model: type[models.Model],
    aantal: int,
    waarden: dict[str, str],
    voortgang: Voortgang | None = None,
    *,
    bron: str = "generate_series({lo}, {hi}) AS g(i)",
    waar: str = "",
    per_rij: int = 1,
) -> None:
    """``INSERT INTO <model> SELECT <waarden> FROM <bron>`` for i = 1 … ``aantal``, in slices."""
    kolommen, expressies = _kolommen(model, waarden)
    tabel = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        for lo in range(1, aantal + 1, SLICE):
            hi = min(aantal, lo + SLICE - 1)
            # Table, columns and expressions are this module's own, no input.
            sql = (
                f"INSERT INTO {tabel} ({', '.join(kolommen)}) SELECT {', '.join(expressies)} "  # noqa: S608
                f"FROM {bron.format(lo=lo, hi=hi)} {waar}"
            )
            cursor.execute(sql)
            if voortgang:
                voortgang.stap(model._meta.verbose_name_plural, (hi - lo + 1) * per_rij)


def _keuze(expr: str, opties: list[str]) -> str:
    """One of ``opties`` by ``expr`` (0 … len-1)."""
    delen = " ".join(f"WHEN {n} THEN '{o}'" for n, o in enumerate(opties))
    return f"(CASE {expr} {delen} END)"


def _ids(model: type[models.Model], volgorde: str = "id") -> list[int]:
    return list(model.objects.order_by(volgorde).values_list("pk", flat=True))


def _reeks_array(ids: list[int]) -> str:
    return "ARRAY[" + ",".join(str(i) for i in ids) + "]"


def vul(schaal: int, *, vandaag: date, uit=None) -> dict[str, int]:
    """Fill an empty, migrated database at ``schaal``. Returns the rows per table."""
    if connection.vendor != "postgresql":
        raise RuntimeError("De benchmarkvulling is PostgreSQL-SQL (generate_series); gebruik een PostgreSQL-database.")
    o = Omvang(schaal)
    M = apps.get_model
    Gemeente, Gebied = M("jens", "Gemeente"), M("jens", "Gebied")
    gemeenten, gebieden = _ids(Gemeente), list(Gebied.objects.order_by("id").values_list("id", "gemeente_id"))
    aarden = _ids(M("complaints", "Aard"))
    dagen = (vandaag - BEGIN).days  # days from BEGIN to today
    twee_jaar_terug = dagen - 730

    stappen = [
        ("aanbieders", o.aanbieders * 4),
        ("uitgaven", o.uitgaven),
        ("medewerkers", o.medewerkers * 2 + o.plaatsingen),
        ("jeugdigen", o.jeugdigen),
        ("hulpvragen", o.hulpvragen),
        ("zorginzet", o.zorginzet),
        ("veilig thuis", o.vt_meldingen + o.meldcode_trajecten),
        ("klachten", o.klachten * 5),
        ("toegangslog", o.toegangslog),
    ]
    voortgang = Voortgang(stappen, uit=uit)
    gebied_arr = _reeks_array([g for g, _ in gebieden])
    gebied_gemeente_arr = _reeks_array([gm for _, gm in gebieden])
    ng = len(gebieden)

    # --- providers, relations, contracts, one rate line each -----------------------------------------------
    A, L = o.aanbieders, o.leden
    soort_relatie = f"(CASE WHEN i <= {L} THEN 'lid' WHEN i <= {L * 3} THEN 'onderaannemer' ELSE 'leverancier' END)"
    soort_contract = (
        f"(CASE WHEN i <= {L} THEN 'ledenovereenkomst' WHEN i <= {L * 3} THEN 'onderaanneming' ELSE 'levering' END)"
    )
    vul_tabel(
        M("contracts", "Zorgaanbieder"),
        A,
        {"id": "i", "naam": "'Benchaanbieder ' || i", "plaats": "'Heerlen'"},
        voortgang,
    )
    vul_tabel(
        M("contracts", "Relatie"),
        A,
        {"id": "i", "zorgaanbieder": "i", "soort": soort_relatie, "geldig_van": "DATE '2010-01-01'"},
        voortgang,
    )
    vul_tabel(
        M("contracts", "Contract"),
        A,
        {
            "id": "i",
            "zorgaanbieder": "i",
            "soort": soort_contract,
            "kenmerk": "'BENCH-' || i",
            "startdatum": "DATE '2010-01-01'",
            "einddatum": f"(CASE WHEN i % 10 = 0 THEN DATE '{vandaag.isoformat()}' + (i % 200) ELSE NULL END)",
            "status": "'actief'",
        },
        voortgang,
    )
    vul_tabel(
        M("contracts", "ContractRegel"),
        A,
        {
            "id": "i",
            "contract": "i",
            "product": "'begeleiding'",
            "eenheid": "'uur'",
            "tarief": f"(60 + {h('i', 40)})",
            "geldig_van": "DATE '2010-01-01'",
        },
        voortgang,
    )
    # Spending: row i is provider 1 + i % A, and its k-th combination (k = i / A) of year, month,
    # municipality and category, spread by a factor coprime with the 1440 combinations (unique).
    combi = f"(((((i - 1) / {A}) * 37) % 1440))"
    gemeente_arr = _reeks_array(gemeenten)
    vul_tabel(
        M("contracts", "Uitgave"),
        o.uitgaven,
        {
            "id": "i",
            "zorgaanbieder": f"(1 + (i - 1) % {A})",
            "jaar": f"(2019 + ({combi} / 15) / 12)",
            "maand": f"(1 + ({combi} / 15) % 12)",
            "gemeente": f"({gemeente_arr})[1 + ({combi} / 5) % {len(gemeenten)}]",
            "categorie": _keuze(
                f"({combi} % 5)",
                ["specialistische_zorg", "gebiedsteams", "voorliggend_veld", "pgb", "overige_initiatieven"],
            ),
            "bedrag": f"(100 + {h('i', 50000, 3)})",
        },
        voortgang,
    )
    Opdracht = M("contracts", "Opdracht")
    Opdracht.objects.bulk_create(
        [Opdracht(gemeente_id=g, jaar=j, lumpsum=10_000_000) for g in gemeenten for j in range(2015, vandaag.year + 2)]
    )

    # --- employees (of the members), placements, training ----------------------------------------------------
    ME, P = o.medewerkers, o.plaatsingen
    in_dienst = dag(h("i", max(1, dagen - 400), 5))
    vul_tabel(
        M("staff", "Medewerker"),
        ME,
        {
            "id": "i",
            "personeelsnummer": "'B' || lpad(i::text, 7, '0')",
            "naam": "'Medewerker ' || i",
            "email": "'medewerker' || i || '@bench.example'",
            "werkgever": f"(1 + i % {L})",
            "functie": _keuze(h("i", 4, 6), ["jeugdhulpverlener", "gezinswerker", "gedragswetenschapper", "mbo_coach"]),
            "in_dienst_van": in_dienst,
            "meldcode_basis_uiterlijk": f"({in_dienst} + 56)",
            "meldcode_opfris_uiterlijk": f"(CASE WHEN i % 10 = 0 THEN NULL ELSE {in_dienst} + 420 END)",
        },
        voortgang,
    )
    vul_tabel(
        M("staff", "Scholing"),
        ME,
        {
            "id": "i",
            "medewerker": "i",
            "soort": "'meldcode_basis'",
            "datum": f"({in_dienst} + 30)",
        },
        voortgang,
        waar="WHERE i % 10 <> 0",
    )
    # Placement i <= ME: the current one of employee i from the start of employment; the others an
    # ended earlier placement of employee i - ME (before 2015, so never overlapping).
    vul_tabel(
        M("staff", "Plaatsing"),
        P,
        {
            "id": "i",
            "medewerker": f"(CASE WHEN i <= {ME} THEN i ELSE 1 + (i - {ME} - 1) % {ME} END)",
            "gebied": f"({gebied_arr})[1 + i % {ng}]",
            "domein": "(CASE WHEN i % 5 = 0 THEN 'voorliggend_veld' ELSE 'gebiedsteam' END)",
            "fte": "(0.5 + (i % 6) / 10.0)",
            "van": f"(CASE WHEN i <= {ME} THEN {in_dienst} ELSE DATE '2012-01-01' END)",
            "tot": f"(CASE WHEN i <= {ME} THEN NULL ELSE DATE '2014-06-30' END)",
        },
        voortgang,
    )

    # --- young people, requests for help, care -----------------------------------------------------------
    J, HV = o.jeugdigen, o.hulpvragen
    vul_tabel(
        M("cases", "Jeugdige"),
        J,
        {
            "id": "i",
            "clientnummer": "'C' || lpad(i::text, 7, '0')",
            "reden_geen_bsn": "'anoniem'",
            "achternaam": _keuze(h("i", 6, 7), ["Jansen", "de Vries", "Bakker", "Visser", "Smeets", "Hendriks"])
            + " || i",
            "voornamen": "'Bench'",
            "geboortedatum": f"(DATE '2004-01-01' + {h('i', 6500, 8)}::int)",
            "gebied": f"({gebied_arr})[1 + i % {ng}]",
            "gemeente": f"({gebied_gemeente_arr})[1 + i % {ng}]",
        },
        voortgang,
    )
    # Request i belongs to young person 1 + (i-1) % (0.9 J): one in ten has two, one in ten none.
    # Closed 30 … 730 days after receipt when that is past; one in ten received in the last two years
    # is still open (and some of those are overdue: no file, no core team, no evaluation).
    ontvangen = dag(h("i", dagen, 1))
    duur = f"(30 + {h('i', 700, 2)})"
    open_ = f"(i % 10 = 0 AND {h('i', dagen, 1)} >= {twee_jaar_terug} OR {h('i', dagen, 1)} + {duur} >= {dagen})"
    afgesloten = f"(CASE WHEN {open_} THEN NULL ELSE {ontvangen} + {duur} END)"
    zonder_dossier = f"({open_} AND i % 97 = 0)"
    zonder_kernteam = f"({zonder_dossier} OR ({open_} AND i % 89 = 0))"  # file first, then core team, then plan
    jeugdige_van_i = f"(1 + (i - 1) % {max(1, J * 9 // 10)})"
    vul_tabel(
        M("cases", "Hulpvraag"),
        HV,
        {
            "id": "i",
            "jeugdige": jeugdige_van_i,
            "ontvangen_op": ontvangen,
            "verwijzer": _keuze(h("i", 4, 9), ["huisarts", "jeugdarts", "onderwijs", "ouders_jeugdige"]),
            "soort": _keuze(h("i", 3, 10), ["nieuwe_client", "nieuwe_vraag", "verlenging"]),
            "triage": _keuze(h("i", 3, 11), ["enkelvoudig", "meervoudig", "complex"]),
            "regie": "'jens'",
            "dossier_uiterlijk": f"({ontvangen} + 7)",
            "dossier_aangemaakt_op": f"(CASE WHEN {zonder_dossier} THEN NULL ELSE {ontvangen} + (i % 9) END)",
            "kernteam_uiterlijk": f"(CASE WHEN {zonder_dossier} THEN NULL ELSE {ontvangen} + (i % 9) + 7 END)",
            "kernteam_op": f"(CASE WHEN {zonder_kernteam} THEN NULL ELSE {ontvangen} + (i % 9) + (i % 11) END)",
            "gezinsplan_uiterlijk": f"({ontvangen} + 60)",
            "gezinsplan_op": f"(CASE WHEN {zonder_kernteam} OR ({open_} AND i % 83 = 0) THEN NULL "
            f"ELSE {ontvangen} + 50 END)",
            "evaluatie_uiterlijk": f"(CASE WHEN {open_} THEN {ontvangen} + 90 + (i % 7) * 91 ELSE NULL END)",
            "status": f"(CASE WHEN {open_} THEN 'lopend' ELSE 'afgesloten' END)",
            "afgesloten_op": afgesloten,
            "einde_reden": f"(CASE WHEN {open_} THEN '' ELSE "
            + _keuze(h("i", 3, 12), ["volgens_plan", "voortijdig_in_overleg", "verhuizing"])
            + " END)",
        },
        voortgang,
    )
    # Care i for request i: 70% by the area team of the young person, 30% by a provider under its
    # contract; registered up to 9 days after receipt, started up to 19 days later (some open requests
    # still wait), ended with the request.
    aangemeld = f"({ontvangen} + i % 10)"
    wacht = f"({open_} AND i % 7 = 0)"
    vul_tabel(
        M("cases", "Zorginzet"),
        o.zorginzet,
        {
            "id": "i",
            "hulpvraag": "i",
            "gebied": f"(CASE WHEN i % 10 < 7 THEN ({gebied_arr})[1 + i % {ng}] ELSE NULL END)",
            "zorgaanbieder": f"(CASE WHEN i % 10 < 7 THEN NULL ELSE 1 + {h('i', A, 13)} END)",
            "contract": f"(CASE WHEN i % 10 < 7 THEN NULL ELSE 1 + {h('i', A, 13)} END)",
            "vorm": _keuze(h("i", 4, 14), ["begeleiding", "behandeling", "training", "diagnostiek"]),
            "aangemeld_op": aangemeld,
            "gestart_op": f"(CASE WHEN {wacht} THEN NULL ELSE {aangemeld} + i % 20 END)",
            "beeindigd_op": f"(CASE WHEN {wacht} THEN NULL ELSE {afgesloten} END)",
            # the copies of cases.zorgperiodes: request i's young person, their gemeente, its closing date
            "jeugdige": jeugdige_van_i,
            "gemeente": f"({gebied_gemeente_arr})[1 + {jeugdige_van_i} % {ng}]",
            "hulpvraag_afgesloten_op": afgesloten,
        },
        voortgang,
    )

    # --- Veilig Thuis and the Meldcode ---------------------------------------------------------------------
    vt_ontvangen = dag(h("i", dagen, 20))
    vul_tabel(
        M("cases", "VeiligThuisMelding"),
        o.vt_meldingen,
        {
            "id": "i",
            "jeugdige": f"(1 + {h('i', J, 21)})",
            "ontvangen_op": vt_ontvangen,
            "omschrijving": "'Melding van Veilig Thuis.'",
            "opvolgen_uiterlijk": f"({vt_ontvangen} + 7)",
            "opgevolgd_op": f"(CASE WHEN i % 50 = 0 THEN NULL ELSE {vt_ontvangen} + i % 6 END)",
            "opgevolgd_door": "(CASE WHEN i % 50 = 0 THEN NULL ELSE 1 END)",
            "wijze": "(CASE WHEN i % 50 = 0 THEN '' ELSE 'contact_gezin' END)",
        },
        voortgang,
    )
    mc_gestart = dag(h("i", dagen, 22))
    vul_tabel(
        M("cases", "MeldcodeTraject"),
        o.meldcode_trajecten,
        {
            "id": "i",
            "jeugdige": f"(1 + {h('i', J, 23)})",
            "gestart_op": mc_gestart,
            "signalen": "'Signalen.'",
            "besluit": "'melden'",
            "gemeld_op": f"({mc_gestart} + 10)",
            "terugkoppeling_uiterlijk": f"({mc_gestart} + 17)",
            "terugkoppeling_op": f"(CASE WHEN i % 20 = 0 THEN NULL ELSE {mc_gestart} + 15 END)",
        },
        voortgang,
    )

    # --- complaints with their steps ---------------------------------------------------------------------
    K = o.klachten
    k_ontvangen = f"(TIMESTAMPTZ '{BEGIN.isoformat()} 09:00+01' + {h('i', dagen * 24 * 60, 30)} * INTERVAL '1 minute')"
    k_open = f"({h('i', dagen * 24 * 60, 30)} >= {(dagen - 60) * 24 * 60} AND i % 3 = 0)"
    vul_tabel(
        M("complaints", "Klacht"),
        K,
        {
            "id": "i",
            "referentie": f"'K-' || extract(year FROM {k_ontvangen})::int || '-B' || i",
            "soort": "(CASE WHEN i % 4 = 0 THEN 'melding_van_ongenoegen' ELSE 'klacht' END)",
            "kanaal": _keuze(h("i", 3, 31), ["website", "email", "telefoon"]),
            "ontvangen_op": k_ontvangen,
            "ontvangen_datum": f"({k_ontvangen})::date",
            "status": f"(CASE WHEN {k_open} THEN 'ontvangen' ELSE 'afgesloten' END)",
            "indiener_naam": "'Indiener ' || i",
            "indiener_email": "'indiener' || i || '@bench.example'",
            "indiener_rol": "'ouder'",
            "gemeente": f"({gemeente_arr})[1 + i % {len(gemeenten)}]",
            "aard": f"({_reeks_array(aarden)})[1 + i % {len(aarden)}]",
            "omschrijving": "'Omschrijving van de klacht.'",
            "oppakken_uiterlijk": f"(({k_ontvangen})::date + 7)",
            "afhandelen_uiterlijk": f"(({k_ontvangen})::date + 42)",
            "opgepakt_op": f"(CASE WHEN {k_open} THEN NULL ELSE {k_ontvangen} + INTERVAL '2 days' END)",
            "werkdagen_tot_oppakken": f"(CASE WHEN {k_open} THEN NULL ELSE 2 END)",
            "uitkomst": f"(CASE WHEN {k_open} THEN '' ELSE 'opgelost' END)",
            "afgesloten_op": f"(CASE WHEN {k_open} THEN NULL ELSE {k_ontvangen} + INTERVAL '20 days' END)",
            "aangemaakt_op": k_ontvangen,
        },
        voortgang,
    )
    # Four steps per closed complaint (picked up, in treatment, handled, closed), one per open one (received).
    overgangen = [
        ("", "ontvangen", "ontvangen", "0 days"),
        ("oppakken", "ontvangen", "opgepakt", "2 days"),
        ("in_behandeling", "opgepakt", "in_behandeling", "5 days"),
        ("afhandelen", "in_behandeling", "afgehandeld", "15 days"),
        ("afsluiten", "afgehandeld", "afgesloten", "20 days"),
    ]
    stap = "s.n"
    vul_tabel(
        M("complaints", "KlachtStap"),
        K,
        {
            "id": f"((i - 1) * 5 + {stap} + 1)",
            "klacht": "i",
            "actie": _keuze(stap, [a or "ontvangen" for a, _, _, _ in overgangen]),
            "van_status": _keuze(stap, [v for _, v, _, _ in overgangen]),
            "naar_status": _keuze(stap, [n for _, _, n, _ in overgangen]),
            "door_naam": "'Bench'",
            "tijdstip": f"({k_ontvangen} + {_keuze(stap, [t for _, _, _, t in overgangen])}::interval)",
        },
        voortgang,
        bron="generate_series({lo}, {hi}) AS g(i) CROSS JOIN generate_series(0, 4) AS s(n)",
        waar=f"WHERE s.n = 0 OR NOT {k_open}",
        per_rij=5,
    )

    # --- the access log ------------------------------------------------------------------------------------
    T = o.toegangslog
    vul_tabel(
        M("jens", "Toegangslog"),
        T,
        {
            "id": "i",
            "tijdstip": f"(TIMESTAMPTZ '{(vandaag.replace(year=vandaag.year - 2)).isoformat()} 08:00+01' "
            f"+ {h('i', 730 * 24 * 60, 40)} * INTERVAL '1 minute')",
            "gebruikersnaam": "'bench'",
            "rol": "'gedragswetenschapper'",
            "actie": "(CASE WHEN i % 20 = 0 THEN 'zoeken' ELSE 'inzien' END)",
            "object_type": "'jeugdige'",
            "object_id": f"(1 + {h('i', J, 41)})::text",
            "client": f"'C' || lpad((1 + {h('i', J, 41)})::text, 7, '0')",
            "ip_adres": "'10.0.0.1'",
            "uitkomst": "'toegestaan'",
        },
        voortgang,
    )
    duur_s = voortgang.klaar()
    # The care periods the client counts read, from the requests just written (one set-based statement).
    from cases.zorgperiodes import herbouw as herbouw_zorgperiodes

    zp_start = time.monotonic()
    herbouw_zorgperiodes()
    zp_s = time.monotonic() - zp_start
    if uit is not None:
        uit.write(f"Zorgperiodes herbouwd in {zp_s:.1f} s\n")

    # The sequences after the explicit ids, so new rows (forms, imports) get fresh ones.
    gevulde = [
        M(app, naam)
        for app, naam in [
            ("contracts", "Zorgaanbieder"),
            ("contracts", "Relatie"),
            ("contracts", "Contract"),
            ("contracts", "ContractRegel"),
            ("contracts", "Uitgave"),
            ("contracts", "Opdracht"),
            ("staff", "Medewerker"),
            ("staff", "Scholing"),
            ("staff", "Plaatsing"),
            ("cases", "Jeugdige"),
            ("cases", "Hulpvraag"),
            ("cases", "Zorginzet"),
            ("cases", "Zorgperiode"),
            ("cases", "VeiligThuisMelding"),
            ("cases", "MeldcodeTraject"),
            ("complaints", "Klacht"),
            ("complaints", "KlachtStap"),
            ("jens", "Toegangslog"),
        ]
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), gevulde):
            cursor.execute(sql)
    return {m._meta.label: m.objects.count() for m in gevulde} | {"_seconden": math.ceil(duur_s)}


def analyseer(schrijf: Callable[[str], None] | None = None) -> float:
    """VACUUM ANALYZE (outside a transaction): statistics and the visibility map, as autovacuum would
    leave them on a database in use."""
    start = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    if schrijf:
        schrijf(f"VACUUM ANALYZE: {time.monotonic() - start:.1f} s")
    return time.monotonic() - start
