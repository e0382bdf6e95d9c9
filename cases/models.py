"""Casework: young people, requests for help, evaluations, the Meldcode, Veilig Thuis reports and
investigations. The most sensitive data in the system: every read of a person goes to the access log
(see cases.api and cases.views), every change to the history tables (simple-history)."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Jeugdige(models.Model):
    class RedenGeenBsn(models.TextChoices):
        MBO_ZONDER_DOSSIER = "mbo_zonder_dossier", _("mbo-student zonder dossier")
        ASIELZOEKER = "asielzoeker", _("asielzoeker")
        ANONIEM = "anoniem", _("anoniem")

    clientnummer = models.CharField(_("cliëntnummer"), max_length=20, unique=True, null=True, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, null=True, blank=True)
    reden_geen_bsn = models.CharField(_("reden geen BSN"), max_length=30, choices=RedenGeenBsn.choices, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    voornamen = models.CharField(_("voornamen"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    gemeente = models.ForeignKey(
        "jens.Gemeente", on_delete=models.PROTECT, related_name="jeugdigen", verbose_name=_("gemeente")
    )
    gebied = models.ForeignKey(
        "jens.Gebied", on_delete=models.PROTECT, related_name="jeugdigen", verbose_name=_("gebied")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["clientnummer"]
        verbose_name = _("jeugdige")
        verbose_name_plural = _("jeugdigen")
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"],
                condition=Q(bsn__isnull=False),
                name="jeugdige_bsn_uniek",
                violation_error_message=_("Er is al een jeugdige met dit BSN."),
            ),
            models.CheckConstraint(
                condition=Q(bsn__isnull=False) | ~Q(reden_geen_bsn=""),
                name="jeugdige_bsn_of_reden",
                violation_error_message=_("Geef een BSN of de reden waarom er geen BSN is."),
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "gebied"], name="jeugdige_scope_idx"),
            # the search (cases.selectors.zoek_jeugdigen) ORs these; each branch needs its own index for a
            # bitmap OR instead of a scan. The surname's trigram index (icontains) is PostgreSQL-only: see
            # migration 0004 (not in the model state, SQLite has no GIN).
            models.Index(Upper("clientnummer"), name="jeugdige_clientnr_upper_idx"),
            models.Index(fields=["geboortedatum"], name="jeugdige_geboren_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.clientnummer or '—'} {self.initialen} ({self.geboortedatum.year})"

    @property
    def initialen(self) -> str:
        letters = "".join(f"{deel[0].upper()}." for deel in self.voornamen.split() if deel)
        return f"{letters} {self.achternaam[:1].upper()}." if self.achternaam else letters


class Hulpvraag(models.Model):
    class Verwijzer(models.TextChoices):
        ZELFVERWIJZER = "zelfverwijzer", _("zelfverwijzer (jongerenwerk, schoolmaatschappelijk werk, …)")
        HUISARTS = "huisarts", _("huisarts")
        JEUGDARTS = "jeugdarts", _("jeugdarts")
        MEDISCH_SPECIALIST = "medisch_specialist", _("medisch specialist")
        GECERTIFICEERDE_INSTELLING = "gecertificeerde_instelling", _("gecertificeerde instelling")
        GEMEENTELIJKE_TOEGANG = "gemeentelijke_toegang", _("gemeentelijke toegang")
        ONDERWIJS = "onderwijs", _("onderwijs")
        ZORGAANBIEDER = "zorgaanbieder", _("zorgaanbieder")
        OUDERS_JEUGDIGE = "ouders_jeugdige", _("ouders of jeugdige")
        OVERIG = "overig", _("overig")

    class Soort(models.TextChoices):
        NIEUWE_CLIENT = "nieuwe_client", _("nieuwe cliënt")
        NIEUWE_VRAAG = "nieuwe_vraag", _("nieuwe vraag")
        VERLENGING = "verlenging", _("verlenging")
        OPSCHALING = "opschaling", _("opschaling")
        AFSCHALING = "afschaling", _("afschaling")

    class Triage(models.TextChoices):
        ENKELVOUDIG = "enkelvoudig", _("enkelvoudig")
        MEERVOUDIG = "meervoudig", _("meervoudig")
        COMPLEX = "complex", _("complex")

    class Regie(models.TextChoices):
        JENS = "jens", _("JENS")
        GEMEENTE = "gemeente", _("gemeente")

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("aangemeld")
        LOPEND = "lopend", _("lopend")
        AFGESLOTEN = "afgesloten", _("afgesloten")

    class EindeReden(models.TextChoices):
        VOLGENS_PLAN = "volgens_plan", _("volgens plan")
        VOORTIJDIG_IN_OVERLEG = "voortijdig_in_overleg", _("voortijdig in overleg")
        VERHUIZING = "verhuizing", _("verhuizing")
        EENZIJDIG_CLIENT = "eenzijdig_client", _("eenzijdig door cliënt")
        EENZIJDIG_AANBIEDER = "eenzijdig_aanbieder", _("eenzijdig door aanbieder")
        OVERIG = "overig", _("overig")

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="hulpvragen", verbose_name=_("jeugdige")
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    verwijzer = models.CharField(_("verwijzer"), max_length=30, choices=Verwijzer.choices)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    triage = models.CharField(_("triage"), max_length=20, choices=Triage.choices, blank=True)
    regie = models.CharField(_("regie"), max_length=20, choices=Regie.choices, blank=True)
    regisseur = models.ForeignKey(
        "staff.Medewerker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="regie_hulpvragen",
        verbose_name=_("regisseur / vast aanspreekpunt"),
    )
    dossier_aangemaakt_op = models.DateField(_("dossier aangemaakt op"), null=True, blank=True)
    kernteam_op = models.DateField(_("kernteam op"), null=True, blank=True)
    gezinsplan_op = models.DateField(_("gezinsplan op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    einde_reden = models.CharField(_("reden einde"), max_length=30, choices=EindeReden.choices, blank=True)
    # Deadlines, computed once in cases.services and stored.
    dossier_uiterlijk = models.DateField(_("dossier uiterlijk"))
    kernteam_uiterlijk = models.DateField(_("kernteam uiterlijk"), null=True, blank=True)
    gezinsplan_uiterlijk = models.DateField(_("gezinsplan uiterlijk"), null=True, blank=True)
    evaluatie_uiterlijk = models.DateField(_("evaluatie uiterlijk"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ontvangen_op", "pk"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=models.F("ontvangen_op")),
                name="hulpvraag_afgesloten_na_ontvangst",
                violation_error_message=_("De afsluitdatum ligt voor de ontvangstdatum."),
            ),
            models.CheckConstraint(
                condition=Q(status="afgesloten", afgesloten_op__isnull=False) | ~Q(status="afgesloten"),
                name="hulpvraag_afgesloten_heeft_datum",
            ),
            # The steps in order (cases.services.controleer_stap_volgorde): file, core team with triage, family plan.
            models.CheckConstraint(
                condition=Q(kernteam_op__isnull=True)
                | Q(dossier_aangemaakt_op__isnull=False, kernteam_op__gte=models.F("dossier_aangemaakt_op")),
                name="hulpvraag_kernteam_na_dossier",
                violation_error_message=_("Het kernteam kan pas na het aanmaken van het dossier."),
            ),
            models.CheckConstraint(
                condition=Q(gezinsplan_op__isnull=True)
                | (Q(kernteam_op__isnull=False, gezinsplan_op__gte=models.F("kernteam_op")) & ~Q(triage="")),
                name="hulpvraag_gezinsplan_na_kernteam",
                violation_error_message=_("Het gezinsplan kan pas na het kernteam met de triage."),
            ),
        ]
        indexes = [
            models.Index(fields=["ontvangen_op", "afgesloten_op"], name="hulpvraag_periode_idx"),
            # covering (PostgreSQL; SQLite takes the plain index): the requests per month by kind and referrer, and
            # per end reason, read as index-only scans instead of visiting a heap page per request
            models.Index(
                fields=["ontvangen_op"], include=["id", "jeugdige", "soort", "verwijzer"], name="hulpvraag_instroom_idx"
            ),
            models.Index(
                fields=["afgesloten_op"], include=["id", "jeugdige", "einde_reden"], name="hulpvraag_einde_idx"
            ),
            models.Index(fields=["afgesloten_op", "dossier_uiterlijk"], name="hulpvraag_dossier_idx"),
            models.Index(fields=["afgesloten_op", "kernteam_uiterlijk"], name="hulpvraag_kernteam_idx"),
            models.Index(fields=["afgesloten_op", "gezinsplan_uiterlijk"], name="hulpvraag_gezinsplan_idx"),
            models.Index(fields=["afgesloten_op", "evaluatie_uiterlijk"], name="hulpvraag_evaluatie_idx"),
            models.Index(fields=["-ontvangen_op", "id"], name="hulpvraag_lijst_idx"),  # the API's ordering
            # the overdue scans (cases.selectors.te_late_*): small partial indexes of exactly the open items
            models.Index(
                fields=["dossier_uiterlijk"],
                condition=Q(afgesloten_op__isnull=True, dossier_aangemaakt_op__isnull=True),
                name="hulpvraag_dossier_open_idx",
            ),
            models.Index(
                fields=["kernteam_uiterlijk"],
                condition=Q(afgesloten_op__isnull=True, kernteam_op__isnull=True),
                name="hulpvraag_kernteam_open_idx",
            ),
            models.Index(
                fields=["gezinsplan_uiterlijk"],
                condition=Q(afgesloten_op__isnull=True, gezinsplan_op__isnull=True),
                name="hulpvraag_gezinsplan_open_idx",
            ),
            # every running request has an evaluation deadline (33,000 overdue at national scale): with the id in
            # the index the scan's id set is read from the index alone
            models.Index(
                fields=["evaluatie_uiterlijk", "id"],
                condition=Q(afgesloten_op__isnull=True),
                name="hulpvraag_evaluatie_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Hulpvraag {self.pk} ({self.ontvangen_op:%d-%m-%Y})"


class Evaluatie(models.Model):
    class Uitkomst(models.TextChoices):
        DOELEN_BEHAALD = "doelen_behaald", _("doelen behaald")
        DEELS_BEHAALD = "deels_behaald", _("doelen deels behaald")
        NIET_BEHAALD = "niet_behaald", _("doelen niet behaald")
        PLAN_BIJGESTELD = "plan_bijgesteld", _("plan bijgesteld")

    hulpvraag = models.ForeignKey(
        Hulpvraag, on_delete=models.CASCADE, related_name="evaluaties", verbose_name=_("hulpvraag")
    )
    datum = models.DateField(_("datum"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["hulpvraag", "datum"]
        verbose_name = _("doelenevaluatie")
        verbose_name_plural = _("doelenevaluaties")

    def __str__(self) -> str:
        return f"Evaluatie {self.datum:%d-%m-%Y}"


class MeldcodeTraject(models.Model):
    class Besluit(models.TextChoices):
        MELDEN = "melden", _("melden bij Veilig Thuis")
        HULP_ORGANISEREN = "hulp_organiseren", _("hulp organiseren")
        MELDEN_EN_HULP = "melden_en_hulp", _("melden en hulp organiseren")
        GEEN_VERVOLG = "geen_vervolg", _("geen vervolg")

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="meldcode_trajecten", verbose_name=_("jeugdige")
    )
    gestart_op = models.DateField(_("gestart op"))
    signalen = models.TextField(_("signalen"))
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices, blank=True)
    gemeld_op = models.DateField(_("gemeld bij Veilig Thuis op"), null=True, blank=True)
    terugkoppeling_uiterlijk = models.DateField(_("terugkoppeling Veilig Thuis uiterlijk"), null=True, blank=True)
    terugkoppeling_op = models.DateField(_("terugkoppeling ontvangen op"), null=True, blank=True)
    terugkoppeling = models.TextField(_("terugkoppeling Veilig Thuis"), blank=True)
    herbeoordeling_op = models.DateField(_("herbeoordeling vraag 5 op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-gestart_op", "pk"]
        verbose_name = _("Meldcodetraject")
        verbose_name_plural = _("Meldcodetrajecten")
        indexes = [
            models.Index(fields=["terugkoppeling_op", "terugkoppeling_uiterlijk"], name="meldcode_terugkoppeling_idx"),
            models.Index(fields=["gestart_op"], name="meldcode_gestart_idx"),
        ]

    def __str__(self) -> str:
        return f"Meldcodetraject {self.pk} ({self.gestart_op:%d-%m-%Y})"


class MeldcodeStap(models.Model):
    """A dated entry by a named professional for one of the five steps of the Meldcode."""

    class Stap(models.IntegerChoices):
        SIGNALEN = 1, _("1 signalen in kaart brengen")
        CONSULTATIE = 2, _("2 collegiale consultatie")
        GESPREK = 3, _("3 gesprek met betrokkene(n)")
        WEGEN = 4, _("4 wegen van aard en ernst (afwegingskader)")
        BESLUIT = 5, _("5 besluit")

    traject = models.ForeignKey(MeldcodeTraject, on_delete=models.CASCADE, related_name="stappen")
    stap = models.PositiveSmallIntegerField(_("stap"), choices=Stap.choices)
    datum = models.DateField(_("datum"))
    professional = models.ForeignKey(
        "staff.Medewerker", on_delete=models.PROTECT, related_name="meldcode_stappen", verbose_name=_("professional")
    )
    notitie = models.TextField(_("notitie"), blank=True)
    veilig_thuis_geraadpleegd = models.BooleanField(_("Veilig Thuis geraadpleegd"), null=True, blank=True)
    # Step 4: the five questions of the afwegingskader.
    vermoeden = models.BooleanField(_("1 is er een vermoeden van geweld of kindermishandeling?"), null=True, blank=True)
    acute_of_structurele_onveiligheid = models.BooleanField(
        _("2 is er acute of structurele onveiligheid?"), null=True, blank=True
    )
    effectieve_hulp_mogelijk = models.BooleanField(
        _("3 kunnen wij zelf effectieve hulp bieden?"), null=True, blank=True
    )
    hulp_geaccepteerd = models.BooleanField(_("4 wordt de hulp geaccepteerd?"), null=True, blank=True)
    resultaat_binnen_termijn = models.BooleanField(
        _("5 leidt de hulp binnen de gewenste termijn tot resultaat?"), null=True, blank=True
    )
    besluit = models.CharField(_("besluit"), max_length=20, choices=MeldcodeTraject.Besluit.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["traject", "stap"]
        verbose_name = _("Meldcodestap")
        verbose_name_plural = _("Meldcodestappen")
        constraints = [
            models.UniqueConstraint(fields=["traject", "stap"], name="meldcodestap_een_per_stap"),
            models.CheckConstraint(condition=Q(stap__gte=1, stap__lte=5), name="meldcodestap_1_tot_5"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stap_display()} ({self.datum:%d-%m-%Y})"


class VeiligThuisMelding(models.Model):
    class Wijze(models.TextChoices):
        CONTACT_GEZIN = "contact_gezin", _("contact met het gezin")
        ZORG_GESTART = "zorg_gestart", _("zorg gestart")
        OVERGEDRAGEN = "overgedragen", _("overgedragen aan …")
        OVERIG = "overig", _("overig")

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="veilig_thuis_meldingen", verbose_name=_("jeugdige")
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    omschrijving = models.TextField(_("omschrijving"))
    opvolgen_uiterlijk = models.DateField(_("opvolgen uiterlijk"))
    opgevolgd_op = models.DateField(_("opgevolgd op"), null=True, blank=True)
    opgevolgd_door = models.ForeignKey(
        "staff.Medewerker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opgevolgde_meldingen",
        verbose_name=_("opgevolgd door"),
    )
    wijze = models.CharField(_("wijze van opvolgen"), max_length=20, choices=Wijze.choices, blank=True)
    overgedragen_aan = models.CharField(_("overgedragen aan"), max_length=200, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ontvangen_op", "pk"]
        verbose_name = _("Veilig Thuis-melding")
        verbose_name_plural = _("Veilig Thuis-meldingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(opgevolgd_op__isnull=True) | (~Q(wijze="") & Q(opgevolgd_door__isnull=False)),
                name="vtmelding_opgevolgd_volledig",
                violation_error_message=_("Een opvolging heeft een wijze en een medewerker."),
            ),
        ]
        indexes = [
            models.Index(fields=["opgevolgd_op", "opvolgen_uiterlijk"], name="vtmelding_opvolgen_idx"),
            models.Index(fields=["ontvangen_op"], name="vtmelding_ontvangen_idx"),
        ]

    def __str__(self) -> str:
        return f"Veilig Thuis-melding {self.pk} ({self.ontvangen_op:%d-%m-%Y})"


class Onderzoek(models.Model):
    class Reden(models.TextChoices):
        MELDCODE_NIET_GEVOLGD = "meldcode_niet_gevolgd", _("Meldcode had gevolgd moeten worden en is niet gevolgd")
        VT_NIET_TIJDIG_OPGEVOLGD = "vt_niet_tijdig_opgevolgd", _("Veilig Thuis-melding niet tijdig opgevolgd")

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="onderzoeken", verbose_name=_("jeugdige")
    )
    reden = models.CharField(_("reden"), max_length=30, choices=Reden.choices)
    veilig_thuis_melding = models.ForeignKey(
        VeiligThuisMelding,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="onderzoeken",
        verbose_name=_("Veilig Thuis-melding"),
    )
    gestart_op = models.DateField(_("gestart op"))
    bevindingen = models.TextField(_("bevindingen"), blank=True)
    maatregelen = models.TextField(_("maatregelen"), blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-gestart_op", "pk"]
        verbose_name = _("onderzoek")
        verbose_name_plural = _("onderzoeken")
        constraints = [
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=models.F("gestart_op")),
                name="onderzoek_afgerond_na_start",
                violation_error_message=_("De afronddatum ligt voor de startdatum."),
            ),
        ]
        indexes = [models.Index(fields=["gestart_op"], name="onderzoek_gestart_idx")]

    def __str__(self) -> str:
        return f"Onderzoek {self.pk} ({self.get_reden_display()})"


class MeldcodeAfwijking(models.Model):
    """A case where the Meldcode should have been followed and was not (fully): no trajectory started on the
    signals, or a step skipped. Every deviation is to be investigated (norm 100%); the share investigated
    counts these records, not only the investigations started. Recorded by the gedragswetenschapper
    (``services.registreer_meldcode_afwijking``); an investigation "Meldcode niet gevolgd" started without
    one records its own (``services.start_onderzoek``)."""

    class Soort(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("Meldcode niet gestart bij signalen")
        STAP_OVERGESLAGEN = "stap_overgeslagen", _("stap van de Meldcode overgeslagen")
        BIJ_ONDERZOEK = "bij_onderzoek", _("vastgesteld bij de start van een onderzoek")

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="meldcode_afwijkingen", verbose_name=_("jeugdige")
    )
    soort = models.CharField(_("soort afwijking"), max_length=20, choices=Soort.choices)
    traject = models.ForeignKey(
        MeldcodeTraject,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="afwijkingen",
        verbose_name=_("Meldcodetraject"),
    )
    stap = models.PositiveSmallIntegerField(
        _("overgeslagen stap"), choices=MeldcodeStap.Stap.choices, null=True, blank=True
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    onderzoek = models.OneToOneField(
        Onderzoek,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="afwijking",
        verbose_name=_("onderzoek"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-vastgesteld_op", "pk"]
        verbose_name = _("afwijking van de Meldcode")
        verbose_name_plural = _("afwijkingen van de Meldcode")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(soort="stap_overgeslagen")
                    & Q(traject__isnull=False)
                    & Q(stap__isnull=False, stap__gte=1, stap__lte=5)
                )
                | (~Q(soort="stap_overgeslagen") & Q(stap__isnull=True)),
                name="meldcodeafwijking_stap_bij_overgeslagen",
                violation_error_message=_("Een overgeslagen stap hoort bij een traject en heeft een stap van 1 tot 5."),
            ),
            models.UniqueConstraint(
                fields=["traject", "stap"],
                condition=Q(stap__isnull=False),
                name="meldcodeafwijking_stap_een_keer",
                violation_error_message=_("Deze overgeslagen stap is al vastgelegd."),
            ),
        ]
        indexes = [models.Index(fields=["vastgesteld_op"], name="meldcodeafwijking_datum_idx")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.vastgesteld_op:%d-%m-%Y})"


class Zorginzet(models.Model):
    """Care for a request, carried out by an area team or by a provider (under a contract).
    Waiting = registered and not started, the request still open.

    ``jeugdige``, ``gemeente`` and ``hulpvraag_afgesloten_op`` are copies of the request's young person, that
    young person's gemeente and the request's closing date, kept in step by ``cases.zorgperiodes`` (on every
    save of a care row, request or young person, and set-based in its rebuild): the waiting lists and the care
    shares of the reports read this one table instead of joining a million requests."""

    class Vorm(models.TextChoices):
        BEGELEIDING = "begeleiding", _("begeleiding")
        BEHANDELING = "behandeling", _("behandeling")
        GGZ_BEHANDELING = "ggz_behandeling", _("ggz-behandeling")
        TRAINING = "training", _("training")
        DAGBEHANDELING = "dagbehandeling", _("dagbehandeling")
        DIAGNOSTIEK = "diagnostiek", _("diagnostiek")
        OVERIG = "overig", _("overig")

    hulpvraag = models.ForeignKey(
        Hulpvraag, on_delete=models.PROTECT, related_name="zorginzet", verbose_name=_("hulpvraag")
    )
    gebied = models.ForeignKey(
        "jens.Gebied",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zorginzet",
        verbose_name=_("gebiedsteam"),
    )
    zorgaanbieder = models.ForeignKey(
        "contracts.Zorgaanbieder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zorginzet",
        verbose_name=_("zorgaanbieder"),
    )
    contract = models.ForeignKey(
        "contracts.Contract",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zorginzet",
        verbose_name=_("contract"),
    )
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices)
    aangemeld_op = models.DateField(_("aangemeld op (wacht vanaf)"))
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    overbrugging = models.BooleanField(_("overbruggingszorg"), default=False)
    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="+", editable=False, verbose_name=_("jeugdige")
    )
    gemeente = models.ForeignKey(
        "jens.Gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("gemeente van de jeugdige"),
    )
    hulpvraag_afgesloten_op = models.DateField(_("hulpvraag afgesloten op"), null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["jeugdige", "gemeente", "hulpvraag_afgesloten_op"])

    class Meta:
        ordering = ["-aangemeld_op", "pk"]
        verbose_name = _("zorginzet")
        verbose_name_plural = _("zorginzet")
        constraints = [
            models.CheckConstraint(
                condition=(Q(gebied__isnull=False) & Q(zorgaanbieder__isnull=True) & Q(contract__isnull=True))
                | (Q(gebied__isnull=True) & Q(zorgaanbieder__isnull=False)),
                name="zorginzet_gebiedsteam_of_aanbieder",
                violation_error_message=_("Kies een gebiedsteam of een zorgaanbieder, niet allebei."),
            ),
            models.CheckConstraint(
                condition=Q(gestart_op__isnull=True) | Q(gestart_op__gte=models.F("aangemeld_op")),
                name="zorginzet_start_na_aanmelding",
                violation_error_message=_("De start ligt voor de aanmelding."),
            ),
            models.CheckConstraint(
                condition=Q(beeindigd_op__isnull=True)
                | Q(gestart_op__isnull=False, beeindigd_op__gte=models.F("gestart_op")),
                name="zorginzet_einde_na_start",
                violation_error_message=_("Het einde ligt voor de start."),
            ),
        ]
        indexes = [
            models.Index(fields=["gestart_op", "aangemeld_op"], name="zorginzet_wachtend_idx"),
            models.Index(fields=["gestart_op", "beeindigd_op"], name="zorginzet_periode_idx"),
            # the API's ordering: page 1 and a deep page read the index, no sort of the whole table
            models.Index(fields=["-aangemeld_op", "id"], name="zorginzet_lijst_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_vorm_display()} door {self.gebied or self.zorgaanbieder}"


class Zorgperiode(models.Model):
    """A stretch of time in which a young person was in care without a break, derived from their requests
    (``cases.zorgperiodes``): overlapping requests, or one received on the day another closed, form one
    period. Kept in step by the signals of ``cases.zorgperiodes`` on every save and delete of a request or a
    change of the young person's gemeente; rebuilt set-based by ``herbouw_zorgperiodes`` (bulk loads, the
    nightly safety net). The client counts read only this table: a range scan with plain counts, no
    grouping per young person. ``vorige_eind`` is the end of the young person's previous period, so that a
    young person with two periods in one report period is counted once without DISTINCT."""

    jeugdige = models.ForeignKey(Jeugdige, on_delete=models.CASCADE, related_name="zorgperiodes", editable=False)
    gemeente = models.ForeignKey("jens.Gemeente", on_delete=models.CASCADE, related_name="+", editable=False)
    begin = models.DateField(_("begin"), editable=False)
    eind = models.DateField(_("eind"), null=True, editable=False)
    vorige_eind = models.DateField(_("einde vorige periode"), null=True, editable=False)

    class Meta:
        verbose_name = _("zorgperiode")
        verbose_name_plural = _("zorgperiodes")
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__isnull=True) | Q(eind__gte=models.F("begin")),
                name="zorgperiode_eind_na_begin",
            ),
            models.CheckConstraint(
                condition=Q(vorige_eind__isnull=True) | Q(vorige_eind__lt=models.F("begin")),
                name="zorgperiode_na_vorige",
            ),
        ]
        indexes = [
            models.Index(fields=["begin", "eind"], name="zorgperiode_begin_idx"),
            models.Index(fields=["eind", "begin"], name="zorgperiode_eind_idx"),
            models.Index(fields=["jeugdige"], name="zorgperiode_jeugdige_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jeugdige_id}: {self.begin} – {self.eind or '…'}"


class Klantreisdeel(models.Model):
    """A request's place in its young person's client journey ("klantreis"), derived set-based from the requests
    with the care periods (``cases.zorgperiodes``) and kept in step by the same signals. A request received while
    an earlier one of the young person is open, or within ``CASES_KLANTREIS_AANSLUITING_DAGEN`` of the journey's
    last closure, continues that journey; otherwise it starts a new one. The journey figures of a period
    (``cases.selectors.klantreis_cijfers``) are one aggregate over this table: the journey as known on the
    period's last day ends at the last of its requests received by then (``volgende_in_reis`` later or empty),
    at that request's ``reis_einde``."""

    class Instroom(models.TextChoices):
        EERSTE_KEER = "eerste_keer", _("eerste keer")
        TERUGKEREND = "terugkerend", _("terugkerend")
        VOORTZETTING = "voortzetting", _("voortzetting")

    hulpvraag = models.OneToOneField(
        Hulpvraag, on_delete=models.CASCADE, primary_key=True, related_name="klantreisdeel", editable=False
    )
    jeugdige = models.ForeignKey(Jeugdige, on_delete=models.CASCADE, related_name="+", editable=False)
    gemeente = models.ForeignKey("jens.Gemeente", on_delete=models.CASCADE, related_name="+", editable=False)
    ontvangen_op = models.DateField(_("ontvangen op"), editable=False)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, editable=False)
    duur_dagen = models.PositiveIntegerField(_("duur hulpvraag (dagen)"), null=True, editable=False)
    instroom = models.CharField(_("instroom"), max_length=12, choices=Instroom.choices, editable=False)
    reis_nummer = models.PositiveIntegerField(_("klantreis van de jeugdige (0 = de eerste)"), editable=False)
    reis_begin = models.DateField(_("begin klantreis"), editable=False)
    # The journey's end as far as its requests up to this one go: the last closure, empty while one is open.
    reis_einde = models.DateField(_("einde klantreis tot hier"), null=True, editable=False)
    reis_duur_dagen = models.PositiveIntegerField(_("duur klantreis tot hier (dagen)"), null=True, editable=False)
    volgende_in_reis = models.DateField(_("ontvangst volgende hulpvraag in de reis"), null=True, editable=False)

    class Meta:
        verbose_name = _("deel van een klantreis")
        verbose_name_plural = _("delen van klantreizen")
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=Q(reis_einde__isnull=True) | Q(reis_einde__gte=models.F("reis_begin")),
                name="klantreisdeel_einde_na_begin",
            ),
            models.CheckConstraint(
                condition=Q(reis_begin__lte=models.F("ontvangen_op")), name="klantreisdeel_begin_voor_ontvangst"
            ),
        ]
        indexes = [
            models.Index(fields=["ontvangen_op"], name="klantreisdeel_ontvangen_idx"),
            models.Index(fields=["afgesloten_op"], name="klantreisdeel_afgesloten_idx"),
            models.Index(fields=["reis_einde"], name="klantreisdeel_reis_einde_idx"),
            models.Index(fields=["jeugdige"], name="klantreisdeel_jeugdige_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.hulpvraag_id}: reis {self.reis_nummer} ({self.get_instroom_display()})"


# Names for the OpenAPI enums (settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).
HulpvraagSoort = Hulpvraag.Soort
EvaluatieUitkomst = Evaluatie.Uitkomst
