"""The staff API: employees, placements, budgets, training and the FTE report. Thin: the services
carry the rules, the selectors the scope and the figures."""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from contracts.models import Zorgaanbieder
from jens.api_fouten import als_drf_fout
from jens.audit import log_toegang
from jens.models import Toegangslog
from jens.scope import gebieden_voor, gemeenten_voor, onbeperkt
from staff import selectors, services
from staff.models import Formatie, Medewerker, Plaatsing, Scholing

RAPPORT_ROLLEN = ("gebiedsmanager", "management", "functioneel_beheerder", "gemeente")


class GebiedVeld(serializers.SlugRelatedField):
    """An area by its code, limited to the areas in the user's scope (others are 'unknown')."""

    default_error_messages = {
        "does_not_exist": "Onbekend gebied: {value}.",
        "invalid": "Ongeldig gebied.",
    }

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self):
        return gebieden_voor(self.context["request"].user)


class MedewerkerVeld(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"does_not_exist": "Onbekende medewerker.", "incorrect_type": "Ongeldige medewerker."}

    def get_queryset(self):
        return selectors.medewerkers_voor(self.context["request"].user)


# --- Employees -----------------------------------------------------------------------------------------


class MedewerkerSerializer(serializers.ModelSerializer):
    werkgever = serializers.PrimaryKeyRelatedField(
        queryset=Zorgaanbieder.objects.all(), error_messages={"does_not_exist": "Onbekende zorgaanbieder."}
    )
    werkgever_naam = serializers.CharField(source="werkgever.naam", read_only=True)

    class Meta:
        model = Medewerker
        fields = [
            "id",
            "personeelsnummer",
            "naam",
            "email",
            "werkgever",
            "werkgever_naam",
            "functie",
            "in_dienst_van",
            "in_dienst_tot",
            "meldcode_basis_uiterlijk",
            "meldcode_opfris_uiterlijk",
        ]
        read_only_fields = ["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"]
        # uniqueness and the constraints are checked by the service (one message per field)
        validators = []
        extra_kwargs = {"personeelsnummer": {"validators": []}}

    def create(self, validated_data):
        try:
            return services.maak_medewerker(**validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc

    def update(self, instance, validated_data):
        if "personeelsnummer" in validated_data and validated_data["personeelsnummer"] != instance.personeelsnummer:
            raise ValidationError({"personeelsnummer": "Het personeelsnummer kan niet worden gewijzigd."})
        validated_data.pop("personeelsnummer", None)
        try:
            return services.wijzig_medewerker(medewerker=instance, **validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc


class MedewerkerFilter(filters.FilterSet):
    naam = filters.CharFilter(lookup_expr="icontains")
    gebied = filters.CharFilter(method="filter_gebied", label="gebied (code)")
    in_dienst_op = filters.DateFilter(method="filter_in_dienst", label="in dienst op")

    class Meta:
        model = Medewerker
        fields = ["functie", "werkgever", "personeelsnummer"]

    def filter_gebied(self, qs, name, value):
        return qs.filter(Exists(Plaatsing.objects.filter(medewerker=OuterRef("pk"), gebied__code=value)))

    def filter_in_dienst(self, qs, name, value):
        return qs.filter(selectors.in_dienst_op(value))


class GelogdeInzage:
    """Employees' personal data: every list and detail read is written to the access log."""

    log_object_type = ""

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        log_toegang(request, actie=Toegangslog.Actie.ZOEKEN, object_type=self.log_object_type, omschrijving="lijst")
        return response

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        log_toegang(request, actie=Toegangslog.Actie.INZIEN, object_type=self.log_object_type, object_id=kwargs["pk"])
        return response


class MedewerkerViewSet(
    GelogdeInzage,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Employees in the user's areas. Leaving service: set ``in_dienst_tot``; nothing is deleted."""

    serializer_class = MedewerkerSerializer
    filterset_class = MedewerkerFilter
    queryset = Medewerker.objects.none()
    log_object_type = "medewerker"

    def get_queryset(self):
        return selectors.medewerkers_voor(self.request.user).select_related("werkgever").order_by("naam", "pk")


# --- Placements ------------------------------------------------------------------------------------------


class PlaatsingSerializer(serializers.ModelSerializer):
    medewerker = MedewerkerVeld()
    medewerker_naam = serializers.CharField(source="medewerker.naam", read_only=True)
    gebied = GebiedVeld()
    gemeente = serializers.CharField(source="gebied.gemeente.code", read_only=True)

    class Meta:
        model = Plaatsing
        fields = ["id", "medewerker", "medewerker_naam", "gebied", "gemeente", "domein", "fte", "van", "tot"]

    def validate_fte(self, fte):
        if not (0 < fte <= 1):
            raise ValidationError("De fte moet groter dan 0 en hoogstens 1,00 zijn.")
        return fte

    def create(self, validated_data):
        try:
            return services.start_plaatsing(**validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc


class BeeindigSerializer(serializers.Serializer):
    tot = serializers.DateField()


class UrenSerializer(serializers.Serializer):
    fte = serializers.DecimalField(max_digits=3, decimal_places=2)
    per = serializers.DateField()

    def validate_fte(self, fte):
        if not (0 < fte <= 1):
            raise ValidationError("De fte moet groter dan 0 en hoogstens 1,00 zijn.")
        return fte


class PlaatsingFilter(filters.FilterSet):
    gebied = filters.CharFilter(field_name="gebied__code")
    gemeente = filters.CharFilter(field_name="gebied__gemeente__code")
    actief_op = filters.DateFilter(method="filter_actief", label="actief op")

    class Meta:
        model = Plaatsing
        fields = ["medewerker", "domein"]

    def filter_actief(self, qs, name, value):
        return qs.filter(selectors.actief_op(value))


class PlaatsingViewSet(
    GelogdeInzage, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Placements. Not edited in place: ``beeindigen`` ends one, ``uren-wijzigen`` ends it and starts a
    new one with the new FTE."""

    serializer_class = PlaatsingSerializer
    filterset_class = PlaatsingFilter
    queryset = Plaatsing.objects.none()
    log_object_type = "plaatsing"

    def get_queryset(self):
        return (
            selectors.plaatsingen_voor(self.request.user)
            .select_related("medewerker", "gebied__gemeente")
            .order_by("-van", "pk")
        )

    def _uitvoeren(self, serializer_class, functie, request):
        plaatsing = self.get_object()
        invoer = serializer_class(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            resultaat = functie(plaatsing=plaatsing, **invoer.validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc
        resultaat = self.get_queryset().get(pk=resultaat.pk)
        return Response(PlaatsingSerializer(resultaat, context=self.get_serializer_context()).data)

    @action(detail=True, methods=["post"], serializer_class=BeeindigSerializer)
    def beeindigen(self, request, pk=None):
        return self._uitvoeren(BeeindigSerializer, services.beeindig_plaatsing, request)

    @action(detail=True, methods=["post"], url_path="uren-wijzigen", serializer_class=UrenSerializer)
    def uren_wijzigen(self, request, pk=None):
        response = self._uitvoeren(UrenSerializer, services.wijzig_uren, request)
        response.status_code = status.HTTP_201_CREATED
        return response


# --- Budget -----------------------------------------------------------------------------------------------


class FormatieSerializer(serializers.ModelSerializer):
    gebied = GebiedVeld()
    bezet = serializers.DecimalField(max_digits=7, decimal_places=2, read_only=True)
    vacatureruimte = serializers.DecimalField(max_digits=7, decimal_places=2, read_only=True)

    class Meta:
        model = Formatie
        fields = ["id", "gebied", "domein", "fte", "geldig_van", "bezet", "vacatureruimte"]
        validators = []

    def validate_fte(self, fte):
        if fte < 0:
            raise ValidationError("De begrote fte mag niet negatief zijn.")
        return fte

    def create(self, validated_data):
        try:
            return services.leg_formatie_vast(**validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc

    def update(self, instance, validated_data):
        # The area, domain and start date identify the row: changing one would record a second budget row
        # and leave this one as it was. A new budget from a date is a new row (POST).
        anders = [
            veld
            for veld in ("gebied", "domein", "geldig_van")
            if veld in validated_data and validated_data[veld] != getattr(instance, veld)
        ]
        if anders:
            raise ValidationError(
                dict.fromkeys(anders, ["Dit wijzigt u niet; leg een nieuwe formatie vast vanaf de nieuwe datum."])
            )
        velden = {
            "gebied": instance.gebied,
            "domein": instance.domein,
            "geldig_van": instance.geldig_van,
            "fte": instance.fte,
            **validated_data,
        }
        try:
            return services.leg_formatie_vast(**velden)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc


class FormatieFilter(filters.FilterSet):
    gebied = filters.CharFilter(field_name="gebied__code")
    gemeente = filters.CharFilter(field_name="gebied__gemeente__code")

    class Meta:
        model = Formatie
        fields = ["domein"]


class FormatieViewSet(viewsets.ModelViewSet):
    """Budgeted FTE per area and domain. The list shows the rows in force on ``?op=<date>`` (default
    today) with the occupied FTE (``bezet``) and ``vacatureruimte`` (budget - occupied) on that date."""

    serializer_class = FormatieSerializer
    filterset_class = FormatieFilter
    queryset = Formatie.objects.none()

    def get_queryset(self):
        qs = selectors.formatie_voor(self.request.user)
        if self.action != "list":
            return qs.select_related("gebied")
        op = self.request.query_params.get("op")
        try:
            peildatum = date.fromisoformat(op) if op else date.today()
        except ValueError as exc:
            raise ValidationError({"op": ["Geef een datum als 2023-06-30."]}) from exc
        return selectors.formatie_met_bezetting(qs, op=peildatum)


# --- Training ----------------------------------------------------------------------------------------------


class ScholingSerializer(serializers.ModelSerializer):
    medewerker = MedewerkerVeld()
    medewerker_naam = serializers.CharField(source="medewerker.naam", read_only=True)

    class Meta:
        model = Scholing
        fields = ["id", "medewerker", "medewerker_naam", "soort", "datum", "omschrijving"]
        validators = []

    def create(self, validated_data):
        try:
            return services.registreer_scholing(**validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc


class ScholingFilter(filters.FilterSet):
    datum_van = filters.DateFilter(field_name="datum", lookup_expr="gte")
    datum_tot = filters.DateFilter(field_name="datum", lookup_expr="lte")

    class Meta:
        model = Scholing
        fields = ["medewerker", "soort"]


class ScholingViewSet(
    GelogdeInzage,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Training records (a correction is delete + add, so the deadlines are recomputed)."""

    serializer_class = ScholingSerializer
    filterset_class = ScholingFilter
    queryset = Scholing.objects.none()
    log_object_type = "scholing"

    def get_queryset(self):
        return selectors.scholingen_voor(self.request.user).select_related("medewerker").order_by("-datum", "pk")

    def perform_destroy(self, instance):
        services.verwijder_scholing(scholing=instance)


# --- The FTE report ----------------------------------------------------------------------------------------


def lees_peildata(waarden: list[str]) -> list[date]:
    peildata = []
    for waarde in waarden:
        try:
            peildata.append(date.fromisoformat(waarde.strip()))
        except ValueError as exc:
            raise ValidationError({"peildatum": [f"Ongeldige peildatum '{waarde}'; gebruik 2023-06-30."]}) from exc
    if fout := selectors.peildata_fout(peildata):
        raise ValidationError({"peildatum": [fout]})
    return peildata


def rapport_scope(user, *, gemeente: str | None, gebied: str | None) -> dict:
    """The report arguments for this user: unrestricted roles see all; others only their areas. A
    gemeente or gebied outside the scope is 'not found' (404)."""
    kwargs: dict = {}
    if gemeente:
        if not gemeenten_voor(user).filter(code=gemeente).exists():
            raise Http404("Onbekende gemeente.")
        kwargs["gemeente"] = gemeente
    if gebied:
        gevonden = gebieden_voor(user).filter(code=gebied)
        if not gevonden.exists():
            raise Http404("Onbekend gebied.")
        kwargs["gebieden"] = gevonden
    elif not onbeperkt(user):
        kwargs["gebieden"] = gebieden_voor(user)
    return kwargs


def _fte_veld():
    return serializers.DecimalField(max_digits=8, decimal_places=1)


class GemeenteFteSerializer(serializers.Serializer):
    gemeente = serializers.CharField()
    fte = _fte_veld()


class GebiedFteSerializer(serializers.Serializer):
    gemeente = serializers.CharField()
    gebied = serializers.CharField()
    code = serializers.CharField()
    fte = _fte_veld()


class DomeinFteSerializer(serializers.Serializer):
    domein = serializers.CharField()
    label = serializers.CharField()
    fte = _fte_veld()


class FunctieFteSerializer(serializers.Serializer):
    functie = serializers.CharField()
    label = serializers.CharField()
    fte = _fte_veld()


class FteRegelSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    totaal = _fte_veld()
    per_gemeente = GemeenteFteSerializer(many=True)
    per_gebied = GebiedFteSerializer(many=True)
    per_domein = DomeinFteSerializer(many=True)
    per_functie = FunctieFteSerializer(many=True)
    vorige_peildatum = serializers.DateField()
    verschil_vorige_pct = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)
    verschil_jaar_pct = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)


class FteRapportView(APIView):
    """FTE of the placements active on each ``peildatum`` (repeatable; default every 30 June and
    31 December), per gemeente, gebied, domein and functie, with the change in percent. Optional
    ``gemeente`` and ``gebied`` (codes). The gemeente role sees its own municipality only."""

    rollen = RAPPORT_ROLLEN

    @extend_schema(
        parameters=[
            OpenApiParameter("peildatum", OpenApiTypes.DATE, many=True, description="herhaalbaar; 2023-06-30"),
            OpenApiParameter("gemeente", OpenApiTypes.STR, description="code, bv. heerlen"),
            OpenApiParameter("gebied", OpenApiTypes.STR, description="code, bv. heerlen-1"),
        ],
        responses=FteRegelSerializer(many=True),
    )
    def get(self, request):
        peildata = lees_peildata(request.query_params.getlist("peildatum"))
        kwargs = rapport_scope(
            request.user, gemeente=request.query_params.get("gemeente"), gebied=request.query_params.get("gebied")
        )
        rapport = selectors.fte_rapport(peildata or None, **kwargs)
        return Response(FteRegelSerializer(rapport, many=True).data)
