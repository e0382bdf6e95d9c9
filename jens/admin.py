import re

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from knox.models import AuthToken
from simple_history.admin import SimpleHistoryAdmin

from jens import gebruikers
from jens.audit import log_toegang, log_toegang_lijst
from jens.models import (
    EmailBericht,
    Gebied,
    Gemeente,
    RapportageTaak,
    Signalering,
    Sluitingsdag,
    Tevredenheidsmeting,
    Toegangslog,
    ToegangslogKetting,
)


class GebiedInline(admin.TabularInline):
    model = Gebied
    extra = 0
    fields = ["naam", "code", "toelichting"]


class ScopeAlleenSuperuser:
    """Who works for a gemeente or gebied is set in the user admin (jens.gebruikers checks it); here only a
    superuser sees that field, so nobody widens their own scope through the municipality page."""

    def get_exclude(self, request, obj=None):
        uitgesloten = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser:
            uitgesloten.append("gebruikers")
        return uitgesloten


@admin.register(Gemeente)
class GemeenteAdmin(ScopeAlleenSuperuser, SimpleHistoryAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam"]
    filter_horizontal = ["gebruikers"]
    inlines = [GebiedInline]


@admin.register(Gebied)
class GebiedAdmin(ScopeAlleenSuperuser, SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "toelichting"]
    list_filter = ["gemeente"]
    search_fields = ["naam"]
    filter_horizontal = ["gebruikers"]


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving"]


class TevredenheidsmetingForm(forms.ModelForm):
    """The service's rules (jens.tevredenheid) with their Dutch message beside each field."""

    class Meta:
        model = Tevredenheidsmeting
        fields = ["soort", "jaar", "periode", "score", "norm", "respondenten", "bron"]

    def clean(self):
        from jens.tevredenheid import controleer_meting

        data = super().clean()
        if self.errors:
            return data
        proef = Tevredenheidsmeting(pk=self.instance.pk, **{v: data.get(v) for v in self.Meta.fields})
        try:
            controleer_meting(proef)
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                for melding in meldingen:
                    self.add_error(veld if veld in self.fields else None, melding)
        return data

    def _post_clean(self):
        # The rules in clean() are the model's constraints with a message beside the field; the model's own
        # check would say the same once more at the top of the form.
        from django.forms.models import construct_instance

        self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)


@admin.register(Tevredenheidsmeting)
class TevredenheidsmetingAdmin(SimpleHistoryAdmin):
    """Entered by the functioneel beheerder; management reads (its role has only the view permission)."""

    form = TevredenheidsmetingForm
    list_display = ["soort", "jaar", "periode", "score", "norm", "respondenten"]
    list_filter = ["soort", "jaar"]

    def save_model(self, request, obj, form, change):
        from jens.tevredenheid import sla_meting_op

        velden = {v: form.cleaned_data.get(v) for v in TevredenheidsmetingForm.Meta.fields}
        opgeslagen = sla_meting_op(meting=obj if change else None, **velden)
        obj.pk = opgeslagen.pk

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser  # a wrong score is corrected (with history), not removed


