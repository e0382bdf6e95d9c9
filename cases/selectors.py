"""Reads and reports of casework. Lists are scoped to the user; reports are aggregate queries
(``Count`` with filters, ``Exists``), never Python loops over rows. For medians one column of
values is fetched. The dashboard calls the report functions below by name; they return plain
dicts and lists.

A young person is *in care* on a day when one of their requests was received before that day and
is not closed before it. For a period: at start = in care on the first day; at end = in care on the
day after the last; inflow = had care in the period but not at start; outflow = had care in the
period but not at the end. So ``bij_aanvang + instroom - uitstroom == ultimo`` always holds.
``gemiddeld_per_maand`` is the mean of the start and end counts (as in the published tables);
``gemiddeld_in_zorg_per_maand`` the mean of the counts at the end of each month (for the cost per client).
The client counts read the stored care periods (``Zorgperiode``, kept by ``cases.zorgperiodes``) with plain counts.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from cases.conf import termijn
from cases.models import (
    Hulpvraag,
    Jeugdige,
    Klantreisdeel,
    MeldcodeAfwijking,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
    Zorgperiode,
)
from jens.eenmalig import eenmaal_per_opbouw
from jens.models import Gemeente
from jens.periode import Periode
from jens.periode import rapportperiode as periode_met_grenzen
from jens.privacy import (
    is_klein_aantal,
    maskeer_aantal,
    maskeer_deel,
    maskeer_groep,
    verborgen_in_stelsel,
    verborgen_in_tabel,
)
from jens.roles import heeft_rol
from jens.scope import filter_op_scope, gemeenten_voor

TOTAAL_LABEL = "HLV"
NIET_MASKEREN = {"gemeente", "gebied", "maand", "periode", "vorm", "zorgaanbieder", "reden", "label"}


# --- Access ---------------------------------------------------------------------------------------


def mag_casussen_zien(user) -> bool:
    """Case data (persons) is for the gedragswetenschapper and management only."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm("cases.view_jeugdige")


def in_scope(qs: QuerySet, user, *, pad: str = "jeugdige") -> QuerySet:
    """``qs`` limited to the cases the user may see: nothing without the view permission of the
    model, else the areas in scope (management and superusers: all)."""
    model = qs.model
    if not user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
        return qs.none()
    prefix = f"{pad}__" if pad else ""
    return filter_op_scope(qs, user, gemeente=f"{prefix}gemeente", gebied=f"{prefix}gebied")


def jeugdigen_voor(user) -> QuerySet[Jeugdige]:
    return in_scope(Jeugdige.objects.select_related("gemeente", "gebied"), user, pad="")


# What management's job needs of a case: the aggregates and the status of each case (dates, steps, deadlines,
# decisions, outcomes, by client number, municipality, area and year of birth), not who the child is nor what was
# written about it. Hidden from management, per object type (API, pages and search alike); the gedragswetenschapper
# of the area sees everything (and only they see the BSN).
VERBORGEN_VOOR_MANAGEMENT: dict[str, frozenset[str]] = {
    "jeugdige": frozenset({"bsn", "achternaam", "voornamen", "initialen", "geboortedatum", "postcode", "huisnummer"}),
    "veiligthuismelding": frozenset({"omschrijving", "notitie", "overgedragen_aan"}),
    "onderzoek": frozenset({"bevindingen", "maatregelen"}),
    "meldcodeafwijking": frozenset({"toelichting"}),
    "meldcodetraject": frozenset({"signalen", "terugkoppeling"}),
    "meldcodestap": frozenset({"notitie"}),
    "evaluatie": frozenset({"toelichting"}),
}


def mag_persoonsgegevens_zien(user) -> bool:
    """Names, birth dates, addresses and the free text of a case: the gedragswetenschapper (own areas)."""
    return heeft_rol(user, "gedragswetenschapper")


def verborgen_velden(user, object_type: str) -> frozenset[str]:
    if mag_persoonsgegevens_zien(user):
        return frozenset()
    return VERBORGEN_VOOR_MANAGEMENT.get(object_type, frozenset())


def zoek_jeugdigen(
    qs: QuerySet[Jeugdige], zoekterm: str, *, op_bsn: bool = True, op_persoonsgegevens: bool = True
) -> QuerySet[Jeugdige]:
    """Search on client number, BSN (exact; only with ``op_bsn``, for who may see the BSN), surname
    or date of birth (dd-mm-jjjj; only with ``op_persoonsgegevens``: who may not see them may not search on them)."""
    zoekterm = (zoekterm or "").replace("\x00", "").strip()  # PostgreSQL refuses NUL in text
    if not zoekterm:
        return qs
    voorwaarde = Q(clientnummer__iexact=zoekterm)
    if op_persoonsgegevens:
        voorwaarde |= Q(achternaam__icontains=zoekterm)
    if op_bsn and zoekterm.isdigit() and len(zoekterm) == 9:
        voorwaarde |= Q(bsn=zoekterm)
    try:
        dag, maand, jaar = (int(x) for x in zoekterm.split("-"))
        if op_persoonsgegevens:
            voorwaarde |= Q(geboortedatum=date(jaar, maand, dag))
    except (ValueError, OverflowError):  # not a date (or an absurd one): no date condition
        pass
    return qs.filter(voorwaarde)


# Who reads the aggregate case figures (/casussen/rapportage/, /api/v1/rapportages/clienten|casuistiek/). The
# functioneel beheerder sees the same figures as on the dashboard and in the half-year report, which they support:
# aggregates of all municipalities, never a person (the case pages themselves stay closed to them).
RAPPORT_ROLLEN = ("management", "functioneel_beheerder", "gemeente")
RAPPORT_ONBEPERKT = ("management", "functioneel_beheerder")  # all municipalities, nothing hidden


def gemeente_voor_rapport(user, gevraagd: Gemeente | None) -> Gemeente | None:
    """A gemeente user gets their own municipality whatever they ask; others what they ask."""
    if heeft_rol(user, *RAPPORT_ONBEPERKT):
        return gevraagd
    eigen = gemeenten_voor(user).order_by("pk")
    if gevraagd is not None and eigen.filter(pk=gevraagd.pk).exists():
        return gevraagd
    return eigen.first()


