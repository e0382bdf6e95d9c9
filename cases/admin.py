"""Admin for casework: for superusers and support only (the case roles work in the pages and the API).
Lists show the client number and initials, never the BSN; search is on the client number. Every read here is in
the access log (jens.admin.InzageLoggen), a superuser's too."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cases.models import (
    Evaluatie,
    Hulpvraag,
    Jeugdige,
    MeldcodeAfwijking,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
)
from jens.admin import InzageLoggen


class AlleenSuperuser:
    """The admin shows case data without area scope and without the access log: superusers only,
    even for a staff user whose role has the model permissions (the gedragswetenschapper)."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(Jeugdige)
class JeugdigeAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "clientnummer"
    list_display = ["clientnummer", "initialen", "gemeente", "gebied"]
    list_filter = ["gemeente", "gebied"]
    search_fields = ["=clientnummer"]
    readonly_fields = ["clientnummer"]


class EvaluatieInline(AlleenSuperuser, admin.TabularInline):
    model = Evaluatie
    extra = 0


class ZorginzetInline(AlleenSuperuser, admin.TabularInline):
    model = Zorginzet
    extra = 0
    autocomplete_fields = []


@admin.register(Hulpvraag)
class HulpvraagAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "jeugdige__clientnummer"
    list_display = ["pk", "jeugdige", "ontvangen_op", "soort", "triage", "status", "dossier_uiterlijk", "afgesloten_op"]
    list_filter = ["status", "triage", "soort", "verwijzer", "jeugdige__gemeente"]
    search_fields = ["=jeugdige__clientnummer"]
    date_hierarchy = "ontvangen_op"
    raw_id_fields = ["jeugdige", "regisseur"]
    inlines = [EvaluatieInline, ZorginzetInline]


class MeldcodeStapInline(AlleenSuperuser, admin.StackedInline):
    model = MeldcodeStap
    extra = 0
    raw_id_fields = ["professional"]


@admin.register(MeldcodeTraject)
class MeldcodeTrajectAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "jeugdige__clientnummer"
    list_display = ["pk", "jeugdige", "gestart_op", "besluit", "gemeld_op", "terugkoppeling_op"]
    list_filter = ["besluit"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige"]
    inlines = [MeldcodeStapInline]


@admin.register(VeiligThuisMelding)
class VeiligThuisMeldingAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "jeugdige__clientnummer"
    list_display = ["pk", "jeugdige", "ontvangen_op", "opvolgen_uiterlijk", "opgevolgd_op", "wijze"]
    list_filter = [("opgevolgd_op", admin.EmptyFieldListFilter), "wijze"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige", "opgevolgd_door"]


@admin.register(Onderzoek)
class OnderzoekAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "jeugdige__clientnummer"
    list_display = ["pk", "jeugdige", "reden", "gestart_op", "afgerond_op"]
    list_filter = ["reden"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige", "veilig_thuis_melding"]


@admin.register(MeldcodeAfwijking)
class MeldcodeAfwijkingAdmin(InzageLoggen, AlleenSuperuser, SimpleHistoryAdmin):
    log_client_pad = "jeugdige__clientnummer"
    list_display = ["pk", "jeugdige", "soort", "stap", "vastgesteld_op", "onderzoek"]
    list_filter = ["soort"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige", "traject", "onderzoek"]
