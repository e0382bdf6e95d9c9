"""Reads and reports on staff: scoped querysets, the FTE report and the Meldcode training figures.

Reports are aggregate queries (``values().annotate(Sum(...))``), one per reference date; the Python
code only arranges the grouped rows (at most areas x domains x functions), never the placements.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from jens.models import Gebied, Gemeente
from jens.scope import filter_op_scope, gebieden_voor, onbeperkt
from staff.models import ZORGFUNCTIES, Domein, Formatie, Medewerker, Plaatsing, Scholing
from staff.services import MELDCODE_SOORTEN, termijn

NUL = Decimal("0.00")
EEN_DECIMAAL = Decimal("0.1")

# The FTE report answers for reference dates in this range, and for at most this many at once (one query
# each): a date such as 01-01-0001 has no previous half-year date, and a thousand dates are a thousand queries.
PEILDATUM_VAN = date(1990, 1, 1)
PEILDATUM_TOT = date(2100, 12, 31)
MAX_PEILDATA = 60


# --- Scope -------------------------------------------------------------------------------------------


def plaatsingen_voor(user) -> QuerySet[Plaatsing]:
    return filter_op_scope(Plaatsing.objects.all(), user, gemeente="gebied__gemeente", gebied="gebied")


def medewerkers_voor(user) -> QuerySet[Medewerker]:
    """Employees the user may see: everybody for unrestricted roles; otherwise those with a current or
    future placement in one of the user's areas, and former members of those areas who are placed nowhere
    now (so they can be placed again). Somebody who moved to another area's team is no longer theirs; the
    old placements stay visible as the area's history."""
    if onbeperkt(user):
        return Medewerker.objects.all()
    lopend = Q(tot__isnull=True) | Q(tot__gt=timezone.localdate())
    eigen = plaatsingen_voor(user)
    return Medewerker.objects.filter(
        Q(pk__in=eigen.filter(lopend).values("medewerker"))
        | (Q(pk__in=eigen.values("medewerker")) & ~Q(pk__in=Plaatsing.objects.filter(lopend).values("medewerker")))
    )


def formatie_voor(user) -> QuerySet[Formatie]:
    return filter_op_scope(Formatie.objects.all(), user, gemeente="gebied__gemeente", gebied="gebied")


def scholingen_voor(user) -> QuerySet[Scholing]:
    if onbeperkt(user):
        return Scholing.objects.all()
    return Scholing.objects.filter(medewerker__in=medewerkers_voor(user).values("pk"))


# --- Helpers ------------------------------------------------------------------------------------------


def actief_op(datum: date, prefix: str = "") -> Q:
    """Placements (or, with a prefix, related placements) active on ``datum``: van <= datum < tot."""
    return Q(**{f"{prefix}van__lte": datum}) & (Q(**{f"{prefix}tot__isnull": True}) | Q(**{f"{prefix}tot__gt": datum}))


def in_dienst_op(datum: date) -> Q:
    return Q(in_dienst_van__lte=datum) & (Q(in_dienst_tot__isnull=True) | Q(in_dienst_tot__gt=datum))


def jaar_eerder(d: date) -> date:
    return d - relativedelta(years=1)


def vorige_halfjaardatum(d: date) -> date:
    """The last 30 June or 31 December strictly before ``d``."""
    kandidaten = [date(d.year, 6, 30), date(d.year - 1, 12, 31), date(d.year - 1, 6, 30)]
    return max(k for k in kandidaten if k < d)


def peildata_fout(peildata: Iterable[date]) -> str | None:
    """A Dutch message when a reference date is outside the range the report answers for, or when
    there are too many; None when the dates are fine."""
    peildata = set(peildata)
    if any(not PEILDATUM_VAN <= d <= PEILDATUM_TOT for d in peildata):
        return f"Kies een peildatum tussen {PEILDATUM_VAN:%d-%m-%Y} en {PEILDATUM_TOT:%d-%m-%Y}."
    if len(peildata) > MAX_PEILDATA:
        return f"Vraag hoogstens {MAX_PEILDATA} peildata tegelijk op."
    return None


