from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Sum

from contracts import conf
from contracts.models import (
    Actiepunt,
    Contract,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Personeelsomvang,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)

CENT = Decimal("0.01")


def relaties_op(datum: date) -> QuerySet[Relatie]:
    """The relation periods that hold on ``datum``."""
    return Relatie.objects.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=datum), geldig_van__lte=datum)


def soort_op(zorgaanbieder: Zorgaanbieder, datum: date) -> str | None:
    """The kind of relation of a provider on a date, or None."""
    return relaties_op(datum).filter(zorgaanbieder=zorgaanbieder).values_list("soort", flat=True).first()


def is_lid_op(zorgaanbieder: Zorgaanbieder, datum: date) -> bool:
    return soort_op(zorgaanbieder, datum) == Relatie.Soort.LID


# The kinds of relation whose staff work in the area teams: the members and the strategic subcontractors
# (they share the transformation assignment); a plain or incidental supplier only delivers care.
WERKGEVER_SOORTEN = (Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER)


def mag_werkgever_zijn_op(zorgaanbieder: Zorgaanbieder, datum: date) -> bool:
    """True when the provider is a member or a strategic subcontractor of JENS on ``datum``."""
    return soort_op(zorgaanbieder, datum) in WERKGEVER_SOORTEN


def leden_op(datum: date) -> QuerySet[Zorgaanbieder]:
    return Zorgaanbieder.objects.filter(
        pk__in=relaties_op(datum).filter(soort=Relatie.Soort.LID).values("zorgaanbieder")
    )


LOPENDE_CONTRACTSTATUSSEN = (Contract.Status.ACTIEF, Contract.Status.OPGEZEGD)


def contracten_op(datum: date) -> QuerySet[Contract]:
    """Contracts in force on ``datum``: active (or given notice but still running) and within their dates."""
    return Contract.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=datum),
        status__in=LOPENDE_CONTRACTSTATUSSEN,
        startdatum__lte=datum,
    )


def actief_contract_op(zorgaanbieder: Zorgaanbieder, datum: date) -> Contract | None:
    """The contract of a provider in force on ``datum`` (the most recently started one), or None."""
    return contracten_op(datum).filter(zorgaanbieder=zorgaanbieder).order_by("-startdatum", "-pk").first()


def heeft_actieve_relatie_of_contract_op(zorgaanbieder: Zorgaanbieder, datum: date) -> bool:
    """True when the provider has a relation period or a contract in force on ``datum`` (one query)."""
    return (
        Zorgaanbieder.objects.filter(pk=zorgaanbieder.pk)
        .filter(
            Q(pk__in=relaties_op(datum).values("zorgaanbieder"))
            | Q(pk__in=contracten_op(datum).values("zorgaanbieder"))
        )
        .exists()
    )


# --- Small providers ----------------------------------------------------------------------------


def kleine_omvang() -> Q:
    """Q on Personeelsomvang: fewer employees than the limit (counted, or known to be below a bound)."""
    grens = conf.kleine_aanbieder_grens()
    return Q(aantal_medewerkers__lt=grens) | Q(minder_dan__lte=grens)


def kleine_aanbieder_filter(jaar: int) -> Q:
    """Q on Personeelsomvang for 'fewer than the limit employees on 1 January of ``jaar``'."""
    return Q(jaar=jaar) & kleine_omvang()


def kleine_aanbieders(jaar: int) -> QuerySet[Zorgaanbieder]:
    """Providers that are a kleine aanbieder in ``jaar`` (derived from Personeelsomvang)."""
    return Zorgaanbieder.objects.filter(
        pk__in=Personeelsomvang.objects.filter(kleine_aanbieder_filter(jaar)).values("zorgaanbieder")
    )


def opdrachtsom(jaar: int) -> Decimal:
    totaal = Opdracht.objects.filter(jaar=jaar).aggregate(
        som=Sum(F("lumpsum") + F("verhoging_lumpsum") + F("aanvullende_taken"))
    )["som"]
    return Decimal(totaal or 0).quantize(CENT)


def kleine_aanbieders_rapport(jaar: int) -> dict:
    """The 4% rule: spending at small providers in ``jaar`` ÷ the opdrachtsom of that year."""
    som = opdrachtsom(jaar)
    per_aanbieder = list(
        Uitgave.objects.filter(jaar=jaar, zorgaanbieder__in=kleine_aanbieders(jaar))
        .values("zorgaanbieder__naam")
        .annotate(bedrag=Sum("bedrag"))
        .order_by("-bedrag", "zorgaanbieder__naam")
    )
    besteed = sum((r["bedrag"] for r in per_aanbieder), Decimal("0")).quantize(CENT)
    norm = conf.norm_kleine_aanbieders()
    aandeel = (besteed * 100 / som) if som else Decimal("0")
    return {
        "jaar": jaar,
        "opdrachtsom": som,
        "besteed_kleine_aanbieders": besteed,
        "percentage": aandeel.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        "norm": norm,
        "voldaan": bool(som) and aandeel >= norm,
        "aanbieders": [{"naam": r["zorgaanbieder__naam"], "bedrag": r["bedrag"].quantize(CENT)} for r in per_aanbieder],
    }


