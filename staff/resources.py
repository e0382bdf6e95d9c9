"""HR import of employees and placements (CSV and XLSX) with django-import-export: employees are
updated by personnel number; every row goes through the same rules as the services; the admin shows
a preview first, row errors with their row number, and writes nothing when any row is wrong.

A file costs a fixed number of queries, whatever its length: the providers, areas, existing rows and
everything the rules read (``services.Voorraad``) are loaded once in ``before_import``; the rows are then
checked in memory and written in bulk with their history (django-simple-history), in batches."""

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from import_export import fields, resources, widgets
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from contracts.models import Zorgaanbieder
from jens.models import Gebied
from staff import services
from staff.models import Domein, Medewerker, Plaatsing

BATCH = 1000


def _personeelsnummers(dataset) -> set[str]:
    """The personnel numbers a file names (none when it has no such column)."""
    if "personeelsnummer" not in (dataset.headers or []):
        return set()
    return {str(n).strip() for n in dataset["personeelsnummer"] if n}


class _OpzoekWidget(widgets.ForeignKeyWidget):
    """A foreign key looked up in a dictionary that the resource fills once per file."""

    def __init__(self, model, field, melding):
        super().__init__(model, field)
        self.melding = melding
        self.tabel: dict[str, object] | None = None

    def sleutel(self, value) -> str:
        return str(value).strip()

    def laad(self) -> None:
        self.tabel = {self.sleutel(getattr(obj, self.field)): obj for obj in self.model.objects.all()}

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        if self.tabel is None:
            self.laad()
        try:
            return self.tabel[self.sleutel(value)]
        except KeyError as exc:
            raise ValueError(self.melding.format(value=value)) from exc


class NaamWidget(_OpzoekWidget):
    """A provider by name (case-insensitive), with a Dutch message when unknown. All names are read once
    (``lower(naam)``, the column of the unique index), not a case-insensitive scan per row."""

    def __init__(self, model, field):
        super().__init__(model, field, "Onbekende zorgaanbieder '{value}'.")

    def sleutel(self, value) -> str:
        return str(value).strip().lower()

    def laad(self) -> None:
        self.tabel = {obj.naam_klein: obj for obj in self.model.objects.annotate(naam_klein=Lower("naam"))}


class CodeWidget(_OpzoekWidget):
    pass


class _BulkResource(resources.ModelResource):
    """Bulk writes with history, and lookups filled once per file."""

    def _opzoekwidgets(self):
        return [f.widget for f in self.fields.values() if isinstance(f.widget, _OpzoekWidget)]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        for widget in self._opzoekwidgets():
            widget.tabel = None  # the class-level widgets are shared: never reuse another file's lookups

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        for widget in self._opzoekwidgets():
            widget.tabel = None

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.create_instances and (using_transactions or not dry_run):
            try:
                bulk_create_with_history(self.create_instances, self._meta.model, batch_size=batch_size)
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                bulk_update_with_history(
                    self.update_instances, self._meta.model, self.bijwerkvelden, batch_size=batch_size
                )
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.update_instances.clear()


