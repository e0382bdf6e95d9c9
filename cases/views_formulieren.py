"""Web forms of casework (server-rendered, work without JavaScript). Each form calls an existing
service in cases.services; a service's ValidationError is shown beside the field it names and
nothing is written (the services are atomic).

Access as in the API: a user without casework access or an object outside the user's areas gets
404 and the attempt is logged; management (reads only) gets 403 on a write, also logged."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cases import formulieren, selectors, services
from cases.models import Hulpvraag, Jeugdige, MeldcodeTraject, Zorginzet
from jens.audit import log_toegang
from jens.models import Toegangslog


def _weiger(request, *, object_type: str, pk="", client: str = "", omschrijving: str) -> None:
    log_toegang(
        request,
        actie=Toegangslog.Actie.INZIEN if request.method == "GET" else Toegangslog.Actie.WIJZIGEN,
        object_type=object_type,
        object_id=pk,
        client=client,
        omschrijving=omschrijving,
        toegestaan=False,
    )


def fouten_naar_formulier(form, exc: ValidationError, foutvelden: dict[str, str] | None = None) -> None:
    """Put a service's messages beside the form field they concern (else above the form)."""
    foutvelden = foutvelden or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for veld, fouten in exc.message_dict.items():
        veld = foutvelden.get(veld, veld)
        form.add_error(veld if veld in form.fields else None, fouten)


def _toon(request, form, *, titel: str, knop: str, jeugdige: Jeugdige | None, toelichting: str = "") -> HttpResponse:
    form.markeer_fouten()
    terug = reverse("cases-jeugdige", args=[jeugdige.pk]) if jeugdige else reverse("cases-jeugdigen")
    return render(
        request,
        "cases/formulier.html",
        {"form": form, "titel": titel, "knop": knop, "jeugdige": jeugdige, "terug": terug, "toelichting": toelichting},
    )


# --- Registering a young person --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def jeugdige_registreren(request: HttpRequest) -> HttpResponse:
    if not selectors.mag_casussen_zien(request.user):
        _weiger(request, object_type="jeugdige", omschrijving="Geen toegang (registreren)")
        raise Http404("Niet gevonden")
    if not request.user.has_perm("cases.add_jeugdige"):
        _weiger(request, object_type="jeugdige", omschrijving="Geen schrijfrecht (registreren)")
        raise PermissionDenied
    form = formulieren.JeugdigeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["gemeente"] = data["gebied"].gemeente
        try:
            jeugdige = services.maak_jeugdige(**data)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc, {"gemeente": "gebied"})
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.AANMAKEN,
                object_type="jeugdige",
                object_id=jeugdige.pk,
                client=jeugdige.clientnummer,
                omschrijving="Jeugdige geregistreerd (pagina)",
            )
            messages.success(request, f"Cliënt {jeugdige.clientnummer} is geregistreerd.")
            return redirect("cases-jeugdige", jeugdige.pk)
    return _toon(
        request,
        form,
        titel="Jeugdige registreren",
        knop="Registreren",
        jeugdige=None,
        toelichting="Geef een BSN, of de reden waarom er geen BSN is met naam, geboortedatum, postcode en huisnummer.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def jeugdige_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a young person's details (BSN or the reason without one, name, date of birth, address, area):
    services.wijzig_jeugdige; only within the user's areas (404 otherwise), management 403, both logged."""
    try:
        jeugdige = selectors.jeugdigen_voor(request.user).get(pk=pk)
    except Jeugdige.DoesNotExist:
        client = Jeugdige.objects.filter(pk=pk).values_list("clientnummer", flat=True).first() or ""
        _weiger(request, object_type="jeugdige", pk=pk, client=client, omschrijving="Geen toegang (wijzigen)")
        raise Http404("Niet gevonden") from None
    if not request.user.has_perm("cases.change_jeugdige"):
        _weiger(
            request,
            object_type="jeugdige",
            pk=pk,
            client=jeugdige.clientnummer,
            omschrijving="Geen schrijfrecht (wijzigen)",
        )
        raise PermissionDenied
    velden = list(formulieren.JeugdigeForm.base_fields)
    huidig = {veld: getattr(jeugdige, veld) for veld in velden if veld != "gebied"} | {"gebied": jeugdige.gebied_id}
    huidig["bsn"] = huidig["bsn"] or ""
    form = formulieren.JeugdigeForm(request.POST or None, user=request.user, initial=huidig)
    if request.method == "GET":
        log_toegang(
            request,
            actie=Toegangslog.Actie.INZIEN,
            object_type="jeugdige",
            object_id=pk,
            client=jeugdige.clientnummer,
            omschrijving="Gegevens ingezien om te wijzigen (pagina)",
        )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["gemeente"] = data["gebied"].gemeente
        gewijzigd = [v for v in velden if (data.get(v) or None) != (getattr(jeugdige, v) or None)]
        try:
            services.wijzig_jeugdige(jeugdige=jeugdige, **data)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc, {"gemeente": "gebied"})
        else:
            namen = ", ".join(str(form.fields[v].label).lower() for v in gewijzigd) or "niets"
            log_toegang(
                request,
                actie=Toegangslog.Actie.WIJZIGEN,
                object_type="jeugdige",
                object_id=pk,
                client=jeugdige.clientnummer,
                omschrijving=f"Gegevens gewijzigd: {namen} (pagina)"[:300],
            )
            messages.success(request, f"De gegevens van cliënt {jeugdige.clientnummer} zijn opgeslagen.")
            return redirect("cases-jeugdige", jeugdige.pk)
    return _toon(
        request,
        form,
        titel="Gegevens jeugdige wijzigen",
        knop="Opslaan",
        jeugdige=jeugdige,
        toelichting="Een BSN, of de reden waarom er geen is; de gemeente volgt uit het gebied (alleen uw gebieden).",
    )


