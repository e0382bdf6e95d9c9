"""API of the complaints app: thin viewsets and serializers around the services and selectors."""

from decimal import Decimal

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from contracts.models import Zorgaanbieder
from jens.api_fouten import als_drf_fout
from jens.audit import log_toegang
from jens.models import Gebied, Gemeente
from jens.periode import Periode, rapportperiode
from jens.roles import heeft_rol
from jens.scope import gemeenten_voor, onbeperkt

from . import selectors, services
from .models import Aard, Klacht, KlachtStap, Soort, Status

CONTACT_ROLLEN = ("klachtenfunctionaris", "management")
RAPPORT_ROLLEN = ("klachtenfunctionaris", "management", "gemeente")
CONTACTVELDEN = ("indiener_naam", "indiener_email", "indiener_telefoon")


def conflict(exc: services.VersieConflict) -> Response:
    return Response({"detail": str(exc), "versie": exc.klacht.versie}, status=status.HTTP_409_CONFLICT)


class KlachtStapSerializer(serializers.ModelSerializer):
    class Meta:
        model = KlachtStap
        fields = ["actie", "van_status", "naar_status", "door_naam", "tijdstip", "notitie"]


class KlachtSerializer(serializers.ModelSerializer):
    aard = serializers.SlugRelatedField(slug_field="code", read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    gebied = serializers.SlugRelatedField(slug_field="code", read_only=True)
    opgepakt_door = serializers.SlugRelatedField(slug_field="username", read_only=True)
    eerstvolgende_termijn = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Klacht
        fields = [
            "id",
            "referentie",
            "versie",
            "soort",
            "kanaal",
            "status",
            "ontvangen_op",
            "oppakken_uiterlijk",
            "afhandelen_uiterlijk",
            "eerstvolgende_termijn",
            "opgepakt_op",
            "opgepakt_door",
            *CONTACTVELDEN,
            "indiener_rol",
            "gemeente",
            "gebied",
            "zorgaanbieder",
            "betreft",
            "aard",
            "omschrijving",
            "gewenste_uitkomst",
            "verlengd_met_weken",
            "verlenging_reden",
            "uitkomst",
            "naar_commissie_op",
            "uitspraak_op",
            "uitspraak",
            "aanbevelingen",
            "maatregelen_uiterlijk",
            "maatregelen_besloten_op",
            "maatregelen",
            "afgesloten_op",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not heeft_rol(request.user, *CONTACT_ROLLEN):
            for veld in CONTACTVELDEN:
                data.pop(veld, None)
        return data


class KlachtDetailSerializer(KlachtSerializer):
    stappen = KlachtStapSerializer(many=True, read_only=True)
    toegestane_acties = serializers.SerializerMethodField()

    class Meta(KlachtSerializer.Meta):
        fields = [*KlachtSerializer.Meta.fields, "toegestane_acties", "stappen"]

    def get_toegestane_acties(self, obj) -> list[str]:
        return [a for a, _label in services.toegestane_acties(obj)]


class _Verwijzingen(serializers.Serializer):
    gemeente = serializers.SlugRelatedField(
        slug_field="code", queryset=Gemeente.objects.all(), required=False, allow_null=True
    )
    gebied = serializers.SlugRelatedField(
        slug_field="code", queryset=Gebied.objects.all(), required=False, allow_null=True
    )
    zorgaanbieder = serializers.PrimaryKeyRelatedField(
        queryset=Zorgaanbieder.objects.all(), required=False, allow_null=True
    )
    aard = serializers.SlugRelatedField(slug_field="code", queryset=Aard.objects.filter(actief=True))


class KlachtAanmaakSerializer(_Verwijzingen, serializers.ModelSerializer):
    notitie = serializers.CharField(required=False, allow_blank=True, max_length=2000)

    class Meta:
        model = Klacht
        fields = [
            "soort",
            "kanaal",
            "ontvangen_op",
            "indiener_naam",
            "indiener_email",
            "indiener_telefoon",
            "indiener_rol",
            "gemeente",
            "gebied",
            "zorgaanbieder",
            "betreft",
            "aard",
            "omschrijving",
            "gewenste_uitkomst",
            "notitie",
        ]
        extra_kwargs = {"ontvangen_op": {"required": False}}


class KlachtWijzigSerializer(_Verwijzingen, serializers.ModelSerializer):
    versie = serializers.IntegerField(min_value=1)
    notitie = serializers.CharField(required=False, allow_blank=True, max_length=2000)

    class Meta:
        model = Klacht
        fields = [*services.WIJZIGBAAR, "versie", "notitie"]


class ActieSerializer(serializers.Serializer):
    versie = serializers.IntegerField(min_value=1, help_text="De versie van de klacht die u het laatst zag.")
    notitie = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")
    datum = serializers.DateField(required=False, allow_null=True)
    uitkomst = serializers.CharField(required=False, allow_blank=True)
    uitspraak = serializers.CharField(required=False, allow_blank=True, max_length=8000)
    aanbevelingen = serializers.CharField(required=False, allow_blank=True, max_length=8000)
    maatregelen = serializers.CharField(required=False, allow_blank=True, max_length=8000)
    weken = serializers.IntegerField(required=False, allow_null=True)
    reden = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class KlachtFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    soort = django_filters.ChoiceFilter(choices=Soort.choices)
    aard = django_filters.CharFilter(field_name="aard__code")
    gemeente = django_filters.CharFilter(field_name="gemeente__code")
    ontvangen_van = django_filters.DateFilter(field_name="ontvangen_datum", lookup_expr="gte")
    ontvangen_tot = django_filters.DateFilter(field_name="ontvangen_datum", lookup_expr="lte")
    te_laat = django_filters.BooleanFilter(method="filter_te_laat", label="Termijn verstreken")

    class Meta:
        model = Klacht
        fields = ["status", "soort", "aard", "gemeente", "ontvangen_van", "ontvangen_tot", "te_laat"]

    def filter_te_laat(self, queryset, name, value):
        vandaag = timezone.localdate()
        if value:
            return queryset.filter(eerstvolgende_termijn__lt=vandaag)
        return queryset.exclude(eerstvolgende_termijn__lt=vandaag)


def _actie(naam: str):
    """A POST sub-resource ``/klachten/{id}/<naam>/`` that runs the transition service."""

    def uitvoeren(self, request, pk=None):
        return self._voer_uit(request, naam)

    uitvoeren.__name__ = naam
    uitvoeren.__doc__ = f"Actie ‘{services.TRANSITIES[naam][0]}’ (alleen als de transitietabel het toestaat)."
    uitvoeren = action(detail=True, methods=["post"], url_path=naam, url_name=naam)(uitvoeren)
    return extend_schema(request=ActieSerializer, responses={200: KlachtDetailSerializer})(uitvoeren)


class KlachtViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Klachten en meldingen van ongenoegen (klachtenfunctionaris: lezen en schrijven; management: lezen)."""

    queryset = Klacht.objects.none()
    filterset_class = KlachtFilter

    def get_queryset(self):
        qs = selectors.klachten_voor(self.request.user).order_by("-ontvangen_op", "-pk")
        if self.action == "retrieve":
            qs = qs.prefetch_related("stappen")
        return qs

    def get_serializer_class(self):
        if self.action == "create":
            return KlachtAanmaakSerializer
        if self.action in ("update", "partial_update"):
            return KlachtWijzigSerializer
        if self.action == "retrieve":
            return KlachtDetailSerializer
        if self.action in services.TRANSITIES:
            return ActieSerializer
        return KlachtSerializer

    def list(self, request, *args, **kwargs):
        log_toegang(request, actie="zoeken", object_type="klacht", omschrijving=request.GET.urlencode()[:300])
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        klacht = self.get_object()
        log_toegang(request, actie="inzien", object_type="klacht", object_id=klacht.pk, omschrijving=klacht.referentie)
        return Response(KlachtDetailSerializer(klacht, context=self.get_serializer_context()).data)

    def _antwoord(self, klacht: Klacht, status_code=status.HTTP_200_OK) -> Response:
        klacht = self.get_queryset().prefetch_related("stappen").get(pk=klacht.pk)
        return Response(KlachtDetailSerializer(klacht, context=self.get_serializer_context()).data, status=status_code)

    @extend_schema(request=KlachtAanmaakSerializer, responses={201: KlachtDetailSerializer})
    def create(self, request, *args, **kwargs):
        serializer = KlachtAanmaakSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            klacht = services.maak_klacht(door=request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc
        log_toegang(
            request, actie="aanmaken", object_type="klacht", object_id=klacht.pk, omschrijving=klacht.referentie
        )
        return self._antwoord(klacht, status.HTTP_201_CREATED)

    @extend_schema(request=KlachtWijzigSerializer, responses={200: KlachtDetailSerializer})
    def update(self, request, *args, **kwargs):
        klacht = self.get_object()
        serializer = KlachtWijzigSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        velden = dict(serializer.validated_data)
        versie, notitie = velden.pop("versie", None), velden.pop("notitie", "")
        try:
            klacht = services.wijzig_klacht(klacht=klacht, door=request.user, versie=versie, notitie=notitie, **velden)
        except services.VersieConflict as exc:
            return conflict(exc)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc
        log_toegang(
            request, actie="wijzigen", object_type="klacht", object_id=klacht.pk, omschrijving=klacht.referentie
        )
        return self._antwoord(klacht)

    def _voer_uit(self, request, naam: str) -> Response:
        klacht = self.get_object()
        serializer = ActieSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gegevens = {k: v for k, v in serializer.validated_data.items() if v not in (None, "")}
        versie = gegevens.pop("versie")
        notitie = gegevens.pop("notitie", "")
        try:
            klacht = services.voer_actie(
                klacht=klacht, actie=naam, door=request.user, versie=versie, notitie=notitie, **gegevens
            )
        except services.VersieConflict as exc:
            return conflict(exc)
        except DjangoValidationError as exc:
            raise als_drf_fout(exc) from exc
        log_toegang(
            request,
            actie="wijzigen",
            object_type="klacht",
            object_id=klacht.pk,
            omschrijving=f"{klacht.referentie}: {naam}",
        )
        return self._antwoord(klacht)

    oppakken = _actie("oppakken")
    in_behandeling = _actie("in_behandeling")
    afhandelen = _actie("afhandelen")
    naar_commissie = _actie("naar_commissie")
    uitspraak = _actie("uitspraak")
    maatregelen = _actie("maatregelen")
    afsluiten = _actie("afsluiten")
    intrekken = _actie("intrekken")
    verlengen = _actie("verlengen")


def _json(waarde):
    """Decimals as strings (as every amount in this API), recursively."""
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_json(v) for v in waarde]
    return waarde


def jaarverslag_voor(user, jaarverslag: dict) -> dict:
    """The annual-report items as ``user`` may see them: the judgments one by one (reference and text)
    only for the klachtenfunctionaris and management; a gemeente gets the figures."""
    jaarverslag = {**jaarverslag, "aantal_uitspraken": len(jaarverslag["uitspraken"])}
    if not heeft_rol(user, *CONTACT_ROLLEN):
        del jaarverslag["uitspraken"]
    return jaarverslag


def rapport_parameters(request) -> tuple[Periode, Gemeente | None]:
    """Period and optional gemeente from the query string; a gemeente must be within the user's scope."""
    try:
        periode = rapportperiode(request.GET.get("periode", ""))
    except ValueError as exc:
        raise ValidationError({"periode": [str(exc)]}) from exc
    code = request.GET.get("gemeente") or None
    gemeente = None
    if code:
        gemeente = gemeenten_voor(request.user).filter(code=code).first()
        if gemeente is None:
            raise ValidationError({"gemeente": [f"Onbekende gemeente ‘{code}’ of geen toegang tot deze gemeente."]})
    elif not onbeperkt(request.user) and heeft_rol(request.user, "gemeente"):
        # a municipality sees its own figures; with more than one, the first unless it asks for another
        gemeente = gemeenten_voor(request.user).order_by("naam").first()
        if gemeente is None:
            raise ValidationError({"gemeente": ["U bent niet aan een gemeente gekoppeld."]})
    return periode, gemeente


class KlachtenRapportView(APIView):
    """Klachtenrapportage: aantallen per aard en soort naast dezelfde periode een jaar eerder,
    commissie, tijdig opgepakt, mediaan werkdagen tot oppakken en uitkomsten; bij een heel jaar ook
    de Jeugdwet-jaarverslagonderdelen."""

    rollen = RAPPORT_ROLLEN

    @extend_schema(
        parameters=[
            OpenApiParameter("periode", str, required=True, description="2023H1, 2021 of 2023-01-01..2023-06-30"),
            OpenApiParameter("gemeente", str, required=False, description="gemeentecode"),
        ],
        responses={200: dict},
    )
    def get(self, request):
        periode, gemeente = rapport_parameters(request)
        rapport = selectors.klachten_rapport(periode, gemeente=gemeente)
        maskeren = not onbeperkt(request.user)  # a municipality: the small-count rule (jens.privacy)
        if maskeren:
            rapport = selectors.maskeer_rapport(rapport)
        if periode.label.isdigit():
            jaarverslag = jaarverslag_voor(
                request.user, selectors.klachten_jaarverslag(int(periode.label), gemeente=gemeente)
            )
            rapport["jeugdwet"] = selectors.maskeer_jaarverslag(jaarverslag) if maskeren else jaarverslag
        return Response(_json(rapport))
