from django.urls import path

from jens.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("rapportage/", views.rapportage, name="rapportage"),
    path("rapportage/taak/<int:pk>/", views.rapportage_taak, name="rapportage-taak"),
    path("rapportage/taak/<int:pk>/bestand/", views.rapportage_bestand, name="rapportage-bestand"),
]