class InzageLoggen:
    """Admin pages that show client data write the access log like the pages and the API do, for every user
    (superusers included): the list (one row per object shown), the change page (inzien on GET, wijzigen on
    POST), the history and an old version, and a deletion.

    ``log_client_pad`` is the path from the object to the client number ('' for none)."""

    log_object_type = ""
    log_client_pad = ""

    def _log_type(self) -> str:
        return self.log_object_type or self.model._meta.model_name

    def _log_client(self, obj) -> str:
        waarde = obj
        for deel in self.log_client_pad.split("__") if self.log_client_pad else []:
            waarde = getattr(waarde, deel, None)
            if waarde is None:
                return ""
        return str(waarde) if self.log_client_pad else ""

    def _log_object(self, request, object_id, actie: str, omschrijving: str) -> None:
        obj = None
        try:
            obj = self.model._default_manager.filter(pk=object_id).first()
        except (ValueError, TypeError, ValidationError):
            obj = None
        log_toegang(
            request,
            actie=actie,
            object_type=self._log_type(),
            object_id=object_id,
            client=self._log_client(obj) if obj is not None else "",
            omschrijving=omschrijving,
        )

    def changelist_view(self, request, extra_context=None):
        antwoord = super().changelist_view(request, extra_context)
        cl = (getattr(antwoord, "context_data", None) or {}).get("cl")
        if cl is not None:
            log_toegang_lijst(
                request,
                actie=Toegangslog.Actie.INZIEN,
                object_type=self._log_type(),
                regels=[(obj.pk, self._log_client(obj), "Inzien in beheerlijst") for obj in cl.result_list],
            )
        return antwoord

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antwoord = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            if antwoord.status_code == 302:
                self._log_object(request, object_id, Toegangslog.Actie.WIJZIGEN, "Gewijzigd in beheer")
        elif antwoord.status_code == 200:
            self._log_object(request, object_id, Toegangslog.Actie.INZIEN, "Inzien in beheer")
        return antwoord

    def history_view(self, request, object_id, extra_context=None):
        antwoord = super().history_view(request, object_id, extra_context)
        if antwoord.status_code == 200:
            self._log_object(request, object_id, Toegangslog.Actie.INZIEN, "Geschiedenis in beheer")
        return antwoord

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        antwoord = super().history_form_view(request, object_id, version_id, extra_context)
        if antwoord.status_code == 200:
            self._log_object(request, object_id, Toegangslog.Actie.INZIEN, f"Oude versie {version_id} in beheer")
        return antwoord

    def delete_view(self, request, object_id, extra_context=None):
        client = ""
        obj = self.model._default_manager.filter(pk=object_id).first() if str(object_id).isdigit() else None
        if obj is not None:
            client = self._log_client(obj)
        antwoord = super().delete_view(request, object_id, extra_context)
        if request.method == "POST" and antwoord.status_code == 302:
            log_toegang(
                request,
                actie=Toegangslog.Actie.VERWIJDEREN,
                object_type=self._log_type(),
                object_id=object_id,
                client=client,
                omschrijving="Verwijderd in beheer",
            )
        return antwoord


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
    list_display = ["onderwerp", "aangemaakt_op", "verzonden_op", "pogingen", "volgende_poging_op"]
    list_filter = [("verzonden_op", admin.EmptyFieldListFilter)]
    search_fields = ["onderwerp"]


@admin.register(Toegangslog)
class ToegangslogAdmin(AlleenLezenAdmin):
    """Reading the access log is itself logged: one row per page read (with the search or client filter), and
    one per log row opened."""

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

    def changelist_view(self, request, extra_context=None):
        antwoord = super().changelist_view(request, extra_context)
        if getattr(antwoord, "status_code", None) == 200:
            filters = {k: v.replace("\x00", "") for k, v in request.GET.items()}
            gezocht = filters.get("q", "").strip()
            log_toegang(
                request,
                actie=Toegangslog.Actie.INZIEN,
                object_type="toegangslog",
                client=gezocht if re.fullmatch(r"C\d{1,20}", gezocht) else "",
                omschrijving="Toegangslog in beheer: " + ", ".join(f"{k}={v}" for k, v in filters.items()),
            )
        return antwoord

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antwoord = super().change_view(request, object_id, form_url, extra_context)
        if antwoord.status_code == 200:
            regel = Toegangslog.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
            log_toegang(
                request,
                actie=Toegangslog.Actie.INZIEN,
                object_type="toegangslog",
                object_id=object_id,
                client=regel.client if regel else "",
                omschrijving="Toegangslogregel in beheer",
            )
        return antwoord


@admin.register(RapportageTaak)
class RapportageTaakAdmin(AlleenLezenAdmin):
    list_display = ["soort", "aangevraagd_op", "aangevraagd_door", "status", "voortgang"]
    exclude = ["bestand"]


@admin.register(ToegangslogKetting)
class ToegangslogKettingAdmin(AlleenLezenAdmin):
    list_display = ["laatste_volgnummer", "begin_volgnummer", "laatst_gecontroleerd_op", "laatste_uitkomst"]


# --- Users: roles and scope (jens.gebruikers holds the rules) --------------------------------------------

User = get_user_model()