class MedewerkerResource(_BulkResource):
    werkgever = fields.Field(attribute="werkgever", column_name="werkgever", widget=NaamWidget(Zorgaanbieder, "naam"))
    in_dienst_van = fields.Field(attribute="in_dienst_van", column_name="in_dienst_van", widget=widgets.DateWidget())
    in_dienst_tot = fields.Field(attribute="in_dienst_tot", column_name="in_dienst_tot", widget=widgets.DateWidget())

    bijwerkvelden = [
        "naam",
        "email",
        "werkgever",
        "functie",
        "in_dienst_van",
        "in_dienst_tot",
        "meldcode_basis_uiterlijk",
        "meldcode_opfris_uiterlijk",
    ]

    class Meta:
        model = Medewerker
        import_id_fields = ["personeelsnummer"]
        fields = ["personeelsnummer", "naam", "email", "werkgever", "functie", "in_dienst_van", "in_dienst_tot"]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = False
        use_bulk = True
        batch_size = BATCH

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        nummers = _personeelsnummers(dataset)
        self.bestaand = {
            m.personeelsnummer: m
            for m in Medewerker.objects.filter(personeelsnummer__in=nummers).select_related("werkgever")
        }
        self.voorraad = services.Voorraad.laad(medewerker_ids=[m.pk for m in self.bestaand.values()])
        self.gezien: set[str] = set()

    def get_instance(self, instance_loader, row):
        nummer = self.fields["personeelsnummer"].clean(row)
        nummer = str(nummer).strip() if nummer is not None else nummer
        return self.bestaand.get(nummer)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        if instance.personeelsnummer in self.gezien:
            fouten["personeelsnummer"] = [
                f"Personeelsnummer '{instance.personeelsnummer}' staat twee keer in het bestand."
            ]
        self.gezien.add(instance.personeelsnummer)
        if instance.functie and instance.functie not in Medewerker.Functie.values:
            fouten["functie"] = [f"Onbekende functie '{instance.functie}'."]
        try:
            services.valideer_medewerker(instance, voorraad=self.voorraad)
        except ValidationError as exc:
            for veld, meldingen in exc.message_dict.items():
                fouten.setdefault(veld, []).extend(m for m in meldingen if m not in fouten.get(veld, []))
        if fouten:
            raise ValidationError(fouten)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:
            services.herbereken_meldcode_termijnen(instance, voorraad=self.voorraad)
        else:
            instance.meldcode_basis_uiterlijk = services.basis_uiterlijk(instance.in_dienst_van)


class PlaatsingResource(_BulkResource):
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

    bijwerkvelden = ["tot"]  # a placement's hours never change in place (services.wijzig_uren)

    class Meta:
        model = Plaatsing
        import_id_fields = ["medewerker", "gebied", "domein", "van"]
        fields = ["medewerker", "gebied", "domein", "fte", "van", "tot"]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = False
        use_bulk = True
        batch_size = BATCH

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        nummers = _personeelsnummers(dataset)
        # The row lock on the employees of the file, as in the services, for the FTE-sum check: one query.
        medewerkers = {
            m.personeelsnummer: m
            for m in Medewerker.objects.select_for_update().filter(personeelsnummer__in=nummers).order_by("pk")
        }
        widget = self.fields["medewerker"].widget
        widget.tabel = medewerkers
        self.fields["gebied"].widget.laad()
        ids = [m.pk for m in medewerkers.values()]
        self.bestaand = {
            (p.medewerker_id, p.gebied_id, p.domein, p.van): p
            for p in Plaatsing.objects.filter(medewerker_id__in=ids).select_related("medewerker", "gebied")
        }
        self.oud = {p.pk: (p.fte, p.tot) for p in self.bestaand.values()}
        self.voorraad = services.Voorraad.laad(medewerker_ids=ids)

    def get_instance(self, instance_loader, row):
        medewerker = self.fields["medewerker"].clean(row)
        gebied = self.fields["gebied"].clean(row)
        van = self.fields["van"].clean(row)
        domein = self.fields["domein"].clean(row)
        if medewerker is None or gebied is None:
            return None
        return self.bestaand.get((medewerker.pk, gebied.pk, domein, van))

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        if instance.domein and instance.domein not in Domein.values:
            fouten["domein"] = [f"Onbekend domein '{instance.domein}'; kies gebiedsteam of voorliggend_veld."]
        if instance.pk:
            oud_fte, oud_tot = self.oud[instance.pk]
            if oud_fte != instance.fte:
                fouten["fte"] = [
                    "De fte van een bestaande plaatsing wijzigt u niet; beëindig haar en start een nieuwe plaatsing."
                ]
            if oud_tot is not None and (instance.tot is None or instance.tot > oud_tot):
                fouten["tot"] = ["Een beëindigde plaatsing kan niet worden verlengd; start een nieuwe."]
        if not fouten and instance.medewerker_id:
            try:
                services.valideer_plaatsing(instance, voorraad=self.voorraad)
                if not instance.pk:
                    services.controleer_werkgever_plaatsing(instance, voorraad=self.voorraad)
            except ValidationError as exc:
                fouten.update(exc.message_dict)
        if fouten:
            raise ValidationError(fouten)
        if instance.medewerker_id:
            self.voorraad.voeg_toe(instance)  # the next rows of this file see this placement
