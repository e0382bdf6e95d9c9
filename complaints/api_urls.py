from django.urls import path

from .api import KlachtenRapportView, KlachtViewSet


def registreer(router) -> None:
    router.register("klachten", KlachtViewSet, basename="klacht")


urlpatterns = [
    path("rapportages/klachten/", KlachtenRapportView.as_view(), name="klachten-rapport-api"),
]
