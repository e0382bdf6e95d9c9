"""API of the contracts app: thin viewsets over the services and selectors. Service errors become a 400 with a
Dutch message per field; list endpoints use a fixed number of queries; amounts are Decimal strings."""

from datetime import date
from decimal import Decimal

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from contracts import selectors, services
from contracts.apps import NAMEN_IN_RAPPORT_ROLLEN, NAMEN_ROLLEN, RAPPORT_ROLLEN
from contracts.models import (
    Actiepunt,
    Contract,
    ContractRegel,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)
from jens.api_fouten import als_drf_fout
from jens.audit import log_toegang, log_toegang_lijst
from jens.models import Gemeente
from jens.roles import heeft_rol
from jens.scope import filter_op_scope

# years the register holds (as the report parameters): a typo such as 20211 is a 400, not a stored year
JAAR = {"min_value": 2000, "max_value": 2100}


def dienst(functie, **kwargs):
    """Call a service; its ValidationError becomes a 400."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as exc:
        raise als_drf_fout(exc) from exc


def _json(waarde):
    """Decimals as strings and dates as ISO strings, recursively."""
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_json(v) for v in waarde]
    return waarde


# --- Providers --------------------------------------------------------------------------------------


class RelatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Relatie
        fields = ["id", "soort", "geldig_van", "geldig_tot"]


class AndereNamenField(serializers.ListField):
    """Other names as a list of strings (read from the prefetched related rows)."""

    child = serializers.CharField(max_length=200)

    def to_representation(self, data):
        return [a.naam for a in data.all()]


class ZorgaanbiederSerializer(serializers.ModelSerializer):
    andere_namen = AndereNamenField(required=False)
    relaties = RelatieSerializer(many=True, read_only=True)

    class Meta:
        model = Zorgaanbieder
        fields = [
            "id",
            "naam",
            "andere_namen",
            "kvk_nummer",
            "agb_code",
            "adres",
            "postcode",
            "plaats",
            "contactpersoon",
            "email",
            "telefoon",
            "notities",
            "relaties",
        ]
        validators = []  # uniqueness (case-insensitive, also against other names) is checked in the service

    def create(self, validated_data):
        return dienst(services.sla_zorgaanbieder_op, **validated_data)

    def update(self, instance, validated_data):
        return dienst(services.sla_zorgaanbieder_op, zorgaanbieder=instance, **validated_data)


class ZorgaanbiederNaamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Zorgaanbieder
        fields = ["id", "naam"]


class ZorgaanbiederFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(choices=Relatie.Soort.choices, method="filter_soort")
    op = django_filters.DateFilter(method="filter_niets", label="Peildatum voor soort (standaard vandaag)")
    klein = django_filters.BooleanFilter(method="filter_klein")
    jaar = django_filters.NumberFilter(method="filter_niets", label="Jaar voor klein (standaard dit jaar)")
    q = django_filters.CharFilter(method="filter_q", label="Naam, andere naam, KvK of AGB")

    class Meta:
        model = Zorgaanbieder
        fields = ["soort", "op", "klein", "jaar", "q"]

    def filter_niets(self, queryset, name, value):
        return queryset

    def filter_soort(self, queryset, name, value):
        op = self.form.cleaned_data.get("op") or date.today()
        return queryset.filter(pk__in=selectors.relaties_op(op).filter(soort=value).values("zorgaanbieder"))

    def filter_klein(self, queryset, name, value):
        jaar = int(self.form.cleaned_data.get("jaar") or date.today().year)
        klein = selectors.kleine_aanbieders(jaar).values("pk")
        return queryset.filter(pk__in=klein) if value else queryset.exclude(pk__in=klein)

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(naam__icontains=value)
            | Q(pk__in=Zorgaanbieder.objects.filter(andere_namen__naam__icontains=value).values("pk"))
            | Q(kvk_nummer=value)
            | Q(agb_code=value)
        )


class ZorgaanbiederViewSet(viewsets.ModelViewSet):
    """Zorgaanbieders met hun andere namen en relatieperioden. ``namen/`` geeft alleen id en naam (alle rollen)."""

    serializer_class = ZorgaanbiederSerializer
    filterset_class = ZorgaanbiederFilter
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return Zorgaanbieder.objects.prefetch_related("andere_namen", "relaties").order_by("naam")

    def get_permissions(self):
        if self.action == "namen":
            self.rollen = NAMEN_ROLLEN
        return super().get_permissions()

    @extend_schema(responses=ZorgaanbiederNaamSerializer(many=True))
    @action(detail=False, methods=["get"], serializer_class=ZorgaanbiederNaamSerializer, filterset_class=None)
    def namen(self, request):
        queryset = Zorgaanbieder.objects.order_by("naam").only("id", "naam")
        pagina = self.paginate_queryset(queryset)
        return self.get_paginated_response(ZorgaanbiederNaamSerializer(pagina, many=True).data)

    @extend_schema(request=RelatieSerializer, responses=RelatieSerializer)
    @action(detail=True, methods=["post"], serializer_class=RelatieSerializer)
    def relaties(self, request, pk=None):
        """Add a relation period (never overlapping the provider's others)."""
        aanbieder = self.get_object()
        invoer = RelatieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        relatie = dienst(services.sla_relatie_op, zorgaanbieder=aanbieder, **invoer.validated_data)
        return Response(RelatieSerializer(relatie).data, status=status.HTTP_201_CREATED)


# --- Contracts ----------------------------------------------------------------------------------------


class ContractRegelSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContractRegel
        fields = ["id", "product", "eenheid", "tarief", "geldig_van"]


class ContractSerializer(serializers.ModelSerializer):
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True)
    gemeenten = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Gemeente.objects.all(), required=False
    )
    regels = ContractRegelSerializer(many=True, read_only=True)
    document = serializers.FileField(write_only=True, required=False)
    heeft_document = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = [
            "id",
            "zorgaanbieder",
            "zorgaanbieder_naam",
            "soort",
            "kenmerk",
            "startdatum",
            "einddatum",
            "gemeenten",
            "plafond",
            "status",
            "incidentele_reden",
            "client_referentie",
            "opmerkingen",
            "document",
            "heeft_document",
            "regels",
        ]
        read_only_fields = ["status"]
        validators = []

    def get_heeft_document(self, obj) -> bool:
        return bool(obj.document)

    def create(self, validated_data):
        return dienst(services.sla_contract_op, **validated_data)

    def update(self, instance, validated_data):
        velden = {
            veld: validated_data.get(veld, getattr(instance, veld))
            for veld in services.CONTRACT_VELDEN
            if veld != "document"
        }
        if "document" in validated_data:
            velden["document"] = validated_data["document"]
        return dienst(
            services.sla_contract_op,
            contract=instance,
            zorgaanbieder=validated_data.get("zorgaanbieder", instance.zorgaanbieder),
            gemeenten=validated_data.get("gemeenten"),
            **velden,
        )


class ContractFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeenten__code", distinct=True)
    actief_op = django_filters.DateFilter(method="filter_actief_op")

    class Meta:
        model = Contract
        fields = ["zorgaanbieder", "soort", "status", "gemeente", "actief_op"]

    def filter_actief_op(self, queryset, name, value):
        return queryset.filter(pk__in=selectors.contracten_op(value).values("pk"))


class StatusSerializer(serializers.Serializer):
    status = serializers.CharField()
    realisatie = serializers.CharField(required=False, allow_blank=True)


class ContractViewSet(viewsets.ModelViewSet):
    serializer_class = ContractSerializer
    filterset_class = ContractFilter
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return (
            Contract.objects.select_related("zorgaanbieder")
            .prefetch_related("gemeenten", "regels")
            .order_by("zorgaanbieder__naam", "-startdatum", "pk")
        )

    def list(self, request, *args, **kwargs):
        antwoord = super().list(request, *args, **kwargs)
        rijen = antwoord.data.get("results", antwoord.data) if isinstance(antwoord.data, dict) else antwoord.data
        # Incidental contracts on this page name a client: every one shown is a logged read (one insert).
        log_toegang_lijst(
            request,
            actie="inzien",
            object_type="contract",
            regels=[
                (r["id"], r["client_referentie"], f"Incidenteel contract {r['kenmerk']} (lijst)")
                for r in rijen
                if r.get("client_referentie")
            ],
        )
        return antwoord

    def retrieve(self, request, *args, **kwargs):
        antwoord = super().retrieve(request, *args, **kwargs)
        if antwoord.data.get("client_referentie"):  # an incidental contract names a client: a logged read
            log_toegang(
                request,
                actie="inzien",
                object_type="contract",
                object_id=antwoord.data["id"],
                client=antwoord.data["client_referentie"],
                omschrijving=f"Incidenteel contract {antwoord.data['kenmerk']}",
            )
        return antwoord

    @extend_schema(request=StatusSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"], serializer_class=StatusSerializer)
    def status(self, request, pk=None):
        """Change the status (concept → actief → opgezegd/beëindigd) following the transition table."""
        contract = self.get_object()
        invoer = StatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        dienst(services.wijzig_contractstatus, contract=contract, naar=invoer.validated_data["status"])
        return Response(ContractSerializer(self.get_queryset().get(pk=contract.pk)).data)

    @extend_schema(request=ContractRegelSerializer, responses=ContractRegelSerializer)
    @action(detail=True, methods=["post"], serializer_class=ContractRegelSerializer)
    def regels(self, request, pk=None):
        """A new tariff line (a tariff change is a new line; earlier lines stay)."""
        contract = self.get_object()
        invoer = ContractRegelSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        regel = dienst(services.voeg_tarief_toe, contract=contract, **invoer.validated_data)
        return Response(ContractRegelSerializer(regel).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def document(self, request, pk=None):
        """The signed PDF (only for roles that may view contracts; every download is logged)."""
        contract = self.get_object()
        if not contract.document:
            raise Http404
        log_toegang(
            request,
            actie="inzien",
            object_type="contract",
            object_id=contract.pk,
            omschrijving=f"Contract {contract.kenmerk}",
        )
        return FileResponse(
            contract.document.open("rb"),
            as_attachment=True,
            filename=f"contract-{contract.kenmerk}.pdf",
            content_type="application/pdf",
        )


# --- Agreements ---------------------------------------------------------------------------------------


class TransformatieAfspraakSerializer(serializers.ModelSerializer):
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True)

    class Meta:
        model = TransformatieAfspraak
        fields = [
            "id",
            "zorgaanbieder",
            "zorgaanbieder_naam",
            "contract",
            "opdracht",
            "gewenst_resultaat",
            "afgesproken_op",
            "streefdatum",
            "status",
            "realisatie",
        ]
        read_only_fields = ["status", "realisatie"]

    def create(self, validated_data):
        return dienst(services.sla_afspraak_op, **validated_data)

    def update(self, instance, validated_data):
        velden = {
            veld: validated_data.get(veld, getattr(instance, veld))
            for veld in ("zorgaanbieder", "contract", "opdracht", "gewenst_resultaat", "afgesproken_op", "streefdatum")
        }
        return dienst(services.sla_afspraak_op, afspraak=instance, **velden)


class AfspraakFilter(django_filters.FilterSet):
    afgesproken_tot_en_met = django_filters.DateFilter(field_name="afgesproken_op", lookup_expr="lte")

    class Meta:
        model = TransformatieAfspraak
        fields = ["zorgaanbieder", "status", "contract", "afgesproken_tot_en_met"]


class TransformatieAfspraakViewSet(viewsets.ModelViewSet):
    serializer_class = TransformatieAfspraakSerializer
    filterset_class = AfspraakFilter
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return TransformatieAfspraak.objects.select_related("zorgaanbieder").order_by("streefdatum", "pk")

    @extend_schema(request=StatusSerializer, responses=TransformatieAfspraakSerializer)
    @action(detail=True, methods=["post"], serializer_class=StatusSerializer)
    def status(self, request, pk=None):
        afspraak = self.get_object()
        invoer = StatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        afspraak = dienst(
            services.wijzig_afspraakstatus,
            afspraak=afspraak,
            naar=invoer.validated_data["status"],
            realisatie=invoer.validated_data.get("realisatie"),
        )
        return Response(TransformatieAfspraakSerializer(self.get_queryset().get(pk=afspraak.pk)).data)


# --- Meetings -----------------------------------------------------------------------------------------


class ActiepuntSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actiepunt
        fields = ["id", "omschrijving", "eigenaar", "deadline", "afgerond_op"]
        read_only_fields = ["afgerond_op"]


class ActiepuntAfrondenSerializer(serializers.Serializer):
    afgerond_op = serializers.DateField(required=False)


class GesprekSerializer(serializers.ModelSerializer):
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True)
    actiepunten = ActiepuntSerializer(many=True, read_only=True)

    class Meta:
        model = Gesprek
        fields = [
            "id",
            "zorgaanbieder",
            "zorgaanbieder_naam",
            "soort",
            "gepland_op",
            "gehouden_op",
            "deelnemers",
            "overige_deelnemers",
            "afspraken",
            "verslag",
            "knelpunten",
            "actiepunten",
        ]

    def create(self, validated_data):
        return dienst(services.sla_gesprek_op, **validated_data)

    def update(self, instance, validated_data):
        velden = {
            veld: validated_data.get(veld, getattr(instance, veld))
            for veld in ("zorgaanbieder", "soort", "gepland_op", "gehouden_op", "overige_deelnemers", "verslag")
        }
        velden["knelpunten"] = validated_data.get("knelpunten", instance.knelpunten)
        afspraken = validated_data.get("afspraken")
        if afspraken is None and velden["zorgaanbieder"] != instance.zorgaanbieder:
            afspraken = list(instance.afspraken.all())  # the discussed agreements must still be the provider's
        return dienst(
            services.sla_gesprek_op,
            gesprek=instance,
            deelnemers=validated_data.get("deelnemers"),
            afspraken=afspraken,
            **velden,
        )


