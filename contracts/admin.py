"""The inkoper's workplace: providers with everything agreed with them, contracts, agreements, meetings,
reviews, spending and the assignment. Forms run the same checks as the services (Dutch message per field)."""

import copy
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.forms.models import construct_instance
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from contracts import selectors, services
from contracts.models import (
    Actiepunt,
    AndereNaam,
    Contract,
    ContractRegel,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Personeelsomvang,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)
from contracts.resources import ContractResource, RelatieResource, UitgaveResource, ZorgaanbiederResource
from jens.audit import log_toegang
from jens.invoer import STUURTEKENS_MELDING, heeft_stuurtekens
from jens.models import Gemeente

FORMATEN = [CSV, XLSX]


class ServiceControleForm(forms.ModelForm):
    """A model form that also runs a service check on the instance; its errors land on the fields."""

    controle = None  # callable(instance) raising ValidationError({"veld": ...})

    def clean(self):
        # the service check first, on a copy of the instance with the form's values: its messages name the field
        data = super().clean()
        self._controle_fout = False
        if type(self).controle is not None and not self._errors:
            kandidaat = construct_instance(self, copy.copy(self.instance), self._meta.fields, self._meta.exclude)
            try:
                type(self).controle(kandidaat)
            except ValidationError as exc:
                self._controle_fout = True
                self._update_errors(exc)
        return data

    def _post_clean(self):
        if not getattr(self, "_controle_fout", False):  # the database constraints remain the backstop
            super()._post_clean()


# --- Provider page ------------------------------------------------------------------------------


class SmalleInline(admin.TabularInline):
    """A tabular inline whose long text fields are small boxes, so the provider page fits a 1,280 px screen
    (the text wraps inside; a full 40-column box per row made the page 1,879 px wide)."""

    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})}}


class RelatieFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        perioden = [
            (f.cleaned_data["geldig_van"], f.cleaned_data.get("geldig_tot"))
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("geldig_van")
        ]
        overlap = services.zoek_overlap(perioden)
        if overlap:
            (van1, tot1), (van2, tot2) = overlap
            raise ValidationError(
                f"Relatieperioden mogen niet overlappen: {services._periode_tekst(van1, tot1)} en "
                f"{services._periode_tekst(van2, tot2)}."
            )


class RelatieForm(forms.ModelForm):
    class Meta:
        model = Relatie
        fields = ["soort", "geldig_van", "geldig_tot"]

    def clean(self):
        data = super().clean()
        van, tot = data.get("geldig_van"), data.get("geldig_tot")
        if van and tot and tot <= van:
            self.add_error("geldig_tot", "De einddatum moet na de begindatum liggen.")
        return data


class AndereNaamFormSet(forms.BaseInlineFormSet):
    """Other names are unique without regard to capitals, also against the names of other providers."""

    def clean(self):
        super().clean()
        gezien: set[str] = set()
        for form in self.forms:
            naam = (form.cleaned_data.get("naam") or "").strip() if form.cleaned_data else ""
            if not naam or form.cleaned_data.get("DELETE"):
                continue
            if heeft_stuurtekens(naam):
                form.add_error("naam", STUURTEKENS_MELDING)
            elif naam.lower() in gezien:
                form.add_error("naam", f"De naam ‘{naam}’ komt twee keer voor.")
            elif services.naam_bezet(naam, behalve_aanbieder_id=self.instance.pk):
                form.add_error("naam", f"De naam ‘{naam}’ is al in gebruik bij een andere zorgaanbieder.")
            gezien.add(naam.lower())


class AndereNaamInline(SmalleInline):
    model = AndereNaam
    formset = AndereNaamFormSet
    extra = 0


class RelatieInline(SmalleInline):
    model = Relatie
    form = RelatieForm
    formset = RelatieFormSet
    extra = 0


class PersoneelsomvangInline(SmalleInline):
    model = Personeelsomvang
    extra = 0
    fields = ["jaar", "aantal_medewerkers", "minder_dan", "bron"]


