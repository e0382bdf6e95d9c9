from datetime import date

from django.db.models import Q, QuerySet

from contracts.models import Contract, Relatie, Zorgaanbieder


def relaties_op(datum: date) -> QuerySet[Relatie]:
    """The relation periods that hold on ``datum``."""
    return Relatie.objects.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=datum), geldig_van__lte=datum)


def soort_op(zorgaanbieder: Zorgaanbieder, datum: date) -> str | None:
    """The kind of relation of a provider on a date, or None."""
    return relaties_op(datum).filter(zorgaanbieder=zorgaanbieder).values_list("soort", flat=True).first()


def is_lid_op(zorgaanbieder: Zorgaanbieder, datum: date) -> bool:
    return soort_op(zorgaanbieder, datum) == Relatie.Soort.LID


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
