from django.conf import settings
from django.core.exceptions import ValidationError
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


def is_pdf(bestand) -> None:
    """The upload must really be a PDF (its first bytes), not only be named like one."""
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    bestand.seek(0)
    begin = bestand.read(5)
    bestand.seek(positie)
    if begin != b"%PDF-":
        raise ValidationError(_("Dit bestand is geen PDF."))


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
        validators=[FileExtensionValidator(["pdf"], _("Upload een PDF-bestand.")), is_pdf],
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


class Personeelsomvang(models.Model):
    """Number of employees of a provider on 1 January of ``jaar``; the kleine-aanbieder status is derived from it."""

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.CASCADE, related_name="personeelsomvang", verbose_name=_("zorgaanbieder")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"), help_text=_("Peildatum: 1 januari van dit jaar."))
    aantal_medewerkers = models.PositiveIntegerField(_("aantal medewerkers op 1 januari"), null=True, blank=True)
    minder_dan = models.PositiveIntegerField(
        _("aantal onbekend, wel minder dan"),
        null=True,
        blank=True,
        help_text=_("Alleen als het precieze aantal niet bekend is, bijvoorbeeld uit een gepubliceerde lijst."),
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zorgaanbieder__naam", "-jaar"]
        verbose_name = _("personeelsomvang")
        verbose_name_plural = _("personeelsomvang")
        constraints = [
            models.UniqueConstraint(
                fields=["zorgaanbieder", "jaar"],
                name="personeelsomvang_uniek_per_jaar",
                violation_error_message=_("Voor deze aanbieder en dit jaar is de omvang al vastgelegd."),
            ),
            models.CheckConstraint(
                condition=Q(aantal_medewerkers__isnull=False, minder_dan__isnull=True)
                | Q(aantal_medewerkers__isnull=True, minder_dan__isnull=False),
                name="personeelsomvang_aantal_of_bovengrens",
                violation_error_message=_("Vul het aantal medewerkers in, of (als dat onbekend is) een bovengrens."),
            ),
        ]
        indexes = [models.Index(fields=["jaar", "aantal_medewerkers"], name="personeelsomvang_jaar_idx")]

    def __str__(self) -> str:
        aantal = self.aantal_medewerkers if self.aantal_medewerkers is not None else f"< {self.minder_dan}"
        return f"{self.zorgaanbieder} 1-1-{self.jaar}: {aantal}"


class Opdracht(models.Model):
    """The municipal assignment to JENS for one gemeente and year; opdrachtsom = sum of the components."""

    gemeente = models.ForeignKey(
        "jens.Gemeente", on_delete=models.PROTECT, related_name="opdrachten", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    lumpsum = models.DecimalField(_("lumpsum"), max_digits=14, decimal_places=2)
    verhoging_lumpsum = models.DecimalField(_("verhoging lumpsum"), max_digits=14, decimal_places=2, default=0)
    aanvullende_taken = models.DecimalField(_("aanvullende taken"), max_digits=14, decimal_places=2, default=0)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "gemeente__naam"]
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar"],
                name="opdracht_uniek_per_gemeente_jaar",
                violation_error_message=_("Voor deze gemeente en dit jaar bestaat al een opdracht."),
            ),
            models.CheckConstraint(
                condition=Q(lumpsum__gte=0) & Q(verhoging_lumpsum__gte=0) & Q(aanvullende_taken__gte=0),
                name="opdracht_bedragen_niet_negatief",
                violation_error_message=_("Bedragen mogen niet negatief zijn."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar}"

    @property
    def opdrachtsom(self):
        return self.lumpsum + self.verhoging_lumpsum + self.aanvullende_taken


class Uitgave(models.Model):
    """Spending at a provider in one month for one gemeente and category."""

    class Categorie(models.TextChoices):
        VOORLIGGEND_VELD = "voorliggend_veld", _("voorliggend veld")
        GEBIEDSTEAMS = "gebiedsteams", _("gebiedsteams")
        SPECIALISTISCHE_ZORG = "specialistische_zorg", _("specialistische zorg")
        PGB = "pgb", _("pgb")
        OVERIGE_INITIATIEVEN = "overige_initiatieven", _("overige initiatieven")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="uitgaven", verbose_name=_("zorgaanbieder")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    maand = models.PositiveSmallIntegerField(_("maand"))
    gemeente = models.ForeignKey(
        "jens.Gemeente", on_delete=models.PROTECT, related_name="uitgaven", verbose_name=_("gemeente")
    )
    categorie = models.CharField(_("categorie"), max_length=30, choices=Categorie.choices)
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "-maand", "zorgaanbieder__naam"]
        verbose_name = _("uitgave")
        verbose_name_plural = _("uitgaven")
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="uitgave_bedrag_niet_negatief",
                violation_error_message=_("Het bedrag mag niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(maand__gte=1) & Q(maand__lte=12),
                name="uitgave_maand_geldig",
                violation_error_message=_("De maand ligt tussen 1 en 12."),
            ),
            models.UniqueConstraint(
                fields=["zorgaanbieder", "jaar", "maand", "gemeente", "categorie"],
                name="uitgave_uniek",
                violation_error_message=_("Deze uitgave (aanbieder, maand, gemeente, categorie) bestaat al."),
            ),
        ]
        indexes = [
            models.Index(fields=["jaar", "zorgaanbieder"], name="uitgave_jaar_aanbieder_idx"),
            models.Index(fields=["-jaar", "-maand", "id"], name="uitgave_lijst_idx"),  # the API's ordering
        ]

    def __str__(self) -> str:
        return f"{self.zorgaanbieder} {self.maand:02d}-{self.jaar} {self.get_categorie_display()}: € {self.bedrag}"


