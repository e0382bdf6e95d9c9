from django.urls import path

from contracts import views

urlpatterns = [
    path("zorgaanbieders/rapportage/", views.rapportage, name="contracts-rapportage"),
    path("contracten/<int:pk>/document/", views.contract_document, name="contracts-document"),
]
