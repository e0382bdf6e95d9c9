from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jens.models import (
    EmailBericht,
    Gebied,
    Gemeente,
    RapportageTaak,
    Signalering,
    Sluitingsdag,
    Toegangslog,
    ToegangslogKetting,
)


class GebiedInline(admin.TabularInline):
    model = Gebied
    extra = 0
    fields = ["naam", "code", "toelichting"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam"]
    filter_horizontal = ["gebruikers"]
    inlines = [GebiedInline]


@admin.register(Gebied)
class GebiedAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "toelichting"]
    list_filter = ["gemeente"]
    search_fields = ["naam"]
    filter_horizontal = ["gebruikers"]


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving"]


class AlleenLezenAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Signalering)
class SignaleringAdmin(AlleenLezenAdmin):
    list_display = ["soort", "omschrijving", "deadline", "sinds", "gemeente", "gebied", "opgelost_op"]
    list_filter = ["soort", ("opgelost_op", admin.EmptyFieldListFilter), "gemeente"]
    search_fields = ["omschrijving"]
    date_hierarchy = "sinds"


@admin.register(EmailBericht)
class EmailBerichtAdmin(AlleenLezenAdmin):
    list_display = ["onderwerp", "aangemaakt_op", "verzonden_op", "pogingen"]
    list_filter = [("verzonden_op", admin.EmptyFieldListFilter)]
    search_fields = ["onderwerp"]


@admin.register(Toegangslog)
class ToegangslogAdmin(AlleenLezenAdmin):
    list_display = [
        "tijdstip",
        "gebruikersnaam",
        "rol",
        "actie",
        "object_type",
        "object_id",
        "client",
        "uitkomst",
        "volgnummer",
    ]
    list_filter = ["actie", "uitkomst", "object_type"]
    search_fields = ["=client", "gebruikersnaam", "object_id"]
    date_hierarchy = "tijdstip"


@admin.register(RapportageTaak)
class RapportageTaakAdmin(AlleenLezenAdmin):
    list_display = ["soort", "aangevraagd_op", "aangevraagd_door", "status", "voortgang"]
    exclude = ["bestand"]


@admin.register(ToegangslogKetting)
class ToegangslogKettingAdmin(AlleenLezenAdmin):
    list_display = ["laatste_volgnummer", "begin_volgnummer", "laatst_gecontroleerd_op", "laatste_uitkomst"]