class TransformatieAfspraak(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        LOPEND = "lopend", _("lopend")
        GEREALISEERD = "gerealiseerd", _("gerealiseerd")
        NIET_GEREALISEERD = "niet_gerealiseerd", _("niet gerealiseerd")
        VERVALLEN = "vervallen", _("vervallen")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("zorgaanbieder")
    )
    contract = models.ForeignKey(
        Contract, on_delete=models.SET_NULL, null=True, blank=True, related_name="afspraken", verbose_name=_("contract")
    )
    opdracht = models.TextField(_("opdracht (wat)"))
    gewenst_resultaat = models.TextField(_("gewenst resultaat"))
    afgesproken_op = models.DateField(_("afgesproken op"))
    streefdatum = models.DateField(_("streefdatum"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    realisatie = models.TextField(_("toelichting realisatie"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["streefdatum", "zorgaanbieder__naam"]
        verbose_name = _("transformatie-afspraak")
        verbose_name_plural = _("transformatie-afspraken")
        constraints = [
            models.CheckConstraint(
                condition=Q(streefdatum__gte=models.F("afgesproken_op")),
                name="afspraak_streefdatum_na_afspraak",
                violation_error_message=_("De streefdatum mag niet voor de afspraakdatum liggen."),
            )
        ]
        indexes = [
            models.Index(fields=["status", "streefdatum"], name="afspraak_status_streef_idx"),
            models.Index(fields=["afgesproken_op"], name="afspraak_afgesproken_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.zorgaanbieder}: {self.opdracht[:60]}"


class Gesprek(models.Model):
    class Soort(models.TextChoices):
        MONITORGESPREK = "monitorgesprek", _("monitorgesprek")
        VERBINDINGSGESPREK = "verbindingsgesprek", _("verbindingsgesprek")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="gesprekken", verbose_name=_("zorgaanbieder")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    gepland_op = models.DateField(_("gepland op"))
    gehouden_op = models.DateField(_("gehouden op"), null=True, blank=True)
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="contracts_gesprekken", verbose_name=_("deelnemers JENS")
    )
    overige_deelnemers = models.TextField(_("overige deelnemers"), blank=True)
    afspraken = models.ManyToManyField(
        TransformatieAfspraak, blank=True, related_name="gesprekken", verbose_name=_("besproken afspraken")
    )
    verslag = models.TextField(_("verslag"), blank=True)
    knelpunten = models.TextField(_("knelpunten"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-gepland_op"]
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        indexes = [
            models.Index(fields=["soort", "gehouden_op"], name="gesprek_soort_gehouden_idx"),
            models.Index(fields=["gehouden_op", "gepland_op"], name="gesprek_gepland_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.zorgaanbieder} {self.gepland_op:%d-%m-%Y}"


class Actiepunt(models.Model):
    gesprek = models.ForeignKey(
        Gesprek, on_delete=models.CASCADE, related_name="actiepunten", verbose_name=_("gesprek")
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts_actiepunten",
        verbose_name=_("eigenaar"),
    )
    deadline = models.DateField(_("deadline"))
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["deadline"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        indexes = [models.Index(fields=["afgerond_op", "deadline"], name="actiepunt_open_deadline_idx")]

    def __str__(self) -> str:
        return self.omschrijving


class JaarrekeningBeoordeling(models.Model):
    class Oordeel(models.TextChoices):
        GEEN_BIJZONDERHEDEN = "geen_bijzonderheden", _("geen bijzonderheden")
        AANDACHTSPUNT = "aandachtspunt", _("aandachtspunt")
        TWIJFEL_CONTINUITEIT = "twijfel_continuiteit", _("twijfel over continuïteit")

    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="jaarrekeningen", verbose_name=_("zorgaanbieder")
    )
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    beoordeeld_op = models.DateField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts_jaarrekeningbeoordelingen",
        verbose_name=_("beoordeeld door"),
    )
    oordeel = models.CharField(_("oordeel"), max_length=25, choices=Oordeel.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-boekjaar", "zorgaanbieder__naam"]
        verbose_name = _("jaarrekeningbeoordeling")
        verbose_name_plural = _("jaarrekeningbeoordelingen")
        constraints = [
            models.UniqueConstraint(
                fields=["zorgaanbieder", "boekjaar"],
                name="jaarrekening_uniek_per_boekjaar",
                violation_error_message=_("Voor deze aanbieder en dit boekjaar bestaat al een beoordeling."),
            ),
            models.CheckConstraint(
                condition=Q(beoordeeld_op__isnull=True) | ~Q(oordeel=""),
                name="jaarrekening_beoordeeld_met_oordeel",
                violation_error_message=_("Een beoordeelde jaarrekening heeft een oordeel."),
            ),
        ]
        indexes = [models.Index(fields=["boekjaar", "beoordeeld_op"], name="jaarrekening_boekjaar_idx")]

    def __str__(self) -> str:
        return f"{self.zorgaanbieder} {self.boekjaar}"