def laatste_jaar_met_gegevens(tot_jaar: int) -> int:
    """The last year up to ``tot_jaar`` with spending or an opdrachtsom, so that a report opens on figures (the
    current year has none until the first spending is imported); ``tot_jaar`` when there is none at all."""
    jaren = [
        Uitgave.objects.filter(jaar__lte=tot_jaar).aggregate(j=Max("jaar"))["j"],
        Opdracht.objects.filter(jaar__lte=tot_jaar).aggregate(j=Max("jaar"))["j"],
    ]
    return max((j for j in jaren if j is not None), default=tot_jaar)


def zonder_aanbiedernamen(*, kleine_aanbieders: dict, per_soort: dict, uitgaven: dict) -> dict:
    """The reports as the gemeente may see them: counts per kind and totals, no provider names and no spending
    per provider."""
    return {
        "kleine_aanbieders": {
            **{k: v for k, v in kleine_aanbieders.items() if k != "aanbieders"},
            "aantal_aanbieders": len(kleine_aanbieders["aanbieders"]),
        },
        "per_soort": {soort: len(namen) for soort, namen in per_soort.items()},
        "uitgaven": {k: v for k, v in uitgaven.items() if k not in ("per_aanbieder_categorie", "top_aanbieders")},
    }


def aanbieders_per_soort_op(datum: date) -> dict[str, list[str]]:
    """Providers per kind on ``datum`` as in the annual report's appendix: members, subcontractors, suppliers,
    incidental suppliers and small providers. As in the appendix, a small provider is listed only under
    ``kleine_aanbieder``, not also under the kind of its relation."""
    klein_ids = set(kleine_aanbieders(datum.year).values_list("pk", flat=True))
    rijen = relaties_op(datum).values_list("soort", "zorgaanbieder_id", "zorgaanbieder__naam")
    uitkomst: dict[str, list[str]] = {soort: [] for soort in Relatie.Soort.values}
    uitkomst["kleine_aanbieder"] = []
    for soort, aanbieder_id, naam in rijen:
        uitkomst["kleine_aanbieder" if aanbieder_id in klein_ids else soort].append(naam)
    return {soort: sorted(namen, key=str.lower) for soort, namen in uitkomst.items()}


# --- Transformation agreements, meetings ----------------------------------------------------------


def transformatie_rapport(*, peildatum: date, streefdatum: date | None = None, streefaantal: int | None = None) -> dict:
    """Providers with at least one agreement agreed by ``streefdatum`` (or ``peildatum``) against the target
    (from the settings for that year when not given), and the agreements per status on ``peildatum``."""
    if streefdatum is None and streefaantal is None:
        streefdatum, streefaantal = conf.doel_transformatieafspraken(peildatum.year)
    grens = streefdatum or peildatum
    aantal = TransformatieAfspraak.objects.filter(afgesproken_op__lte=grens).values("zorgaanbieder").distinct().count()
    per_status = {
        r["status"]: r["aantal"]
        for r in TransformatieAfspraak.objects.filter(afgesproken_op__lte=peildatum)
        .values("status")
        .annotate(aantal=Count("pk"))
        .order_by()
    }
    return {
        "peildatum": peildatum,
        "aantal_aanbieders_met_afspraak": aantal,
        "streefaantal": streefaantal,
        "streefdatum": streefdatum,
        "voldaan": None if streefaantal is None else aantal >= streefaantal,
        "per_status": [
            {"status": status, "label": str(label), "aantal": per_status.get(status, 0)}
            for status, label in TransformatieAfspraak.Status.choices
        ],
    }


def monitorgesprek_te_laat(vandaag: date) -> QuerySet[Zorgaanbieder]:
    """Providers with an open or running agreement and no monitorgesprek held within the norm (one query)."""
    sinds = vandaag - relativedelta(months=conf.monitorgesprek_maanden())
    return (
        Zorgaanbieder.objects.filter(
            afspraken__status__in=(TransformatieAfspraak.Status.OPEN, TransformatieAfspraak.Status.LOPEND),
            afspraken__afgesproken_op__lt=sinds,
        )
        .exclude(
            pk__in=Gesprek.objects.filter(
                soort=Gesprek.Soort.MONITORGESPREK, gehouden_op__gte=sinds, gehouden_op__lte=vandaag
            ).values("zorgaanbieder")
        )
        .distinct()
    )


def gesprek_gepland_niet_gehouden(vandaag: date) -> QuerySet[Gesprek]:
    return Gesprek.objects.filter(gehouden_op__isnull=True, gepland_op__lt=vandaag)