def rapportperiode(tekst: str) -> Periode:
    """The core's report period (years 1900-2100, jens.periode.rapportperiode)."""
    return periode_met_grenzen(tekst)


# The count each share is computed over (the sum of these keys of the same dict): a share of fewer than 5
# people is not shown (jens.privacy.maskeer_deel).
PCT_BASIS = {
    "opgevolgd_pct": ("aantal",),
    "tijdig_pct": ("aantal",),
    "niet_tijdig_onderzocht_pct": ("niet_tijdig",),
    "onderzocht_pct": ("aantal",),
    "gezinsplan_pct": ("meervoudig",),
    "vast_aanspreekpunt_pct": ("meervoudig",),
    "gebiedsteam_pct": ("totaal",),
    "uitbesteed_pct": ("totaal",),
    "dossier_tijdig_pct": ("dossier", "dossier_te_laat_zonder"),
    "kernteam_tijdig_pct": ("kernteam", "kernteam_te_laat_zonder"),
    "gezinsplan_tijdig_pct": ("gezinsplan", "gezinsplan_te_laat_zonder"),
    "regulier_pct": ("totaal",),
    "gemiddelde_duur_dagen": ("afgeronde_klantreizen",),
    "gemiddelde_duur_hulpvraag_dagen": ("afgesloten_hulpvragen",),
}
# A difference of two counts (this quarter against the previous): hidden when one of them is hidden.
VERSCHIL_BASIS = {"verschil": ("wachtend", "vorig_kwartaal")}
# Counts in one dict that follow from each other (start + instroom - uitstroom = end): when one is hidden, the
# other goes too (jens.privacy.maskeer_groep). The client counts of a report and its months are masked together
# (``verborgen_clienten``), as one system, instead of per dict.
GROEPEN = (
    ("bij_aanvang", "instroom", "uitstroom", "ultimo"),
    ("eerste_keer", "terugkerend", "voortzetting"),  # the requests received, by how they came in
)
GEEN_AANTAL = ("norm", "gemeente", "gebied", "maand", "dossier_werkdagen", "kernteam_werkdagen", "gezinsplan_weken",
               "aansluiting_dagen", "peildatum", "kwartaal")  # fmt: skip
CLIENT_VELDEN = ("bij_aanvang", "instroom", "uitstroom", "ultimo", "gemiddeld_per_maand", "gemiddeld_in_zorg_per_maand")
MAAND_VELDEN = ("in_zorg", "instroom", "uitstroom")
# Shown on the dashboard's tiles and the cost table as well: never the extra count hidden to protect another.
CLIENT_VAST = frozenset(("instroom", "uitstroom", "gemiddeld_per_maand", "gemiddeld_in_zorg_per_maand"))


def verborgen_clienten(rij: dict, per_maand: list[dict]) -> dict[tuple, str]:
    """The client counts of one report row (``clienten_rapport``: the municipality's row) and of its months
    (``clienten_per_maand``) that a municipality may not see, as {("rij", field) | ("maand", i, field): text}.

    They follow from each other: start + inflow - outflow = end for the period; month after month, the count at the
    end of the previous month (the start of the period for the first) + inflow - outflow = the count at the end of
    the month; the last month ends at the period's end count; the mean per month is half the start plus the end,
    and the mean in care the mean of the monthly counts (the rounding narrows a count to two values, so these are
    taken as exact). ``jens.privacy.verborgen_in_stelsel`` hides the small counts and as many others as it takes
    for no hidden count to follow from the shown ones, across rows and columns."""
    waarden = {("rij", v): rij.get(v) for v in CLIENT_VELDEN}
    for i, m in enumerate(per_maand):
        waarden |= {("maand", i, v): m.get(v) for v in MAAND_VELDEN}
    relaties = []
    vorige = None  # without the report row: the months alone (the start count taken as known)
    if rij:
        relaties += [
            {("rij", "bij_aanvang"): 1, ("rij", "instroom"): 1, ("rij", "uitstroom"): -1, ("rij", "ultimo"): -1},
            {("rij", "bij_aanvang"): 1, ("rij", "ultimo"): 1, ("rij", "gemiddeld_per_maand"): -2},
        ]
        vorige = ("rij", "bij_aanvang")
    for i in range(len(per_maand)):
        relaties.append(
            {vorige: 1, ("maand", i, "instroom"): 1, ("maand", i, "uitstroom"): -1, ("maand", i, "in_zorg"): -1}
        )
        vorige = ("maand", i, "in_zorg")
    if per_maand and rij:
        relaties.append({vorige: 1, ("rij", "ultimo"): -1})
        gemiddelde = {("maand", i, "in_zorg"): 1 for i in range(len(per_maand))}
        relaties.append(gemiddelde | {("rij", "gemiddeld_in_zorg_per_maand"): -len(per_maand)})
    return verborgen_in_stelsel(waarden, relaties, vast={("rij", v) for v in CLIENT_VAST})


def _maskeer_clienten(rij: dict, per_maand: list[dict]) -> tuple[dict, list[dict]]:
    verborgen = verborgen_clienten(rij, per_maand)
    rij = rij | {v: t for (_, v), t in ((k, t) for k, t in verborgen.items() if k[0] == "rij")}
    maanden = [
        m | {v: verborgen[("maand", i, v)] for v in MAAND_VELDEN if ("maand", i, v) in verborgen}
        for i, m in enumerate(per_maand)
    ]
    return rij, maanden


