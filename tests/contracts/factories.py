from datetime import date
from decimal import Decimal

import factory

from contracts.models import (
    Actiepunt,
    Contract,
    ContractRegel,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Personeelsomvang,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)
from jens.models import Gemeente


class ZorgaanbiederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zorgaanbieder

    naam = factory.Sequence(lambda n: f"Aanbieder {n}")


class RelatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relatie

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    soort = Relatie.Soort.LID
    geldig_van = date(2021, 1, 1)
    geldig_tot = None


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    soort = Contract.Soort.LEVERING
    kenmerk = factory.Sequence(lambda n: f"JENS-{n:04d}")
    startdatum = date(2023, 1, 1)
    einddatum = date(2023, 12, 31)
    status = Contract.Status.ACTIEF


class ContractRegelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractRegel

    contract = factory.SubFactory(ContractFactory)
    product = "Ambulante begeleiding"
    eenheid = ContractRegel.Eenheid.UUR
    tarief = "72.50"
    geldig_van = date(2023, 1, 1)


class PersoneelsomvangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Personeelsomvang

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    jaar = 2021
    aantal_medewerkers = 5


class OpdrachtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opdracht

    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="heerlen"))
    jaar = 2021
    lumpsum = Decimal("1000000.00")


class UitgaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitgave

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    jaar = 2021
    maand = factory.Sequence(lambda n: n % 12 + 1)
    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="heerlen"))
    categorie = Uitgave.Categorie.SPECIALISTISCHE_ZORG
    bedrag = Decimal("1000.00")


class AfspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransformatieAfspraak

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    opdracht = "Wachttijd terugdringen"
    gewenst_resultaat = "Wachttijd onder vier weken"
    afgesproken_op = date(2023, 2, 1)
    streefdatum = date(2023, 12, 31)
    status = TransformatieAfspraak.Status.LOPEND


class GesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gesprek

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    soort = Gesprek.Soort.MONITORGESPREK
    gepland_op = date(2023, 3, 1)
    gehouden_op = date(2023, 3, 1)


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    gesprek = factory.SubFactory(GesprekFactory)
    omschrijving = "Cijfers aanleveren"
    deadline = date(2023, 4, 1)


class JaarrekeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JaarrekeningBeoordeling

    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    boekjaar = 2022
