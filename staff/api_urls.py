from django.urls import path

from staff.api import FormatieViewSet, FteRapportView, MedewerkerViewSet, PlaatsingViewSet, ScholingViewSet


def registreer(router) -> None:
    router.register("medewerkers", MedewerkerViewSet, basename="medewerker")
    router.register("plaatsingen", PlaatsingViewSet, basename="plaatsing")
    router.register("formatie", FormatieViewSet, basename="formatie")
    router.register("scholingen", ScholingViewSet, basename="scholing")


urlpatterns = [path("rapportages/fte/", FteRapportView.as_view(), name="staff-api-fte-rapport")]