def maskeer(waarde, *, rij: bool = False):
    """The figures as the gemeente may see them (jens.privacy, the same rule as the dashboard): counts under 5
    become "<5"; a share over fewer than 5 people and, in a row (a dict in a list) with a hidden count, its
    shares and medians become None ("—"); of two counts that give each other away, both are hidden."""
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int):
        return maskeer_aantal(waarde)
    if isinstance(waarde, dict) and "per_maand" in waarde and not rij:
        # A client report with its months (the API: the report itself; the page: under "clienten"): together.
        rapport = waarde.get("clienten", waarde)
        rijen = rapport.get("rijen") or [{}]
        laatste, maanden = _maskeer_clienten(rijen[-1], waarde["per_maand"])
        if rapport.get("rijen"):
            rapport = rapport | {"rijen": [*rijen[:-1], laatste]}
            waarde = waarde | ({"clienten": rapport} if "clienten" in waarde else rapport)
        waarde = waarde | {"per_maand": maanden}
    if isinstance(waarde, list):
        return [maskeer(v, rij=True) for v in waarde]
    if not isinstance(waarde, dict):
        return waarde

    def is_aantal(k, v) -> bool:
        return (
            isinstance(v, int)
            and not isinstance(v, bool)
            and k not in GEEN_AANTAL
            and not k.endswith(("_norm", "dagen"))
        )

    rij_klein = rij and any(is_aantal(k, v) and is_klein_aantal(v) for k, v in waarde.items())
    uit = {}
    for k, v in waarde.items():
        if k in GEEN_AANTAL or k.endswith("_norm"):
            uit[k] = v
        elif k in VERSCHIL_BASIS:
            verborgen = rij_klein or any(is_klein_aantal(waarde.get(b)) for b in VERSCHIL_BASIS[k])
            uit[k] = None if verborgen else v
        elif k in PCT_BASIS:
            basis = sum(waarde.get(b) or 0 for b in PCT_BASIS[k])
            uit[k] = None if rij_klein else maskeer_deel(v, basis)
        elif k.endswith(("dagen", "_pct")):
            uit[k] = None if rij_klein else v  # medians, durations: no counts, but not of fewer than 5 people
        else:
            uit[k] = maskeer(v)
    for groep in GROEPEN:
        if all(k in waarde and is_aantal(k, waarde[k]) for k in groep):
            for k, getoond in zip(groep, maskeer_groep([waarde[k] for k in groep]), strict=True):
                uit[k] = getoond
    return uit


# --- Helpers --------------------------------------------------------------------------------------


def _gemeente_q(gemeente, pad: str) -> Q:
    if gemeente is None:
        return Q()
    """``gemeente`` as a Gemeente, a pk or a code; ``pad`` the lookup to Gemeente ("" on Gemeente itself)."""
    prefix = f"{pad}__" if pad else ""
    if isinstance(gemeente, Gemeente):
        return Q(**{f"{prefix}pk": gemeente.pk})
    if isinstance(gemeente, int):
        return Q(**{f"{prefix}pk": gemeente})
    return Q(**{f"{prefix}code": gemeente})


