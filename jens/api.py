"""The core endpoints: gemeenten and gebieden."""

from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from jens.models import Gebied, Gemeente


class GemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "naam", "code"]


class GebiedSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Gebied
        fields = ["id", "naam", "code", "gemeente", "toelichting"]


class GemeenteViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Gemeente.objects.all()
    serializer_class = GemeenteSerializer
    filterset_fields = ["code"]


class GebiedViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GebiedSerializer
    filterset_fields = {"gemeente__code": ["exact"], "code": ["exact"]}

    def get_queryset(self) -> QuerySet[Gebied]:
        return Gebied.objects.select_related("gemeente")

    queryset = Gebied.objects.all()
