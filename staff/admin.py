"""Admin for HR and the functioneel beheerder: employees, placements (with the HR import), budgets and
training. Writes go through the services, so the same rules hold as in the API."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from staff import services
from staff.models import Formatie, Medewerker, Plaatsing, Scholing
from staff.resources import MedewerkerResource, PlaatsingResource


class ImportZonderHalveFouten(ImportExportMixin):
    """The import writes nothing when any row is wrong (validation errors roll back too)."""

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}


class PlaatsingInline(admin.TabularInline):
    model = Plaatsing
    fields = ["gebied", "domein", "fte", "van", "tot"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class ScholingInline(admin.TabularInline):
    model = Scholing
    fields = ["soort", "datum", "omschrijving"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class MedewerkerForm(forms.ModelForm):
    class Meta:
        model = Medewerker
        fields = [
            "personeelsnummer",
            "naam",
            "email",
            "werkgever",
            "functie",
            "gebruiker",
            "in_dienst_van",
            "in_dienst_tot",
        ]

    def _post_clean(self):
        super()._post_clean()  # fills self.instance from the cleaned data
        if not self.errors:
            try:
                services.valideer_medewerker(self.instance)
            except ValidationError as exc:
                for veld, meldingen in exc.message_dict.items():
                    self.add_error(None if veld == "__all__" or veld not in self.fields else veld, meldingen)


@admin.register(Medewerker)
class MedewerkerAdmin(ImportZonderHalveFouten, SimpleHistoryAdmin):
    form = MedewerkerForm
    resource_classes = [MedewerkerResource]
    list_display = ["naam", "personeelsnummer", "functie", "werkgever", "in_dienst_van", "in_dienst_tot"]
    list_filter = ["functie", "werkgever", "plaatsingen__gebied"]
    search_fields = ["naam", "personeelsnummer", "email"]
    list_select_related = ["werkgever"]
    autocomplete_fields = ["gebruiker"]
    readonly_fields = ["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"]
    inlines = [PlaatsingInline, ScholingInline]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "personeelsnummer"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        velden = {v: form.cleaned_data[v] for v in services.WIJZIGBARE_MEDEWERKERVELDEN if v in form.cleaned_data}
        if change:
            services.wijzig_medewerker(medewerker=obj, **velden)
        else:
            nieuw = services.maak_medewerker(personeelsnummer=form.cleaned_data["personeelsnummer"], **velden)
            obj.pk = nieuw.pk


class PlaatsingForm(forms.ModelForm):
    class Meta:
        model = Plaatsing
        fields = ["medewerker", "gebied", "domein", "fte", "van", "tot"]
        localized_fields = ["fte"]  # 0,80 as people type it

    def _post_clean(self):
        super()._post_clean()  # fills self.instance from the cleaned data
        if not self.errors:
            try:
                services.valideer_plaatsing(self.instance)
            except ValidationError as exc:
                for veld, meldingen in exc.message_dict.items():
                    self.add_error(None if veld == "__all__" or veld not in self.fields else veld, meldingen)


@admin.register(Plaatsing)
class PlaatsingAdmin(ImportZonderHalveFouten, SimpleHistoryAdmin):
    """A placement is started and ended here; other changes (hours) = end it and start a new one."""

    form = PlaatsingForm
    resource_classes = [PlaatsingResource]
    list_display = ["medewerker", "gebied", "domein", "fte", "van", "tot"]
    list_filter = ["gebied__gemeente", "gebied", "domein"]
    search_fields = ["medewerker__naam", "medewerker__personeelsnummer"]
    list_select_related = ["medewerker", "gebied"]
    autocomplete_fields = ["medewerker"]
    date_hierarchy = "van"

    def get_readonly_fields(self, request, obj=None):
        return ["medewerker", "gebied", "domein", "fte", "van"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            services.beeindig_plaatsing(plaatsing=obj, tot=form.cleaned_data["tot"])
        else:
            velden = {v: form.cleaned_data[v] for v in ("medewerker", "gebied", "domein", "fte", "van", "tot")}
            obj.pk = services.start_plaatsing(**velden).pk


@admin.register(Formatie)
class FormatieAdmin(SimpleHistoryAdmin):
    list_display = ["gebied", "domein", "fte", "geldig_van"]
    list_filter = ["gebied__gemeente", "gebied", "domein"]
    list_select_related = ["gebied"]


@admin.register(Scholing)
class ScholingAdmin(SimpleHistoryAdmin):
    list_display = ["medewerker", "soort", "datum", "omschrijving"]
    list_filter = ["soort", "datum"]
    search_fields = ["medewerker__naam", "medewerker__personeelsnummer"]
    list_select_related = ["medewerker"]
    autocomplete_fields = ["medewerker"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a record to another employee would leave the first one's Meldcode deadlines stale.
        return ["medewerker"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            services.herbereken_meldcode_termijnen(obj.medewerker)
            obj.medewerker.save(update_fields=["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"])
        else:
            velden = {v: form.cleaned_data[v] for v in ("medewerker", "soort", "datum", "omschrijving")}
            obj.pk = services.registreer_scholing(**velden).pk

    def delete_model(self, request, obj):
        services.verwijder_scholing(scholing=obj)
