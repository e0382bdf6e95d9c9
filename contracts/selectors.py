from datetime import date

from django.db.models import Q, QuerySet

from contracts.models import Relatie, Zorgaanbieder


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
