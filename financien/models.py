"""Budget and realisation of JENS per gemeente: the budget per cost line and year, and the realised costs per
line and month as the bookkeeping books them. The income is the municipal assignment (``contracts.Opdracht``);
the outsourced care is the spending per provider (``contracts.Uitgave``), never a row here."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Kostenpost(models.TextChoices):
    """The lines of the finance statement as JENS publishes it. The first five have the same code as the
    categories of ``contracts.Uitgave``: spending at providers in that category counts on that line."""

    VOORLIGGEND_VELD = "voorliggend_veld", _("voorliggend veld")
    GEBIEDSTEAMS = "gebiedsteams", _("gebiedsteams")
    SPECIALISTISCHE_ZORG = "specialistische_zorg", _("specialistische (uitbestede) zorg")
    PGB = "pgb", _("PGB")
    OVERIGE_INITIATIEVEN = "overige_initiatieven", _("overige initiatieven")
    OVERHEAD = "overhead", _("overhead JENS")
    ORGANISATIEKOSTEN = "organisatiekosten", _("organisatiekosten")
    MEERKOSTEN_BIJDRAGE = "meerkosten_bijdrage", _("meerkosten bijdrage gemeenten")


ZORGKOSTEN = (Kostenpost.VOORLIGGEND_VELD, Kostenpost.GEBIEDSTEAMS, Kostenpost.SPECIALISTISCHE_ZORG)
OVERIGE_KOSTEN = (Kostenpost.PGB, Kostenpost.OVERIGE_INITIATIEVEN, Kostenpost.OVERHEAD, Kostenpost.ORGANISATIEKOSTEN)
# the cost lines (what the cost per client divides); the extra contribution of the gemeenten is no cost
KOSTENPOSTEN = (*ZORGKOSTEN, *OVERIGE_KOSTEN)


class Begrotingsregel(models.Model):
    """The budget of one cost line for one gemeente and year (the budgeted income is the assignment)."""

    gemeente = models.ForeignKey(
        "jens.Gemeente", on_delete=models.PROTECT, related_name="begrotingsregels", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    post = models.CharField(_("kostenpost"), max_length=30, choices=Kostenpost.choices)
    bedrag = models.DecimalField(
        _("begroot bedrag (euro)"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Voor de meerkosten bijdrage: de bijdrage van de gemeente als positief bedrag."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "gemeente__naam", "post"]
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar", "post"],
                name="begroting_uniek_per_gemeente_jaar_post",
                violation_error_message=_("Voor deze gemeente, dit jaar en deze post bestaat al een begroting."),
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="begroting_bedrag_niet_negatief",
                violation_error_message=_("Het bedrag mag niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(jaar__gte=2000) & Q(jaar__lte=2100),
                name="begroting_jaar_geldig",
                violation_error_message=_("Vul een jaar tussen 2000 en 2100 in."),
            ),
        ]
        indexes = [models.Index(fields=["jaar", "post"], name="begroting_jaar_post_idx")]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar} {self.get_post_display()}: € {self.bedrag}"


class Kostenregel(models.Model):
    """The realised costs of one line in one month for one gemeente, as booked (imported from the bookkeeping).
    Outsourced care is not booked here: it is the spending per provider (``contracts.Uitgave``)."""

    gemeente = models.ForeignKey(
        "jens.Gemeente", on_delete=models.PROTECT, related_name="kostenregels", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    maand = models.PositiveSmallIntegerField(_("maand"))
    post = models.CharField(_("kostenpost"), max_length=30, choices=Kostenpost.choices)
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=14, decimal_places=2)
    bron = models.CharField(_("bron"), max_length=200, blank=True, help_text=_("Bijvoorbeeld het boekingsbestand."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "-maand", "gemeente__naam", "post"]
        verbose_name = _("kostenregel")
        verbose_name_plural = _("kostenregels")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar", "maand", "post"],
                name="kosten_uniek_per_gemeente_maand_post",
                violation_error_message=_("Voor deze gemeente, deze maand en deze post zijn al kosten geboekt."),
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="kosten_bedrag_niet_negatief",
                violation_error_message=_("Het bedrag mag niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(maand__gte=1) & Q(maand__lte=12),
                name="kosten_maand_geldig",
                violation_error_message=_("De maand ligt tussen 1 en 12."),
            ),
            models.CheckConstraint(
                condition=Q(jaar__gte=2000) & Q(jaar__lte=2100),
                name="kosten_jaar_geldig",
                violation_error_message=_("Vul een jaar tussen 2000 en 2100 in."),
            ),
            models.CheckConstraint(
                condition=~Q(post=Kostenpost.SPECIALISTISCHE_ZORG),
                name="kosten_uitbestede_zorg_uit_uitgaven",
                violation_error_message=_(
                    "Uitbestede (specialistische) zorg komt uit de uitgaven per zorgaanbieder, niet uit de boekhouding."
                ),
            ),
        ]
        indexes = [models.Index(fields=["jaar", "maand", "post"], name="kosten_jaar_maand_post_idx")]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.maand:02d}-{self.jaar} {self.get_post_display()}: € {self.bedrag}"
