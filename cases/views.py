"""Pages of casework (server-rendered, work without JavaScript). Scope and logging as in the API."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cases import selectors, services
from cases.models import Hulpvraag, Jeugdige, VeiligThuisMelding
from jens.audit import log_toegang, log_toegang_lijst, regels_van_client
from jens.models import Gemeente, Toegangslog
from jens.periode import Periode
from jens.roles import heeft_rol


def _geen_toegang(request, object_type: str, pk, client: str = "") -> Http404:
    log_toegang(
        request,
        actie=Toegangslog.Actie.INZIEN,
        object_type=object_type,
        object_id=pk,
        client=client,
        omschrijving="Geen toegang (pagina)",
        toegestaan=False,
    )
    return Http404("Niet gevonden")


@login_required
def jeugdigen(request: HttpRequest) -> HttpResponse:
    if not selectors.mag_casussen_zien(request.user):
        raise Http404("Niet gevonden")
    zoek = request.GET.get("zoek", "").replace("\x00", "").strip()  # PostgreSQL refuses NUL in text
    op_bsn = heeft_rol(request.user, "gedragswetenschapper")  # who may not see the BSN, may not search on it
    persoonsgegevens = selectors.mag_persoonsgegevens_zien(request.user)  # nor on a name or birth date
    qs = selectors.zoek_jeugdigen(
        selectors.jeugdigen_voor(request.user), zoek, op_bsn=op_bsn, op_persoonsgegevens=persoonsgegevens
    )
    if zoek:
        term = "<BSN>" if zoek.isdigit() and len(zoek) == 9 else zoek
        log_toegang(request, actie=Toegangslog.Actie.ZOEKEN, object_type="jeugdige", omschrijving=f"Zoeken: {term}")
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "cases/jeugdigen.html",
        {
            "pagina": pagina,
            "zoek": zoek,
            "persoonsgegevens": persoonsgegevens,
            "mag_registreren": request.user.has_perm("cases.add_jeugdige"),
        },
    )


@login_required
def jeugdige(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        obj = selectors.jeugdigen_voor(request.user).get(pk=pk)
    except Jeugdige.DoesNotExist:
        client = Jeugdige.objects.filter(pk=pk).values_list("clientnummer", flat=True).first() or ""
        raise _geen_toegang(request, "jeugdige", pk, client) from None
    log_toegang(request, actie=Toegangslog.Actie.INZIEN, object_type="jeugdige", object_id=pk, client=obj.clientnummer)
    context = {
        "jeugdige": obj,
        "toon_bsn": heeft_rol(request.user, "gedragswetenschapper"),
        "persoonsgegevens": selectors.mag_persoonsgegevens_zien(request.user),
        "mag_schrijven": request.user.has_perm("cases.change_hulpvraag"),
        "mag_wijzigen": request.user.has_perm("cases.change_jeugdige"),
        "hulpvragen": obj.hulpvragen.select_related("regisseur").prefetch_related(
            "evaluaties", "zorginzet__zorgaanbieder", "zorginzet__gebied"
        ),
        "trajecten": obj.meldcode_trajecten.prefetch_related("stappen__professional"),
        "meldingen": obj.veilig_thuis_meldingen.select_related("opgevolgd_door"),
        "vandaag": services.vandaag(),
    }
    return render(request, "cases/jeugdige.html", context)


@login_required
def vt_meldingen(request: HttpRequest) -> HttpResponse:
    if not selectors.mag_casussen_zien(request.user):
        raise Http404("Niet gevonden")
    qs = selectors.in_scope(VeiligThuisMelding.objects.select_related("jeugdige", "opgevolgd_door"), request.user)
    open_ = request.GET.get("open") == "1"
    if open_:
        qs = qs.filter(opgevolgd_op__isnull=True)
    # Not followed up first on every database (PostgreSQL sorts NULL last by default, SQLite first).
    volgorde = (F("opgevolgd_op").asc(nulls_first=True), "opvolgen_uiterlijk", "pk")
    pagina = Paginator(qs.order_by(*volgorde), 50).get_page(request.GET.get("pagina"))
    # The list shows every report with its client number and deadline: a read of each (one INSERT).
    log_toegang_lijst(
        request,
        actie=Toegangslog.Actie.INZIEN,
        object_type="veiligthuismelding",
        regels=[(m.pk, m.jeugdige.clientnummer, "Inzien in lijst (pagina)") for m in pagina.object_list],
    )
    return render(
        request,
        "cases/vt_meldingen.html",
        {"pagina": pagina, "open": open_, "vandaag": services.vandaag()},
    )


class OpvolgenForm(forms.Form):
    op = forms.DateField(label="Opgevolgd op", widget=forms.DateInput(attrs={"type": "date"}))
    door = forms.ModelChoiceField(label="Door", queryset=None)
    wijze = forms.ChoiceField(label="Wijze van opvolgen", choices=VeiligThuisMelding.Wijze.choices)
    overgedragen_aan = forms.CharField(label="Overgedragen aan", required=False, max_length=200)
    notitie = forms.CharField(
        label="Notitie", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        from staff.models import Medewerker

        super().__init__(*args, **kwargs)
        self.fields["door"].queryset = Medewerker.objects.order_by("naam")


@login_required
@require_http_methods(["GET", "POST"])
def vt_opvolgen(request: HttpRequest, pk: int) -> HttpResponse:
    qs = selectors.in_scope(VeiligThuisMelding.objects.select_related("jeugdige"), request.user)
    try:
        melding = qs.get(pk=pk)
    except VeiligThuisMelding.DoesNotExist:
        client = VeiligThuisMelding.objects.filter(pk=pk).values_list("jeugdige__clientnummer", flat=True).first() or ""
        raise _geen_toegang(request, "veiligthuismelding", pk, client) from None
    if not request.user.has_perm("cases.change_veiligthuismelding"):
        raise _geen_toegang(request, "veiligthuismelding", pk, melding.jeugdige.clientnummer)
    form = OpvolgenForm(request.POST or None, initial={"op": date.today()})
    if request.method == "GET":
        log_toegang(
            request,
            actie=Toegangslog.Actie.INZIEN,
            object_type="veiligthuismelding",
            object_id=pk,
            client=melding.jeugdige.clientnummer,
            omschrijving="Opvolgformulier",
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.volg_vt_melding_op(melding=melding, **form.cleaned_data)
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            log_toegang(
                request,
                actie=Toegangslog.Actie.WIJZIGEN,
                object_type="veiligthuismelding",
                object_id=pk,
                client=melding.jeugdige.clientnummer,
                omschrijving="Veilig Thuis-melding opgevolgd",
            )
            messages.success(request, "De opvolging is vastgelegd.")
            return redirect("cases-vt-meldingen")
    return render(request, "cases/vt_opvolgen.html", {"melding": melding, "form": form})


@login_required
def rapportage(request: HttpRequest) -> HttpResponse:
    if not heeft_rol(request.user, *selectors.RAPPORT_ROLLEN):
        raise Http404("Niet gevonden")
    beheer = heeft_rol(request.user, *selectors.RAPPORT_ONBEPERKT)
    tekst = request.GET.get("periode") or f"{date.today().year - 1}H2"
    fout = ""
    try:
        periode = selectors.rapportperiode(tekst)
    except ValueError as exc:
        fout, periode = str(exc), Periode.parse(f"{date.today().year - 1}H2")
    code = request.GET.get("gemeente", "").replace("\x00", "")  # PostgreSQL refuses NUL in text
    gevraagd = Gemeente.objects.filter(code=code).first() if beheer else None
    gemeente = selectors.gemeente_voor_rapport(request.user, gevraagd)
    if gemeente is None and not beheer:
        raise Http404("Niet gevonden")
    data = {
        "clienten": selectors.clienten_rapport(periode, gemeente=gemeente),
        "per_maand": selectors.clienten_per_maand(periode, gemeente=gemeente),
        "normen": selectors.norm_cijfers(periode, gemeente=gemeente),
        "vt": selectors.veilig_thuis_cijfers(periode, gemeente=gemeente),
        "wachtlijst": selectors.wachtlijst_per_gebied(op=min(periode.tot, date.today()), gemeente=gemeente),
        "aandeel": selectors.aandeel_gebiedsteam(periode, gemeente=gemeente),
        "klantreis": selectors.klantreis_cijfers(periode, gemeente=gemeente),
        "wachtlijst_kwartaal": selectors.wachtlijst_per_kwartaal(periode, gemeente=gemeente, vandaag=date.today()),
    }
    einde = selectors.einde_redenen_rapport(periode, gemeente=gemeente)
    hulpvragen = selectors.hulpvragen_per_maand(periode, gemeente=gemeente)
    if not beheer:
        data = selectors.maskeer(data)
        einde, hulpvragen = selectors.maskeer_einde_redenen(einde), selectors.maskeer_hulpvragen_per_maand(hulpvragen)
    data["einde"] = einde
    # per month the counts in the order of the columns (a template cannot look a key up)
    data["hulpvragen"] = [
        {
            "maand": r["maand"],
            "totaal": r["totaal"],
            "soorten": [r["per_soort"][k] for k in Hulpvraag.Soort.values],
            "verwijzers": [r["per_verwijzer"][k] for k in Hulpvraag.Verwijzer.values],
        }
        for r in hulpvragen
    ]
    data["soorten"] = Hulpvraag.Soort.labels
    data["verwijzers"] = Hulpvraag.Verwijzer.labels
    return render(
        request,
        "cases/rapportage.html",
        {
            **data,
            "periode": periode,
            "tekst": tekst,
            "fout": fout,
            "beheer": beheer,
            "gemeenten": Gemeente.objects.all() if beheer else [],
            "gemeente": gemeente,
        },
    )


@login_required
def toegangslog(request: HttpRequest) -> HttpResponse:
    if not heeft_rol(request.user, "functioneel_beheerder"):
        raise Http404("Niet gevonden")
    client = request.GET.get("client", "").replace("\x00", "").strip()  # PostgreSQL refuses NUL in text
    regels = regels_van_client(client) if client else None
    pagina = Paginator(regels, 100).get_page(request.GET.get("pagina")) if client else None
    if client:
        pagina.object_list = list(pagina.object_list)  # read the page first, so the row below is not on it
        # Who read whose log is itself logged.
        log_toegang(
            request,
            actie=Toegangslog.Actie.INZIEN,
            object_type="toegangslog",
            client=client[:64],
            omschrijving=f"Toegangslog van de cliënt (pagina {pagina.number})",
        )
    return render(request, "cases/toegangslog.html", {"client": client, "pagina": pagina})
