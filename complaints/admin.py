from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from import_export import resources
from import_export.admin import ExportMixin
from simple_history.admin import SimpleHistoryAdmin

from jens.admin import InzageLoggen

from . import services
from .models import Aard, Klacht, KlachtStap

AANMAAK_VELDEN = (
    "soort",
    "kanaal",
    "ontvangen_op",
    "indiener_naam",
    "indiener_email",
    "indiener_telefoon",
    "indiener_rol",
    "gemeente",
    "gebied",
    "zorgaanbieder",
    "betreft",
    "aard",
    "omschrijving",
    "gewenste_uitkomst",
)


@admin.register(Aard)
class AardAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "code", "volgorde", "actief")
    list_editable = ("volgorde", "actief")
    search_fields = ("naam", "code")
    prepopulated_fields = {"code": ("naam",)}


class KlachtAdminForm(forms.ModelForm):
    """Shows the service's rules as errors beside the fields before anything is saved. ``gezien_versie``
    is the version the officer opened: a change made by someone else since then is not overwritten."""

    gezien_versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "aard" in self.fields:  # only active categories can be chosen (the current one stays)
            self.fields["aard"].queryset = Aard.objects.filter(Q(actief=True) | Q(pk=self.instance.aard_id))
        if self.instance.pk:
            self.fields["gezien_versie"].initial = self.instance.versie
            self.fields["gezien_versie"].required = True

    def clean(self):
        data = super().clean()
        if self.instance.pk and not self.instance.is_open:
            raise ValidationError("Een afgesloten of ingetrokken klacht kan niet meer worden gewijzigd.")
        gezien = data.get("gezien_versie")
        if self.instance.pk and gezien is not None and gezien != self.instance.versie:
            raise ValidationError(str(services.VersieConflict(self.instance)))
        ontvangen_op = data.get("ontvangen_op")
        if not self.instance.pk and ontvangen_op and ontvangen_op > timezone.now():
            self.add_error("ontvangen_op", "Het moment van ontvangst kan niet in de toekomst liggen.")
        try:
            services.controleer_wat(gemeente=data.get("gemeente"), gebied=data.get("gebied"))
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                self.add_error(veld, meldingen)
        return data


class KlachtStapInline(admin.TabularInline):
    model = KlachtStap
    extra = 0
    can_delete = False
    fields = ("tijdstip", "actie", "van_status", "naar_status", "door_naam", "notitie")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class KlachtResource(resources.ModelResource):
    """Export without the complainant's contact details."""

    class Meta:
        model = Klacht
        fields = (
            "referentie",
            "soort",
            "kanaal",
            "status",
            "ontvangen_op",
            "aard__code",
            "gemeente__code",
            "oppakken_uiterlijk",
            "opgepakt_op",
            "werkdagen_tot_oppakken",
            "afhandelen_uiterlijk",
            "uitkomst",
            "naar_commissie_op",
            "uitspraak_op",
            "maatregelen_besloten_op",
            "afgesloten_op",
        )
        export_order = fields


@admin.register(Klacht)
class KlachtAdmin(InzageLoggen, ExportMixin, SimpleHistoryAdmin):
    """Registration data can be edited here; status and terms change only through the workflow
    (worklist or API), so they are read-only. New complaints go through the intake service."""

    form = KlachtAdminForm
    resource_classes = [KlachtResource]
    list_display = (
        "referentie",
        "soort",
        "aard",
        "status",
        "ontvangen_op",
        "oppakken_uiterlijk",
        "afhandelen_uiterlijk",
        "gemeente",
    )
    list_filter = ("status", "soort", "kanaal", "aard", "gemeente", "uitkomst")
    search_fields = ("referentie", "indiener_naam", "indiener_email", "betreft")
    date_hierarchy = "ontvangen_datum"
    list_select_related = ("aard", "gemeente")
    autocomplete_fields = ()
    inlines = [KlachtStapInline]
    readonly_fields = (
        "referentie",
        "status",
        "versie",
        "ontvangen_datum",
        "oppakken_uiterlijk",
        "afhandelen_uiterlijk",
        "verlengd_met_weken",
        "verlenging_reden",
        "maatregelen_uiterlijk",
        "opgepakt_op",
        "opgepakt_door",
        "werkdagen_tot_oppakken",
        "uitkomst",
        "naar_commissie_op",
        "uitspraak_op",
        "uitspraak",
        "aanbevelingen",
        "maatregelen_besloten_op",
        "maatregelen",
        "afgesloten_op",
        "geanonimiseerd_op",
    )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (*self.readonly_fields, "kanaal", "ontvangen_op")

    def get_fields(self, request, obj=None):
        if obj is None:
            return AANMAAK_VELDEN
        return (*AANMAAK_VELDEN, "gezien_versie", *(f for f in self.readonly_fields if f not in AANMAAK_VELDEN))

    def has_delete_permission(self, request, obj=None):
        return False  # nothing received may be lost

    def save_model(self, request, obj, form, change):
        data = {k: form.cleaned_data.get(k) for k in AANMAAK_VELDEN}
        if change:
            velden = {k: v for k, v in data.items() if k in services.WIJZIGBAAR}
            nieuw = services.wijzig_klacht(
                klacht=obj.pk, door=request.user, versie=form.cleaned_data["gezien_versie"], **velden
            )
        else:
            data = {k: (v if v is not None else "") for k, v in data.items()}
            for fk in ("gemeente", "gebied", "zorgaanbieder", "ontvangen_op"):
                data[fk] = form.cleaned_data.get(fk)
            nieuw = services.maak_klacht(door=request.user, **data)
        obj.pk = nieuw.pk
        obj.referentie = nieuw.referentie