class GebruikerWijzigForm(UserChangeForm):
    """The user form with the scope (gemeenten and gebieden live on those models) and only the roles that the
    signed-in user may hand out."""

    door = None  # the signed-in user, set by GebruikerAdmin.get_form

    gemeenten = forms.ModelMultipleChoiceField(
        Gemeente.objects.all(),
        required=False,
        label="Gemeenten",
        help_text="Werkt voor (heel) deze gemeenten.",
        widget=FilteredSelectMultiple("gemeenten", is_stacked=False),
    )
    gebieden = forms.ModelMultipleChoiceField(
        Gebied.objects.select_related("gemeente"),
        required=False,
        label="Gebieden",
        help_text="Werkt voor deze gebiedsteams.",
        widget=FilteredSelectMultiple("gebieden", is_stacked=False),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten, gebieden = gebruikers.scope_van(self.instance)
        self.initial.setdefault("gemeenten", [g.pk for g in gemeenten])
        self.initial.setdefault("gebieden", [g.pk for g in gebieden])
        if "groups" in self.fields and self.door is not None:
            self.fields["groups"].queryset = gebruikers.toe_te_kennen_rollen(self.door)
            self.fields["groups"].label = "Rollen"

    def clean(self):
        data = super().clean()
        if self.door is not None and "groups" in data:
            try:
                gebruikers.controleer_rechten(door=self.door, gebruiker=self.instance, rollen=data["groups"])
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


if admin.site.is_registered(User):  # django.contrib.auth registers the stock UserAdmin
    admin.site.unregister(User)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Superusers: the full user admin plus scope. The functioneel beheerder: roles and scope of other users
    only (never is_superuser, single permissions, its own account, a superuser's or another beheerder's)."""

    form = GebruikerWijzigForm
    list_display = ("username", "first_name", "last_name", "email", "rollen", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "groups")

    beperkte_fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoonlijke gegevens", {"fields": ("first_name", "last_name", "email")}),
        ("Rollen en scope", {"fields": ("is_active", "is_staff", "groups", "gemeenten", "gebieden")}),
        ("Belangrijke datums", {"fields": ("last_login", "date_joined")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="rollen")
    def rollen(self, obj) -> str:
        return ", ".join(sorted(g.name for g in obj.groups.all()))

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return ("is_active", "is_staff", "is_superuser", "groups")
        return self.list_filter

    def has_module_permission(self, request):
        return gebruikers.mag_beheren(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return gebruikers.mag_beheren(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return gebruikers.mag_beheren(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return gebruikers.mag_wijzigen(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    @admin.display(description="gemeenten")
    def gemeenten_lijst(self, obj) -> str:
        return ", ".join(g.naam for g in obj.gemeenten.all()) or "—"

    @admin.display(description="gebieden")
    def gebieden_lijst(self, obj) -> str:
        return ", ".join(g.naam for g in obj.gebieden.all()) or "—"

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        if request.user.is_superuser:
            return (*UserAdmin.fieldsets, ("Scope", {"fields": ("gemeenten", "gebieden")}))
        if not self.has_change_permission(request, obj):
            # Read-only: the scope as text (the form fields are not model fields).
            return tuple(
                (
                    titel,
                    {
                        "fields": tuple(
                            {"gemeenten": "gemeenten_lijst", "gebieden": "gebieden_lijst"}.get(f, f)
                            for f in opties["fields"]
                        )
                    },
                )
                for titel, opties in self.beperkte_fieldsets
            )
        return self.beperkte_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return ("last_login", "date_joined")
        return super().get_readonly_fields(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            form.door = request.user
        return form

    def save_related(self, request, form, formsets, change):
        if "groups" not in form.cleaned_data:  # the add form: a new account without rights
            super().save_related(request, form, formsets, change)
            return
        if request.user.is_superuser:
            super().save_related(request, form, formsets, change)
        gebruikers.wijzig_rechten(
            door=request.user,
            gebruiker=form.instance,
            rollen=form.cleaned_data["groups"],
            gemeenten=form.cleaned_data.get("gemeenten", []),
            gebieden=form.cleaned_data.get("gebieden", []),
        )


# API tokens: knox's own admin lets whoever may add one create a token for any user, with any expiry or none, past
# the second factor. Here a token can only be looked at and revoked (deleted); it is only issued by /api/v1/token/.
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "token_key", "created", "expiry")
    search_fields = ("user__username",)
    list_select_related = ("user",)
    fields = ("user", "token_key", "created", "expiry")
    readonly_fields = fields
    ordering = ("-created",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
