"""Dutch error pages in the site layout (400, 403, 404, 500 and the CSRF failure), with the navigation and the reason.

A PermissionDenied or Http404 raised with a Dutch message shows that message; without one (or with Django's own
English text, such as get_object_or_404's) the page gives a general Dutch reason. Under ``/api/`` the answer is
JSON, as the API's own errors are. An anonymous visitor who is refused a page is sent to the login page first.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)

REDENEN = {
    400: "Het verzoek kon niet worden verwerkt.",
    403: "U heeft geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet, of u heeft er geen toegang toe.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld het dan bij de functioneel beheerder.",
}
TITELS = {400: "Ongeldig verzoek", 403: "Geen toegang", 404: "Niet gevonden", 500: "Er ging iets mis"}
CSRF_REDEN = (
    "Het formulier is verlopen of is niet vanaf deze site verstuurd. Ga terug, laad de pagina opnieuw en "
    "verstuur het formulier nog een keer. Staan cookies uit, zet ze dan aan voor deze site."
)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def reden_uit(exception, status: int) -> str:
    """The message the code raised, when it is one of ours (Dutch); otherwise the general reason."""
    bericht = ""
    if exception is not None and exception.args and isinstance(exception.args[0], str):
        bericht = exception.args[0].strip()
    # Django's own messages are English ("No Klacht matches the given query.", resolver details): not shown.
    if not bericht or bericht.startswith("No ") or "matches the given query" in bericht:
        return REDENEN[status]
    return bericht


def _pagina(request: HttpRequest, status: int, reden: str, titel: str | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": reden}, status=status)
    context = {"status": status, "titel": titel or TITELS[status], "reden": reden}
    inhoud = loader.render_to_string(f"{status}.html", context, request=request)
    return HttpResponse(inhoud, status=status)


def ongeldig_verzoek(request: HttpRequest, exception=None) -> HttpResponse:
    return _pagina(request, 400, REDENEN[400])


def geen_toegang(request: HttpRequest, exception=None) -> HttpResponse:
    user = getattr(request, "user", None)
    if not _is_api(request) and user is not None and not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    return _pagina(request, 403, reden_uit(exception, 403))


def niet_gevonden(request: HttpRequest, exception=None) -> HttpResponse:
    return _pagina(request, 404, reden_uit(exception, 404))


def serverfout(request: HttpRequest) -> HttpResponse:
    """The 500 page. It is rendered with the request (navigation) when that works; when the failure lies deeper
    (the database is down, so the navigation cannot be built) the same page without the request."""
    if _is_api(request):
        return JsonResponse({"detail": REDENEN[500]}, status=500)
    context = {"status": 500, "titel": TITELS[500], "reden": REDENEN[500]}
    try:
        inhoud = loader.render_to_string("500.html", context, request=request)
    except Exception:
        logger.exception("De foutpagina kon niet met navigatie worden gemaakt")
        inhoud = loader.render_to_string("500.html", context)
    return HttpResponse(inhoud, status=500)


def csrf_fout(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a 403 that says what to do, in Dutch."""
    if _is_api(request):
        return JsonResponse({"detail": CSRF_REDEN}, status=403)
    context = {"status": 403, "titel": "Formulier verlopen", "reden": CSRF_REDEN}
    return HttpResponse(loader.render_to_string("403_csrf.html", context, request=request), status=403)