def pct(deel: int, geheel: int) -> Decimal | None:
    if not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _helft(a: int, b: int) -> int:
    return int((Decimal(a + b) / 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _maanddelen(periode: Periode) -> list[tuple[date, date, date]]:
    """Per month of the period: (first day of the month, first day in the period, last day in the period)."""
    delen = []
    for maand in periode.maanden():
        volgende = (maand.replace(day=28) + timedelta(days=4)).replace(day=1)
        delen.append((maand, max(maand, periode.van), min(volgende - timedelta(days=1), periode.tot)))
    return delen


# The client counts read the care periods (``Zorgperiode``, see ``cases.zorgperiodes``): per young person the
# merged stretches of their requests. Each count is a filtered COUNT over the periods that touch the report
# period (a range on the indexed begin/end), without grouping per young person.


def _zp_in_zorg(dag: date) -> Q:
    """A care period that covers ``dag``: the young person is in care on that day (one period at most)."""
    return Q(begin__lt=dag) & (Q(eind__isnull=True) | Q(eind__gte=dag))


def _zp_raakt(van: date, tot: date) -> Q:
    """A care period with a day in [van, tot]."""
    return Q(begin__lte=tot) & (Q(eind__isnull=True) | Q(eind__gte=van))


def _zp_eerste_in(van: date, tot: date) -> Q:
    """The young person's first care period in [van, tot]: counts each young person with care in it once."""
    return _zp_raakt(van, tot) & (Q(vorige_eind__isnull=True) | Q(vorige_eind__lt=van))


def _zorgperiodes(periode: Periode, gemeente) -> QuerySet[Zorgperiode]:
    return Zorgperiode.objects.filter(_zp_raakt(periode.van, periode.tot), _gemeente_q(gemeente, "gemeente")).order_by()


def _tellingen(periode: Periode) -> dict[str, Q]:
    """The counts of ``clienten_rapport``: with care in the period, in care at the start, at the end (the
    day after the last) and at the end of each month (for the mean of the monthly counts). Every young
    person counted in ``actief`` had care in the period, so ``instroom`` = actief − at start and
    ``uitstroom`` = actief − at end."""
    tellingen = {
        "actief": _zp_eerste_in(periode.van, periode.tot),
        "bij_aanvang": _zp_in_zorg(periode.van),
        "ultimo": _zp_in_zorg(periode.tot + timedelta(days=1)),
    }
    for i, (_, _, tot) in enumerate(_maanddelen(periode)):
        tellingen[f"maandeinde_{i}"] = _zp_in_zorg(tot + timedelta(days=1))
    return tellingen


# --- Reports --------------------------------------------------------------------------------------


def clienten_rapport(periode: Periode, *, gemeente=None) -> dict:
    """Unique clients per gemeente (at start, inflow, outflow, at end, average per month) plus an
    HLV total row. Two queries, whatever the number of requests.

    ``gemiddeld_per_maand`` is the mean of the start and end counts, as in the published tables per
    gemeente. ``gemiddeld_in_zorg_per_maand`` is the mean of the monthly counts: the number of unique
    clients in care at the end of each month of the period (the ``in_zorg`` of ``clienten_per_maand``),
    averaged over the months and rounded half up; for HLV the mean of the HLV monthly counts. That is
    the "average number of unique clients in care per month" of the cost per client."""
    gemeenten = list(Gemeente.objects.filter(_gemeente_q(gemeente, "")).order_by("naam"))
    tellingen = _tellingen(periode)
    maanden = len(_maanddelen(periode))
    per_gemeente = {
        rij.pop("gemeente"): rij
        for rij in _zorgperiodes(periode, gemeente)
        .values("gemeente")
        .annotate(**{naam: Count("pk", filter=v) for naam, v in tellingen.items()})
    }
    velden = ("bij_aanvang", "instroom", "uitstroom", "ultimo")
    rijen, maandtotalen = [], [0] * maanden
    for g in gemeenten:
        t = per_gemeente.get(g.pk) or dict.fromkeys(tellingen, 0)
        rij = {
            "gemeente": g.naam,
            "bij_aanvang": t["bij_aanvang"],
            "instroom": t["actief"] - t["bij_aanvang"],
            "uitstroom": t["actief"] - t["ultimo"],
            "ultimo": t["ultimo"],
        }
        rij["gemiddeld_per_maand"] = _helft(rij["bij_aanvang"], rij["ultimo"])
        per_maand = [t[f"maandeinde_{i}"] for i in range(maanden)]
        rij["gemiddeld_in_zorg_per_maand"] = _gemiddelde(per_maand)
        maandtotalen = [a + b for a, b in zip(maandtotalen, per_maand, strict=True)]
        rijen.append(rij)
    if gemeente is None:
        totaal = {"gemeente": TOTAAL_LABEL, **{v: sum(r[v] for r in rijen) for v in velden}}
        totaal["gemiddeld_per_maand"] = _helft(totaal["bij_aanvang"], totaal["ultimo"])
        totaal["gemiddeld_in_zorg_per_maand"] = _gemiddelde(maandtotalen)
        rijen.append(totaal)
    return {"periode": periode.label, "van": periode.van, "tot": periode.tot, "rijen": rijen}


def _afgerond_gemiddelde(som: int, aantal: int) -> int:
    """``som / aantal`` rounded half up to a whole number (``aantal`` > 0)."""
    return int((Decimal(som) / aantal).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _gemiddelde(waarden: list[int]) -> int:
    return _afgerond_gemiddelde(sum(waarden), len(waarden)) if waarden else 0


@eenmaal_per_opbouw
def clienten_per_maand(periode: Periode, *, gemeente=None) -> list[dict]:
    """Per month of the period: in care at the end of the month, inflow and outflow. One query, whatever
    the number of requests: over the care periods that touch the period, a count per month of the young
    people with care in it, in care at its start and at its end (inflow = active − at start, outflow =
    active − at end)."""
    delen = _maanddelen(periode)
    # One count per distinct day (the end of one month is the start of the next) and one per month.
    dagen = sorted({van for _, van, _ in delen} | {tot + timedelta(days=1) for _, _, tot in delen})
    naam = {d: f"open_{k}" for k, d in enumerate(dagen)}
    tellingen = {naam[d]: _zp_in_zorg(d) for d in dagen}
    tellingen.update({f"actief_{i}": _zp_eerste_in(van, tot) for i, (_, van, tot) in enumerate(delen)})
    t = _zorgperiodes(periode, gemeente).aggregate(**{n: Count("pk", filter=v) for n, v in tellingen.items()})
    uitkomst = []
    for i, (maand, van, tot) in enumerate(delen):
        aanvang, eind, actief = t[naam[van]], t[naam[tot + timedelta(days=1)]], t[f"actief_{i}"]
        uitkomst.append({"maand": maand, "in_zorg": eind, "instroom": actief - aanvang, "uitstroom": actief - eind})
    return uitkomst


def wachtend_op(op: date, *, gemeente=None) -> QuerySet[Zorginzet]:
    """Care registered on or before ``op`` and not started by then (the request still open)."""
    return Zorginzet.objects.filter(
        Q(gestart_op__isnull=True) | Q(gestart_op__gt=op),
        Q(hulpvraag_afgesloten_op__isnull=True) | Q(hulpvraag_afgesloten_op__gt=op),
        _gemeente_q(gemeente, "gemeente"),
        aangemeld_op__lte=op,
    )


def _vormlabels() -> dict[str, str]:
    """The care forms' labels, translated once per call instead of once per row."""
    return {waarde: str(label) for waarde, label in Zorginzet.Vorm.choices}


def wachtlijst(*, op: date, per: str = "gebied", gemeente=None) -> list[dict]:
    """The waiting list on ``op`` grouped by the young person's area, by provider (area team for
    care by an area team) or by form, with the median waiting time in days. One query."""
    sleutels = {
        "gebied": "jeugdige__gebied__naam",
        "zorgaanbieder": "zorgaanbieder__naam",
        "vorm": "vorm",
    }
    sleutel = sleutels[per]
    vormen = _vormlabels()
    wachtdagen: dict[str, list[int]] = defaultdict(list)
    for naam, aangemeld_op in wachtend_op(op, gemeente=gemeente).order_by().values_list(sleutel, "aangemeld_op"):
        if per == "vorm":
            naam = vormen[naam]
        wachtdagen[naam or "gebiedsteam"].append((op - aangemeld_op).days)
    return [
        {per: naam, "wachtend": len(dagen), "mediaan_wachtdagen": median(dagen)}
        for naam, dagen in sorted(wachtdagen.items())
    ]


def wachtlijst_per_gebied(*, op: date, gemeente=None) -> list[dict]:
    return wachtlijst(op=op, per="gebied", gemeente=gemeente)


def veilig_thuis_cijfers(periode: Periode, *, gemeente=None) -> dict:
    """Veilig Thuis reports received in the period: followed up and on time (norm 100%), and the
    investigations started in the period. Two queries."""
    tijdig = Q(opgevolgd_op__isnull=False, opgevolgd_op__lte=F("opvolgen_uiterlijk"))
    # Not on time: followed up after the term, or not followed up and the term has passed (a report
    # still within its term is neither).
    niet_tijdig = Q(opgevolgd_op__gt=F("opvolgen_uiterlijk")) | Q(
        opgevolgd_op__isnull=True, opvolgen_uiterlijk__lt=timezone.localdate()
    )
    m = VeiligThuisMelding.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), ontvangen_op__gte=periode.van, ontvangen_op__lte=periode.tot
    ).aggregate(
        aantal=Count("pk"),
        opgevolgd=Count("pk", filter=Q(opgevolgd_op__isnull=False)),
        tijdig=Count("pk", filter=tijdig),
        niet_tijdig=Count("pk", filter=niet_tijdig, distinct=True),
        onderzocht=Count("pk", filter=niet_tijdig & Q(onderzoeken__isnull=False), distinct=True),
    )
    o = Onderzoek.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), gestart_op__gte=periode.van, gestart_op__lte=periode.tot
    ).aggregate(
        aantal=Count("pk"),
        afgerond=Count("pk", filter=Q(afgerond_op__isnull=False)),
        meldcode_niet_gevolgd=Count("pk", filter=Q(reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD)),
        vt_niet_tijdig_opgevolgd=Count("pk", filter=Q(reden=Onderzoek.Reden.VT_NIET_TIJDIG_OPGEVOLGD)),
    )
    return {
        "aantal": m["aantal"],
        "opgevolgd": m["opgevolgd"],
        "opgevolgd_pct": pct(m["opgevolgd"], m["aantal"]),
        "tijdig": m["tijdig"],
        "tijdig_pct": pct(m["tijdig"], m["aantal"]),
        "norm": termijn("CASES_NORM_VT_OPGEVOLGD_PCT"),
        "niet_tijdig": m["niet_tijdig"],
        "niet_tijdig_onderzocht_pct": pct(m["onderzocht"], m["niet_tijdig"]),
        "onderzoek_norm": termijn("CASES_NORM_ONDERZOCHT_PCT"),
        "onderzoeken": o,
    }


