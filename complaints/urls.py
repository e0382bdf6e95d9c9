from django.urls import path

from . import views

urlpatterns = [
    path("klacht-indienen/", views.klacht_indienen, name="klachten-indienen"),
    path("klacht-indienen/ontvangen/", views.klacht_bevestiging, name="klachten-bevestiging"),
    path("klachten/", views.klachten_lijst, name="klachten-lijst"),
    path("klachten/nieuw/", views.klacht_registreren, name="klachten-registreren"),
    path("klachten/rapportage/", views.klachten_rapportage, name="klachten-rapportage"),
    path("klachten/<int:pk>/", views.klacht_detail, name="klachten-detail"),
    path("klachten/<int:pk>/actie/<slug:actie>/", views.klacht_actie, name="klachten-actie"),
]
