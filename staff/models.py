from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Medewerker(models.Model):
    class Functie(models.TextChoices):
        JEUGDHULPVERLENER = "jeugdhulpverlener", _("jeugdhulpverlener")
        GEZINSWERKER = "gezinswerker", _("gezinswerker")
        GEDRAGSWETENSCHAPPER = "gedragswetenschapper", _("gedragswetenschapper")
        JONGERENWERKER = "jongerenwerker", _("jongerenwerker")
        SCHOOLMAATSCHAPPELIJK_WERKER = "schoolmaatschappelijk_werker", _("schoolmaatschappelijk werker")
        MBO_COACH = "mbo_coach", _("mbo-coach")
        JEUGDCONSULENT = "jeugdconsulent", _("jeugdconsulent")
        ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("ervaringsdeskundige")
        GEBIEDSMANAGER = "gebiedsmanager", _("gebiedsmanager")
        ONDERSTEUNING = "ondersteuning", _("ondersteuning")

    personeelsnummer = models.CharField(_("personeelsnummer"), max_length=30, unique=True)
    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    werkgever = models.ForeignKey(
        "contracts.Zorgaanbieder", on_delete=models.PROTECT, related_name="medewerkers", verbose_name=_("werkgever")
    )
    functie = models.CharField(_("functie"), max_length=40, choices=Functie.choices)
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="medewerker",
        verbose_name=_("login"),
    )
    in_dienst_van = models.DateField(_("in dienst van"))
    in_dienst_tot = models.DateField(
        _("in dienst tot"), null=True, blank=True, help_text=_("Exclusief; leeg = lopend.")
    )
    # Deadlines computed once by the services and stored (indexed) for the daily signalering scan.
    meldcode_basis_uiterlijk = models.DateField(
        _("Meldcode-basistraining uiterlijk"), null=True, blank=True, db_index=True
    )
    meldcode_opfris_uiterlijk = models.DateField(
        _("Meldcode-opfriscursus uiterlijk"), null=True, blank=True, db_index=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.CheckConstraint(
                condition=Q(in_dienst_tot__isnull=True) | Q(in_dienst_tot__gt=models.F("in_dienst_van")),
                name="medewerker_uitdienst_na_indienst",
                violation_error_message=_("De datum uit dienst moet na de datum in dienst liggen."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.personeelsnummer})"


# Functions that work with children and families: the Meldcode training norms apply to them.
ZORGFUNCTIES = (
    Medewerker.Functie.JEUGDHULPVERLENER,
    Medewerker.Functie.GEZINSWERKER,
    Medewerker.Functie.GEDRAGSWETENSCHAPPER,
    Medewerker.Functie.JONGERENWERKER,
    Medewerker.Functie.SCHOOLMAATSCHAPPELIJK_WERKER,
    Medewerker.Functie.MBO_COACH,
    Medewerker.Functie.JEUGDCONSULENT,
    Medewerker.Functie.ERVARINGSDESKUNDIGE,
)


class Domein(models.TextChoices):
    GEBIEDSTEAM = "gebiedsteam", _("gebiedsteam")
    VOORLIGGEND_VELD = "voorliggend_veld", _("voorliggend veld")


class Plaatsing(models.Model):
    """An employee placed in an area with a number of FTE over [van, tot). Changing hours ends the
    placement and starts a new one (services.wijzig_uren), so the history stays."""

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="plaatsingen", verbose_name=_("medewerker")
    )
    gebied = models.ForeignKey(
        "jens.Gebied", on_delete=models.PROTECT, related_name="plaatsingen", verbose_name=_("gebied")
    )
    domein = models.CharField(_("domein"), max_length=20, choices=Domein.choices)
    fte = models.DecimalField(_("fte"), max_digits=3, decimal_places=2)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot"), null=True, blank=True, help_text=_("Exclusief; leeg = lopend."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-van", "medewerker__naam"]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(fte__gt=0) & Q(fte__lte=1),
                name="plaatsing_fte_tussen_0_en_1",
                violation_error_message=_("De fte moet groter dan 0 en hoogstens 1,00 zijn."),
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gt=models.F("van")),
                name="plaatsing_tot_na_van",
                violation_error_message=_("De einddatum moet na de begindatum liggen."),
            ),
        ]
        indexes = [
            models.Index(fields=["van", "tot"], name="plaatsing_periode_idx"),
            models.Index(fields=["gebied", "domein", "van"], name="plaatsing_gebied_idx"),
            models.Index(fields=["tot"], name="plaatsing_tot_idx"),
        ]

    def __str__(self) -> str:
        tot = f"{self.tot:%d-%m-%Y}" if self.tot else "…"
        return f"{self.medewerker.naam}: {self.fte} fte {self.gebied} {self.van:%d-%m-%Y} – {tot}"


class Formatie(models.Model):
    """Budgeted FTE of an area and domain from a date (until the next row for the same area and domain)."""

    gebied = models.ForeignKey(
        "jens.Gebied", on_delete=models.PROTECT, related_name="formaties", verbose_name=_("gebied")
    )
    domein = models.CharField(_("domein"), max_length=20, choices=Domein.choices)
    fte = models.DecimalField(_("begrote fte"), max_digits=6, decimal_places=2)
    geldig_van = models.DateField(_("geldig van"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["gebied__naam", "domein", "-geldig_van"]
        verbose_name = _("formatie")
        verbose_name_plural = _("formatie")
        constraints = [
            models.CheckConstraint(
                condition=Q(fte__gte=0),
                name="formatie_fte_niet_negatief",
                violation_error_message=_("De begrote fte mag niet negatief zijn."),
            ),
            models.UniqueConstraint(
                fields=["gebied", "domein", "geldig_van"],
                name="formatie_uniek_per_gebied_domein_datum",
                violation_error_message=_("Voor dit gebied en domein is vanaf deze datum al een formatie vastgelegd."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebied} {self.get_domein_display()}: {self.fte} fte vanaf {self.geldig_van:%d-%m-%Y}"


class Scholing(models.Model):
    class Soort(models.TextChoices):
        MELDCODE_BASIS = "meldcode_basis", _("Meldcode basistraining")
        MELDCODE_OPFRIS = "meldcode_opfris", _("Meldcode opfriscursus")
        THEMABIJEENKOMST_HGKM = "themabijeenkomst_hgkm", _("themabijeenkomst huiselijk geweld en kindermishandeling")
        OVERIG = "overig", _("overig")

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="scholingen", verbose_name=_("medewerker")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("scholing")
        verbose_name_plural = _("scholingen")
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "soort", "datum"],
                name="scholing_uniek_per_medewerker_soort_datum",
                violation_error_message=_("Deze scholing is voor deze medewerker op deze datum al vastgelegd."),
            )
        ]
        indexes = [models.Index(fields=["soort", "datum"], name="scholing_soort_datum_idx")]

    def __str__(self) -> str:
        return f"{self.medewerker.naam}: {self.get_soort_display()} {self.datum:%d-%m-%Y}"