def meldcode_cijfers(periode: Periode, *, gemeente=None) -> dict:
    """Meldcode trajectories started in the period: decisions, reports to Veilig Thuis, feedback,
    consultation of Veilig Thuis; and the investigations of cases where the Meldcode was not
    followed (norm 100%). Three queries."""
    trajecten = MeldcodeTraject.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), gestart_op__gte=periode.van, gestart_op__lte=periode.tot
    )
    t = trajecten.aggregate(
        aantal=Count("pk"),
        afgerond=Count("pk", filter=~Q(besluit="")),
        gemeld=Count("pk", filter=Q(gemeld_op__isnull=False)),
        terugkoppeling_ontvangen=Count("pk", filter=Q(terugkoppeling_op__isnull=False)),
        **{f"besluit_{b}": Count("pk", filter=Q(besluit=b)) for b in MeldcodeTraject.Besluit.values},
    )
    geraadpleegd = MeldcodeStap.objects.filter(
        traject__in=trajecten, stap=MeldcodeStap.Stap.CONSULTATIE, veilig_thuis_geraadpleegd=True
    ).count()
    onderzoeken = Onderzoek.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"),
        reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD,
        gestart_op__gte=periode.van,
        gestart_op__lte=periode.tot,
    ).aggregate(aantal=Count("pk"), afgerond=Count("pk", filter=Q(afgerond_op__isnull=False)))
    return {
        "aantal": t["aantal"],
        "afgerond": t["afgerond"],
        "besluiten": {b: t[f"besluit_{b}"] for b in MeldcodeTraject.Besluit.values},
        "gemeld": t["gemeld"],
        "terugkoppeling_ontvangen": t["terugkoppeling_ontvangen"],
        "veilig_thuis_geraadpleegd": geraadpleegd,
        "onderzoeken_niet_gevolgd": onderzoeken["aantal"],
        "onderzoeken_niet_gevolgd_afgerond": onderzoeken["afgerond"],
        "onderzoek_norm": termijn("CASES_NORM_ONDERZOCHT_PCT"),
    }


def meldcode_afwijking_cijfers(periode: Periode, *, gemeente=None) -> dict:
    """ "Meldcode niet gevolgd → onderzocht": of the cases found in the period where the Meldcode should have
    been followed and was not (``MeldcodeAfwijking``), the share with an investigation started (norm 100%),
    and how many of those investigations are completed. The base is every deviation, not only the
    investigations started. One query."""
    r = MeldcodeAfwijking.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), vastgesteld_op__gte=periode.van, vastgesteld_op__lte=periode.tot
    ).aggregate(
        aantal=Count("pk"),
        onderzocht=Count("pk", filter=Q(onderzoek__isnull=False)),
        afgerond=Count("pk", filter=Q(onderzoek__afgerond_op__isnull=False)),
        **{f"soort_{s}": Count("pk", filter=Q(soort=s)) for s in MeldcodeAfwijking.Soort.values},
    )
    return {
        "aantal": r["aantal"],
        "onderzocht": r["onderzocht"],
        "onderzocht_pct": pct(r["onderzocht"], r["aantal"]),
        "onderzoek_afgerond": r["afgerond"],
        "per_soort": {s: r[f"soort_{s}"] for s in MeldcodeAfwijking.Soort.values},
        "norm": termijn("CASES_NORM_ONDERZOCHT_PCT"),
    }


def _zorg_in(periode: Periode, gemeente) -> QuerySet[Zorginzet]:
    return Zorginzet.objects.filter(
        Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gte=periode.van),
        _gemeente_q(gemeente, "gemeente"),
        gestart_op__lte=periode.tot,
    )


@eenmaal_per_opbouw
def aandeel_gebiedsteam(periode: Periode, *, gemeente=None) -> dict:
    """Care that ran in the period: by the area teams against outsourced to providers (counts of
    care and of unique clients, with percentages). One query."""
    r = _zorg_in(periode, gemeente).aggregate(
        gebiedsteam=Count("pk", filter=Q(gebied__isnull=False)),
        uitbesteed=Count("pk", filter=Q(zorgaanbieder__isnull=False)),
        clienten_gebiedsteam=Count("jeugdige", filter=Q(gebied__isnull=False), distinct=True),
        clienten_uitbesteed=Count("jeugdige", filter=Q(zorgaanbieder__isnull=False), distinct=True),
    )
    totaal = r["gebiedsteam"] + r["uitbesteed"]
    return {
        **r,
        "totaal": totaal,
        "gebiedsteam_pct": pct(r["gebiedsteam"], totaal),
        "uitbesteed_pct": pct(r["uitbesteed"], totaal),
    }


def top_aanbieders(periode: Periode, *, gemeente=None, aantal: int = 7) -> list[dict]:
    """The providers with the most unique clients in care in the period. One query."""
    rijen = (
        _zorg_in(periode, gemeente)
        .filter(zorgaanbieder__isnull=False)
        .values("zorgaanbieder__naam")
        .annotate(clienten=Count("jeugdige", distinct=True))
        .order_by("-clienten", "zorgaanbieder__naam")
        .values_list("zorgaanbieder__naam", "clienten")[:aantal]
    )
    return [{"zorgaanbieder": naam, "clienten": n} for naam, n in rijen]


