from datetime import date

import factory

from cases.models import Hulpvraag, Jeugdige, MeldcodeTraject, VeiligThuisMelding
from cases.services import genereer_clientnummers
from contracts.models import Zorgaanbieder
from jens.models import Gebied
from jens.werkdagen import add_working_days
from staff.models import Medewerker


class AanbiederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zorgaanbieder

    naam = factory.Sequence(lambda n: f"Testaanbieder {n}")


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    personeelsnummer = factory.Sequence(lambda n: f"P{n:05d}")
    naam = factory.Sequence(lambda n: f"Medewerker {n}")
    werkgever = factory.SubFactory(AanbiederFactory)
    functie = Medewerker.Functie.JEUGDHULPVERLENER
    in_dienst_van = date(2020, 1, 1)


class JeugdigeFactory(factory.django.DjangoModelFactory):
    """Synthetic young people (invented names, no BSN unless given)."""

    class Meta:
        model = Jeugdige

    achternaam = factory.Sequence(lambda n: f"Testpersoon{n}")
    voornamen = "Anna Maria"
    geboortedatum = date(2012, 5, 17)
    reden_geen_bsn = Jeugdige.RedenGeenBsn.ANONIEM
    gebied = factory.LazyFunction(lambda: Gebied.objects.get(code="heerlen-1"))
    gemeente = factory.LazyAttribute(lambda o: o.gebied.gemeente)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = super()._create(model_class, *args, **kwargs)
        genereer_clientnummers(model_class.objects.filter(pk=obj.pk))
        obj.refresh_from_db(fields=["clientnummer"])
        return obj


class HulpvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hulpvraag

    jeugdige = factory.SubFactory(JeugdigeFactory)
    ontvangen_op = date(2023, 3, 1)
    verwijzer = Hulpvraag.Verwijzer.HUISARTS
    soort = Hulpvraag.Soort.NIEUWE_CLIENT
    dossier_uiterlijk = factory.LazyAttribute(lambda o: add_working_days(o.ontvangen_op, 5))


class MeldcodeTrajectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeldcodeTraject

    jeugdige = factory.SubFactory(JeugdigeFactory)
    gestart_op = date(2023, 3, 1)
    signalen = "Blauwe plekken gezien op school."


class VeiligThuisMeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VeiligThuisMelding

    jeugdige = factory.SubFactory(JeugdigeFactory)
    ontvangen_op = date(2023, 3, 1)
    omschrijving = "Melding van Veilig Thuis."
    opvolgen_uiterlijk = factory.LazyAttribute(lambda o: add_working_days(o.ontvangen_op, 5))