# --- Actions on a young person, a request, care or a Meldcode trajectory ---------------------------


@dataclass(frozen=True)
class Actie:
    model: type[models.Model]
    object_type: str
    pad: str  # from the model to its Jeugdige ("" for Jeugdige itself)
    recht: str
    titel: str  # may use {stap}
    knop: str
    omschrijving: str  # for the access log, may use {stap}
    formulier: Callable  # (data, **extra) -> form
    uitvoeren: Callable  # (request, obj, cleaned_data, **extra) -> object; calls a service
    log_actie: str = Toegangslog.Actie.WIJZIGEN
    foutvelden: dict[str, str] = field(default_factory=dict)


def _professional(request):
    from staff.models import Medewerker

    professional = Medewerker.objects.filter(gebruiker=request.user).first()
    if professional is None:
        raise ValidationError(
            "Uw inlog is niet gekoppeld aan een medewerker; vraag de functioneel beheerder dit te doen."
        )
    return professional


def _meldcode_stap(request, traject, data, *, stap):
    data = dict(data)
    antwoorden = {v: data.pop(v) for v in services.VRAGEN if v in data}
    return services.registreer_meldcode_stap(
        traject=traject,
        stap=stap,
        professional=_professional(request),
        antwoorden=antwoorden or None,
        **data,
    )


def _datumform(label: str) -> Callable:
    return lambda data, **_: formulieren.DatumForm(data, label=label)


ACTIES: dict[str, Actie] = {
    "hulpvraag": Actie(
        model=Jeugdige,
        object_type="jeugdige",
        pad="",
        recht="cases.add_hulpvraag",
        titel="Hulpvraag registreren",
        knop="Hulpvraag registreren",
        omschrijving="Hulpvraag geregistreerd (pagina)",
        log_actie=Toegangslog.Actie.AANMAKEN,
        formulier=lambda data, **_: formulieren.HulpvraagForm(data),
        uitvoeren=lambda request, obj, data: services.registreer_hulpvraag(jeugdige=obj, **data),
    ),
    "meldcode": Actie(
        model=Jeugdige,
        object_type="jeugdige",
        pad="",
        recht="cases.add_meldcodetraject",
        titel="Meldcodetraject starten",
        knop="Traject starten",
        omschrijving="Meldcodetraject gestart (pagina)",
        log_actie=Toegangslog.Actie.AANMAKEN,
        formulier=lambda data, **_: formulieren.MeldcodeStartForm(data),
        uitvoeren=lambda request, obj, data: services.start_meldcode(jeugdige=obj, **data),
    ),
    "dossier": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.change_hulpvraag",
        titel="Dossier aangemaakt",
        knop="Vastleggen",
        omschrijving="Dossier aangemaakt (pagina)",
        formulier=_datumform("Dossier aangemaakt op"),
        uitvoeren=lambda request, obj, data: services.maak_dossier(hulpvraag=obj, **data),
        foutvelden={"dossier_aangemaakt_op": "op"},
    ),
    "kernteam": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.change_hulpvraag",
        titel="Kernteam",
        knop="Vastleggen",
        omschrijving="Kernteam gehouden (pagina)",
        formulier=lambda data, **_: formulieren.KernteamForm(data),
        uitvoeren=lambda request, obj, data: services.houd_kernteam(hulpvraag=obj, **data),
        foutvelden={"kernteam_op": "op"},
    ),
    "gezinsplan": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.change_hulpvraag",
        titel="Gezinsplan vastgesteld",
        knop="Vastleggen",
        omschrijving="Gezinsplan vastgesteld (pagina)",
        formulier=_datumform("Gezinsplan vastgesteld op"),
        uitvoeren=lambda request, obj, data: services.stel_gezinsplan_vast(hulpvraag=obj, **data),
        foutvelden={"gezinsplan_op": "op"},
    ),
    "afsluiten": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.change_hulpvraag",
        titel="Hulpvraag afsluiten",
        knop="Afsluiten",
        omschrijving="Hulpvraag afgesloten (pagina)",
        formulier=lambda data, **_: formulieren.AfsluitenForm(data),
        uitvoeren=lambda request, obj, data: services.sluit_hulpvraag(hulpvraag=obj, **data),
        foutvelden={"afgesloten_op": "op"},
    ),
    "evaluatie": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.add_evaluatie",
        titel="Doelenevaluatie vastleggen",
        knop="Vastleggen",
        omschrijving="Doelenevaluatie vastgelegd (pagina)",
        formulier=lambda data, **_: formulieren.EvaluatieForm(data),
        uitvoeren=lambda request, obj, data: services.registreer_evaluatie(hulpvraag=obj, **data),
    ),
    "zorginzet": Actie(
        model=Hulpvraag,
        object_type="hulpvraag",
        pad="jeugdige",
        recht="cases.add_zorginzet",
        titel="Zorginzet registreren",
        knop="Registreren",
        omschrijving="Zorginzet geregistreerd (pagina)",
        log_actie=Toegangslog.Actie.AANMAKEN,
        formulier=lambda data, **_: formulieren.ZorginzetForm(data),
        uitvoeren=lambda request, obj, data: services.registreer_zorginzet(hulpvraag=obj, **data),
    ),
    "zorg-starten": Actie(
        model=Zorginzet,
        object_type="zorginzet",
        pad="hulpvraag__jeugdige",
        recht="cases.change_zorginzet",
        titel="Zorg gestart",
        knop="Vastleggen",
        omschrijving="Zorg gestart (pagina)",
        formulier=_datumform("Gestart op"),
        uitvoeren=lambda request, obj, data: services.start_zorginzet(zorginzet=obj, **data),
        foutvelden={"gestart_op": "op"},
    ),
    "zorg-beeindigen": Actie(
        model=Zorginzet,
        object_type="zorginzet",
        pad="hulpvraag__jeugdige",
        recht="cases.change_zorginzet",
        titel="Zorg beëindigd",
        knop="Vastleggen",
        omschrijving="Zorg beëindigd (pagina)",
        formulier=_datumform("Beëindigd op"),
        uitvoeren=lambda request, obj, data: services.beeindig_zorginzet(zorginzet=obj, **data),
        foutvelden={"beeindigd_op": "op"},
    ),
    "meldcode-stap": Actie(
        model=MeldcodeTraject,
        object_type="meldcodetraject",
        pad="jeugdige",
        recht="cases.add_meldcodestap",
        titel="Meldcode stap {stap}",
        knop="Stap {stap} vastleggen",
        omschrijving="Meldcode stap {stap} vastgelegd (pagina)",
        formulier=lambda data, *, stap: formulieren.MeldcodeStapForm(data, stap=stap),
        uitvoeren=_meldcode_stap,
    ),
    "terugkoppeling": Actie(
        model=MeldcodeTraject,
        object_type="meldcodetraject",
        pad="jeugdige",
        recht="cases.change_meldcodetraject",
        titel="Terugkoppeling Veilig Thuis",
        knop="Vastleggen",
        omschrijving="Terugkoppeling Veilig Thuis vastgelegd (pagina)",
        formulier=lambda data, **_: formulieren.TerugkoppelingForm(data),
        uitvoeren=lambda request, obj, data: services.registreer_terugkoppeling(traject=obj, **data),
        foutvelden={"terugkoppeling_op": "op"},
    ),
}


