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