class ContractInline(SmalleInline):
    model = Contract
    extra = 0
    fields = ["kenmerk", "soort", "status", "startdatum", "einddatum"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AfspraakInline(SmalleInline):
    model = TransformatieAfspraak
    extra = 0
    fields = ["opdracht", "afgesproken_op", "streefdatum", "status"]
    readonly_fields = ["status"]
    show_change_link = True


class GesprekInline(SmalleInline):
    model = Gesprek
    # form: GesprekForm (set below, where it is defined): the same checks as on the meeting's own page
    extra = 0
    fields = ["soort", "gepland_op", "gehouden_op"]
    show_change_link = True


class JaarrekeningInline(SmalleInline):
    model = JaarrekeningBeoordeling
    # form: JaarrekeningForm (set below, where it is defined): the same checks as on the review's own page
    extra = 0
    fields = ["boekjaar", "ontvangen_op", "beoordeeld_op", "beoordeeld_door", "oordeel", "toelichting"]


class SoortVandaagFilter(admin.SimpleListFilter):
    title = _("soort (vandaag)")
    parameter_name = "soort_vandaag"

    def lookups(self, request, model_admin):
        return [*Relatie.Soort.choices, ("geen", _("geen relatie"))]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        vandaag = selectors.relaties_op(date.today())
        if self.value() == "geen":
            return queryset.exclude(pk__in=vandaag.values("zorgaanbieder"))
        return queryset.filter(pk__in=vandaag.filter(soort=self.value()).values("zorgaanbieder"))


class KleinDitJaarFilter(admin.SimpleListFilter):
    title = _("kleine aanbieder (dit jaar)")
    parameter_name = "klein"

    def lookups(self, request, model_admin):
        return [("ja", _("ja")), ("nee", _("nee"))]

    def queryset(self, request, queryset):
        klein = selectors.kleine_aanbieders(date.today().year).values("pk")
        if self.value() == "ja":
            return queryset.filter(pk__in=klein)
        if self.value() == "nee":
            return queryset.exclude(pk__in=klein)
        return queryset


class GemeenteFilter(admin.SimpleListFilter):
    title = _("gemeente (contract)")
    parameter_name = "gemeente"

    def lookups(self, request, model_admin):
        return list(Gemeente.objects.values_list("code", "naam"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(contracten__gemeenten__code=self.value()).distinct()
        return queryset


class ZorgaanbiederForm(ServiceControleForm):
    class Meta:
        model = Zorgaanbieder
        fields = [
            "naam",
            "kvk_nummer",
            "agb_code",
            "adres",
            "postcode",
            "plaats",
            "contactpersoon",
            "email",
            "telefoon",
            "notities",
        ]

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if heeft_stuurtekens(naam):
            raise ValidationError(STUURTEKENS_MELDING)
        if services.naam_bezet(naam, behalve_aanbieder_id=self.instance.pk):
            raise ValidationError("Deze naam is al in gebruik bij een andere zorgaanbieder.")
        return naam


@admin.register(Zorgaanbieder)
class ZorgaanbiederAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = ZorgaanbiederForm
    resource_classes = [ZorgaanbiederResource]
    formats = FORMATEN
    change_list_template = "admin/contracts/zorgaanbieder/change_list.html"
    list_display = ["naam", "soort_vandaag", "kvk_nummer", "agb_code", "plaats"]
    list_filter = [SoortVandaagFilter, KleinDitJaarFilter, GemeenteFilter]
    search_fields = ["naam", "andere_namen__naam", "kvk_nummer", "agb_code"]
    inlines = [
        AndereNaamInline,
        RelatieInline,
        PersoneelsomvangInline,
        ContractInline,
        AfspraakInline,
        GesprekInline,
        JaarrekeningInline,
    ]
    fieldsets = [
        (None, {"fields": ["naam", "kvk_nummer", "agb_code"]}),
        (_("Contact"), {"fields": ["adres", "postcode", "plaats", "contactpersoon", "email", "telefoon"]}),
        (_("Notities"), {"fields": ["notities"]}),
    ]

    def get_queryset(self, request):
        vandaag = selectors.relaties_op(date.today()).filter(zorgaanbieder=OuterRef("pk"))
        return super().get_queryset(request).annotate(_soort_vandaag=Subquery(vandaag.values("soort")[:1]))

    @admin.display(description=_("soort vandaag"), ordering="_soort_vandaag")
    def soort_vandaag(self, obj):
        return Relatie.Soort(obj._soort_vandaag).label if obj._soort_vandaag else "–"


# --- Contracts ------------------------------------------------------------------------------------


class ContractForm(ServiceControleForm):
    controle = staticmethod(lambda contract: services.controleer_contract(contract=contract))

    class Meta:
        model = Contract
        fields = [
            "zorgaanbieder",
            "soort",
            "kenmerk",
            "startdatum",
            "einddatum",
            "gemeenten",
            "plafond",
            "incidentele_reden",
            "client_referentie",
            "document",
            "opmerkingen",
        ]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}


class ContractRegelForm(forms.ModelForm):
    class Meta:
        model = ContractRegel
        fields = ["product", "eenheid", "tarief", "geldig_van"]

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            return data
        # in the inline the contract (cleaned by its InlineForeignKeyField) carries the values just entered on
        # the contract form, also when the contract is new
        contract = data.get("contract") or getattr(self.instance, "contract", None)
        van = data.get("geldig_van")
        if contract and van and contract.startdatum and van < contract.startdatum:
            self.add_error("geldig_van", "De ingangsdatum ligt voor de startdatum van het contract.")
        elif contract and van and contract.einddatum and van > contract.einddatum:
            self.add_error("geldig_van", "De ingangsdatum ligt na de einddatum van het contract.")
        if contract and contract.pk and data.get("product") and data.get("eenheid") and van:
            laatste = (
                ContractRegel.objects.filter(contract=contract, product=data["product"], eenheid=data["eenheid"])
                .order_by("-geldig_van")
                .first()
            )
            if laatste and data["geldig_van"] <= laatste.geldig_van:
                self.add_error(
                    "geldig_van",
                    f"Er is al een tarief vanaf {laatste.geldig_van:%d-%m-%Y}; een nieuw tarief gaat later in.",
                )
        if data.get("tarief") is not None and data["tarief"] < 0:
            self.add_error("tarief", "Het tarief mag niet negatief zijn.")
        return data


class ContractRegelInline(SmalleInline):
    """Tariff lines: a change is a new line; existing lines cannot be edited or deleted (history)."""

    model = ContractRegel
    form = ContractRegelForm
    extra = 1
    can_delete = False

    def has_change_permission(self, request, obj=None) -> bool:
        return False if obj is not None and obj.pk else super().has_change_permission(request, obj)


def _status_actie(naar: str, label: str):
    @admin.action(description=label, permissions=["change"])
    def actie(modeladmin, request, queryset):
        gelukt = 0
        for contract in queryset:
            try:
                services.wijzig_contractstatus(contract=contract, naar=naar)
                gelukt += 1
            except ValidationError as exc:
                modeladmin.message_user(request, f"{contract.kenmerk}: {' '.join(exc.messages)}", messages.ERROR)
        if gelukt:
            modeladmin.message_user(request, f"{gelukt} contract(en) bijgewerkt.", messages.SUCCESS)

    actie.__name__ = f"zet_{naar}"
    return actie


@admin.register(Contract)
class ContractAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = ContractForm
    resource_classes = [ContractResource]
    formats = FORMATEN
    list_display = ["kenmerk", "zorgaanbieder", "soort", "status", "startdatum", "einddatum", "document_link"]
    list_filter = ["soort", "status", "gemeenten"]
    search_fields = ["kenmerk", "zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam", "client_referentie"]
    list_select_related = ["zorgaanbieder"]
    date_hierarchy = "startdatum"
    inlines = [ContractRegelInline]
    actions = [
        _status_actie(Contract.Status.ACTIEF, _("Activeren")),
        _status_actie(Contract.Status.OPGEZEGD, _("Opzeggen")),
        _status_actie(Contract.Status.BEEINDIGD, _("Beëindigen")),
    ]
    fieldsets = [
        (None, {"fields": ["zorgaanbieder", "soort", "kenmerk", "status", "startdatum", "einddatum"]}),
        (_("Bereik"), {"fields": ["gemeenten", "plafond"]}),
        (_("Incidentele overeenkomst"), {"fields": ["incidentele_reden", "client_referentie"]}),
        (_("Document"), {"fields": ["document", "document_link", "opmerkingen"]}),
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antwoord = super().change_view(request, object_id, form_url, extra_context)
        contract = getattr(antwoord, "context_data", {}).get("original") if request.method == "GET" else None
        if contract is not None and contract.client_referentie:  # an incidental contract names a client
            log_toegang(
                request,
                actie="inzien",
                object_type="contract",
                object_id=contract.pk,
                client=contract.client_referentie,
                omschrijving=f"Incidenteel contract {contract.kenmerk}",
            )
        return antwoord

    def get_readonly_fields(self, request, obj=None):
        # the status changes only through the actions (the transition table in the service)
        return ["status", "document_link"]

    @admin.display(description=_("document"))
    def document_link(self, obj):
        if not obj.pk or not obj.document:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("contracts-document", args=[obj.pk]), _("Download PDF"))


# --- Agreements, meetings, reviews -------------------------------------------------------------


class AfspraakForm(ServiceControleForm):
    controle = staticmethod(lambda afspraak: services.controleer_afspraak(afspraak=afspraak))

    def clean(self):
        data = super().clean()
        van = self.instance.status if self.instance.pk else TransformatieAfspraak.Status.OPEN
        naar = data.get("status")
        if naar and naar != van:
            try:
                services.controleer_afspraakovergang(van=van, naar=naar, realisatie=data.get("realisatie", ""))
            except ValidationError as exc:
                for veld, fouten in exc.message_dict.items():
                    self.add_error(veld, fouten)
        return data

    class Meta:
        model = TransformatieAfspraak
        fields = [
            "zorgaanbieder",
            "contract",
            "opdracht",
            "gewenst_resultaat",
            "afgesproken_op",
            "streefdatum",
            "status",
            "realisatie",
        ]


def _afspraak_actie(naar: str, label: str):
    @admin.action(description=label, permissions=["change"])
    def actie(modeladmin, request, queryset):
        for afspraak in queryset:
            try:
                services.wijzig_afspraakstatus(afspraak=afspraak, naar=naar)
            except ValidationError as exc:
                modeladmin.message_user(request, f"{afspraak}: {' '.join(exc.messages)}", messages.ERROR)

    actie.__name__ = f"afspraak_{naar}"
    return actie


@admin.register(TransformatieAfspraak)
class TransformatieAfspraakAdmin(SimpleHistoryAdmin):
    form = AfspraakForm
    list_display = ["zorgaanbieder", "opdracht", "afgesproken_op", "streefdatum", "status"]
    list_filter = ["status", "afgesproken_op"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam", "opdracht"]
    list_select_related = ["zorgaanbieder"]
    actions = [
        _afspraak_actie(TransformatieAfspraak.Status.LOPEND, _("Op ‘lopend’ zetten")),
        _afspraak_actie(TransformatieAfspraak.Status.VERVALLEN, _("Laten vervallen")),
    ]


class ActiepuntForm(forms.ModelForm):
    class Meta:
        model = Actiepunt
        fields = ["omschrijving", "eigenaar", "deadline", "afgerond_op"]

    def clean_afgerond_op(self):
        op = self.cleaned_data.get("afgerond_op")
        if op and op > date.today():
            raise ValidationError("De afronddatum kan niet in de toekomst liggen.")
        return op


class ActiepuntInline(SmalleInline):
    model = Actiepunt
    form = ActiepuntForm
    extra = 1
    fields = ["omschrijving", "eigenaar", "deadline", "afgerond_op"]


class GesprekForm(forms.ModelForm):
    class Meta:
        model = Gesprek
        fields = [
            "zorgaanbieder",
            "soort",
            "gepland_op",
            "gehouden_op",
            "deelnemers",
            "overige_deelnemers",
            "afspraken",
            "verslag",
            "knelpunten",
        ]

    def clean(self):
        data = super().clean()
        if data.get("gehouden_op") and data["gehouden_op"] > date.today():
            self.add_error("gehouden_op", "Een gesprek kan niet in de toekomst gehouden zijn.")
        aanbieder = data.get("zorgaanbieder")
        if aanbieder and any(a.zorgaanbieder_id != aanbieder.pk for a in data.get("afspraken") or []):
            self.add_error("afspraken", "Alleen afspraken met deze zorgaanbieder kunnen besproken worden.")
        return data


@admin.register(Gesprek)
class GesprekAdmin(SimpleHistoryAdmin):
    form = GesprekForm
    list_display = ["zorgaanbieder", "soort", "gepland_op", "gehouden_op"]
    list_filter = ["soort", ("gehouden_op", admin.EmptyFieldListFilter), "gepland_op"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam", "verslag", "knelpunten"]
    list_select_related = ["zorgaanbieder"]
    filter_horizontal = ["deelnemers", "afspraken"]
    inlines = [ActiepuntInline]


class JaarrekeningForm(forms.ModelForm):
    class Meta:
        model = JaarrekeningBeoordeling
        fields = [
            "zorgaanbieder",
            "boekjaar",
            "ontvangen_op",
            "beoordeeld_op",
            "beoordeeld_door",
            "oordeel",
            "toelichting",
        ]

    def clean(self):
        data = super().clean()
        oordeel, op = data.get("oordeel"), data.get("beoordeeld_op")
        if op and not oordeel:
            self.add_error("oordeel", "Een beoordeelde jaarrekening heeft een oordeel.")
        if oordeel and oordeel != "geen_bijzonderheden" and not (data.get("toelichting") or "").strip():
            self.add_error("toelichting", "Licht een aandachtspunt of twijfel over de continuïteit toe.")
        if op and op > date.today():
            self.add_error("beoordeeld_op", "De beoordelingsdatum kan niet in de toekomst liggen.")
        elif op and data.get("boekjaar") and op.year <= data["boekjaar"]:
            self.add_error("beoordeeld_op", "Een jaarrekening wordt beoordeeld na afloop van het boekjaar.")
        return data


# the provider page's inlines check meetings and reviews as their own pages do
GesprekInline.form = GesprekForm
JaarrekeningInline.form = JaarrekeningForm


@admin.register(JaarrekeningBeoordeling)
class JaarrekeningBeoordelingAdmin(SimpleHistoryAdmin):
    form = JaarrekeningForm
    list_display = ["zorgaanbieder", "boekjaar", "ontvangen_op", "beoordeeld_op", "oordeel"]
    list_filter = ["boekjaar", "oordeel"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam"]
    list_select_related = ["zorgaanbieder"]


# --- Registers ------------------------------------------------------------------------------------


@admin.register(Relatie)
class RelatieAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [RelatieResource]
    formats = FORMATEN
    list_display = ["zorgaanbieder", "soort", "geldig_van", "geldig_tot"]
    list_filter = ["soort"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam"]
    list_select_related = ["zorgaanbieder"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)

        class Form(ServiceControleForm, form):
            controle = staticmethod(lambda relatie: services.controleer_relatie(relatie=relatie))

        return Form


class BedragenForm(forms.ModelForm):
    """Amounts are never negative: a Dutch message on the field itself."""

    bedragvelden: tuple[str, ...] = ()

    def clean(self):
        data = super().clean()
        for veld in self.bedragvelden:
            if data.get(veld) is not None and data[veld] < 0:
                self.add_error(veld, "Het bedrag mag niet negatief zijn.")
        return data


class UitgaveForm(BedragenForm):
    bedragvelden = ("bedrag",)

    class Meta:
        model = Uitgave
        fields = ["zorgaanbieder", "jaar", "maand", "gemeente", "categorie", "bedrag"]


class OpdrachtForm(BedragenForm):
    bedragvelden = ("lumpsum", "verhoging_lumpsum", "aanvullende_taken")

    class Meta:
        model = Opdracht
        fields = ["gemeente", "jaar", "lumpsum", "verhoging_lumpsum", "aanvullende_taken", "toelichting"]


@admin.register(Uitgave)
class UitgaveAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = UitgaveForm
    resource_classes = [UitgaveResource]
    formats = FORMATEN
    list_display = ["zorgaanbieder", "jaar", "maand", "gemeente", "categorie", "bedrag"]
    list_filter = ["jaar", "gemeente", "categorie"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam"]
    list_select_related = ["zorgaanbieder", "gemeente"]


@admin.register(Opdracht)
class OpdrachtAdmin(SimpleHistoryAdmin):
    form = OpdrachtForm
    list_display = ["gemeente", "jaar", "lumpsum", "verhoging_lumpsum", "aanvullende_taken", "opdrachtsom"]
    list_filter = ["jaar", "gemeente"]
    list_select_related = ["gemeente"]


@admin.register(Personeelsomvang)
class PersoneelsomvangAdmin(SimpleHistoryAdmin):
    list_display = ["zorgaanbieder", "jaar", "aantal_medewerkers", "minder_dan", "is_klein"]
    list_filter = ["jaar"]
    search_fields = ["zorgaanbieder__naam", "zorgaanbieder__andere_namen__naam"]
    list_select_related = ["zorgaanbieder"]

    def get_queryset(self, request):
        klein = Personeelsomvang.objects.filter(selectors.kleine_omvang(), pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(_klein=Exists(klein))

    @admin.display(description=_("kleine aanbieder"), boolean=True)
    def is_klein(self, obj) -> bool:
        return obj._klein
