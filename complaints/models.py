"""Klachten and meldingen van ongenoegen: the complaint, its categories (aard), its timeline and the
per-year counter behind the reference numbers. Status changes only through ``complaints.services``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Aard(models.Model):
    """Category of a complaint; the five of the published reports are seeded by migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    actief = models.BooleanField(_("actief"), default=True, help_text=_("Alleen actieve categorieën zijn te kiezen."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("aard van de klacht")
        verbose_name_plural = _("aarden van klachten")

    def __str__(self) -> str:
        return self.naam


class Soort(models.TextChoices):
    KLACHT = "klacht", _("klacht")
    MELDING_VAN_ONGENOEGEN = "melding_van_ongenoegen", _("melding van ongenoegen")


class Kanaal(models.TextChoices):
    WEBSITE = "website", _("website")
    EMAIL = "email", _("e-mail")
    TELEFOON = "telefoon", _("telefoon")
    BRIEF = "brief", _("brief")
    PERSOONLIJK = "persoonlijk", _("persoonlijk")


class IndienerRol(models.TextChoices):
    JEUGDIGE = "jeugdige", _("jeugdige")
    OUDER = "ouder", _("ouder of verzorger")
    PLEEGOUDER = "pleegouder", _("pleegouder")
    VERTEGENWOORDIGER = "vertegenwoordiger", _("vertegenwoordiger")
    ZORGAANBIEDER = "zorgaanbieder", _("zorgaanbieder")
    ANDERS = "anders", _("anders")


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    OPGEPAKT = "opgepakt", _("opgepakt")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    AFGEHANDELD = "afgehandeld", _("afgehandeld")
    BIJ_COMMISSIE = "bij_commissie", _("bij de klachtencommissie")
    UITSPRAAK = "uitspraak", _("uitspraak commissie")
    MAATREGELEN_BESLOTEN = "maatregelen_besloten", _("maatregelen besloten")
    AFGESLOTEN = "afgesloten", _("afgesloten")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


# Open = not closed; the decision term runs until the officer decides or the committee judges.
GESLOTEN_STATUSSEN = (Status.AFGESLOTEN, Status.INGETROKKEN)
VOOR_BESLISSING = (Status.ONTVANGEN, Status.OPGEPAKT, Status.IN_BEHANDELING, Status.BIJ_COMMISSIE)


class Uitkomst(models.TextChoices):
    OPGELOST = "opgelost", _("opgelost")
    GEGROND = "gegrond", _("gegrond")
    DEELS_GEGROND = "deels_gegrond", _("deels gegrond")
    ONGEGROND = "ongegrond", _("ongegrond")


class Klacht(models.Model):
    referentie = models.CharField(_("referentie"), max_length=20, unique=True, editable=False)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices, default=Soort.KLACHT)
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    ontvangen_datum = models.DateField(_("datum van ontvangst"), editable=False)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.ONTVANGEN)
    versie = models.PositiveIntegerField(
        _("versie"),
        default=1,
        editable=False,
        help_text=_("Stijgt bij elke wijziging; voorkomt dat wijzigingen elkaar overschrijven."),
    )

    # the complainant (contact details: klachtenfunctionaris and management only)
    indiener_naam = models.CharField(_("naam indiener"), max_length=150, blank=True)
    indiener_email = models.EmailField(_("e-mail indiener"), max_length=254, blank=True)
    indiener_telefoon = models.CharField(_("telefoon indiener"), max_length=30, blank=True)
    indiener_rol = models.CharField(_("rol indiener"), max_length=30, choices=IndienerRol.choices, blank=True)

    # what it concerns
    gemeente = models.ForeignKey(
        "jens.Gemeente",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klachten",
        verbose_name=_("gemeente"),
    )
    gebied = models.ForeignKey(
        "jens.Gebied",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klachten",
        verbose_name=_("gebied"),
    )
    zorgaanbieder = models.ForeignKey(
        "contracts.Zorgaanbieder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klachten",
        verbose_name=_("zorgaanbieder"),
    )
    betreft = models.CharField(_("betreft (team of persoon)"), max_length=300, blank=True)
    aard = models.ForeignKey(Aard, on_delete=models.PROTECT, related_name="klachten", verbose_name=_("aard"))
    omschrijving = models.TextField(_("omschrijving"))
    gewenste_uitkomst = models.TextField(_("gewenste uitkomst"), blank=True)

    # terms: computed once by the service, stored and indexed
    oppakken_uiterlijk = models.DateField(_("oppakken uiterlijk"), editable=False)
    afhandelen_uiterlijk = models.DateField(_("afhandelen uiterlijk"), editable=False)
    verlengd_met_weken = models.PositiveSmallIntegerField(
        _("verlengd met (weken)"), null=True, blank=True, editable=False
    )
    verlenging_reden = models.TextField(_("reden verlenging"), blank=True, editable=False)
    maatregelen_uiterlijk = models.DateField(_("besluit maatregelen uiterlijk"), null=True, blank=True, editable=False)

    # workflow
    opgepakt_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True, editable=False)
    opgepakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opgepakte_klachten",
        verbose_name=_("opgepakt door"),
        editable=False,
    )
    werkdagen_tot_oppakken = models.PositiveSmallIntegerField(
        _("werkdagen tot oppakken"), null=True, blank=True, editable=False
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True, editable=False)
    naar_commissie_op = models.DateField(_("naar commissie op"), null=True, blank=True, editable=False)
    uitspraak_op = models.DateField(_("datum uitspraak"), null=True, blank=True, editable=False)
    uitspraak = models.TextField(_("strekking uitspraak"), blank=True, editable=False)
    aanbevelingen = models.TextField(_("aanbevelingen"), blank=True, editable=False)
    maatregelen_besloten_op = models.DateField(_("maatregelen besloten op"), null=True, blank=True, editable=False)
    maatregelen = models.TextField(_("besluit over maatregelen"), blank=True, editable=False)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True, editable=False)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-ontvangen_op"]
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        constraints = [
            models.CheckConstraint(
                condition=Q(oppakken_uiterlijk__gt=models.F("ontvangen_datum")), name="klacht_oppakken_na_ontvangst"
            ),
            models.CheckConstraint(
                condition=Q(afhandelen_uiterlijk__gt=models.F("ontvangen_datum")), name="klacht_afhandelen_na_ontvangst"
            ),
            models.CheckConstraint(condition=Q(versie__gte=1), name="klacht_versie_positief"),
            models.CheckConstraint(
                condition=Q(status=Status.ONTVANGEN) | Q(opgepakt_op__isnull=False) | Q(status=Status.INGETROKKEN),
                name="klacht_opgepakt_heeft_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.AFGEHANDELD) | ~Q(uitkomst=""), name="klacht_afgehandeld_heeft_uitkomst"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "oppakken_uiterlijk"], name="klacht_status_oppakken_idx"),
            models.Index(fields=["status", "afhandelen_uiterlijk"], name="klacht_status_afhandelen_idx"),
            models.Index(fields=["status", "maatregelen_uiterlijk"], name="klacht_status_maatregelen_idx"),
            models.Index(fields=["ontvangen_datum"], name="klacht_ontvangen_datum_idx"),
            models.Index(fields=["status", "afgesloten_op"], name="klacht_status_afgesloten_idx"),
            models.Index(fields=["-ontvangen_op", "-id"], name="klacht_lijst_idx"),  # the API's ordering
        ]

    def __str__(self) -> str:
        return self.referentie

    @property
    def is_open(self) -> bool:
        return self.status not in GESLOTEN_STATUSSEN


class KlachtStap(models.Model):
    """One step in the timeline of a complaint: who did what, when, with a note."""

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="stappen", verbose_name=_("klacht"))
    actie = models.CharField(_("actie"), max_length=30)
    van_status = models.CharField(_("van status"), max_length=30, choices=Status.choices, blank=True)
    naar_status = models.CharField(_("naar status"), max_length=30, choices=Status.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klachtstappen",
        verbose_name=_("door"),
    )
    door_naam = models.CharField(_("door (naam)"), max_length=150)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    notitie = models.TextField(_("notitie"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("tijdlijn")
        indexes = [models.Index(fields=["klacht", "tijdstip"], name="klachtstap_klacht_tijd_idx")]

    def __str__(self) -> str:
        return f"{self.klacht} {self.actie} {self.tijdstip:%d-%m-%Y %H:%M}"


class ReferentieTeller(models.Model):
    """The last reference number used per year; locked with SELECT ... FOR UPDATE when a number is taken."""

    jaar = models.PositiveIntegerField(_("jaar"), primary_key=True)
    laatste = models.PositiveIntegerField(_("laatste nummer"), default=0)

    class Meta:
        verbose_name = _("referentieteller")
        verbose_name_plural = _("referentietellers")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"
