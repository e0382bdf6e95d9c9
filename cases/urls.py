from django.urls import path

from cases import views

urlpatterns = [
    path("casussen/jeugdigen/", views.jeugdigen, name="cases-jeugdigen"),
    path("casussen/jeugdigen/<int:pk>/", views.jeugdige, name="cases-jeugdige"),
    path("casussen/veilig-thuis/", views.vt_meldingen, name="cases-vt-meldingen"),
    path("casussen/veilig-thuis/<int:pk>/opvolgen/", views.vt_opvolgen, name="cases-vt-opvolgen"),
    path("casussen/rapportage/", views.rapportage, name="cases-rapportage"),
    path("casussen/toegangslog/", views.toegangslog, name="cases-toegangslog"),
]
