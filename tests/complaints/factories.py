"""Complaints are made through the intake service, so reference and terms are always computed."""

import importlib
from datetime import datetime, time

import factory
from django.utils import timezone

from complaints import services
from complaints.models import Aard, Kanaal, Klacht, Soort

AARDEN = importlib.import_module("complaints.migrations.0002_aarden").AARDEN


def aard(code: str = "verwijzing") -> Aard:
    """The seeded aard; recreated when a transactional test flushed the migration data."""
    if not Aard.objects.filter(code=code).exists():
        for c, naam, volgorde in AARDEN:
            Aard.objects.get_or_create(code=c, defaults={"naam": naam, "volgorde": volgorde})
    return Aard.objects.get(code=code)


def moment(d, uur: int = 10, minuut: int = 0) -> datetime:
    """A local (Europe/Amsterdam) moment on date ``d``."""
    return timezone.make_aware(datetime.combine(d, time(uur, minuut)))


class KlachtFactory(factory.Factory):
    class Meta:
        model = Klacht

    kanaal = Kanaal.TELEFOON
    soort = Soort.KLACHT
    aard = factory.LazyFunction(aard)
    omschrijving = factory.Sequence(lambda n: f"Klacht nummer {n}: de hulp kwam te laat op gang.")
    indiener_naam = factory.Sequence(lambda n: f"Indiener {n}")
    indiener_email = factory.Sequence(lambda n: f"indiener{n}@voorbeeld.invalid")
    indiener_telefoon = "045-1234567"
    indiener_rol = "ouder"
    ontvangen_op = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.maak_klacht(**kwargs)


def door_workflow(klacht: Klacht, acties, door, **gegevens) -> Klacht:
    """Run ``acties`` in order through the transition service."""
    for actie in acties:
        klacht = services.voer_actie(
            klacht=klacht, actie=actie, door=door, versie=klacht.versie, **gegevens.get(actie, {})
        )
    return klacht
