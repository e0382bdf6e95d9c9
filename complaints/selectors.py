"""Reads of the complaints app: the worklist and the reports (aggregate queries, no loops over rows)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, DateField, F, Q, QuerySet, Value, When

from jens.models import Gemeente
from jens.periode import Periode
from jens.privacy import maskeer_aantal, maskeer_deel, maskeer_groep
from jens.scope import filter_op_scope

from .models import GESLOTEN_STATUSSEN, VOOR_BESLISSING, Aard, Klacht, Soort, Status, Uitkomst

EEN_DECIMAAL = Decimal("0.1")


def met_termijn(qs: QuerySet[Klacht]) -> QuerySet[Klacht]:
    """Annotate ``eerstvolgende_termijn``: the deadline that matters in the complaint's current status."""
    return qs.annotate(
        eerstvolgende_termijn=Case(
            When(status=Status.ONTVANGEN, then=F("oppakken_uiterlijk")),
            When(status__in=VOOR_BESLISSING, then=F("afhandelen_uiterlijk")),
            When(status=Status.UITSPRAAK, then=F("maatregelen_uiterlijk")),
            default=Value(None),
            output_field=DateField(),
        )
    )


def klachten_voor(user) -> QuerySet[Klacht]:
    """The complaints a user may see (scope enforced in the query), with the current deadline."""
    qs = Klacht.objects.select_related("aard", "gemeente", "gebied", "zorgaanbieder", "opgepakt_door")
    return met_termijn(filter_op_scope(qs, user, gemeente="gemeente", gebied="gebied"))


def werklijst(user, *, vandaag: date, status: str | None = None) -> QuerySet[Klacht]:
    """Open complaints (or those in ``status``), the most urgent deadline first."""
    qs = klachten_voor(user)
    qs = qs.filter(status=status) if status else qs.exclude(status__in=GESLOTEN_STATUSSEN)
    return qs.annotate(
        te_laat=Case(When(eerstvolgende_termijn__lt=vandaag, then=Value(True)), default=Value(False))
    ).order_by(F("eerstvolgende_termijn").asc(nulls_last=True), "ontvangen_op")


def _gemeente(gemeente: Gemeente | str | None) -> Gemeente | None:
    if gemeente is None or isinstance(gemeente, Gemeente):
        return gemeente
    return Gemeente.objects.get(code=gemeente)


def _in(periode: Periode, prefix: str = "") -> Q:
    return Q(**{f"{prefix}ontvangen_datum__gte": periode.van, f"{prefix}ontvangen_datum__lte": periode.tot})


def _procent(deel: int, geheel: int) -> Decimal | None:
    if not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(EEN_DECIMAAL, rounding=ROUND_HALF_UP)


def _mediaan(qs: QuerySet[Klacht], aantal: int) -> Decimal | None:
    """Median of ``werkdagen_tot_oppakken`` (stored at pickup), read in the database: the middle one or two rows."""
    if not aantal:
        return None
    laag, hoog = (aantal - 1) // 2, aantal // 2
    waarden = list(
        qs.filter(werkdagen_tot_oppakken__isnull=False)
        .order_by("werkdagen_tot_oppakken")
        .values_list("werkdagen_tot_oppakken", flat=True)[laag : hoog + 1]
    )
    return (Decimal(sum(waarden)) / len(waarden)).quantize(EEN_DECIMAAL, rounding=ROUND_HALF_UP)


def klachten_rapport(periode: Periode, *, gemeente: Gemeente | str | None = None) -> dict:
    """Complaint figures for a period next to the same period one year earlier (as the published tables).

    Three queries whatever the volume: counts per aard, one aggregate for totals, soorten, committee,
    pickup and outcomes, and the median (the middle one or two rows)."""
    gemeente = _gemeente(gemeente)
    vorige = periode.vorig_jaar()
    binnen = Q(gemeente=gemeente) if gemeente else Q()
    nu, toen = _in(periode) & binnen, _in(vorige) & binnen

    # The counts per aard are terms of the one aggregate below, which reads only the complaints of the two
    # periods (the index on ontvangen_datum), not a join of every complaint ever received to the aarden.
    aarden = list(Aard.objects.order_by("volgorde", "naam").values_list("pk", "code", "naam"))

    tijdig = Q(opgepakt_op__isnull=False, opgepakt_op__date__lte=F("oppakken_uiterlijk"))
    aggregaten = {
        "totaal": Count("pk", filter=nu),
        "totaal_vergelijking": Count("pk", filter=toen),
        "naar_commissie": Count("pk", filter=nu & Q(naar_commissie_op__isnull=False)),
        "tijdig": Count("pk", filter=nu & tijdig),
        "opgepakt": Count("pk", filter=nu & Q(werkdagen_tot_oppakken__isnull=False)),
    }
    for soort in Soort:
        aggregaten[f"soort_{soort.value}"] = Count("pk", filter=nu & Q(soort=soort))
        aggregaten[f"soort_{soort.value}_vg"] = Count("pk", filter=toen & Q(soort=soort))
    for uitkomst in Uitkomst:
        aggregaten[f"uitkomst_{uitkomst.value}"] = Count("pk", filter=nu & Q(uitkomst=uitkomst))
    for pk, _code, _naam in aarden:
        aggregaten[f"aard_{pk}"] = Count("pk", filter=nu & Q(aard_id=pk))
        aggregaten[f"aard_{pk}_vg"] = Count("pk", filter=toen & Q(aard_id=pk))
    cijfers = Klacht.objects.filter(nu | toen).aggregate(**aggregaten)
    per_aard = [
        {"aard": code, "naam": naam, "aantal": cijfers[f"aard_{pk}"], "aantal_vergelijking": cijfers[f"aard_{pk}_vg"]}
        for pk, code, naam in aarden
    ]

    return {
        "periode": periode.label,
        "vergelijkingsperiode": vorige.label,
        "gemeente": gemeente.code if gemeente else None,
        "totaal": cijfers["totaal"],
        "totaal_vergelijking": cijfers["totaal_vergelijking"],
        "per_aard": per_aard,
        "per_soort": [
            {
                "soort": s.value,
                "naam": str(s.label),
                "aantal": cijfers[f"soort_{s.value}"],
                "aantal_vergelijking": cijfers[f"soort_{s.value}_vg"],
            }
            for s in Soort
        ],
        "naar_commissie": cijfers["naar_commissie"],
        "aandeel_tijdig_opgepakt": _procent(cijfers["tijdig"], cijfers["totaal"]),
        "mediaan_werkdagen_tot_oppakken": _mediaan(Klacht.objects.filter(nu), cijfers["opgepakt"]),
        "uitkomsten": [
            {"uitkomst": u.value, "naam": str(u.label), "aantal": cijfers[f"uitkomst_{u.value}"]} for u in Uitkomst
        ],
    }


