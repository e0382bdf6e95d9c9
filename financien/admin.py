"""The controller's workplace (inkoper, management, functioneel beheerder): the budget per line and the booked
costs per month, with import (CSV, XLSX; preview first, all or nothing) and export. Forms run the service checks,
so every message lands on its field. Lists are scoped to the user's gemeenten."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from financien import services
from financien.models import Begrotingsregel, Kostenregel
from financien.resources import BegrotingsregelResource, KostenregelResource
from jens.scope import filter_op_scope

FORMATEN = [CSV, XLSX]


class _ControleForm(forms.ModelForm):
    controle = None

    def clean(self):
        data = super().clean()
        self._controle_fout = False
        if not self._errors:
            kandidaat = construct_instance(self, copy.copy(self.instance), self._meta.fields, self._meta.exclude)
            try:
                type(self).controle(regel=kandidaat)
            except ValidationError as exc:
                self._controle_fout = True
                self._update_errors(exc)
        return data

    def _post_clean(self):
        if not getattr(self, "_controle_fout", False):
            super()._post_clean()


class KostenregelForm(_ControleForm):
    controle = staticmethod(services.controleer_kostenregel)

    class Meta:
        model = Kostenregel
        fields = ["gemeente", "jaar", "maand", "post", "bedrag", "bron"]


class BegrotingsregelForm(_ControleForm):
    controle = staticmethod(services.controleer_begrotingsregel)

    class Meta:
        model = Begrotingsregel
        fields = ["gemeente", "jaar", "post", "bedrag", "toelichting"]


class _Gescoped:
    """Rows of the user's gemeenten only; importing needs the right to add and change (the gemeente only reads)."""

    def get_queryset(self, request):
        return filter_op_scope(super().get_queryset(request), request.user, gemeente="gemeente")

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)


@admin.register(Kostenregel)
class KostenregelAdmin(_Gescoped, ImportExportMixin, SimpleHistoryAdmin):
    form = KostenregelForm
    resource_classes = [KostenregelResource]
    formats = FORMATEN
    list_display = ["jaar", "maand", "gemeente", "post", "bedrag", "bron"]
    list_filter = ["jaar", "gemeente", "post"]
    list_select_related = ["gemeente"]
    search_fields = ["bron"]


@admin.register(Begrotingsregel)
class BegrotingsregelAdmin(_Gescoped, ImportExportMixin, SimpleHistoryAdmin):
    form = BegrotingsregelForm
    resource_classes = [BegrotingsregelResource]
    formats = FORMATEN
    list_display = ["jaar", "gemeente", "post", "bedrag", "toelichting"]
    list_filter = ["jaar", "gemeente", "post"]
    list_select_related = ["gemeente"]
