from django.urls import path

from cases import views, views_formulieren

urlpatterns = [
    path("casussen/jeugdigen/", views.jeugdigen, name="cases-jeugdigen"),
    path("casussen/jeugdigen/nieuw/", views_formulieren.jeugdige_registreren, name="cases-jeugdige-registreren"),
    path("casussen/jeugdigen/<int:pk>/", views.jeugdige, name="cases-jeugdige"),
    path("casussen/jeugdigen/<int:pk>/wijzigen/", views_formulieren.jeugdige_wijzigen, name="cases-jeugdige-wijzigen"),
    path(
        "casussen/jeugdigen/<int:pk>/hulpvraag/",
        views_formulieren.actie,
        {"naam": "hulpvraag"},
        name="cases-hulpvraag-registreren",
    ),
    path(
        "casussen/jeugdigen/<int:pk>/meldcode/",
        views_formulieren.actie,
        {"naam": "meldcode"},
        name="cases-meldcode-starten",
    ),
    path("casussen/hulpvragen/<int:pk>/dossier/", views_formulieren.actie, {"naam": "dossier"}, name="cases-dossier"),
    path(
        "casussen/hulpvragen/<int:pk>/kernteam/", views_formulieren.actie, {"naam": "kernteam"}, name="cases-kernteam"
    ),
    path(
        "casussen/hulpvragen/<int:pk>/gezinsplan/",
        views_formulieren.actie,
        {"naam": "gezinsplan"},
        name="cases-gezinsplan",
    ),
    path(
        "casussen/hulpvragen/<int:pk>/afsluiten/",
        views_formulieren.actie,
        {"naam": "afsluiten"},
        name="cases-hulpvraag-afsluiten",
    ),
    path(
        "casussen/hulpvragen/<int:pk>/evaluatie/",
        views_formulieren.actie,
        {"naam": "evaluatie"},
        name="cases-evaluatie",
    ),
    path(
        "casussen/hulpvragen/<int:pk>/zorginzet/",
        views_formulieren.actie,
        {"naam": "zorginzet"},
        name="cases-zorginzet",
    ),
    path(
        "casussen/zorginzet/<int:pk>/starten/",
        views_formulieren.actie,
        {"naam": "zorg-starten"},
        name="cases-zorg-starten",
    ),
    path(
        "casussen/zorginzet/<int:pk>/beeindigen/",
        views_formulieren.actie,
        {"naam": "zorg-beeindigen"},
        name="cases-zorg-beeindigen",
    ),
    path(
        "casussen/meldcode/<int:pk>/stap/<int:stap>/",
        views_formulieren.actie,
        {"naam": "meldcode-stap"},
        name="cases-meldcode-stap",
    ),
    path(
        "casussen/meldcode/<int:pk>/terugkoppeling/",
        views_formulieren.actie,
        {"naam": "terugkoppeling"},
        name="cases-terugkoppeling",
    ),
    path("casussen/veilig-thuis/", views.vt_meldingen, name="cases-vt-meldingen"),
    path("casussen/veilig-thuis/<int:pk>/opvolgen/", views.vt_opvolgen, name="cases-vt-opvolgen"),
    path("casussen/rapportage/", views.rapportage, name="cases-rapportage"),
    path("casussen/toegangslog/", views.toegangslog, name="cases-toegangslog"),
]