def gesprekken_rapport(jaar: int, *, vandaag: date | None = None) -> dict:
    """Meetings held in ``jaar`` by kind against the target for monitoring meetings; overdue meetings now."""
    vandaag = vandaag or date.today()
    gehouden = {
        r["soort"]: r["aantal"]
        for r in Gesprek.objects.filter(gehouden_op__year=jaar).values("soort").annotate(aantal=Count("pk")).order_by()
    }
    monitor = gehouden.get(Gesprek.Soort.MONITORGESPREK, 0)
    streef = conf.doel_monitorgesprekken(jaar)
    return {
        "jaar": jaar,
        "per_soort": [
            {"soort": soort, "label": str(label), "gehouden": gehouden.get(soort, 0)}
            for soort, label in Gesprek.Soort.choices
        ],
        "monitorgesprekken_gehouden": monitor,
        "streefaantal": streef,
        "voldaan": None if streef is None else monitor >= streef,
        "achterstallig": monitorgesprek_te_laat(vandaag).count() + gesprek_gepland_niet_gehouden(vandaag).count(),
    }


# --- Spending -------------------------------------------------------------------------------------


def uitgaven_rapport(jaar: int, top: int = 10) -> dict:
    """Spending in ``jaar``: total, per category, per provider and category, and the top providers."""
    basis = Uitgave.objects.filter(jaar=jaar)
    per_categorie = {
        r["categorie"]: r["bedrag"] for r in basis.values("categorie").annotate(bedrag=Sum("bedrag")).order_by()
    }
    per_aanbieder_categorie = [
        {
            "naam": r["zorgaanbieder__naam"],
            "categorie": r["categorie"],
            "categorie_label": str(Uitgave.Categorie(r["categorie"]).label),
            "bedrag": r["bedrag"],
        }
        for r in basis.values("zorgaanbieder__naam", "categorie")
        .annotate(bedrag=Sum("bedrag"))
        .order_by("zorgaanbieder__naam", "categorie")
    ]
    top_aanbieders = [
        {"naam": r["zorgaanbieder__naam"], "bedrag": r["bedrag"]}
        for r in basis.values("zorgaanbieder__naam")
        .annotate(bedrag=Sum("bedrag"))
        .order_by("-bedrag", "zorgaanbieder__naam")[:top]
    ]
    return {
        "jaar": jaar,
        "totaal": sum(per_categorie.values(), Decimal("0")),
        "per_categorie": [
            {"categorie": c, "label": str(label), "bedrag": per_categorie.get(c, Decimal("0"))}
            for c, label in Uitgave.Categorie.choices
        ],
        "per_aanbieder_categorie": per_aanbieder_categorie,
        "top_aanbieders": top_aanbieders,
    }


# --- Overdue items (signaleringen): each one query ------------------------------------------------


def contracten_zonder_opvolger(vandaag: date) -> QuerySet[Contract]:
    """Contracts in force that end within the configured number of days and have no successor (a later
    contract of the same provider that is not ended)."""
    opvolger = Contract.objects.filter(
        zorgaanbieder=OuterRef("zorgaanbieder"), startdatum__gt=OuterRef("startdatum")
    ).exclude(status=Contract.Status.BEEINDIGD)
    return (
        Contract.objects.filter(
            status__in=LOPENDE_CONTRACTSTATUSSEN,
            einddatum__gte=vandaag,
            einddatum__lte=vandaag + timedelta(days=conf.contract_einde_dagen()),
        )
        .exclude(Exists(opvolger))
        .select_related("zorgaanbieder")
    )


def actiepunten_te_laat(vandaag: date) -> QuerySet[Actiepunt]:
    return Actiepunt.objects.filter(afgerond_op__isnull=True, deadline__lt=vandaag).select_related(
        "gesprek__zorgaanbieder", "eigenaar"
    )


def afspraken_te_laat(vandaag: date) -> QuerySet[TransformatieAfspraak]:
    return TransformatieAfspraak.objects.filter(
        status__in=(TransformatieAfspraak.Status.OPEN, TransformatieAfspraak.Status.LOPEND), streefdatum__lt=vandaag
    ).select_related("zorgaanbieder")


def jaarrekening_ontbreekt(vandaag: date) -> QuerySet[Zorgaanbieder]:
    """Members and subcontractors (on the due date) without a review of the previous year's accounts once the
    due date of this year has passed."""
    uiterlijk = conf.jaarrekening_uiterlijk(vandaag.year)
    if vandaag <= uiterlijk:
        uiterlijk = conf.jaarrekening_uiterlijk(vandaag.year - 1)
    boekjaar = uiterlijk.year - 1
    return Zorgaanbieder.objects.filter(
        pk__in=relaties_op(uiterlijk)
        .filter(soort__in=(Relatie.Soort.LID, Relatie.Soort.ONDERAANNEMER))
        .values("zorgaanbieder")
    ).exclude(
        pk__in=JaarrekeningBeoordeling.objects.filter(boekjaar=boekjaar, beoordeeld_op__isnull=False).values(
            "zorgaanbieder"
        )
    )
