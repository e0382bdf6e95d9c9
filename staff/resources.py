"""HR import of employees and placements (CSV and XLSX) with django-import-export: employees are
updated by personnel number; every row goes through the same rules as the services; the admin shows
a preview first, row errors with their row number, and writes nothing when any row is wrong."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from contracts.models import Zorgaanbieder
from jens.models import Gebied
from staff import services
from staff.models import Domein, Medewerker, Plaatsing


class NaamWidget(widgets.ForeignKeyWidget):
    """A provider by name (case-insensitive), with a Dutch message when unknown."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        try:
            return self.model.objects.get(naam__iexact=str(value).strip())
        except self.model.DoesNotExist as exc:
            raise ValueError(f"Onbekende zorgaanbieder '{value}'.") from exc


class CodeWidget(widgets.ForeignKeyWidget):
    def __init__(self, model, field, melding):
        super().__init__(model, field)
        self.melding = melding

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        try:
            return self.model.objects.get(**{self.field: str(value).strip()})
        except self.model.DoesNotExist as exc:
            raise ValueError(self.melding.format(value=value)) from exc


class MedewerkerResource(resources.ModelResource):
    werkgever = fields.Field(attribute="werkgever", column_name="werkgever", widget=NaamWidget(Zorgaanbieder, "naam"))
    in_dienst_van = fields.Field(attribute="in_dienst_van", column_name="in_dienst_van", widget=widgets.DateWidget())
    in_dienst_tot = fields.Field(attribute="in_dienst_tot", column_name="in_dienst_tot", widget=widgets.DateWidget())

    class Meta:
        model = Medewerker
        import_id_fields = ["personeelsnummer"]
        fields = ["personeelsnummer", "naam", "email", "werkgever", "functie", "in_dienst_van", "in_dienst_tot"]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = False

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        if instance.functie and instance.functie not in Medewerker.Functie.values:
            fouten["functie"] = [f"Onbekende functie '{instance.functie}'."]
        try:
            services.valideer_medewerker(instance)
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                fouten.setdefault(veld, []).extend(m for m in meldingen if m not in fouten.get(veld, []))
        if fouten:
            raise ValidationError(fouten)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:
            services.herbereken_meldcode_termijnen(instance)
        else:
            instance.meldcode_basis_uiterlijk = services.basis_uiterlijk(instance.in_dienst_van)


class PlaatsingResource(resources.ModelResource):
    medewerker = fields.Field(
        attribute="medewerker",
        column_name="personeelsnummer",
        widget=CodeWidget(Medewerker, "personeelsnummer", "Onbekend personeelsnummer '{value}'."),
    )
    gebied = fields.Field(
        attribute="gebied", column_name="gebied", widget=CodeWidget(Gebied, "code", "Onbekend gebied '{value}'.")
    )
    van = fields.Field(attribute="van", column_name="van", widget=widgets.DateWidget())
    tot = fields.Field(attribute="tot", column_name="tot", widget=widgets.DateWidget())

    class Meta:
        model = Plaatsing
        import_id_fields = ["medewerker", "gebied", "domein", "van"]
        fields = ["medewerker", "gebied", "domein", "fte", "van", "tot"]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = False

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        if instance.domein and instance.domein not in Domein.values:
            fouten["domein"] = [f"Onbekend domein '{instance.domein}'; kies gebiedsteam of voorliggend_veld."]
        if instance.pk:
            oud = Plaatsing.objects.get(pk=instance.pk)
            if oud.fte != instance.fte:
                fouten["fte"] = [
                    "De fte van een bestaande plaatsing wijzigt u niet; beëindig haar en start een nieuwe plaatsing."
                ]
            if oud.tot is not None and (instance.tot is None or instance.tot > oud.tot):
                fouten["tot"] = ["Een beëindigde plaatsing kan niet worden verlengd; start een nieuwe."]
        if not fouten and instance.medewerker_id:
            # the row lock on the employee, as in the services, for the FTE-sum check
            instance.medewerker = Medewerker.objects.select_for_update().get(pk=instance.medewerker_id)
            try:
                services.valideer_plaatsing(instance)
            except ValidationError as exc:
                fouten.update(exc.message_dict)
        if fouten:
            raise ValidationError(fouten)