class GesprekFilter(django_filters.FilterSet):
    jaar = django_filters.NumberFilter(field_name="gehouden_op", lookup_expr="year", min_value=1, max_value=9999)
    gehouden = django_filters.BooleanFilter(field_name="gehouden_op", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Gesprek
        fields = ["zorgaanbieder", "soort", "jaar", "gehouden"]


class GesprekViewSet(viewsets.ModelViewSet):
    serializer_class = GesprekSerializer
    filterset_class = GesprekFilter
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return (
            Gesprek.objects.select_related("zorgaanbieder")
            .prefetch_related("deelnemers", "afspraken", "actiepunten")
            .order_by("-gepland_op", "pk")
        )

    @extend_schema(request=ActiepuntSerializer, responses=ActiepuntSerializer)
    @action(detail=True, methods=["post"], serializer_class=ActiepuntSerializer)
    def actiepunten(self, request, pk=None):
        gesprek = self.get_object()
        invoer = ActiepuntSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        punt = dienst(services.voeg_actiepunt_toe, gesprek=gesprek, **invoer.validated_data)
        return Response(ActiepuntSerializer(punt).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ActiepuntAfrondenSerializer, responses=ActiepuntSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"actiepunten/(?P<actiepunt_id>\d+)/afronden",
        serializer_class=ActiepuntAfrondenSerializer,
    )
    def actiepunt_afronden(self, request, pk=None, actiepunt_id=None):
        """Mark an action item of this meeting as done (on ``afgerond_op``, default today; not in the future)."""
        gesprek = self.get_object()
        punt = get_object_or_404(Actiepunt, pk=actiepunt_id, gesprek=gesprek)
        invoer = ActiepuntAfrondenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        punt = dienst(services.rond_actiepunt_af, actiepunt=punt, op=invoer.validated_data.get("afgerond_op"))
        return Response(ActiepuntSerializer(punt).data)


# --- Annual accounts, spending, assignment ---------------------------------------------------------------


class JaarrekeningBeoordelingSerializer(serializers.ModelSerializer):
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True)

    class Meta:
        model = JaarrekeningBeoordeling
        fields = [
            "id",
            "zorgaanbieder",
            "zorgaanbieder_naam",
            "boekjaar",
            "ontvangen_op",
            "beoordeeld_op",
            "beoordeeld_door",
            "oordeel",
            "toelichting",
        ]
        read_only_fields = ["beoordeeld_door"]
        extra_kwargs = {"boekjaar": JAAR}
        validators = []

    def _opslaan(self, data):
        aanbieder, boekjaar = data["zorgaanbieder"], data["boekjaar"]
        if data.get("oordeel") or data.get("beoordeeld_op"):
            if not data.get("beoordeeld_op"):
                raise ValidationError({"beoordeeld_op": ["Vul de datum van de beoordeling in."]})
            return dienst(
                services.beoordeel_jaarrekening,
                zorgaanbieder=aanbieder,
                boekjaar=boekjaar,
                oordeel=data.get("oordeel", ""),
                door=self.context["request"].user,
                op=data["beoordeeld_op"],
                toelichting=data.get("toelichting", ""),
                ontvangen_op=data.get("ontvangen_op"),
            )
        return dienst(
            services.registreer_jaarrekening,
            zorgaanbieder=aanbieder,
            boekjaar=boekjaar,
            ontvangen_op=data.get("ontvangen_op"),
        )

    def create(self, validated_data):
        return self._opslaan(validated_data)

    def update(self, instance, validated_data):
        # the review is identified by provider and financial year: changing them would add a second review
        for veld in ("zorgaanbieder", "boekjaar"):
            if veld in validated_data and validated_data[veld] != getattr(instance, veld):
                raise ValidationError(
                    {veld: ["De zorgaanbieder en het boekjaar van een beoordeling kunnen niet gewijzigd worden."]}
                )
        data = {f: getattr(instance, f) for f in ("zorgaanbieder", "boekjaar", "ontvangen_op", "toelichting")}
        data["oordeel"], data["beoordeeld_op"] = instance.oordeel, instance.beoordeeld_op
        return self._opslaan({**data, **validated_data})


