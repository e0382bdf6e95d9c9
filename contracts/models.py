from django.core.validators import RegexValidator
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
