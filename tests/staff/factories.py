from datetime import date
from decimal import Decimal

import factory

from contracts.models import Relatie, Zorgaanbieder
from jens.models import Gebied
from staff.models import Domein, Formatie, Medewerker, Plaatsing, Scholing


class LidFactory(factory.django.DjangoModelFactory):
    """A provider that is a member (lid) of JENS from 2019."""

    class Meta:
        model = Zorgaanbieder
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Lid {n}")
    relatie = factory.RelatedFactory(
        "tests.staff.factories.RelatieFactory", factory_related_name="zorgaanbieder", soort="lid"
    )


class RelatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relatie

    zorgaanbieder = factory.SubFactory(LidFactory, relatie=None)
    soort = "lid"
    geldig_van = date(2019, 1, 1)


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    personeelsnummer = factory.Sequence(lambda n: f"P{n:05d}")
    naam = factory.Sequence(lambda n: f"Medewerker {n}")
    email = factory.LazyAttribute(lambda o: f"{o.personeelsnummer.lower()}@example.org")
    werkgever = factory.SubFactory(LidFactory)
    functie = Medewerker.Functie.JEUGDHULPVERLENER
    in_dienst_van = date(2020, 1, 1)


class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    medewerker = factory.SubFactory(MedewerkerFactory)
    gebied = factory.LazyFunction(lambda: Gebied.objects.get(code="landgraaf"))
    domein = Domein.GEBIEDSTEAM
    fte = Decimal("0.80")
    van = factory.LazyAttribute(lambda o: o.medewerker.in_dienst_van)


class FormatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Formatie

    gebied = factory.LazyFunction(lambda: Gebied.objects.get(code="landgraaf"))
    domein = Domein.GEBIEDSTEAM
    fte = Decimal("10.00")
    geldig_van = date(2020, 1, 1)


class ScholingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scholing

    medewerker = factory.SubFactory(MedewerkerFactory)
    soort = Scholing.Soort.MELDCODE_BASIS
    datum = date(2020, 2, 1)
