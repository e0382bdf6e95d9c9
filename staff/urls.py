from django.urls import path

from staff import views

urlpatterns = [
    path("rapportages/fte/", views.fte_rapport, name="staff-fte-rapport"),
    path("team/", views.team, name="staff-team"),
]