def standaard_peildata(*, van: date | None = None, tot: date | None = None) -> list[date]:
    """Every 30 June and 31 December from ``van`` (default: the first placement, not before
    ``PEILDATUM_VAN``) up to ``tot`` (today)."""
    tot = tot or date.today()
    if van is None:
        eerste = Plaatsing.objects.order_by("van").values_list("van", flat=True).first()
        van = max(eerste, PEILDATUM_VAN) if eerste else tot
    peildata = []
    for jaar in range(van.year, tot.year + 1):
        for d in (date(jaar, 6, 30), date(jaar, 12, 31)):
            if van <= d <= tot:
                peildata.append(d)
    return peildata


def afgerond(waarde: Decimal) -> Decimal:
    return Decimal(waarde).quantize(EEN_DECIMAAL, rounding=ROUND_HALF_UP)


def procent(nu: Decimal, eerder: Decimal | None) -> Decimal | None:
    if not eerder:
        return None
    return ((nu - eerder) / eerder * 100).quantize(EEN_DECIMAAL, rounding=ROUND_HALF_UP)


def _gebieden_qs(gemeente=None, gebieden: Iterable[Gebied] | QuerySet | None = None) -> QuerySet[Gebied] | None:
    """The areas a report covers (None = all): a municipality (Gemeente or its code) and/or areas (a
    queryset, or Gebied objects, ids or codes)."""
    if gemeente is None and gebieden is None:
        return None
    qs = Gebied.objects.all()
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente) if isinstance(gemeente, Gemeente) else qs.filter(gemeente__code=gemeente)
    if gebieden is not None:
        if isinstance(gebieden, QuerySet):
            qs = qs.filter(pk__in=gebieden.values("pk"))
        else:
            gebieden = list(gebieden)
            codes = [g for g in gebieden if isinstance(g, str)]
            ids = [g.pk if hasattr(g, "pk") else g for g in gebieden if not isinstance(g, str)]
            qs = qs.filter(Q(pk__in=ids) | Q(code__in=codes))
    return qs


def _gebied_filter(gemeente=None, gebieden: Iterable[Gebied] | QuerySet | None = None) -> Q:
    qs = _gebieden_qs(gemeente, gebieden)
    return Q() if qs is None else Q(gebied__in=qs.values("pk"))


# --- The FTE report -----------------------------------------------------------------------------------


def _fte_groepen(peildata: list[date], conditie: Q) -> dict[date, list[dict]]:
    """ONE grouped query for all ``peildata``: per date the FTE active on it per area, domain and function
    (a filtered sum per date over one scan of the placements active on any of them)."""
    if not peildata:
        return {}
    actief_op_een = Q()
    for d in peildata:
        actief_op_een |= actief_op(d)
    sommen = {f"fte_{i}": Sum("fte", filter=actief_op(d)) for i, d in enumerate(peildata)}
    rijen = list(
        Plaatsing.objects.filter(actief_op_een, conditie)
        .values(
            gemeente_naam=F("gebied__gemeente__naam"),
            gebied_naam=F("gebied__naam"),
            gebied_code=F("gebied__code"),
            functie=F("medewerker__functie"),
        )
        .annotate(**sommen)
        .values("gemeente_naam", "gebied_naam", "gebied_code", "domein", "functie", *sommen)
        .order_by()
    )
    sleutels = ("gemeente_naam", "gebied_naam", "gebied_code", "domein", "functie")
    return {
        d: [{**{k: r[k] for k in sleutels}, "fte": r[f"fte_{i}"]} for r in rijen if r[f"fte_{i}"] is not None]
        for i, d in enumerate(peildata)
    }


