from django.urls import path

from staff import views, views_formulieren

urlpatterns = [
    path("rapportages/fte/", views.fte_rapport, name="staff-fte-rapport"),
    path("team/", views.team, name="staff-team"),
    path("team/plaatsingen/", views_formulieren.plaatsingen, name="staff-plaatsingen"),
    path("team/plaatsingen/nieuw/", views_formulieren.plaatsing_nieuw, name="staff-plaatsing-nieuw"),
    path("team/plaatsingen/<int:pk>/uren/", views_formulieren.plaatsing_uren, name="staff-plaatsing-uren"),
    path(
        "team/plaatsingen/<int:pk>/beeindigen/",
        views_formulieren.plaatsing_beeindigen,
        name="staff-plaatsing-beeindigen",
    ),
    path("team/scholing/nieuw/", views_formulieren.scholing_nieuw, name="staff-scholing-nieuw"),
]
