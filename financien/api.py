"""Read endpoints of the finances. Writes go through the admin and its import (the controller's workplace).
A gemeente user sees only the own municipality: the querysets are scoped, and asking the statement of another
municipality gives 404."""

from decimal import Decimal

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from financien import selectors
from financien.apps import RAPPORT_ROLLEN
from financien.models import Begrotingsregel, Kostenregel
from jens.models import Gemeente
from jens.periode import Periode
from jens.scope import filter_op_scope, gemeenten_voor, onbeperkt


def _json(waarde):
    if isinstance(waarde, Decimal):
        return str(waarde)
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_json(v) for v in waarde]
    return waarde


class BegrotingsregelSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Begrotingsregel
        fields = ["id", "gemeente", "jaar", "post", "bedrag", "toelichting"]


class KostenregelSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Kostenregel
        fields = ["id", "gemeente", "jaar", "maand", "post", "bedrag", "bron"]


class BegrotingsregelFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__code")

    class Meta:
        model = Begrotingsregel
        fields = ["jaar", "post", "gemeente"]


class KostenregelFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__code")

    class Meta:
        model = Kostenregel
        fields = ["jaar", "maand", "post", "gemeente"]


class BegrotingsregelViewSet(viewsets.ReadOnlyModelViewSet):
    """De begroting per kostenpost, gemeente en jaar (alleen lezen; beheer in de admin)."""

    serializer_class = BegrotingsregelSerializer
    filterset_class = BegrotingsregelFilter

    def get_queryset(self):
        qs = Begrotingsregel.objects.select_related("gemeente").order_by("-jaar", "gemeente__naam", "post", "pk")
        return filter_op_scope(qs, self.request.user, gemeente="gemeente")


class KostenregelViewSet(viewsets.ReadOnlyModelViewSet):
    """De geboekte kosten per kostenpost, gemeente en maand (alleen lezen; import in de admin)."""

    serializer_class = KostenregelSerializer
    filterset_class = KostenregelFilter

    def get_queryset(self):
        qs = Kostenregel.objects.select_related("gemeente").order_by("-jaar", "-maand", "gemeente__naam", "post", "pk")
        return filter_op_scope(qs, self.request.user, gemeente="gemeente")


def rapport_gemeente(user, code: str) -> Gemeente | None:
    """The gemeente a report is about: free choice (or all) for unlimited roles; a gemeente user gets the own
    municipality, and another one asked is not found."""
    if onbeperkt(user):
        if not code:
            return None
        gemeente = Gemeente.objects.filter(code=code).first()
        if gemeente is None:
            raise exceptions.ValidationError({"gemeente": ["Onbekende gemeente."]})
        return gemeente
    eigen = list(gemeenten_voor(user).order_by("naam"))
    if not eigen:
        raise exceptions.PermissionDenied("Uw account is aan geen gemeente gekoppeld.")
    if not code:
        return eigen[0]
    gemeente = next((g for g in eigen if g.code == code), None)
    if gemeente is None:
        raise exceptions.NotFound()
    return gemeente


class FinancienRapportView(APIView):
    """De financiële staat van een periode (realisatie tegen begroting), de zorgverdeling in euro's en de kosten
    per maand; voor een gemeente alleen de eigen gemeente."""

    rollen = RAPPORT_ROLLEN

    @extend_schema(
        parameters=[
            OpenApiParameter("periode", str, required=True, description="2023H1, 2023 of 2023-01-01..2023-06-30"),
            OpenApiParameter("gemeente", str, required=False, description="gemeentecode"),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        try:
            periode = Periode.parse(request.query_params.get("periode", ""))
        except ValueError as exc:
            raise exceptions.ValidationError({"periode": [str(exc)]}) from exc
        if periode.van.year < 2000 or periode.tot.year > 2100:
            raise exceptions.ValidationError({"periode": ["Geef een periode tussen 2000 en 2100."]})
        gemeente = rapport_gemeente(request.user, request.query_params.get("gemeente", "").replace("\x00", ""))
        data = {
            "staat": selectors.financiele_staat(periode, gemeente=gemeente),
            "zorgverdeling": selectors.zorgverdeling(periode, gemeente=gemeente),
            "per_maand": selectors.gerealiseerd_per_maand(periode, gemeente=gemeente),
        }
        return Response(_json(data))