def fte_rapport(
    peildata: list[date] | None = None, *, gemeente=None, gebieden: Iterable[Gebied] | QuerySet | None = None
) -> list[dict]:
    """The FTE of the placements active on each reference date, per gemeente, gebied, domein and functie,
    with the change in percent against the previous date (the previous one in the list, or the previous
    half-year date for the first) and against the same date a year earlier.

    ``gemeente`` (a Gemeente or its code) and ``gebieden`` narrow the report (scope). Figures are
    rounded to one decimal as published; the percentages are computed from the unrounded sums.
    """
    peildata = sorted(set(peildata)) if peildata else standaard_peildata()
    if not peildata:
        return []
    conditie = _gebied_filter(gemeente, gebieden)
    gebied_qs = _gebieden_qs(gemeente, gebieden)
    gemeenten_qs = (
        Gemeente.objects.all() if gebied_qs is None else Gemeente.objects.filter(pk__in=gebied_qs.values("gemeente"))
    )
    gemeente_namen = list(gemeenten_qs.order_by("naam").values_list("naam", flat=True))

    # Every date the report reads (the reference dates, the half-year date before the first, a year earlier)
    # in one query.
    nodig = set(peildata) | {vorige_halfjaardatum(peildata[0])} | {jaar_eerder(d) for d in peildata}
    cache = _fte_groepen(sorted(nodig), conditie)

    def groepen(d: date) -> list[dict]:
        return cache[d]

    def totaal(d: date) -> Decimal:
        return sum((r["fte"] for r in groepen(d)), NUL)

    rapport = []
    for i, peildatum in enumerate(peildata):
        rijen = groepen(peildatum)
        per_gemeente: dict[str, Decimal] = dict.fromkeys(gemeente_namen, NUL)
        per_gebied: dict[tuple, Decimal] = defaultdict(lambda: NUL)
        per_domein: dict[str, Decimal] = defaultdict(lambda: NUL)
        per_functie: dict[str, Decimal] = defaultdict(lambda: NUL)
        for r in rijen:
            per_gemeente[r["gemeente_naam"]] = per_gemeente.get(r["gemeente_naam"], NUL) + r["fte"]
            per_gebied[(r["gemeente_naam"], r["gebied_naam"], r["gebied_code"])] += r["fte"]
            per_domein[r["domein"]] += r["fte"]
            per_functie[r["functie"]] += r["fte"]
        som = sum(per_gemeente.values(), NUL)
        vorige = peildata[i - 1] if i > 0 else vorige_halfjaardatum(peildatum)
        rapport.append(
            {
                "peildatum": peildatum,
                "totaal": afgerond(som),
                "per_gemeente": [{"gemeente": naam, "fte": afgerond(fte)} for naam, fte in per_gemeente.items()],
                "per_gebied": [
                    {"gemeente": gm, "gebied": naam, "code": code, "fte": afgerond(fte)}
                    for (gm, naam, code), fte in sorted(per_gebied.items())
                ],
                "per_domein": [
                    {"domein": code, "label": str(Domein(code).label), "fte": afgerond(per_domein.get(code, NUL))}
                    for code in Domein.values
                ],
                "per_functie": [
                    {"functie": code, "label": str(Medewerker.Functie(code).label), "fte": afgerond(fte)}
                    for code, fte in sorted(per_functie.items())
                ],
                "vorige_peildatum": vorige,
                "verschil_vorige_pct": procent(som, totaal(vorige)),
                "verschil_jaar_pct": procent(som, totaal(jaar_eerder(peildatum))),
            }
        )
    return rapport


# --- Team page -------------------------------------------------------------------------------------------


