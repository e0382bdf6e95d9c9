from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

acht_cijfers = RegexValidator(r"^\d{8}$", _("Vul precies 8 cijfers in."))


class Zorgaanbieder(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[acht_cijfers])
    agb_code = models.CharField(_("AGB-code"), max_length=8, blank=True, validators=[acht_cijfers])
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    notities = models.TextField(_("notities"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("zorgaanbieder")
        verbose_name_plural = _("zorgaanbieders")
        constraints = [
            models.UniqueConstraint(
                Lower("naam"), name="zorgaanbieder_naam_uniek", violation_error_message=_("Deze naam bestaat al.")
            ),
            models.UniqueConstraint(
                fields=["kvk_nummer"],
                condition=~Q(kvk_nummer=""),
                name="zorgaanbieder_kvk_uniek",
                violation_error_message=_("Dit KvK-nummer is al in gebruik."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class AndereNaam(models.Model):
    """Another name a provider is known by (the reports spell names differently across years)."""

    zorgaanbieder = models.ForeignKey(Zorgaanbieder, on_delete=models.CASCADE, related_name="andere_namen")
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("andere naam")
        verbose_name_plural = _("andere namen")
        constraints = [models.UniqueConstraint(Lower("naam"), name="anderenaam_naam_uniek")]

    def __str__(self) -> str:
        return self.naam


class Relatie(models.Model):
    """The kind of relation of a provider to JENS over a period [geldig_van, geldig_tot)."""

    class Soort(models.TextChoices):
        LID = "lid", _("lid")
        ONDERAANNEMER = "onderaannemer", _("strategische onderaannemer")
        LEVERANCIER = "leverancier", _("gecontracteerde leverancier")
        INCIDENTEEL = "incidenteel", _("incidentele leverancier")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.CASCADE, related_name="relaties", verbose_name=_("zorgaanbieder")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True, help_text=_("Exclusief; leeg = lopend."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["zorgaanbieder__naam", "geldig_van"]
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=models.F("geldig_van")),
                name="relatie_tot_na_van",
                violation_error_message=_("De einddatum moet na de begindatum liggen."),
            )
        ]
        indexes = [models.Index(fields=["soort", "geldig_van", "geldig_tot"], name="relatie_soort_periode_idx")]

    def __str__(self) -> str:
        tot = f"{self.geldig_tot:%d-%m-%Y}" if self.geldig_tot else "…"
        return f"{self.zorgaanbieder}: {self.get_soort_display()} {self.geldig_van:%d-%m-%Y} – {tot}"


def contract_document_pad(instance: "Contract", filename: str) -> str:
    return f"contracten/{instance.kenmerk or 'zonder-kenmerk'}/{filename}"


class Contract(models.Model):
    """A contract with a provider. Status transitions are checked in ``services.wijzig_contractstatus``."""

    class Soort(models.TextChoices):
        LEDENOVEREENKOMST = "ledenovereenkomst", _("ledenovereenkomst")
        ONDERAANNEMING = "onderaanneming", _("onderaannemingsovereenkomst")
        LEVERING = "levering", _("leveringsovereenkomst")
        INCIDENTEEL = "incidenteel", _("incidentele overeenkomst")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        ACTIEF = "actief", _("actief")
        OPGEZEGD = "opgezegd", _("opgezegd")
        BEEINDIGD = "beeindigd", _("beëindigd")

    class IncidenteleReden(models.TextChoices):
        REEDS_IN_ZORG = "reeds_in_zorg", _("jeugdige is al in zorg en overdracht is niet verantwoord")
        BUITEN_REGIO = "buiten_regio", _("jeugdige woont buiten de regio")
        NICHEZORG = "nichezorg", _("nichezorg die niet gecontracteerd is")
        RECHTER_GI = "rechter_gi", _("opgelegd door rechter of gecertificeerde instelling")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="contracten", verbose_name=_("zorgaanbieder")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    kenmerk = models.CharField(_("kenmerk"), max_length=50, unique=True)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, help_text=_("Leeg = onbepaalde tijd."))
    gemeenten = models.ManyToManyField(
        "jens.Gemeente", blank=True, related_name="contracten", verbose_name=_("gemeenten")
    )
    plafond = models.DecimalField(_("plafondbedrag"), max_digits=14, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    document = models.FileField(
        _("getekend document"),
        upload_to=contract_document_pad,
        blank=True,
        validators=[FileExtensionValidator(["pdf"], _("Upload een PDF-bestand."))],
    )
    incidentele_reden = models.CharField(
        _("reden incidentele inzet"), max_length=20, choices=IncidenteleReden.choices, blank=True
    )
    client_referentie = models.CharField(
        _("cliëntreferentie"), max_length=50, blank=True, help_text=_("Alleen bij een incidentele overeenkomst.")
    )
    opmerkingen = models.TextField(_("opmerkingen"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zorgaanbieder__naam", "-startdatum"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="contract_eind_na_start",
                violation_error_message=_("De einddatum mag niet voor de startdatum liggen."),
            ),
            models.CheckConstraint(
                condition=Q(plafond__isnull=True) | Q(plafond__gte=0),
                name="contract_plafond_niet_negatief",
                violation_error_message=_("Het plafondbedrag mag niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=(~Q(soort="incidenteel") & Q(incidentele_reden="") & Q(client_referentie=""))
                | (Q(soort="incidenteel") & ~Q(incidentele_reden="") & ~Q(client_referentie="")),
                name="contract_incidenteel_reden_client",
                violation_error_message=_(
                    "Een incidentele overeenkomst heeft een reden en een cliëntreferentie; andere contracten niet."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "einddatum"], name="contract_status_eind_idx"),
            models.Index(fields=["zorgaanbieder", "startdatum"], name="contract_aanbieder_start_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.zorgaanbieder})"


class ContractRegel(models.Model):
    """A product with its tariff from a date. A tariff change is a new line; older lines stay as history."""

    class Eenheid(models.TextChoices):
        UUR = "uur", _("uur")
        DAG = "dag", _("dag")
        TRAJECT = "traject", _("traject")
        MAAND = "maand", _("maand")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="regels", verbose_name=_("contract"))
    product = models.CharField(_("product"), max_length=150)
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices)
    tarief = models.DecimalField(_("tarief (euro)"), max_digits=10, decimal_places=2)
    geldig_van = models.DateField(_("geldig van"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "product", "-geldig_van"]
        verbose_name = _("contractregel")
        verbose_name_plural = _("contractregels")
        constraints = [
            models.CheckConstraint(
                condition=Q(tarief__gte=0),
                name="contractregel_tarief_niet_negatief",
                violation_error_message=_("Het tarief mag niet negatief zijn."),
            ),
            models.UniqueConstraint(
                fields=["contract", "product", "eenheid", "geldig_van"],
                name="contractregel_uniek_per_datum",
                violation_error_message=_("Voor dit product bestaat al een tarief met deze ingangsdatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} per {self.get_eenheid_display()}: € {self.tarief} vanaf {self.geldig_van:%d-%m-%Y}"