class JaarrekeningBeoordelingViewSet(viewsets.ModelViewSet):
    serializer_class = JaarrekeningBeoordelingSerializer
    filterset_fields = ["zorgaanbieder", "boekjaar", "oordeel"]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return JaarrekeningBeoordeling.objects.select_related("zorgaanbieder").order_by(
            "-boekjaar", "zorgaanbieder__naam", "pk"
        )


class UitgaveSerializer(serializers.ModelSerializer):
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", queryset=Gemeente.objects.all())

    class Meta:
        model = Uitgave
        fields = ["id", "zorgaanbieder", "zorgaanbieder_naam", "jaar", "maand", "gemeente", "categorie", "bedrag"]
        extra_kwargs = {"jaar": JAAR}
        validators = []

    def create(self, validated_data):
        return dienst(services.leg_uitgave_vast, **validated_data)

    def update(self, instance, validated_data):
        data = {f: getattr(instance, f) for f in ("zorgaanbieder", "jaar", "maand", "gemeente", "categorie")}
        return dienst(
            services.leg_uitgave_vast, uitgave=instance, **{**data, "bedrag": instance.bedrag, **validated_data}
        )


class UitgaveFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__code")

    class Meta:
        model = Uitgave
        fields = ["zorgaanbieder", "jaar", "maand", "gemeente", "categorie"]


