"""The shared core: municipalities and areas, office closing days, signaleringen, the e-mail outbox
and the access log. This module imports no app."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    gebruikers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="gemeenten",
        verbose_name=_("gebruikers"),
        help_text=_("Gebruikers die voor (heel) deze gemeente werken."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.naam


class Gebied(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="gebieden", verbose_name=_("gemeente")
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    gebruikers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="gebieden",
        verbose_name=_("gebruikers"),
        help_text=_("Gebruikers die voor dit gebiedsteam werken."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["gemeente__naam", "naam"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return self.naam


class Sluitingsdag(models.Model):
    """A day the office is closed (for example the day after Ascension Day); not a working day."""

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum"]
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class Tevredenheidsmeting(models.Model):
    """The score of one satisfaction survey JENS reports each year (clients, employees, stakeholders), with its
    norm and the number of respondents; entered by the functioneel beheerder (``jens.tevredenheid``). The surveys
    are cooperation-wide: there is no score per municipality."""

    class Soort(models.TextChoices):
        CLIENT = "client", _("cliënttevredenheid")
        MEDEWERKER = "medewerker", _("medewerkertevredenheid")
        STAKEHOLDER = "stakeholder", _("stakeholdertevredenheid")

    class Periode(models.TextChoices):
        JAAR = "jaar", _("heel jaar")
        H1 = "h1", _("eerste halfjaar")
        H2 = "h2", _("tweede halfjaar")

    soort = models.CharField(_("soort meting"), max_length=20, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    periode = models.CharField(_("periode"), max_length=4, choices=Periode.choices, default=Periode.JAAR)
    score = models.DecimalField(_("score (1-10)"), max_digits=3, decimal_places=1)
    norm = models.DecimalField(_("norm (1-10)"), max_digits=3, decimal_places=1)
    respondenten = models.PositiveIntegerField(_("aantal respondenten"))
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "soort", "periode"]
        verbose_name = _("tevredenheidsmeting")
        verbose_name_plural = _("tevredenheidsmetingen")
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "jaar", "periode"],
                name="tevredenheid_een_per_soort_periode",
                violation_error_message=_("Voor deze soort en periode is al een meting vastgelegd."),
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=10),
                name="tevredenheid_score_1_10",
                violation_error_message=_("De score ligt tussen 1 en 10."),
            ),
            models.CheckConstraint(
                condition=Q(norm__gte=1, norm__lte=10),
                name="tevredenheid_norm_1_10",
                violation_error_message=_("De norm ligt tussen 1 en 10."),
            ),
            models.CheckConstraint(
                condition=Q(respondenten__gte=1),
                name="tevredenheid_respondenten",
                violation_error_message=_("Een meting heeft ten minste één respondent."),
            ),
            models.CheckConstraint(
                condition=Q(jaar__gte=2000, jaar__lte=2100),
                name="tevredenheid_jaar",
                violation_error_message=_("Kies een jaar tussen 2000 en 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.jaar} ({self.get_periode_display()})"


class SignaleringQuerySet(models.QuerySet):
    def open(self):
        return self.filter(opgelost_op__isnull=True)

    def voor_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Signalering(models.Model):
    """A flag on an overdue or at-risk item. At most one open signalering per object and kind."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("soort object"))
    object_id = models.PositiveBigIntegerField(_("object-id"))
    object = GenericForeignKey("content_type", "object_id")
    soort = models.CharField(_("soort"), max_length=80)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    sinds = models.DateTimeField(_("sinds"), default=timezone.now)
    deadline = models.DateField(_("termijn"), null=True, blank=True)
    verantwoordelijke_groepen = models.ManyToManyField(
        Group, blank=True, related_name="signaleringen", verbose_name=_("verantwoordelijke rollen")
    )
    verantwoordelijke = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signaleringen",
        verbose_name=_("verantwoordelijke"),
    )
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("gemeente"))
    gebied = models.ForeignKey(Gebied, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("gebied"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    genotificeerd_op = models.DateTimeField(_("gemeld op"), null=True, blank=True)
    opgelost_op = models.DateTimeField(_("opgelost op"), null=True, blank=True)

    objects = SignaleringQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "sinds"]
        verbose_name = _("signalering")
        verbose_name_plural = _("signaleringen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "soort"],
                condition=Q(opgelost_op__isnull=True),
                name="signalering_een_open_per_object_en_soort",
            )
        ]
        indexes = [
            models.Index(fields=["soort", "opgelost_op"], name="signalering_soort_open_idx"),
            models.Index(fields=["content_type", "object_id"], name="signalering_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.omschrijving}"

    def get_soort_display(self) -> str:
        from jens.signaleringen import soort_label

        return soort_label(self.soort)


class EmailBericht(models.Model):
    """Outbox: every e-mail is stored first and sent after, so nothing is lost when the mail server
    or the broker is down; a periodic task retries what is still unsent."""

    aan = models.JSONField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField(_("tekst"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    # When an unsent message is due again: after each failure later (doubling, capped; jens.mail.wachttijd).
    volgende_poging_op = models.DateTimeField(_("volgende poging op"), default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("e-mailbericht")
        verbose_name_plural = _("e-mailberichten")
        indexes = [
            models.Index(fields=["verzonden_op"], name="emailbericht_verzonden_idx"),
            models.Index(
                fields=["volgende_poging_op"],
                condition=Q(verzonden_op__isnull=True),
                name="emailbericht_te_versturen_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.onderwerp


class Toegangslog(models.Model):
    """Access log with the NEN 7513 fields: what happened, when, which client, which user in which
    role, from where, and the outcome. Rows are never changed or deleted by the application."""

    class Actie(models.TextChoices):
        INZIEN = "inzien", _("inzien")
        ZOEKEN = "zoeken", _("zoeken")
        AANMAKEN = "aanmaken", _("aanmaken")
        WIJZIGEN = "wijzigen", _("wijzigen")
        VERWIJDEREN = "verwijderen", _("verwijderen")
        EXPORTEREN = "exporteren", _("exporteren")

    class Uitkomst(models.TextChoices):
        TOEGESTAAN = "toegestaan", _("toegestaan")
        GEWEIGERD = "geweigerd", _("geweigerd")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("gebruiker")
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150)
    rol = models.CharField(_("rol"), max_length=150, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=100)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    client = models.CharField(_("cliënt"), max_length=64, blank=True, db_index=True)
    # A list read is one row: the ids and the clients of every row shown, space-separated with a space
    # at both ends (" C0000001 C0000002 "), so that a client is found as " C0000001 " (jens.audit).
    object_ids = models.TextField(_("object-ids (lijst)"), blank=True)
    clienten = models.TextField(_("cliënten (lijst)"), blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    werkplek = models.CharField(_("werkplek (browser)"), max_length=300, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    # The hash chain (jens.toegangslog): a row is sealed shortly after it is written; sealed rows are numbered
    # without gaps and each carries an HMAC over its fields and the previous row's hash.
    volgnummer = models.PositiveBigIntegerField(_("volgnummer"), null=True, blank=True, unique=True, editable=False)
    vorige_hash = models.CharField(_("vorige hash"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)
    # Which fields the hash covers (jens.toegangslog.VELDEN_PER_VERSIE): 1 for rows sealed before the list
    # columns were covered, 2 for every row written since.
    ketenversie = models.PositiveSmallIntegerField(_("versie van de keten"), default=2, editable=False)

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        indexes = [
            models.Index(fields=["id"], condition=Q(hash=""), name="toegangslog_onverzegeld"),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.gebruikersnaam} {self.actie} {self.object_type} {self.object_id}"


class ToegangslogKetting(models.Model):
    """The head of the access log's hash chain (one row): the last sealed number and hash, and where the chain
    begins after the retention job removed the oldest rows."""

    laatste_volgnummer = models.PositiveBigIntegerField(_("laatste volgnummer"), default=0)
    laatste_hash = models.CharField(_("laatste hash"), max_length=64, blank=True)
    begin_volgnummer = models.PositiveBigIntegerField(_("eerste volgnummer"), default=1)
    begin_hash = models.CharField(_("hash vóór de eerste regel"), max_length=64, blank=True)
    laatst_gecontroleerd_op = models.DateTimeField(_("laatst gecontroleerd op"), null=True, blank=True)
    laatste_uitkomst = models.CharField(_("uitkomst laatste controle"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("keten van het toegangslog")
        verbose_name_plural = _("keten van het toegangslog")

    def __str__(self) -> str:
        return f"toegangslog t/m {self.laatste_volgnummer}"


class RapportageTaak(models.Model):
    """A long-running report job (run by Celery) whose progress a page can show."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("wachtend")
        BEZIG = "bezig", _("bezig")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    soort = models.CharField(_("soort"), max_length=60)
    parameters = models.JSONField(_("parameters"), default=dict)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("aangevraagd door")
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    bestand = models.BinaryField(_("bestand"), null=True, blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    fout = models.TextField(_("fout"), blank=True)

    class Meta:
        ordering = ["-aangevraagd_op"]
        verbose_name = _("rapportagetaak")
        verbose_name_plural = _("rapportagetaken")

    def __str__(self) -> str:
        return f"{self.soort} {self.parameters} ({self.status})"