def huidige_fte(*, gebieden: QuerySet, op: date) -> list[dict]:
    """FTE per area, domain and function on ``op`` (one grouped query)."""
    rijen = list(
        Plaatsing.objects.filter(actief_op(op), gebied__in=gebieden.values("pk"))
        .values(gebied_naam=F("gebied__naam"), functie=F("medewerker__functie"))
        .annotate(fte=Sum("fte"), aantal=Count("medewerker", distinct=True))
        .values("gebied_naam", "domein", "functie", "fte", "aantal")
        .order_by("gebied_naam", "domein", "functie")
    )
    for rij in rijen:
        rij["functie_label"] = str(Medewerker.Functie(rij["functie"]).label)
        rij["domein_label"] = str(Domein(rij["domein"]).label)
    return rijen


def eindigende_plaatsingen(*, gebieden: QuerySet, op: date, dagen: int | None = None) -> QuerySet[Plaatsing]:
    """Placements ending within ``dagen`` days after ``op``; not one whose hours were changed, i.e. that is
    followed on its end date by a placement of the same employee in the same area and domain."""
    dagen = termijn("STAFF_PLAATSING_EINDIGT_DAGEN") if dagen is None else dagen
    vervolg = Plaatsing.objects.filter(
        medewerker=OuterRef("medewerker"), gebied=OuterRef("gebied"), domein=OuterRef("domein"), van=OuterRef("tot")
    )
    return (
        Plaatsing.objects.filter(gebied__in=gebieden.values("pk"), tot__gt=op, tot__lte=op + timedelta(days=dagen))
        .exclude(Exists(vervolg))
        .select_related("medewerker", "gebied")
        .order_by("tot", "medewerker__naam")
    )


def formatie_met_bezetting(qs: QuerySet[Formatie], *, op: date) -> QuerySet[Formatie]:
    """The budget rows in force on ``op`` (the latest per area and domain) with the occupied FTE and the
    vacancy room (budget - occupied), in one query."""
    laatste = (
        Formatie.objects.filter(gebied=OuterRef("gebied"), domein=OuterRef("domein"), geldig_van__lte=op)
        .order_by("-geldig_van")
        .values("geldig_van")[:1]
    )
    bezet = (
        Plaatsing.objects.filter(actief_op(op), gebied=OuterRef("gebied"), domein=OuterRef("domein"))
        .order_by()
        .values("gebied")
        .annotate(som=Sum("fte"))
        .values("som")
    )
    return (
        qs.filter(geldig_van=Subquery(laatste))
        .annotate(bezet=Coalesce(Subquery(bezet), NUL))
        .annotate(vacatureruimte=F("fte") - F("bezet"))
        .select_related("gebied")
        .order_by("gebied__naam", "domein")
    )


def meldcode_tekort(*, gebieden: QuerySet | None, op: date) -> QuerySet[Medewerker]:
    """Current employees in care functions without basic training, or whose refresher is overdue."""
    qs = huidige_zorgmedewerkers(gebieden=gebieden, op=op)
    basis = Scholing.objects.filter(medewerker=OuterRef("pk"), soort=Scholing.Soort.MELDCODE_BASIS, datum__lte=op)
    return (
        qs.annotate(heeft_basis=Exists(basis))
        .filter(Q(heeft_basis=False) | Q(meldcode_opfris_uiterlijk__lt=op))
        .select_related("werkgever")
        .order_by("naam")
    )


# --- Meldcode training figures -----------------------------------------------------------------------------


def huidige_zorgmedewerkers(*, gebieden: QuerySet | Iterable | None, op: date) -> QuerySet[Medewerker]:
    qs = Medewerker.objects.filter(in_dienst_op(op), functie__in=ZORGFUNCTIES)
    if gebieden is not None:
        plaatsingen = Plaatsing.objects.filter(actief_op(op), _gebied_filter(gebieden=gebieden))
        qs = qs.filter(pk__in=plaatsingen.values("medewerker"))
    return qs