def einde_redenen(periode: Periode, *, gemeente=None) -> list[dict]:
    """Requests closed in the period per end reason. One query."""
    rijen = (
        Hulpvraag.objects.filter(
            _gemeente_q(gemeente, "jeugdige__gemeente"), afgesloten_op__gte=periode.van, afgesloten_op__lte=periode.tot
        )
        .values("einde_reden")
        .annotate(aantal=Count("pk"))
        .order_by("-aantal", "einde_reden")
    )
    labels = dict(Hulpvraag.EindeReden.choices)
    return [
        {"reden": r["einde_reden"], "label": str(labels.get(r["einde_reden"], "—")), "aantal": r["aantal"]}
        for r in rijen
    ]


def norm_cijfers(periode: Periode, *, gemeente=None) -> dict:
    """Requests received in the period: file and core team on time (a file or core team still missing
    after its term counts as late); for ``meervoudig`` the share
    with a family plan (norm 85%) and with a fixed contact (norm 95%). One query."""
    meervoudig = Q(triage=Hulpvraag.Triage.MEERVOUDIG)
    vandaag = timezone.localdate()

    def te_laat_zonder(datum: str, uiterlijk: str) -> Q:
        """Not done, and the term passed while the request was open: late, so in the denominator."""
        return Q(**{f"{datum}__isnull": True, f"{uiterlijk}__lt": vandaag}) & (
            Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=F(uiterlijk))
        )

    r = Hulpvraag.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), ontvangen_op__gte=periode.van, ontvangen_op__lte=periode.tot
    ).aggregate(
        aantal=Count("pk"),
        dossier=Count("pk", filter=Q(dossier_aangemaakt_op__isnull=False)),
        dossier_tijdig=Count("pk", filter=Q(dossier_aangemaakt_op__lte=F("dossier_uiterlijk"))),
        kernteam=Count("pk", filter=Q(kernteam_op__isnull=False)),
        kernteam_tijdig=Count("pk", filter=Q(kernteam_op__lte=F("kernteam_uiterlijk"))),
        dossier_te_laat_zonder=Count("pk", filter=te_laat_zonder("dossier_aangemaakt_op", "dossier_uiterlijk")),
        kernteam_te_laat_zonder=Count("pk", filter=te_laat_zonder("kernteam_op", "kernteam_uiterlijk")),
        meervoudig=Count("pk", filter=meervoudig),
        met_gezinsplan=Count("pk", filter=meervoudig & Q(gezinsplan_op__isnull=False)),
        gezinsplan=Count("pk", filter=Q(gezinsplan_op__isnull=False, gezinsplan_uiterlijk__isnull=False)),
        gezinsplan_tijdig=Count("pk", filter=Q(gezinsplan_op__lte=F("gezinsplan_uiterlijk"))),
        gezinsplan_te_laat_zonder=Count(
            "pk", filter=Q(gezinsplan_uiterlijk__isnull=False) & te_laat_zonder("gezinsplan_op", "gezinsplan_uiterlijk")
        ),
        met_vast_aanspreekpunt=Count("pk", filter=meervoudig & Q(regisseur__isnull=False)),
    )
    return {
        **r,
        # A file (core team) still missing after its term counts as late, not as "not yet measured".
        "dossier_tijdig_pct": pct(r["dossier_tijdig"], r["dossier"] + r["dossier_te_laat_zonder"]),
        "kernteam_tijdig_pct": pct(r["kernteam_tijdig"], r["kernteam"] + r["kernteam_te_laat_zonder"]),
        "gezinsplan_tijdig_pct": pct(r["gezinsplan_tijdig"], r["gezinsplan"] + r["gezinsplan_te_laat_zonder"]),
        # The norms of the intake steps ("normen toeleiding"): the share of requests whose step was on time.
        "dossier_werkdagen": termijn("CASES_DOSSIER_WERKDAGEN"),
        "dossier_tijdig_norm": termijn("CASES_NORM_DOSSIER_TIJDIG_PCT"),
        "kernteam_werkdagen": termijn("CASES_KERNTEAM_WERKDAGEN"),
        "kernteam_tijdig_norm": termijn("CASES_NORM_KERNTEAM_TIJDIG_PCT"),
        "gezinsplan_weken": termijn("CASES_GEZINSPLAN_WEKEN"),
        "gezinsplan_tijdig_norm": termijn("CASES_NORM_GEZINSPLAN_TIJDIG_PCT"),
        "gezinsplan_pct": pct(r["met_gezinsplan"], r["meervoudig"]),
        "gezinsplan_norm": termijn("CASES_NORM_GEZINSPLAN_PCT"),
        "vast_aanspreekpunt_pct": pct(r["met_vast_aanspreekpunt"], r["meervoudig"]),
        "vast_aanspreekpunt_norm": termijn("CASES_NORM_VAST_AANSPREEKPUNT_PCT"),
    }


