"""Import and export (CSV, XLSX) with django-import-export: providers with their kinds per year, relation
periods, spending and contracts. Rows go through the same checks as the services; a row with an error makes
the whole import write nothing (the admin shows a preview first and names the row and the reason)."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from import_export import fields, resources, widgets

from contracts import conf, services
from contracts.models import (
    Contract,
    Personeelsomvang,
    Relatie,
    Uitgave,
    Zorgaanbieder,
)
from jens.invoer import STUURTEKENS_MELDING, heeft_stuurtekens
from jens.models import Gemeente

SOORT_KOLOM = re.compile(r"^soort_(\d{4})$")
KLEINE_AANBIEDER = "kleine aanbieder"
# Kinds as the published lists write them -> relation kind.
SOORT_UIT_LIJST = {
    "lid": Relatie.Soort.LID,
    "onderaannemer": Relatie.Soort.ONDERAANNEMER,
    "strategische onderaannemer": Relatie.Soort.ONDERAANNEMER,
    "leverancier": Relatie.Soort.LEVERANCIER,
    "gecontracteerde leverancier": Relatie.Soort.LEVERANCIER,
    "incidenteel": Relatie.Soort.INCIDENTEEL,
    "incidentele leverancier": Relatie.Soort.INCIDENTEEL,
    # a small provider is a contracted supplier with fewer than ten employees on 1 January
    KLEINE_AANBIEDER: Relatie.Soort.LEVERANCIER,
}


def zoek_aanbieder(naam: str = "", kvk: str = "") -> Zorgaanbieder | None:
    """Match a provider on KvK number first, then on its name or one of its other names (case-insensitive)."""
    if kvk:
        gevonden = Zorgaanbieder.objects.filter(kvk_nummer=kvk).first()
        if gevonden:
            return gevonden
    naam = (naam or "").strip()
    if not naam:
        return None
    return Zorgaanbieder.objects.filter(Q(naam__iexact=naam) | Q(andere_namen__naam__iexact=naam)).distinct().first()


def perioden_uit_soorten(soorten: dict[int, str]) -> list[tuple[str, date, date | None]]:
    """Relation periods from the kinds per listed year (empty = not named that year).

    A kind holds from 1 January of the first year it is listed until 1 January of a later listed year that
    names another kind; otherwise it is ongoing. A list that does not name the provider ends nothing: the
    2024 list names only members and subcontractors (and says "about 50 suppliers"), and in general a list
    is no register of endings. Only a dated change ends a relation (``services.wissel_relatie``, applied
    from lidmaatschap_wijzigingen.csv by the demo)."""
    perioden: list[list] = []
    for jaar in sorted(soorten):
        soort = soorten[jaar]
        if not soort:
            continue  # not named: the kind before (if any) runs on
        if perioden and perioden[-1][0] == soort:
            continue
        if perioden:
            perioden[-1][2] = date(jaar, 1, 1)
        perioden.append([soort, date(jaar, 1, 1), None])
    return [tuple(p) for p in perioden]


class AanbiederWidget(widgets.ForeignKeyWidget):
    """A provider by its name or one of its other names."""

    def __init__(self):
        super().__init__(Zorgaanbieder, "naam")

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        aanbieder = zoek_aanbieder(str(value))
        if aanbieder is None:
            raise ValueError(f"Onbekende zorgaanbieder ‘{value}’.")
        return aanbieder


class GemeenteWidget(widgets.ForeignKeyWidget):
    """A gemeente by its code or name."""

    def __init__(self):
        super().__init__(Gemeente, "code")

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        tekst = str(value).strip()
        gemeente = Gemeente.objects.filter(Q(code__iexact=tekst) | Q(naam__iexact=tekst)).first()
        if gemeente is None:
            raise ValueError(f"Onbekende gemeente ‘{value}’.")
        return gemeente


class KeuzeWidget(widgets.Widget):
    """A choice by its code or its label."""

    def __init__(self, choices):
        super().__init__()
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        tekst = str(value).strip().lower()
        for code, label in self.choices:
            if tekst in (code, str(label).lower()):
                return code
        toegestaan = ", ".join(code for code, _ in self.choices)
        raise ValueError(f"Onbekende waarde ‘{value}’ (toegestaan: {toegestaan}).")

    def render(self, value, obj=None, **kwargs):
        return value or ""


def _nietleeg(waarde) -> str:
    return "" if waarde is None else str(waarde).strip()


class ZorgaanbiederResource(resources.ModelResource):
    """Providers. Columns ``soort_JJJJ`` (as in the published lists: lid, onderaannemer, leverancier,
    kleine aanbieder, incidenteel) give the kind per year; ``ook_genoemd_als`` other names separated by ';'."""

    ook_genoemd_als = fields.Field(column_name="ook_genoemd_als", attribute=None, readonly=False)
    relaties = fields.Field(column_name="relaties", readonly=True)

    class Meta:
        model = Zorgaanbieder
        fields = (
            "naam",
            "ook_genoemd_als",
            "kvk_nummer",
            "agb_code",
            "adres",
            "postcode",
            "plaats",
            "contactpersoon",
            "email",
            "telefoon",
            "relaties",
        )
        export_order = fields
        import_id_fields = ()
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def get_instance(self, instance_loader, row):
        return zoek_aanbieder(_nietleeg(row.get("naam")), _nietleeg(row.get("kvk_nummer")))

    def dehydrate_ook_genoemd_als(self, obj):
        return "; ".join(a.naam for a in obj.andere_namen.all())

    def dehydrate_relaties(self, obj):
        return "; ".join(
            f"{r.soort} {r.geldig_van:%Y-%m-%d}..{r.geldig_tot:%Y-%m-%d}"
            if r.geldig_tot
            else f"{r.soort} {r.geldig_van:%Y-%m-%d}.."
            for r in obj.relaties.all()
        )

    def import_instance(self, instance, row, **kwargs):
        oude_naam = instance.naam if instance.pk else ""
        super().import_instance(instance, row, **kwargs)
        for veld in ("naam", "kvk_nummer", "agb_code"):
            setattr(instance, veld, _nietleeg(getattr(instance, veld)))
        extra_namen = []
        if oude_naam and instance.naam.lower() != oude_naam.lower():
            if instance.kvk_nummer and _nietleeg(row.get("kvk_nummer")) == instance.kvk_nummer:
                extra_namen.append(oude_naam)  # matched on KvK: renamed, the old name stays known
            else:
                instance.naam = oude_naam  # matched on another name: the register's name stays
        elif oude_naam:
            instance.naam = oude_naam
        fouten = {}
        soorten: dict[int, str] = {}
        for kolom, waarde in row.items():
            gevonden = SOORT_KOLOM.match(str(kolom))
            if not gevonden:
                continue
            tekst = _nietleeg(waarde).lower()
            if tekst and tekst not in SOORT_UIT_LIJST:
                fouten[kolom] = f"Onbekende soort ‘{waarde}’ (toegestaan: {', '.join(sorted(SOORT_UIT_LIJST))})."
            soorten[int(gevonden.group(1))] = tekst
        if heeft_stuurtekens(instance.naam):
            fouten["naam"] = STUURTEKENS_MELDING
        elif instance.naam and services.naam_bezet(instance.naam, behalve_aanbieder_id=instance.pk):
            fouten["naam"] = "Deze naam is al in gebruik bij een andere zorgaanbieder."
        if fouten:
            raise ValidationError(fouten)
        instance._soorten = soorten
        genoemd = [n.strip() for n in re.split(r"[;|]", _nietleeg(row.get("ook_genoemd_als"))) if n.strip()]
        rijnaam = _nietleeg(row.get("naam"))
        if rijnaam and rijnaam.lower() != instance.naam.lower():
            genoemd.append(rijnaam)
        instance._andere_namen = [*extra_namen, *genoemd]

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        bestaand = [n.naam for n in instance.andere_namen.all()]
        services.sla_zorgaanbieder_op(zorgaanbieder=instance, andere_namen=[*bestaand, *instance._andere_namen])
        soorten = getattr(instance, "_soorten", {})
        relaties = [(s, SOORT_UIT_LIJST[k] if k else "") for s, k in soorten.items()]
        huidige = list(instance.relaties.values_list("soort", "geldig_van", "geldig_tot"))
        for soort, van, tot in perioden_uit_soorten(dict(relaties)):
            # the register may know more precisely (a dated change): a period of the same kind that overlaps
            # the listed years already covers them
            if any(s == soort and services.zoek_overlap([(v, t), (van, tot)]) for s, v, t in huidige):
                continue
            try:
                services.sla_relatie_op(zorgaanbieder=instance, soort=soort, geldig_van=van, geldig_tot=tot)
            except ValidationError as exc:
                raise ValidationError({f"soort_{van.year}": exc.messages}) from exc
        grens = conf.kleine_aanbieder_grens()
        klein = [jaar for jaar, k in soorten.items() if k == KLEINE_AANBIEDER]
        al_bekend = set(
            Personeelsomvang.objects.filter(zorgaanbieder=instance, jaar__in=klein).values_list("jaar", flat=True)
        )
        for jaar in klein:
            if jaar not in al_bekend:
                services.leg_personeelsomvang_vast(
                    zorgaanbieder=instance,
                    jaar=jaar,
                    minder_dan=grens,
                    bron=f"gepubliceerde lijst kleine aanbieders {jaar}",
                )

    def get_queryset(self):
        return Zorgaanbieder.objects.prefetch_related("andere_namen", "relaties")


class RelatieResource(resources.ModelResource):
    zorgaanbieder = fields.Field(column_name="zorgaanbieder", attribute="zorgaanbieder", widget=AanbiederWidget())
    soort = fields.Field(column_name="soort", attribute="soort", widget=KeuzeWidget(Relatie.Soort.choices))
    geldig_van = fields.Field(column_name="geldig_van", attribute="geldig_van", widget=widgets.DateWidget())
    geldig_tot = fields.Field(column_name="geldig_tot", attribute="geldig_tot", widget=widgets.DateWidget())

    class Meta:
        model = Relatie
        fields = ("zorgaanbieder", "soort", "geldig_van", "geldig_tot")
        import_id_fields = ("zorgaanbieder", "geldig_van")
        clean_model_instances = False
        use_transactions = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if import_validation_errors:
            raise ValidationError(import_validation_errors)
        if not instance.soort:
            raise ValidationError({"soort": "Vul de soort relatie in."})
        services.controleer_relatie(relatie=instance)

    def get_queryset(self):
        return Relatie.objects.select_related("zorgaanbieder")


class UitgaveResource(resources.ModelResource):
    zorgaanbieder = fields.Field(column_name="zorgaanbieder", attribute="zorgaanbieder", widget=AanbiederWidget())
    gemeente = fields.Field(column_name="gemeente", attribute="gemeente", widget=GemeenteWidget())
    categorie = fields.Field(
        column_name="categorie", attribute="categorie", widget=KeuzeWidget(Uitgave.Categorie.choices)
    )
    bedrag = fields.Field(column_name="bedrag", attribute="bedrag", widget=widgets.DecimalWidget())

    class Meta:
        model = Uitgave
        fields = ("zorgaanbieder", "jaar", "maand", "gemeente", "categorie", "bedrag")
        import_id_fields = ("zorgaanbieder", "jaar", "maand", "gemeente", "categorie")
        clean_model_instances = True
        use_transactions = True

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.bedrag is not None and instance.bedrag < 0:
            raise ValidationError({"bedrag": "Het bedrag mag niet negatief zijn."})
        if instance.maand is not None and not 1 <= instance.maand <= 12:
            raise ValidationError({"maand": "De maand ligt tussen 1 en 12."})

    def get_queryset(self):
        return Uitgave.objects.select_related("zorgaanbieder", "gemeente")


class ContractResource(resources.ModelResource):
    zorgaanbieder = fields.Field(column_name="zorgaanbieder", attribute="zorgaanbieder", widget=AanbiederWidget())
    soort = fields.Field(column_name="soort", attribute="soort", widget=KeuzeWidget(Contract.Soort.choices))
    status = fields.Field(column_name="status", attribute="status", widget=KeuzeWidget(Contract.Status.choices))
    incidentele_reden = fields.Field(
        column_name="incidentele_reden",
        attribute="incidentele_reden",
        widget=KeuzeWidget(Contract.IncidenteleReden.choices),
    )
    gemeenten = fields.Field(
        column_name="gemeenten", attribute="gemeenten", widget=widgets.ManyToManyWidget(Gemeente, field="code")
    )
    plafond = fields.Field(column_name="plafond", attribute="plafond", widget=widgets.DecimalWidget())

    class Meta:
        model = Contract
        fields = (
            "kenmerk",
            "zorgaanbieder",
            "soort",
            "status",
            "startdatum",
            "einddatum",
            "gemeenten",
            "plafond",
            "incidentele_reden",
            "client_referentie",
            "opmerkingen",
        )
        import_id_fields = ("kenmerk",)
        clean_model_instances = False
        use_transactions = True

    def import_instance(self, instance, row, **kwargs):
        oude_status = instance.status if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        instance.status = instance.status or oude_status or Contract.Status.CONCEPT
        if (
            oude_status
            and instance.status != oude_status
            and instance.status not in services.CONTRACT_OVERGANGEN[oude_status]
        ):
            raise ValidationError(
                {
                    "status": f"Een contract met status ‘{Contract.Status(oude_status).label}’ kan niet naar "
                    f"‘{Contract.Status(instance.status).label}’."
                }
            )
        instance.client_referentie = _nietleeg(instance.client_referentie)
        instance.opmerkingen = _nietleeg(instance.opmerkingen)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if import_validation_errors:
            raise ValidationError(import_validation_errors)
        services.controleer_contract(contract=instance)

    def get_queryset(self):
        return Contract.objects.select_related("zorgaanbieder").prefetch_related("gemeenten")
