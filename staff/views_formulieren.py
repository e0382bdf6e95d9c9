"""The gebiedsmanager's work screens (server-rendered, no JavaScript): the placements of their own
areas — place, change hours, end — and recording training. Each form calls a staff service; the
service's ValidationError appears beside the field it names and nothing is written.

Access: only who has the model permission (gebiedsmanager, management, functioneel beheerder; other
roles 403); objects come from the scoped querysets, so a placement or employee outside the user's
areas is 404. Every list, change and refusal is written to the access log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from jens.audit import log_toegang
from jens.models import Toegangslog
from jens.scope import gebieden_voor
from staff import formulieren, selectors, services
from staff.models import Plaatsing


def _vereis_recht(request, recht: str, *, object_type: str, object_id="") -> None:
    if not request.user.has_perm(recht):
        log_toegang(
            request,
            actie=Toegangslog.Actie.INZIEN if request.method == "GET" else Toegangslog.Actie.WIJZIGEN,
            object_type=object_type,
            object_id=object_id,
            omschrijving="Geen recht (pagina)",
            toegestaan=False,
        )
        raise PermissionDenied("U heeft geen toegang tot de plaatsingen en scholing van een team.")


def _plaatsing_of_404(request, pk: int) -> Plaatsing:
    plaatsing = selectors.plaatsingen_voor(request.user).select_related("medewerker", "gebied").filter(pk=pk).first()
    if plaatsing is None:
        log_toegang(
            request,
            actie=Toegangslog.Actie.INZIEN if request.method == "GET" else Toegangslog.Actie.WIJZIGEN,
            object_type="plaatsing",
            object_id=pk,
            omschrijving="Buiten de eigen gebieden (pagina)",
            toegestaan=False,
        )
        raise Http404("Plaatsing niet gevonden.")
    return plaatsing


def fouten_naar_formulier(form, exc: ValidationError) -> None:
    """Put a service's messages beside the field they concern (else above the form)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for veld, fouten in exc.message_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)


def _toon(request, form, *, titel: str, knop: str, toelichting: str = "", plaatsing=None) -> HttpResponse:
    form.markeer_fouten()
    return render(
        request,
        "staff/formulier.html",
        {
            "form": form,
            "titel": titel,
            "knop": knop,
            "toelichting": toelichting,
            "plaatsing": plaatsing,
            "terug": reverse("staff-plaatsingen"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def plaatsingen(request: HttpRequest) -> HttpResponse:
    """The running and future placements of the user's areas, with the actions per placement."""
    _vereis_recht(request, "staff.view_plaatsing", object_type="plaatsing")
    vandaag = timezone.localdate()
    code = request.GET.get("gebied") or ""
    gebied = None
    if code:
        gebied = gebieden_voor(request.user).filter(code=code).first()
        if gebied is None:
            raise Http404("Onbekend gebied.")
    rijen = list(selectors.plaatsingen_lijst(request.user, op=vandaag, gebied=gebied))
    log_toegang(request, actie=Toegangslog.Actie.ZOEKEN, object_type="plaatsing", omschrijving=code or "alle gebieden")
    return render(
        request,
        "staff/plaatsingen.html",
        {
            "rijen": rijen,
            "vandaag": vandaag,
            "gebieden_keuze": selectors.team_gebieden(request.user),
            "gekozen": code,
            "mag_plaatsen": request.user.has_perm("staff.add_plaatsing"),
            "mag_wijzigen": request.user.has_perm("staff.change_plaatsing"),
            "mag_scholing": request.user.has_perm("staff.add_scholing"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plaatsing_nieuw(request: HttpRequest) -> HttpResponse:
    _vereis_recht(request, "staff.add_plaatsing", object_type="plaatsing")
    form = formulieren.PlaatsingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plaatsing = services.start_plaatsing(**form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc)
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.AANMAKEN,
                object_type="plaatsing",
                object_id=plaatsing.pk,
                omschrijving=f"Plaatsing {plaatsing.medewerker.personeelsnummer} in {plaatsing.gebied.code} (pagina)",
            )
            messages.success(request, f"{plaatsing.medewerker.naam} is geplaatst in {plaatsing.gebied}.")
            return redirect("staff-plaatsingen")
    return _toon(
        request,
        form,
        titel="Medewerker plaatsen",
        knop="Plaatsen",
        toelichting="De plaatsingen van één medewerker tellen samen op tot hoogstens 1,00 fte.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def plaatsing_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    _vereis_recht(request, "staff.change_plaatsing", object_type="plaatsing", object_id=pk)
    plaatsing = _plaatsing_of_404(request, pk)
    form = formulieren.BeeindigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plaatsing = services.beeindig_plaatsing(plaatsing=plaatsing, tot=form.cleaned_data["tot"])
        except ValidationError as exc:
            fouten_naar_formulier(form, exc)
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.WIJZIGEN,
                object_type="plaatsing",
                object_id=pk,
                omschrijving=f"Plaatsing beëindigd per {plaatsing.tot:%d-%m-%Y} (pagina)",
            )
            messages.success(
                request, f"De plaatsing van {plaatsing.medewerker.naam} eindigt op {plaatsing.tot:%d-%m-%Y}."
            )
            return redirect("staff-plaatsingen")
    return _toon(request, form, titel="Plaatsing beëindigen", knop="Beëindigen", plaatsing=plaatsing)


@login_required
@require_http_methods(["GET", "POST"])
def plaatsing_uren(request: HttpRequest, pk: int) -> HttpResponse:
    _vereis_recht(request, "staff.change_plaatsing", object_type="plaatsing", object_id=pk)
    plaatsing = _plaatsing_of_404(request, pk)
    form = formulieren.UrenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.wijzig_uren(plaatsing=plaatsing, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc)
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.WIJZIGEN,
                object_type="plaatsing",
                object_id=pk,
                omschrijving=f"Uren gewijzigd per {nieuw.van:%d-%m-%Y}: nieuwe plaatsing {nieuw.pk} (pagina)",
            )
            messages.success(
                request,
                f"Vanaf {nieuw.van:%d-%m-%Y} werkt {nieuw.medewerker.naam} {str(nieuw.fte).replace('.', ',')} fte in {plaatsing.gebied}.",
            )
            return redirect("staff-plaatsingen")
    return _toon(
        request,
        form,
        titel="Uren wijzigen",
        knop="Uren wijzigen",
        plaatsing=plaatsing,
        toelichting="De huidige plaatsing eindigt op de ingangsdatum en een nieuwe begint, zodat de historie blijft.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def scholing_nieuw(request: HttpRequest) -> HttpResponse:
    _vereis_recht(request, "staff.add_scholing", object_type="scholing")
    initial = {}
    if request.method == "GET" and (medewerker := request.GET.get("medewerker")):
        if not selectors.medewerkers_voor(request.user).filter(pk=medewerker).exists():
            raise Http404("Medewerker niet gevonden.")
        initial = {"medewerker": medewerker, "soort": request.GET.get("soort") or ""}
    form = formulieren.ScholingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            scholing = services.registreer_scholing(**form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc)
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.AANMAKEN,
                object_type="scholing",
                object_id=scholing.pk,
                omschrijving=f"{scholing.get_soort_display()} {scholing.medewerker.personeelsnummer} (pagina)",
            )
            messages.success(
                request,
                f"{scholing.get_soort_display().capitalize()} van {scholing.medewerker.naam} op {scholing.datum:%d-%m-%Y} is vastgelegd.",
            )
            return redirect("staff-team")
    return _toon(request, form, titel="Scholing vastleggen", knop="Vastleggen")
