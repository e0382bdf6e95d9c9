from datetime import UTC, datetime

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from jens import werkvoorraad
from jens.roles import heeft_rol
from jens.tasks import HARTSLAG_SLEUTEL

PER_PAGINA = 25


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The work queue of the signed-in user: counts per kind, filters, 'mijn taken', one page of items."""
    vandaag = timezone.localdate()
    soorten = werkvoorraad.tellingen(request.user, vandaag=vandaag)
    filters = werkvoorraad.WerkvoorraadFilter(request.GET or None, user=request.user, soorten=soorten)
    keuze = filters.cleaned_data if filters.is_valid() else {}
    qs = werkvoorraad.items(
        request.user,
        vandaag=vandaag,
        soort=keuze.get("soort") or "",
        termijn=keuze.get("termijn") or "",
        gebied=keuze.get("gebied"),
        mijn=bool(keuze.get("mijn")),
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(s, (vandaag - s.deadline).days if s.deadline and s.deadline < vandaag else None) for s in pagina]
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "jens/home.html",
        {
            "soorten": soorten,
            "totaal": sum(t.aantal for t in soorten),
            "totaal_te_laat": sum(t.te_laat for t in soorten),
            "totaal_mijn": sum(t.mijn for t in soorten),
            "filters": filters,
            "gekozen_soort": keuze.get("soort") or "",
            "gefilterd": bool(
                request.GET.get("soort")
                or request.GET.get("termijn")
                or request.GET.get("gebied")
                or request.GET.get("mijn")
            ),
            "pagina": pagina,
            "rijen": rijen,
            "query": query.urlencode(),
        },
    )


def hartslag_tekst(hartslag: str | None, nu: datetime | None = None) -> str:
    """The worker's last heartbeat (stored as UTC ISO text) in local time, readable Dutch:
    "laatste hartslag 03-12-2026 om 16:05:12 (2 minuten geleden)"."""
    if not hartslag:
        return "geen hartslag ontvangen"
    try:
        moment = datetime.fromisoformat(hartslag)
    except (TypeError, ValueError):
        return "geen geldige hartslag ontvangen"
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    lokaal = timezone.localtime(moment)
    seconden = max(int(((nu or timezone.now()) - moment).total_seconds()), 0)
    if seconden < 60:
        geleden = "minder dan een minuut geleden"
    elif seconden < 3600:
        minuten = seconden // 60
        geleden = f"{minuten} {'minuut' if minuten == 1 else 'minuten'} geleden"
    elif seconden < 86400:
        uren = seconden // 3600
        geleden = f"{uren} uur geleden"
    else:
        dagen = seconden // 86400
        geleden = f"{dagen} {'dag' if dagen == 1 else 'dagen'} geleden"
    return f"laatste hartslag {lokaal:%d-%m-%Y} om {lokaal:%H:%M:%S} ({geleden})"


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
    status["worker"] = hartslag_tekst(hartslag)
    details = heeft_rol(request.user, "functioneel_beheerder", "management")
    return render(request, "jens/gezondheid.html", {"status": status if details else {}})