def meldcode_scholing_cijfers(*, op: date, gebieden=None) -> dict:
    """Share of current care employees with Meldcode basic training (norm 100%) and with a Meldcode
    training (refresher, or the basic training itself) in the last 12 months (norm 90%), theme meetings
    held this calendar year up to ``op`` (norm 4) and their attendance (norm 80%), and who lacks basic
    training. Attendance = attendances / (meetings x current care employees)."""
    medewerkers = huidige_zorgmedewerkers(gebieden=gebieden, op=op)
    sinds = op - relativedelta(months=termijn("STAFF_MELDCODE_OPFRIS_MAANDEN"))
    basis = Scholing.objects.filter(medewerker=OuterRef("pk"), soort=Scholing.Soort.MELDCODE_BASIS, datum__lte=op)
    recent = Scholing.objects.filter(
        medewerker=OuterRef("pk"), soort__in=MELDCODE_SOORTEN, datum__gt=sinds, datum__lte=op
    )
    telling = medewerkers.aggregate(
        totaal=Count("pk"), met_basis=Count("pk", filter=Exists(basis)), met_opfris=Count("pk", filter=Exists(recent))
    )
    thema = Scholing.objects.filter(
        soort=Scholing.Soort.THEMABIJEENKOMST_HGKM,
        datum__gte=date(op.year, 1, 1),
        datum__lte=op,
        medewerker__in=medewerkers.values("pk"),
    ).aggregate(bijeenkomsten=Count("datum", distinct=True), aanwezig=Count("pk"))
    zonder_basis = list(
        medewerkers.annotate(heeft_basis=Exists(basis))
        .filter(heeft_basis=False)
        .order_by("naam")
        .values_list("naam", flat=True)
    )
    totaal = telling["totaal"]

    def pct(deel: int, geheel: int) -> Decimal | None:
        return (Decimal(deel) * 100 / geheel).quantize(EEN_DECIMAAL, rounding=ROUND_HALF_UP) if geheel else None

    return {
        "peildatum": op,
        "medewerkers": totaal,
        "aandeel_basis": pct(telling["met_basis"], totaal),
        "norm_basis": termijn("STAFF_NORM_BASIS_PCT"),
        "aandeel_opfris": pct(telling["met_opfris"], totaal),
        "norm_opfris": termijn("STAFF_NORM_OPFRIS_PCT"),
        "themabijeenkomsten": thema["bijeenkomsten"],
        "norm_themabijeenkomsten": termijn("STAFF_NORM_THEMABIJEENKOMSTEN"),
        "opkomst_pct": pct(thema["aanwezig"], thema["bijeenkomsten"] * totaal),
        "norm_opkomst": termijn("STAFF_NORM_OPKOMST_PCT"),
        "zonder_basis": zonder_basis,
    }


def team_gebieden(user) -> QuerySet[Gebied]:
    return gebieden_voor(user).select_related("gemeente").order_by("gemeente__naam", "naam")


def plaatsbare_medewerkers(user) -> QuerySet[Medewerker]:
    """Who the user may place: the employees they see (``medewerkers_voor``) and, for a new hire, anyone
    in service who was never placed anywhere (no other area's history to reveal)."""
    vandaag = timezone.localdate()
    nooit_geplaatst = Q(in_dienst_tot__isnull=True) | Q(in_dienst_tot__gt=vandaag)
    nooit_geplaatst &= ~Exists(Plaatsing.objects.filter(medewerker=OuterRef("pk")))
    return (
        Medewerker.objects.filter(Q(pk__in=medewerkers_voor(user).values("pk")) | nooit_geplaatst)
        .select_related("werkgever")
        .order_by("naam", "pk")
    )


def plaatsingen_lijst(user, *, op: date, gebied: Gebied | None = None) -> QuerySet[Plaatsing]:
    """The running and future placements in the user's areas (one query), for the placements page."""
    qs = plaatsingen_voor(user).filter(Q(tot__isnull=True) | Q(tot__gt=op))
    if gebied is not None:
        qs = qs.filter(gebied=gebied)
    return qs.select_related("medewerker", "gebied__gemeente").order_by("gebied__naam", "medewerker__naam", "van")