class UitgaveViewSet(viewsets.ModelViewSet):
    serializer_class = UitgaveSerializer
    filterset_class = UitgaveFilter
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        qs = Uitgave.objects.select_related("zorgaanbieder", "gemeente").order_by("-jaar", "-maand", "pk")
        return filter_op_scope(qs, self.request.user, gemeente="gemeente")


class OpdrachtSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", queryset=Gemeente.objects.all())
    opdrachtsom = serializers.DecimalField(max_digits=15, decimal_places=2, read_only=True)

    class Meta:
        model = Opdracht
        fields = [
            "id",
            "gemeente",
            "jaar",
            "lumpsum",
            "verhoging_lumpsum",
            "aanvullende_taken",
            "opdrachtsom",
            "toelichting",
        ]
        extra_kwargs = {"jaar": JAAR}
        validators = []

    def create(self, validated_data):
        return dienst(services.sla_opdracht_op, **validated_data)

    def update(self, instance, validated_data):
        return dienst(services.sla_opdracht_op, opdracht=instance, **validated_data)


class OpdrachtViewSet(viewsets.ModelViewSet):
    serializer_class = OpdrachtSerializer
    filterset_fields = ["jaar"]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        qs = Opdracht.objects.select_related("gemeente").order_by("-jaar", "gemeente__naam")
        return filter_op_scope(qs, self.request.user, gemeente="gemeente")


