"""The dashboard page and the half-year report page (with download and progress of a long-running job)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from contracts import selectors as contracts_selectors
from jens.audit import log_toegang
from jens.dashboard import conf
from jens.dashboard import selectors as s
from jens.dashboard.rapport import (
    FORMATEN,
    BudgetOverschreden,
    bestandsnaam,
    bouw_rapport,
    exporteer,
    stijl_csp_bron,
)
from jens.dashboard.tasks import SOORT, maak_halfjaarrapportage
from jens.dashboard.weergave import onderdeel_weergave
from jens.eenmalig import opbouw
from jens.models import Gemeente, RapportageTaak
from jens.periode import Periode, rapportperiode
from jens.roles import Rol, heeft_rol
from jens.scope import gemeenten_voor, onbeperkt

logger = logging.getLogger(__name__)

# Who may see what. The inkoper sees only the provider tiles (their own work); a municipality sees its own
# municipality only, aggregates only. Other roles (case workers, complaints officer, area managers) have
# their own pages and no need for the combined figures.
DASHBOARD_ROLLEN = (Rol.MANAGEMENT, Rol.FUNCTIONEEL_BEHEERDER, Rol.GEMEENTE, Rol.INKOPER)
RAPPORT_ROLLEN = (Rol.MANAGEMENT, Rol.FUNCTIONEEL_BEHEERDER, Rol.GEMEENTE)
ALLEEN_AANBIEDERS = ("kleine_aanbieders", "transformatie", "aanbieders", "financien", "grootste_aanbieders")
NIET_VOOR_GEMEENTE = ("grootste_aanbieders",)  # spending per named provider: management, beheer and the inkoper
EERSTE_JAAR = 2019


@dataclass
class Keuze:
    filter: s.Filter
    maskeren: bool
    gemeenten: list[Gemeente]  # what the municipality filter offers
    alle_gemeenten: bool  # may choose "all" (HLV)
    alleen_aanbieders: bool
    fout: str = ""


def standaard_periode(vandaag: date | None = None) -> Periode:
    """The last completed half year with figures: the report is made against the year's opdrachtsom (lump sum), so
    when the last completed half year's year has none yet (nothing imported), the second half of the last year that
    has one. The dashboard then opens on figures, not on an empty period with failed norms."""
    vandaag = vandaag or timezone.localdate()
    jaar, helft = (vandaag.year, 1) if vandaag.month >= 7 else (vandaag.year - 1, 2)
    met_gegevens = contracts_selectors.laatste_jaar_met_gegevens(jaar)
    if met_gegevens < jaar:
        jaar, helft = met_gegevens, 2
    return Periode.parse(f"{jaar}H{helft}")


def periode_keuzes(vandaag: date | None = None) -> list[str]:
    vandaag = vandaag or timezone.localdate()
    keuzes = []
    for jaar in range(vandaag.year, EERSTE_JAAR - 1, -1):
        keuzes += [f"{jaar}H2", f"{jaar}H1", str(jaar)]
    return keuzes


def bepaal_keuze(request: HttpRequest, gegevens, rollen) -> Keuze:
    """The period and municipality the user asks for, limited to what the user may see.

    No permitted role: 403. A municipality user is held to their own municipality (another one: 404)."""
    user = request.user
    if not heeft_rol(user, *rollen):
        log_toegang(request, actie="inzien", object_type="dashboard", toegestaan=False, omschrijving=request.path)
        raise PermissionDenied("U heeft geen toegang tot het dashboard.")
    fout = ""
    tekst = (gegevens.get("periode") or "").strip()
    try:
        periode = rapportperiode(tekst) if tekst else standaard_periode()
    except ValueError as exc:
        periode, fout = standaard_periode(), str(exc)
    vrij = onbeperkt(user)
    toegestaan = list(gemeenten_voor(user).order_by("naam"))
    if not vrij and not toegestaan:
        raise PermissionDenied("Uw account is aan geen gemeente gekoppeld.")
    code = (gegevens.get("gemeente") or "").strip()
    if code:
        gemeente = next((g for g in toegestaan if g.code == code), None)
        if gemeente is None:
            raise Http404("Onbekende gemeente.")
    else:
        gemeente = None if vrij else toegestaan[0]
    return Keuze(
        filter=s.Filter(periode, gemeente),
        maskeren=not vrij,
        gemeenten=toegestaan,
        alle_gemeenten=vrij,
        alleen_aanbieders=vrij
        and not heeft_rol(user, Rol.MANAGEMENT, Rol.FUNCTIONEEL_BEHEERDER)
        and heeft_rol(user, Rol.INKOPER),
        fout=fout,
    )


def _filtercontext(keuze: Keuze) -> dict:
    return {
        "keuze": keuze,
        "periode_keuzes": periode_keuzes(),
        "gekozen_periode": keuze.filter.periode.label,
        "gekozen_gemeente": keuze.filter.gemeente.code if keuze.filter.gemeente else "",
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    keuze = bepaal_keuze(request, request.GET, DASHBOARD_ROLLEN)
    makers = [
        m
        for m in s.ONDERDELEN
        if (not keuze.alleen_aanbieders or m.__name__[len("onderdeel_") :] in ALLEEN_AANBIEDERS)
        and not (keuze.maskeren and m.__name__[len("onderdeel_") :] in NIET_VOOR_GEMEENTE)
    ]
    with opbouw():
        onderdelen = [onderdeel_weergave(maak(keuze.filter), keuze.maskeren, dashboard=True) for maak in makers]
    tegels = [t for o in onderdelen for t in o["tegels"]]
    return render(
        request,
        "dashboard/dashboard.html",
        {
            **_filtercontext(keuze),
            "onderdelen": onderdelen,
            "tegels": tegels,
            "ontbrekend": [n for o in onderdelen for n in o["ontbreekt"]],
            "mag_rapport": heeft_rol(request.user, *RAPPORT_ROLLEN),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def rapportage(request: HttpRequest) -> HttpResponse:
    """The report page. POST produces the report: synchronously when that is done within the time budget
    (two seconds), otherwise as a Celery job whose progress the job page shows."""
    gegevens = request.POST if request.method == "POST" else request.GET
    keuze = bepaal_keuze(request, gegevens, RAPPORT_ROLLEN)
    if request.method == "POST" and not keuze.fout:
        formaat = request.POST.get("formaat", "xlsx")
        if formaat not in FORMATEN:
            formaat = "xlsx"
        f = keuze.filter
        log_toegang(
            request,
            actie="exporteren",
            object_type=SOORT,
            object_id=f.periode.label,
            omschrijving=f"{formaat}, {f.gemeente.naam if f.gemeente else 'alle gemeenten'}",
        )
        # Measured, not guessed: try it synchronously within the budget (checked after every part). When the
        # budget runs out, hand the job to Celery. A report that needed Celery in the last hour (a job exists
        # for the same period and municipality) goes to Celery at once instead of waiting the budget again.
        gemeente_code = f.gemeente.code if f.gemeente else ""
        recent_traag = RapportageTaak.objects.filter(
            soort=SOORT,
            aangevraagd_op__gte=timezone.now() - timedelta(hours=1),
            parameters__periode=f.periode.label,
            parameters__gemeente=gemeente_code,
        ).exists()
        rapport, duur = None, None
        if not recent_traag:
            start = time.monotonic()
            try:
                rapport = bouw_rapport(f, maskeren=keuze.maskeren, budget_seconden=conf.rapport_sync_seconden())
            except BudgetOverschreden:
                duur = round(time.monotonic() - start, 2)
        if rapport is None:
            taak = RapportageTaak.objects.create(
                soort=SOORT,
                parameters={
                    "periode": f.periode.label,
                    "gemeente": gemeente_code,
                    "formaat": formaat,
                    "maskeren": keuze.maskeren,
                    "synchroon_afgebroken_na_s": duur,
                },
                aangevraagd_door=request.user,
            )
            transaction.on_commit(partial(_start_taak, taak.pk))
            return redirect("dashboard:rapportage-taak", pk=taak.pk)
        return _bestand(exporteer(rapport, formaat), bestandsnaam(rapport, formaat), formaat)
    taken = RapportageTaak.objects.filter(soort=SOORT, aangevraagd_door=request.user).defer("bestand")[:10]
    return render(
        request,
        "dashboard/rapportage.html",
        {**_filtercontext(keuze), "taken": taken, "budget": conf.rapport_sync_seconden()},
    )


def _start_taak(taak_id: int) -> None:
    """Queue the job; when the broker cannot be reached the job is marked failed (the page says so)."""
    try:
        maak_halfjaarrapportage.delay(taak_id)
    except Exception as exc:
        logger.exception("Rapportagetaak %s kon niet in de wachtrij", taak_id)
        RapportageTaak.objects.filter(pk=taak_id, status=RapportageTaak.Status.WACHTEND).update(
            status=RapportageTaak.Status.MISLUKT, fout=f"Niet in de wachtrij gezet: {type(exc).__name__}"
        )


def _eigen_taak(request: HttpRequest, pk: int) -> RapportageTaak:
    if not heeft_rol(request.user, *RAPPORT_ROLLEN):
        raise PermissionDenied
    return get_object_or_404(RapportageTaak, pk=pk, soort=SOORT, aangevraagd_door=request.user)


@login_required
def rapportage_taak(request: HttpRequest, pk: int) -> HttpResponse:
    taak = _eigen_taak(request, pk)
    bezig = taak.status in (RapportageTaak.Status.WACHTEND, RapportageTaak.Status.BEZIG)
    return render(
        request,
        "dashboard/rapportage_taak.html",
        {"taak": taak, "bezig": bezig, "terug": reverse("dashboard:rapportage")},
    )


@login_required
def rapportage_bestand(request: HttpRequest, pk: int) -> HttpResponse:
    taak = _eigen_taak(request, pk)
    if taak.status != RapportageTaak.Status.KLAAR or taak.bestand is None:
        raise Http404("Het rapport is nog niet klaar.")
    log_toegang(request, actie="exporteren", object_type=SOORT, object_id=taak.pk, omschrijving=taak.bestandsnaam)
    formaat = taak.parameters.get("formaat", "xlsx")
    return _bestand(bytes(taak.bestand), taak.bestandsnaam, formaat)


def _bestand(inhoud: bytes, naam: str, formaat: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=FORMATEN[formaat][0])
    wijze = "attachment" if formaat == "xlsx" else "inline"
    response["Content-Disposition"] = f'{wijze}; filename="{naam}"'
    response["Cache-Control"] = "private, no-store"
    if formaat != "xlsx":
        # The printable report carries its stylesheet inline; the policy allows that one stylesheet by its hash.
        response._csp_update = {"style-src": [stijl_csp_bron()]}
    return response