def _jeugdige_van(obj, pad: str) -> Jeugdige:
    for deel in [d for d in pad.split("__") if d]:
        obj = getattr(obj, deel)
    return obj


@login_required
@require_http_methods(["GET", "POST"])
def actie(request: HttpRequest, pk: int, naam: str, **extra) -> HttpResponse:
    actie = ACTIES[naam]
    client_pad = f"{actie.pad}__clientnummer" if actie.pad else "clientnummer"
    qs = actie.model.objects.select_related(actie.pad) if actie.pad else actie.model.objects.all()
    try:
        obj = selectors.in_scope(qs, request.user, pad=actie.pad).get(pk=pk)
    except actie.model.DoesNotExist:
        client = actie.model.objects.filter(pk=pk).values_list(client_pad, flat=True).first() or ""
        _weiger(request, object_type=actie.object_type, pk=pk, client=client, omschrijving=f"Geen toegang ({naam})")
        raise Http404("Niet gevonden") from None
    jeugdige = _jeugdige_van(obj, actie.pad)
    if not request.user.has_perm(actie.recht):
        _weiger(
            request,
            object_type=actie.object_type,
            pk=pk,
            client=jeugdige.clientnummer,
            omschrijving=f"Geen schrijfrecht ({naam})",
        )
        raise PermissionDenied
    form = actie.formulier(request.POST or None, **extra)
    if request.method == "POST" and form.is_valid():
        try:
            actie.uitvoeren(request, obj, form.cleaned_data, **extra)
        except ValidationError as exc:
            fouten_naar_formulier(form, exc, actie.foutvelden)
        else:
            omschrijving = actie.omschrijving.format(**extra)
            log_toegang(
                request,
                actie=actie.log_actie,
                object_type=actie.object_type,
                object_id=pk,
                client=jeugdige.clientnummer,
                omschrijving=omschrijving,
            )
            messages.success(request, f"{omschrijving.removesuffix(' (pagina)')}.")
            return redirect("cases-jeugdige", jeugdige.pk)
    return _toon(request, form, titel=actie.titel.format(**extra), knop=actie.knop.format(**extra), jeugdige=jeugdige)
