from django.urls import path

from contracts import api


def registreer(router) -> None:
    router.register("zorgaanbieders", api.ZorgaanbiederViewSet, basename="zorgaanbieder")
    router.register("contracten", api.ContractViewSet, basename="contract")
    router.register("transformatie-afspraken", api.TransformatieAfspraakViewSet, basename="transformatieafspraak")
    router.register("gesprekken", api.GesprekViewSet, basename="gesprek")
    router.register(
        "jaarrekening-beoordelingen", api.JaarrekeningBeoordelingViewSet, basename="jaarrekeningbeoordeling"
    )
    router.register("uitgaven", api.UitgaveViewSet, basename="uitgave")
    router.register("opdrachten", api.OpdrachtViewSet, basename="opdracht")


urlpatterns = [
    path(
        "rapportages/kleine-aanbieders/",
        api.KleineAanbiedersRapportView.as_view(),
        name="contracts-rapport-kleine-aanbieders",
    ),
    path(
        "rapportages/aanbieders-per-soort/",
        api.AanbiedersPerSoortView.as_view(),
        name="contracts-rapport-aanbieders-per-soort",
    ),
    path("rapportages/transformatie/", api.TransformatieRapportView.as_view(), name="contracts-rapport-transformatie"),
    path("rapportages/gesprekken/", api.GesprekkenRapportView.as_view(), name="contracts-rapport-gesprekken"),
    path("rapportages/uitgaven/", api.UitgavenRapportView.as_view(), name="contracts-rapport-uitgaven"),
]
