from datetime import date

import factory

from contracts.models import Contract, ContractRegel, Relatie, Zorgaanbieder


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
