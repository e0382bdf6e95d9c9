from django.urls import path

from cases import api


def registreer(router) -> None:
    router.register("jeugdigen", api.JeugdigeViewSet, basename="jeugdige")
    router.register("hulpvragen", api.HulpvraagViewSet, basename="hulpvraag")
    router.register("zorginzet", api.ZorginzetViewSet, basename="zorginzet")
    router.register("meldcode-trajecten", api.MeldcodeTrajectViewSet, basename="meldcodetraject")
    router.register("veilig-thuis-meldingen", api.VeiligThuisMeldingViewSet, basename="veiligthuismelding")
    router.register("onderzoeken", api.OnderzoekViewSet, basename="onderzoek")
    router.register("meldcode-afwijkingen", api.MeldcodeAfwijkingViewSet, basename="meldcodeafwijking")
    router.register("toegangslog", api.ToegangslogViewSet, basename="cases-toegangslog")


urlpatterns = [
    path("rapportages/clienten/", api.ClientenRapportView.as_view(), name="cases-api-rapport-clienten"),
    path("rapportages/casuistiek/", api.CasuistiekRapportView.as_view(), name="cases-api-rapport-casuistiek"),
]
