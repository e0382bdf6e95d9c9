"""The site's urls plus one page that fails, to see the 500 page (tests/jens/test_foutpaginas.py)."""

from django.urls import path

from jens.urls import handler400, handler403, handler404, handler500  # noqa: F401
from jens.urls import urlpatterns as site_urls


def _kapot(request):
    raise RuntimeError("kapot voor de test")


urlpatterns = [path("kapot/", _kapot), path("api/kapot/", _kapot), *site_urls]
