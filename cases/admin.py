"""Admin for casework: for superusers and support only (the case roles work in the pages and the API).
Lists show the client number and initials, never the BSN; search is on the client number."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cases.models import (
    Evaluatie,
    Hulpvraag,
    Jeugdige,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
)


@admin.register(Jeugdige)
class JeugdigeAdmin(SimpleHistoryAdmin):
    list_display = ["clientnummer", "initialen", "gemeente", "gebied"]
    list_filter = ["gemeente", "gebied"]
    search_fields = ["=clientnummer"]
    readonly_fields = ["clientnummer"]


class EvaluatieInline(admin.TabularInline):
    model = Evaluatie
    extra = 0


class ZorginzetInline(admin.TabularInline):
    model = Zorginzet
    extra = 0
    autocomplete_fields = []


@admin.register(Hulpvraag)
class HulpvraagAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "jeugdige", "ontvangen_op", "soort", "triage", "status", "dossier_uiterlijk", "afgesloten_op"]
    list_filter = ["status", "triage", "soort", "verwijzer", "jeugdige__gemeente"]
    search_fields = ["=jeugdige__clientnummer"]
    date_hierarchy = "ontvangen_op"
    raw_id_fields = ["jeugdige", "regisseur"]
    inlines = [EvaluatieInline, ZorginzetInline]


class MeldcodeStapInline(admin.StackedInline):
    model = MeldcodeStap
    extra = 0
    raw_id_fields = ["professional"]


@admin.register(MeldcodeTraject)
class MeldcodeTrajectAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "jeugdige", "gestart_op", "besluit", "gemeld_op", "terugkoppeling_op"]
    list_filter = ["besluit"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige"]
    inlines = [MeldcodeStapInline]


@admin.register(VeiligThuisMelding)
class VeiligThuisMeldingAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "jeugdige", "ontvangen_op", "opvolgen_uiterlijk", "opgevolgd_op", "wijze"]
    list_filter = [("opgevolgd_op", admin.EmptyFieldListFilter), "wijze"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige", "opgevolgd_door"]


@admin.register(Onderzoek)
class OnderzoekAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "jeugdige", "reden", "gestart_op", "afgerond_op"]
    list_filter = ["reden"]
    search_fields = ["=jeugdige__clientnummer"]
    raw_id_fields = ["jeugdige", "veilig_thuis_melding"]