# --- Reports ------------------------------------------------------------------------------------------


def _int(request, naam: str, standaard: int | None = None, minimum: int = 0, maximum: int = 10_000) -> int | None:
    waarde = request.GET.get(naam)
    if waarde in (None, ""):
        if standaard is None:
            raise ValidationError({naam: ["Dit veld is verplicht."]})
        return standaard
    try:
        getal = int(waarde)
    except ValueError:
        raise ValidationError({naam: ["Vul een geheel getal in."]}) from None
    if not minimum <= getal <= maximum:
        raise ValidationError({naam: [f"Vul een getal tussen {minimum} en {maximum} in."]})
    return getal


def _datum(request, naam: str, standaard: date | None = None) -> date | None:
    waarde = request.GET.get(naam)
    if not waarde:
        return standaard
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise ValidationError({naam: ["Vul een datum in als JJJJ-MM-DD."]}) from None


class _Rapport(APIView):
    rollen = RAPPORT_ROLLEN

    def met_namen(self) -> bool:
        """The gemeente sees counts per kind and totals, no provider names or spending per provider."""
        return heeft_rol(self.request.user, *NAMEN_IN_RAPPORT_ROLLEN)

    def beperkt(self, **rapporten) -> dict:
        leeg = {"kleine_aanbieders": {"aanbieders": []}, "per_soort": {}, "uitgaven": {}}
        return selectors.zonder_aanbiedernamen(**(leeg | rapporten))


class KleineAanbiedersRapportView(_Rapport):
    """De 4%-regel: besteding bij kleine aanbieders ÷ opdrachtsom, met norm en de aanbieders erachter."""

    @extend_schema(parameters=[OpenApiParameter("jaar", int, required=True)], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        rapport = selectors.kleine_aanbieders_rapport(_int(request, "jaar", minimum=2000, maximum=2100))
        if not self.met_namen():
            rapport = self.beperkt(kleine_aanbieders=rapport)["kleine_aanbieders"]
        return Response(_json(rapport))


class AanbiedersPerSoortView(_Rapport):
    """Aanbieders per soort op een datum (leden, onderaannemers, leveranciers, incidenteel, kleine aanbieders)."""

    @extend_schema(parameters=[OpenApiParameter("op", OpenApiTypes.DATE)], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        per_soort = selectors.aanbieders_per_soort_op(_datum(request, "op", date.today()))
        if not self.met_namen():
            return Response(self.beperkt(per_soort=per_soort)["per_soort"])
        return Response(per_soort)


class TransformatieRapportView(_Rapport):
    """Aanbieders met een transformatie-afspraak tegen het doel, en afspraken per status."""

    @extend_schema(
        parameters=[
            OpenApiParameter("peildatum", OpenApiTypes.DATE),
            OpenApiParameter("streefdatum", OpenApiTypes.DATE),
            OpenApiParameter("streefaantal", int),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        peildatum = _datum(request, "peildatum", date.today())
        streefdatum = _datum(request, "streefdatum")
        streefaantal = request.GET.get("streefaantal") and _int(request, "streefaantal")
        return Response(
            _json(
                selectors.transformatie_rapport(
                    peildatum=peildatum, streefdatum=streefdatum, streefaantal=streefaantal or None
                )
            )
        )


class GesprekkenRapportView(_Rapport):
    """Gehouden gesprekken per soort tegen het doel voor monitorgesprekken, en achterstallige."""

    @extend_schema(parameters=[OpenApiParameter("jaar", int, required=True)], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return Response(_json(selectors.gesprekken_rapport(_int(request, "jaar", minimum=2000, maximum=2100))))


class UitgavenRapportView(_Rapport):
    """Uitgaven per aanbieder en categorie in een jaar, met de grootste aanbieders."""

    @extend_schema(
        parameters=[OpenApiParameter("jaar", int, required=True), OpenApiParameter("top", int)],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        jaar = _int(request, "jaar", minimum=2000, maximum=2100)
        rapport = selectors.uitgaven_rapport(jaar, top=_int(request, "top", 10, 1, 100))
        if not self.met_namen():
            rapport = self.beperkt(uitgaven=rapport)["uitgaven"]
        return Response(_json(rapport))
