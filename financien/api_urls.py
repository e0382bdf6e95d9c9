from django.urls import path

from financien import api


def registreer(router) -> None:
    router.register("begrotingsregels", api.BegrotingsregelViewSet, basename="begrotingsregel")
    router.register("kostenregels", api.KostenregelViewSet, basename="kostenregel")


urlpatterns = [
    path("rapportages/financien/", api.FinancienRapportView.as_view(), name="financien-api-rapport"),
]