def klantreis_cijfers(periode: Periode, *, gemeente=None) -> dict:
    """The client journey ("klantreis") of the period. A young person's requests form one journey while the next
    is received before the previous closes or within 30 days after (``CASES_KLANTREIS_AANSLUITING_DAGEN``); its
    length runs from the first receipt to the last closure.

    - ``gemiddelde_duur_dagen``: the mean length of the journeys that ended in the period (norm 315 days);
      ``gemiddelde_duur_hulpvraag_dagen`` the mean of the requests closed in the period, each on its own.
    - The requests received in the period by how they came in: ``eerste_keer`` (the young person's first request),
      ``terugkerend`` (an earlier journey ended more than 30 days before: a new journey of a returning young person)
      and ``voortzetting`` (received within 30 days of a closure or while care is open: the same journey goes on,
      not counted as new).
    - ``terugkerende_clienten``: the journeys ended in the period that were not the young person's first.

    A journey counts as known on the period's last day: its requests received by then, and it ended in the period
    when the last of those closed in it and none is open. One aggregate query over the stored journey places
    (``Klantreisdeel``, kept in step with the requests by ``cases.zorgperiodes``)."""
    van, tot = periode.van, periode.tot
    ontvangen = Q(ontvangen_op__gte=van, ontvangen_op__lte=tot)
    afgesloten = Q(afgesloten_op__gte=van, afgesloten_op__lte=tot)
    # the last request of its journey received by the end of the period, the journey closed within it
    reis_geeindigd = Q(reis_einde__gte=van, reis_einde__lte=tot, ontvangen_op__lte=tot) & (
        Q(volgende_in_reis__isnull=True) | Q(volgende_in_reis__gt=tot)
    )
    soorten = Klantreisdeel.Instroom.values
    r = (
        Klantreisdeel.objects.filter(_gemeente_q(gemeente, "gemeente"))
        .filter(ontvangen | afgesloten | Q(reis_einde__gte=van, reis_einde__lte=tot))
        .order_by()
        .aggregate(
            reizen=Count("pk", filter=reis_geeindigd),
            reis_dagen=Sum("reis_duur_dagen", filter=reis_geeindigd),
            reizen_terug=Count("pk", filter=reis_geeindigd & Q(reis_nummer__gt=0)),
            hulpvragen=Count("pk", filter=afgesloten),
            hulpvraag_dagen=Sum("duur_dagen", filter=afgesloten),
            **{soort: Count("pk", filter=ontvangen & Q(instroom=soort)) for soort in soorten},
        )
    )

    def gemiddeld(som, aantal):
        return _afgerond_gemiddelde(som, aantal) if aantal else None

    return {
        "afgeronde_klantreizen": r["reizen"],
        "gemiddelde_duur_dagen": gemiddeld(r["reis_dagen"], r["reizen"]),
        "norm_dagen": termijn("CASES_NORM_KLANTREIS_DAGEN"),
        "afgesloten_hulpvragen": r["hulpvragen"],
        "gemiddelde_duur_hulpvraag_dagen": gemiddeld(r["hulpvraag_dagen"], r["hulpvragen"]),
        "terugkerende_clienten": r["reizen_terug"],
        **{soort: r[soort] for soort in soorten},
        "ontvangen_hulpvragen": sum(r[soort] for soort in soorten),
        "aansluiting_dagen": termijn("CASES_KLANTREIS_AANSLUITING_DAGEN"),
    }


# --- Reasons care ended ---------------------------------------------------------------------------

# A request that ended as planned or early by agreement ended regularly ("regulier"); a move, a one-sided end by the
# client or the provider, or another reason did not. (The published table names the share regular against 85%.)
EINDE_REGULIER = (Hulpvraag.EindeReden.VOLGENS_PLAN, Hulpvraag.EindeReden.VOORTIJDIG_IN_OVERLEG)


def einde_redenen_rapport(periode: Periode, *, gemeente=None) -> dict:
    """Requests closed in the period per end reason (every reason, also when none ended so), each with its share,
    and the share that ended regularly against the norm (85%). One query."""
    r = Hulpvraag.objects.filter(
        _gemeente_q(gemeente, "jeugdige__gemeente"), afgesloten_op__gte=periode.van, afgesloten_op__lte=periode.tot
    ).aggregate(
        totaal=Count("pk"),
        onbekend=Count("pk", filter=Q(einde_reden="")),
        **{f"r_{reden}": Count("pk", filter=Q(einde_reden=reden)) for reden in Hulpvraag.EindeReden.values},
    )
    totaal = r["totaal"]
    rijen = [
        {
            "reden": reden,
            "label": str(label),
            "is_regulier": reden in EINDE_REGULIER,
            "aantal": r[f"r_{reden}"],
            "aandeel_pct": pct(r[f"r_{reden}"], totaal),
        }
        for reden, label in Hulpvraag.EindeReden.choices
    ]
    if r["onbekend"]:
        rijen.append(
            {"reden": "", "label": "niet vastgelegd", "is_regulier": False, "aantal": r["onbekend"],
             "aandeel_pct": pct(r["onbekend"], totaal)}
        )  # fmt: skip
    regulier = sum(x["aantal"] for x in rijen if x["is_regulier"])
    return {
        "rijen": rijen,
        "totaal": totaal,
        "regulier": regulier,
        "regulier_pct": pct(regulier, totaal),
        "regulier_norm": termijn("CASES_NORM_EINDE_REGULIER_PCT"),
    }


def maskeer_einde_redenen(data: dict) -> dict:
    """``einde_redenen_rapport`` as the gemeente may see it: ``maskeer``, and the reasons are the parts of the total
    shown (one hidden count takes the smallest other with it, jens.privacy.maskeer_groep); the regular count and
    share go when a regular reason is hidden (they would give it away)."""
    uit = maskeer(data)
    getoond = maskeer_groep([r["aantal"] for r in data["rijen"]])
    for rij, waarde in zip(uit["rijen"], getoond, strict=True):
        if waarde != rij["aantal"] or not isinstance(waarde, int):
            rij["aantal"], rij["aandeel_pct"] = waarde if isinstance(waarde, str) else None, None
    if any(not isinstance(r["aantal"], int) for r in uit["rijen"] if r["is_regulier"]):
        uit["regulier"], uit["regulier_pct"] = None, None
    return uit


# --- Requests per month ---------------------------------------------------------------------------


def hulpvragen_per_maand(periode: Periode, *, gemeente=None) -> list[dict]:
    """Requests received per month of the period, in total, per kind (``soort``) and per referrer (``verwijzer``),
    every month and every kind and referrer present (0 when none). One query."""
    rijen = {
        r["maand"]: r
        for r in Hulpvraag.objects.filter(
            _gemeente_q(gemeente, "jeugdige__gemeente"), ontvangen_op__gte=periode.van, ontvangen_op__lte=periode.tot
        )
        .annotate(maand=TruncMonth("ontvangen_op"))
        .values("maand")
        .annotate(
            totaal=Count("pk"),
            **{f"soort_{s}": Count("pk", filter=Q(soort=s)) for s in Hulpvraag.Soort.values},
            **{f"verwijzer_{v}": Count("pk", filter=Q(verwijzer=v)) for v in Hulpvraag.Verwijzer.values},
        )
        .order_by("maand")
    }
    uitkomst = []
    for maand in periode.maanden():
        r = rijen.get(maand) or {}
        uitkomst.append(
            {
                "maand": maand,
                "totaal": r.get("totaal", 0),
                "per_soort": {s: r.get(f"soort_{s}", 0) for s in Hulpvraag.Soort.values},
                "per_verwijzer": {v: r.get(f"verwijzer_{v}", 0) for v in Hulpvraag.Verwijzer.values},
            }
        )
    return uitkomst