def klachten_jaarverslag(jaar: int, *, gemeente: Gemeente | str | None = None) -> dict:
    """The Jeugdwet annual-report items (art. 4.3.1): number and nature of the complaints, the gist of
    the committee's judgments and the measures taken, for one calendar year."""
    periode = Periode.parse(str(jaar))
    rapport = klachten_rapport(periode, gemeente=gemeente)
    gemeente = _gemeente(gemeente)
    uitspraken = Klacht.objects.filter(uitspraak_op__year=jaar)
    if gemeente:
        uitspraken = uitspraken.filter(gemeente=gemeente)
    return {
        "jaar": jaar,
        "aantal": rapport["totaal"],
        "per_aard": rapport["per_aard"],
        "per_soort": rapport["per_soort"],
        "naar_commissie": rapport["naar_commissie"],
        "uitspraken": list(
            uitspraken.order_by("uitspraak_op", "referentie").values(
                "referentie",
                "uitspraak_op",
                "uitkomst",
                "uitspraak",
                "aanbevelingen",
                "maatregelen_besloten_op",
                "maatregelen",
            )
        ),
    }


def maskeer_rapport(rapport: dict) -> dict:
    """The complaints report as a municipality may see it (jens.privacy, the rule of the dashboard): counts of 1 to 4
    as "<5", and in each group whose total is shown (the aarden and the soorten, each against the total) one more
    count hidden ("—") when only one is small, so that the total does not give it away; the share picked up on time
    and the median of fewer than 5 complaints as None ("—")."""

    def groep(rijen: list[dict], sleutel: str) -> list:
        return maskeer_groep([r[sleutel] for r in rijen])

    uit = {**rapport}
    for lijst in ("per_aard", "per_soort"):
        rijen = rapport[lijst]
        nu, toen = groep(rijen, "aantal"), groep(rijen, "aantal_vergelijking")
        uit[lijst] = [{**r, "aantal": a, "aantal_vergelijking": v} for r, a, v in zip(rijen, nu, toen, strict=True)]
    uit["totaal"] = maskeer_aantal(rapport["totaal"])
    uit["totaal_vergelijking"] = maskeer_aantal(rapport["totaal_vergelijking"])
    uit["naar_commissie"] = maskeer_aantal(rapport["naar_commissie"])
    uit["aandeel_tijdig_opgepakt"] = maskeer_deel(rapport["aandeel_tijdig_opgepakt"], rapport["totaal"])
    uit["mediaan_werkdagen_tot_oppakken"] = maskeer_deel(rapport["mediaan_werkdagen_tot_oppakken"], rapport["totaal"])
    uit["uitkomsten"] = [{**u, "aantal": maskeer_aantal(u["aantal"])} for u in rapport["uitkomsten"]]
    return uit


def maskeer_jaarverslag(jaarverslag: dict) -> dict:
    """The Jeugdwet items as a municipality may see them: the same rule as ``maskeer_rapport``."""
    uit = {**jaarverslag}
    for lijst in ("per_aard", "per_soort"):
        if lijst in jaarverslag:
            rijen = jaarverslag[lijst]
            nu, toen = [maskeer_groep([r[k] for r in rijen]) for k in ("aantal", "aantal_vergelijking")]
            uit[lijst] = [{**r, "aantal": a, "aantal_vergelijking": v} for r, a, v in zip(rijen, nu, toen, strict=True)]
    for k in ("aantal", "naar_commissie", "aantal_uitspraken"):
        if k in jaarverslag:
            uit[k] = maskeer_aantal(jaarverslag[k])
    return uit
