import importlib

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from jens import api, inloggen, tweede_factor, views

admin.site.site_header = "JENS werkplaats — beheer"
admin.site.site_title = "JENS werkplaats"
admin.site.index_title = "Beheer"


def _optioneel(naam: str):
    """Import an app's optional url module; None when the module (or its package) does not exist."""
    try:
        return importlib.import_module(naam)
    except ModuleNotFoundError as exc:
        if exc.name and naam.startswith(exc.name):
            return None
        raise


APPS_MET_URLS = ("contracts", "staff", "complaints", "cases", "financien", "jens.dashboard")

router = DefaultRouter()
router.register("gemeenten", api.GemeenteViewSet, basename="gemeente")
router.register("gebieden", api.GebiedViewSet, basename="gebied")

# Each app adds its endpoints through ``<app>/api_urls.py``: ``registreer(router)`` for viewsets and,
# optionally, ``urlpatterns`` for other endpoints (reports), both under /api/v1/.
api_extra = []
for _app in APPS_MET_URLS:
    _module = _optioneel(f"{_app}.api_urls")
    if _module is None:
        continue
    if hasattr(_module, "registreer"):
        _module.registreer(router)
    api_extra += getattr(_module, "urlpatterns", [])

urlpatterns = [
    path("", views.home, name="home"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweede-factor/", tweede_factor.bevestigen, name="tweede-factor"),
    path("tweede-factor/instellen/", tweede_factor.instellen, name="tweede-factor-instellen"),
    path(
        "wachtwoord-herstel/",
        auth_views.PasswordResetView.as_view(form_class=inloggen.WachtwoordHerstelForm),
        name="password_reset",
    ),
    path("wachtwoord-herstel/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstel/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-herstel/klaar/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("api/v1/token/", inloggen.token_aanvragen, name="api-token"),
    path("api/v1/token/intrekken/", inloggen.token_intrekken, name="api-token-intrekken"),
    path("api/v1/token/alle-intrekken/", inloggen.alle_tokens_intrekken, name="api-token-alle-intrekken"),
    path("api/v1/", include(router.urls)),
    path("api/v1/", include(api_extra)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The docs are a page for people: an anonymous visitor gets the login page (the schema itself stays an API answer).
    path(
        "api/docs/",
        login_required(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="jens/swagger_ui.html")
        ),
        name="api-docs",
    ),
]

if settings.JENS_OIDC_AAN:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

# Each app's pages: ``<app>/urls.py`` (included when present).
for _app in APPS_MET_URLS:
    if _optioneel(f"{_app}.urls") is not None:
        urlpatterns.append(path("", include(f"{_app}.urls")))

# Dutch error pages in the site layout (jens/foutpaginas.py); the CSRF failure page is CSRF_FAILURE_VIEW.
handler400 = "jens.foutpaginas.ongeldig_verzoek"
handler403 = "jens.foutpaginas.geen_toegang"
handler404 = "jens.foutpaginas.niet_gevonden"
handler500 = "jens.foutpaginas.serverfout"
