from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jens.roles import heeft_rol
from jens.signaleringen import open_signaleringen_voor
from jens.tasks import HARTSLAG_SLEUTEL


@login_required
def home(request: HttpRequest) -> HttpResponse:
    signaleringen = list(open_signaleringen_voor(request.user)[:200])
    return render(request, "jens/home.html", {"signaleringen": signaleringen})


@login_required
def gezondheid(request: HttpRequest) -> HttpResponse:
    """Status of database, cache and the Celery worker (its last heartbeat)."""
    status = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        status["database"] = "in orde"
    except Exception as exc:  # pragma: no cover - shown to the application manager
        status["database"] = f"fout: {type(exc).__name__}"
    try:
        hartslag = cache.get(HARTSLAG_SLEUTEL)
        status["cache"] = "in orde"
    except Exception as exc:
        hartslag = None
        status["cache"] = f"fout: {type(exc).__name__}"
    status["worker"] = f"laatste hartslag {hartslag}" if hartslag else "geen hartslag ontvangen"
    details = heeft_rol(request.user, "functioneel_beheerder", "management")
    return render(request, "jens/gezondheid.html", {"status": status if details else {}})
