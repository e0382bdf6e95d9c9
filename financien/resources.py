"""Import and export (CSV, XLSX) of the budget and the booked costs with django-import-export. Every row goes
through the service checks (a Dutch message per field); a file with one wrong row writes nothing (the admin shows
a preview first and names the row, the field and the reason)."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from contracts.resources import GemeenteWidget, KeuzeWidget
from financien import services
from financien.models import Begrotingsregel, Kostenpost, Kostenregel


class BedragWidget(widgets.DecimalWidget):
    """An amount as the bookkeeping writes it: 1234.56, 1234,56, 1.234,56 or € 1.234,56."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, int | float):
            return super().clean(value, row, **kwargs)
        tekst = str(value).replace("€", "").replace(" ", "").strip()
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        try:
            return super().clean(tekst, row, **kwargs)
        except Exception:  # noqa: BLE001 - any unreadable amount gets the same Dutch message
            raise ValueError(f"Geen geldig bedrag: ‘{value}’.") from None


class GetalWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except Exception:  # noqa: BLE001
            raise ValueError(f"Geen geheel getal: ‘{value}’.") from None


# Other spellings of the lines (as the published statement and the bookkeeping write them).
POST_ALIASSEN = {
    "specialistische zorg": Kostenpost.SPECIALISTISCHE_ZORG,
    "uitbestede zorg": Kostenpost.SPECIALISTISCHE_ZORG,
    "overhead": Kostenpost.OVERHEAD,
    "meerkosten bijdrage": Kostenpost.MEERKOSTEN_BIJDRAGE,
    "meerkosten bijdrage hlv": Kostenpost.MEERKOSTEN_BIJDRAGE,
}


class PostWidget(KeuzeWidget):
    """A line by its code, its label or a spelling of the published statement."""

    def __init__(self):
        super().__init__(Kostenpost.choices)

    def clean(self, value, row=None, **kwargs):
        tekst = str(value or "").strip().lower()
        if tekst in POST_ALIASSEN:
            return POST_ALIASSEN[tekst]
        return super().clean(value, row, **kwargs)


class _Resource(resources.ModelResource):
    controle = None

    def get_instance(self, instance_loader, row):
        # an unreadable key column (unknown gemeente, no number) is reported on its field by the row check
        try:
            return super().get_instance(instance_loader, row)
        except (ValueError, ValidationError):
            return None

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        try:
            type(self).controle(regel=instance)
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                fouten.setdefault(veld, meldingen)
        if fouten:
            raise ValidationError(fouten)


class KostenregelResource(_Resource):
    """Booked costs per month: columns jaar, maand, gemeente (code or name), post (code or label), bedrag, bron.
    A row for a gemeente, month and post that already exists corrects it."""

    controle = staticmethod(services.controleer_kostenregel)
    jaar = fields.Field(column_name="jaar", attribute="jaar", widget=GetalWidget())
    maand = fields.Field(column_name="maand", attribute="maand", widget=GetalWidget())
    gemeente = fields.Field(column_name="gemeente", attribute="gemeente", widget=GemeenteWidget())
    post = fields.Field(column_name="post", attribute="post", widget=PostWidget())
    bedrag = fields.Field(column_name="bedrag", attribute="bedrag", widget=BedragWidget())

    class Meta:
        model = Kostenregel
        fields = ("jaar", "maand", "gemeente", "post", "bedrag", "bron")
        import_id_fields = ("gemeente", "jaar", "maand", "post")
        clean_model_instances = False
        use_transactions = True

    def get_queryset(self):
        return Kostenregel.objects.select_related("gemeente")


class BegrotingsregelResource(_Resource):
    """The budget per line: columns jaar, gemeente, post, bedrag, toelichting."""

    controle = staticmethod(services.controleer_begrotingsregel)
    jaar = fields.Field(column_name="jaar", attribute="jaar", widget=GetalWidget())
    gemeente = fields.Field(column_name="gemeente", attribute="gemeente", widget=GemeenteWidget())
    post = fields.Field(column_name="post", attribute="post", widget=PostWidget())
    bedrag = fields.Field(column_name="bedrag", attribute="bedrag", widget=BedragWidget())

    class Meta:
        model = Begrotingsregel
        fields = ("jaar", "gemeente", "post", "bedrag", "toelichting")
        import_id_fields = ("gemeente", "jaar", "post")
        clean_model_instances = False
        use_transactions = True

    def get_queryset(self):
        return Begrotingsregel.objects.select_related("gemeente")