def maskeer_hulpvragen_per_maand(rijen: list[dict]) -> list[dict]:
    """``hulpvragen_per_maand`` as the gemeente may see it: counts under 5 as "<5"; per month the kinds (and the
    referrers) are the parts of the month's total, and per kind the months are the parts of the period's count (the
    dashboard's "Totaal" row; the months' totals add up to the requests received): one system per table, the same
    as the dashboard's (jens.privacy.verborgen_in_tabel), so that no hidden count follows across months."""
    uit = [{"maand": r["maand"], "totaal": maskeer_aantal(r["totaal"])} for r in rijen]
    for veld in ("per_soort", "per_verwijzer"):
        sleutels = list(rijen[0][veld]) if rijen else []
        # The dashboard's table: a label column, the kinds, the month's total; the months, then "Totaal".
        tabel = [[None, *(r[veld][k] for k in sleutels), r["totaal"]] for r in rijen]
        if tabel:
            tabel.append([None, *(sum(kolom) for kolom in list(zip(*tabel, strict=True))[1:])])
        verborgen = verborgen_in_tabel(
            tabel,
            kolomgroepen=[list(range(1, len(sleutels) + 1))],
            rijgroepen=[list(range(len(rijen)))],
            vaste_kolommen=[len(sleutels) + 1],
        )
        for i, r in enumerate(rijen):
            uit[i][veld] = {k: verborgen.get((i, c), r[veld][k]) for c, k in enumerate(sleutels, start=1)}
    return uit


# --- Waiting lists per quarter --------------------------------------------------------------------


def kwartaal_peildata(periode: Periode, *, vandaag: date | None = None) -> list[date]:
    """The last day of each quarter that ends in the period, preceded by the last day of the quarter before the
    first (the comparison), up to ``vandaag`` (a waiting list in the future is not known). A period without a
    quarter end (a single month) gets its last day."""
    vandaag = vandaag or timezone.localdate()

    def kwartaal_einde(d: date) -> date:
        maand = ((d.month - 1) // 3 + 1) * 3
        return (date(d.year, maand, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)

    einden = []
    d = kwartaal_einde(periode.van)
    while d <= periode.tot:
        einden.append(d)
        d = kwartaal_einde(d + timedelta(days=1))
    if not einden:
        einden = [periode.tot]
    vorige = date(einden[0].year, ((einden[0].month - 1) // 3) * 3 + 1, 1) - timedelta(days=1)
    return [d for d in [vorige, *einden] if d <= vandaag]


def _kwartaal(d: date) -> str:
    return f"{d.year}-K{(d.month - 1) // 3 + 1}"


def _wachtend_q(op: date) -> Q:
    return (
        Q(aangemeld_op__lte=op)
        & (Q(gestart_op__isnull=True) | Q(gestart_op__gt=op))
        & (Q(hulpvraag_afgesloten_op__isnull=True) | Q(hulpvraag_afgesloten_op__gt=op))
    )


def wachtlijst_per_kwartaal(periode: Periode, *, gemeente=None, vandaag: date | None = None) -> dict:
    """The waiting list at the end of each quarter of the period and of the quarter before, in total, per provider
    (``gebiedsteam`` for care by an area team) and per form, each with the change against the previous quarter.
    Waiting = registered and not started by that day, the request still open (as ``wachtend_op``). One query."""
    peildata = kwartaal_peildata(periode, vandaag=vandaag)
    if not peildata:
        return {"peildata": [], "kwartalen": [], "per_zorgaanbieder": [], "per_vorm": []}
    eerste, laatste = peildata[0], peildata[-1]
    rijen = list(
        Zorginzet.objects.filter(
            Q(gestart_op__isnull=True) | Q(gestart_op__gt=eerste),
            Q(hulpvraag_afgesloten_op__isnull=True) | Q(hulpvraag_afgesloten_op__gt=eerste),
            _gemeente_q(gemeente, "gemeente"),
            aangemeld_op__lte=laatste,
        )
        .values("zorgaanbieder__naam", "vorm")
        .annotate(**{f"p{i}": Count("pk", filter=_wachtend_q(d)) for i, d in enumerate(peildata)})
        .order_by()
    )

    def reeks(sleutel) -> dict[str, list[int]]:
        uit: dict[str, list[int]] = defaultdict(lambda: [0] * len(peildata))
        for r in rijen:
            naam = sleutel(r)
            for i in range(len(peildata)):
                uit[naam][i] += r[f"p{i}"]
        return uit

    def vergelijk(aantallen: list[int]) -> dict:
        return {
            "wachtend": aantallen[-1],
            "vorig_kwartaal": aantallen[-2] if len(aantallen) > 1 else None,
            "verschil": aantallen[-1] - aantallen[-2] if len(aantallen) > 1 else None,
        }

    totalen = [sum(r[f"p{i}"] for r in rijen) for i in range(len(peildata))]
    kwartalen = [
        {
            "peildatum": d,
            "kwartaal": _kwartaal(d),
            "wachtend": totalen[i],
            "vorig_kwartaal": totalen[i - 1] if i else None,
            "verschil": totalen[i] - totalen[i - 1] if i else None,
        }
        for i, d in enumerate(peildata)
    ][1:] or [
        {"peildatum": laatste, "kwartaal": _kwartaal(laatste), "wachtend": totalen[-1], "vorig_kwartaal": None,
         "verschil": None}
    ]  # fmt: skip
    vormen = _vormlabels()
    per_aanbieder = reeks(lambda r: r["zorgaanbieder__naam"] or "gebiedsteam")
    per_vorm = reeks(lambda r: vormen.get(r["vorm"], r["vorm"]))
    return {
        "peildata": peildata,
        "kwartalen": kwartalen,
        "per_zorgaanbieder": [
            {"zorgaanbieder": naam, **vergelijk(a)} for naam, a in sorted(per_aanbieder.items()) if any(a)
        ],
        "per_vorm": [{"vorm": naam, **vergelijk(a)} for naam, a in sorted(per_vorm.items()) if any(a)],
    }
