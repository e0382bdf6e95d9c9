"""Reads and reports of the finances: budget against realisation per gemeente and period, with aggregate queries.

A period counts in whole months: every month the period touches (``Periode.maanden()``). Per cost line the
realisation is what the bookkeeping booked (``Kostenregel``) plus the spending at providers in the category of the
same name (``contracts.Uitgave``); the outsourced care is therefore exactly the spending per provider. The income
is the municipal assignment (``contracts.Opdracht``), earned evenly over the months of its year; the budget of
a line counts pro rata in the same way. Amounts in euros (``Decimal``)."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from contracts.models import Opdracht, Uitgave
from financien import conf
from financien.models import (
    KOSTENPOSTEN,
    OVERIGE_KOSTEN,
    ZORGKOSTEN,
    Begrotingsregel,
    Kostenpost,
    Kostenregel,
)
from jens.models import Gemeente
from jens.periode import Periode

NUL = Decimal("0")
EURO = Decimal("0.01")
BEDRAG = DecimalField(max_digits=16, decimal_places=2)
FACTOR = DecimalField(max_digits=20, decimal_places=10)
TOTAAL_LABEL = "HLV"

# What the statement calls each line (the published wording).
LABELS = {
    Kostenpost.VOORLIGGEND_VELD: "Voorliggend veld",
    Kostenpost.GEBIEDSTEAMS: "Gebiedsteams",
    Kostenpost.SPECIALISTISCHE_ZORG: "Specialistische (uitbestede) zorg",
    Kostenpost.PGB: "PGB",
    Kostenpost.OVERIGE_INITIATIEVEN: "Overige initiatieven",
    Kostenpost.OVERHEAD: "Overhead JENS",
    Kostenpost.ORGANISATIEKOSTEN: "Organisatiekosten",
    Kostenpost.MEERKOSTEN_BIJDRAGE: "Meerkosten bijdrage gemeenten",
}


def gemeente_q(gemeente, pad: str = "gemeente") -> Q:
    """``gemeente`` as a Gemeente, a pk or a code (None: every gemeente)."""
    if gemeente is None:
        return Q()
    if isinstance(gemeente, Gemeente):
        return Q(**{f"{pad}_id": gemeente.pk})
    if isinstance(gemeente, int):
        return Q(**{f"{pad}_id": gemeente})
    return Q(**{f"{pad}__code": gemeente})


def maanden_per_jaar(periode: Periode) -> dict[int, list[int]]:
    per_jaar: dict[int, list[int]] = defaultdict(list)
    for maand in periode.maanden():
        per_jaar[maand.year].append(maand.month)
    return dict(per_jaar)


def aantal_maanden(periode: Periode) -> int:
    return len(periode.maanden())


def in_periode(periode: Periode) -> Q:
    """Rows with ``jaar`` and ``maand`` in the months of the period."""
    q = Q(pk__in=[])
    for jaar, maanden in maanden_per_jaar(periode).items():
        q |= Q(jaar=jaar, maand__in=maanden)
    return q


# --- Building blocks (one query each) -----------------------------------------------------------------------------


def gerealiseerd_per_post(periode: Periode, *, gemeente=None) -> dict[str, Decimal]:
    """Realised costs per line in the period: booked costs plus spending at providers. Two queries."""
    totalen = dict.fromkeys(Kostenpost.values, NUL)
    for r in (
        Kostenregel.objects.filter(in_periode(periode), gemeente_q(gemeente))
        .values("post")
        .annotate(s=Sum("bedrag"))
        .order_by()
    ):
        totalen[r["post"]] += r["s"]
    for r in (
        Uitgave.objects.filter(in_periode(periode), gemeente_q(gemeente), categorie__in=Kostenpost.values)
        .values("categorie")
        .annotate(s=Sum("bedrag"))
        .order_by()
    ):
        totalen[r["categorie"]] += r["s"]
    return {post: _euro(bedrag) for post, bedrag in totalen.items()}


def gerealiseerd_per_maand(periode: Periode, *, gemeente=None) -> list[dict]:
    """Per month of the period: the realised costs per line. Two queries."""
    per_maand: dict[tuple[int, int], dict[str, Decimal]] = {
        (m.year, m.month): dict.fromkeys(Kostenpost.values, NUL) for m in periode.maanden()
    }
    for r in (
        Kostenregel.objects.filter(in_periode(periode), gemeente_q(gemeente))
        .values("jaar", "maand", "post")
        .annotate(s=Sum("bedrag"))
        .order_by()
    ):
        per_maand[(r["jaar"], r["maand"])][r["post"]] += r["s"]
    for r in (
        Uitgave.objects.filter(in_periode(periode), gemeente_q(gemeente), categorie__in=Kostenpost.values)
        .values("jaar", "maand", "categorie")
        .annotate(s=Sum("bedrag"))
        .order_by()
    ):
        per_maand[(r["jaar"], r["maand"])][r["categorie"]] += r["s"]
    per_maand = {m: {p: _euro(b) for p, b in posten.items()} for m, posten in per_maand.items()}
    return [
        {"maand": date(jaar, maand, 1), **posten, "kosten": sum((posten[p] for p in KOSTENPOSTEN), NUL)}
        for (jaar, maand), posten in per_maand.items()
    ]


def begroot_per_post(periode: Periode, *, gemeente=None) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """The budget per line: pro rata for the months of the period, and for the whole year(s). One query."""
    per_jaar = maanden_per_jaar(periode)
    pro_rata = dict.fromkeys(Kostenpost.values, NUL)
    jaar_totaal = dict.fromkeys(Kostenpost.values, NUL)
    for r in (
        Begrotingsregel.objects.filter(gemeente_q(gemeente), jaar__in=list(per_jaar))
        .values("jaar", "post")
        .annotate(s=Sum("bedrag"))
        .order_by()
    ):
        jaar_totaal[r["post"]] += r["s"]
        pro_rata[r["post"]] += r["s"] * len(per_jaar[r["jaar"]]) / 12
    return pro_rata, jaar_totaal


def inkomsten(periode: Periode, *, gemeente=None) -> tuple[Decimal, Decimal]:
    """The income of the period (the assignment pro rata per month) and of the whole year(s). One query."""
    per_jaar = maanden_per_jaar(periode)
    pro_rata = jaar_totaal = NUL
    for r in (
        Opdracht.objects.filter(gemeente_q(gemeente), jaar__in=list(per_jaar))
        .values("jaar")
        .annotate(s=Sum(F("lumpsum") + F("verhoging_lumpsum") + F("aanvullende_taken"), output_field=BEDRAG))
        .order_by()
    ):
        jaar_totaal += r["s"]
        pro_rata += r["s"] * len(per_jaar[r["jaar"]]) / 12
    return pro_rata, jaar_totaal


def _euro(waarde: Decimal) -> Decimal:
    return Decimal(waarde).quantize(EURO, rounding=ROUND_HALF_UP)


def _pct(deel: Decimal, geheel: Decimal) -> Decimal | None:
    if not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- Reports ------------------------------------------------------------------------------------------------------


def financiele_staat(periode: Periode, *, gemeente=None) -> dict:
    """The finance statement of the period, as JENS publishes it: income, the cost lines with a subtotal of care
    costs, the extra contribution of the gemeenten (shown negative) and the result, each with the budget pro rata
    and for the year. Result = income − (costs − contribution). Four queries."""
    gerealiseerd = gerealiseerd_per_post(periode, gemeente=gemeente)
    begroot, begroot_jaar = begroot_per_post(periode, gemeente=gemeente)
    ink, ink_jaar = inkomsten(periode, gemeente=gemeente)

    def regel(sleutel: str, label: str, werkelijk, begroting, jaar, soort: str = "post") -> dict:
        werkelijk, begroting, jaar = _euro(werkelijk), _euro(begroting), _euro(jaar)
        return {
            "sleutel": str(sleutel),
            "label": label,
            "soort": soort,
            "realisatie": werkelijk,
            "begroting": begroting,
            "begroting_jaar": jaar,
            "verschil": werkelijk - begroting,
        }

    def som(posten, bron) -> Decimal:
        return sum((bron[p] for p in posten), NUL)

    bijdrage = Kostenpost.MEERKOSTEN_BIJDRAGE
    regels = [regel("inkomsten", "Inkomsten (opdracht gemeenten)", ink, ink, ink_jaar, "inkomsten")]
    regels += [regel(p, LABELS[p], gerealiseerd[p], begroot[p], begroot_jaar[p]) for p in ZORGKOSTEN]
    regels.append(
        regel(
            "zorgkosten",
            "Subtotaal zorgkosten",
            som(ZORGKOSTEN, gerealiseerd),
            som(ZORGKOSTEN, begroot),
            som(ZORGKOSTEN, begroot_jaar),
            "subtotaal",
        )
    )
    regels += [regel(p, LABELS[p], gerealiseerd[p], begroot[p], begroot_jaar[p]) for p in OVERIGE_KOSTEN]
    regels.append(
        regel(
            "kosten",
            "Totaal kosten",
            som(KOSTENPOSTEN, gerealiseerd),
            som(KOSTENPOSTEN, begroot),
            som(KOSTENPOSTEN, begroot_jaar),
            "subtotaal",
        )
    )
    regels.append(
        regel(bijdrage, LABELS[bijdrage], -gerealiseerd[bijdrage], -begroot[bijdrage], -begroot_jaar[bijdrage])
    )
    per_sleutel = {r["sleutel"]: r for r in regels}
    resultaat = {
        k: per_sleutel["inkomsten"][k] - per_sleutel["kosten"][k] - per_sleutel[bijdrage][k]
        for k in ("realisatie", "begroting", "begroting_jaar")
    }
    regels.append(regel("resultaat", "Resultaat", *resultaat.values(), "resultaat"))
    return {
        "periode": periode.label,
        "van": periode.van,
        "tot": periode.tot,
        "maanden": aantal_maanden(periode),
        "gemeente": gemeente.naam if isinstance(gemeente, Gemeente) else (gemeente or TOTAAL_LABEL),
        "regels": regels,
        "inkomsten": per_sleutel["inkomsten"]["realisatie"],
        "zorgkosten": per_sleutel["zorgkosten"]["realisatie"],
        "kosten": per_sleutel["kosten"]["realisatie"],
        "meerkosten_bijdrage": gerealiseerd[bijdrage],
        "resultaat": resultaat["realisatie"],
        "begroot_resultaat": resultaat["begroting"],
        "heeft_begroting": any(begroot_jaar.values()),
    }


def zorgverdeling(periode: Periode, *, gemeente=None) -> dict:
    """The care costs in euros: area teams and voorliggend veld against outsourced care. Two queries."""
    g = gerealiseerd_per_post(periode, gemeente=gemeente)
    eigen = g[Kostenpost.GEBIEDSTEAMS] + g[Kostenpost.VOORLIGGEND_VELD]
    uitbesteed = g[Kostenpost.SPECIALISTISCHE_ZORG]
    totaal = eigen + uitbesteed
    return {
        "periode": periode.label,
        "gebiedsteams": g[Kostenpost.GEBIEDSTEAMS],
        "voorliggend_veld": g[Kostenpost.VOORLIGGEND_VELD],
        "gebiedsteams_en_voorliggend_veld": eigen,
        "uitbesteed": uitbesteed,
        "totaal": totaal,
        "gebiedsteams_pct": _pct(eigen, totaal),
        "uitbesteed_pct": _pct(uitbesteed, totaal),
    }


def grootste_aanbieders(periode: Periode, *, gemeente=None, aantal: int = 7) -> dict:
    """The ``aantal`` providers with the most spending on outsourced care (``contracts.Uitgave``, category
    specialistische zorg) in the months of the period, each with its share of all outsourced care, and what the
    others together got. Two queries (the top and the total), whatever the number of providers."""
    basis = Uitgave.objects.filter(
        in_periode(periode), gemeente_q(gemeente), categorie=Uitgave.Categorie.SPECIALISTISCHE_ZORG
    )
    totaal = _euro(basis.aggregate(s=Sum("bedrag"))["s"] or NUL)
    rijen = [
        {"zorgaanbieder": r["zorgaanbieder__naam"], "bedrag": _euro(r["s"]), "aandeel_pct": _pct(_euro(r["s"]), totaal)}
        for r in basis.values("zorgaanbieder__naam")
        .annotate(s=Sum("bedrag"))
        .order_by("-s", "zorgaanbieder__naam")[:aantal]
    ]
    top = sum((r["bedrag"] for r in rijen), NUL)
    return {
        "periode": periode.label,
        "rijen": rijen,
        "top_bedrag": top,
        "top_pct": _pct(top, totaal),
        "overig_bedrag": totaal - top,
        "totaal": totaal,
    }


def peilmaand(vandaag: date) -> date:
    """The last whole month before ``vandaag`` (the bookkeeping books a month after it ends)."""
    return vandaag.replace(day=1) - timedelta(days=1)


def kosten_boven_begroting(vandaag: date, *, marge_pct: Decimal | None = None) -> QuerySet[Begrotingsregel]:
    """Budget lines of this year whose realised costs up to the last whole month exceed the budget pro rata by
    more than the margin (percent). One query: the realisation comes from two correlated sums."""
    peil = peilmaand(vandaag)
    marge = conf.marge_boven_begroting_pct() if marge_pct is None else Decimal(marge_pct)
    factor = (Decimal(peil.month) / 12 * (1 + marge / 100)).quantize(Decimal("0.0000000001"))
    geboekt = (
        Kostenregel.objects.filter(
            gemeente=OuterRef("gemeente"), jaar=OuterRef("jaar"), post=OuterRef("post"), maand__lte=peil.month
        )
        .order_by()
        .values("gemeente")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    uitgegeven = (
        Uitgave.objects.filter(
            gemeente=OuterRef("gemeente"), jaar=OuterRef("jaar"), categorie=OuterRef("post"), maand__lte=peil.month
        )
        .order_by()
        .values("gemeente")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    nul = Value(NUL, output_field=BEDRAG)
    return (
        Begrotingsregel.objects.filter(jaar=peil.year, post__in=KOSTENPOSTEN, bedrag__gt=0)
        .annotate(
            gerealiseerd=Coalesce(Subquery(geboekt, output_field=BEDRAG), nul)
            + Coalesce(Subquery(uitgegeven, output_field=BEDRAG), nul),
            grens=F("bedrag") * Value(factor, output_field=FACTOR),
        )
        .filter(gerealiseerd__gt=F("grens"))
        .select_related("gemeente")
        .order_by("gemeente__naam", "post")
    )
