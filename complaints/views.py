"""Pages: the public complaint form, the worklist with detail and actions, and the report (with XLSX)."""

import functools
import logging
import time
import uuid
from datetime import date, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from jens.audit import log_toegang
from jens.models import Gemeente
from jens.netwerk import client_ip
from jens.periode import Periode, rapportperiode
from jens.roles import heeft_rol
from jens.scope import gemeenten_voor, onbeperkt
from jens.werkdagen import working_days_from
from jens.xlsx import als_bytes

from . import selectors, services
from .api import CONTACT_ROLLEN, RAPPORT_ROLLEN, jaarverslag_voor
from .forms import ACTIE_VELDEN, ActieForm, KlachtIndienenForm, KlachtRegistrerenForm, WerklijstFilterForm
from .models import Kanaal

logger = logging.getLogger(__name__)

MAX_VERZOEK_BYTES = 32_768  # the whole form; far above 5000 characters of text
SESSIE_SLEUTEL = "klacht_bevestiging"
LIMIET_VENSTER_SECONDEN = 3600
LIMIET_REDIS_TIMEOUT_SECONDEN = 0.25  # a Redis that does not answer costs the form at most this, twice


STAP_LABELS = {"ontvangen": "Ontvangen", "gewijzigd": "Gegevens gewijzigd"}


# --- public form -----------------------------------------------------------------------------------
def _client_ip(request) -> str:
    return client_ip(request) or "onbekend"


def _limiet_sleutel(request) -> str:
    return f"klacht-indienen:{_client_ip(request)}"


def _tijdstip() -> float:
    return time.time()


class _Limiet:
    """At most N stored complaints per IP address in any hour (a sliding window), counted atomically:
    a submission first reserves its place and only then is stored, so ten simultaneous posts from one
    address let exactly N through. The place is given back when the complaint is not stored.

    With Redis: one sorted set per address (score = the moment), pruned, added to and counted in one
    MULTI/EXEC round trip, with short socket timeouts and no retries, so a Redis that is down costs
    well under a second. Without Redis (the development cache on one machine): N slots per address,
    each claimed with ``cache.add`` (atomic on the cache's own terms) and expiring an hour after its claim.
    Whatever goes wrong with the cache, the complaint is stored: the limit fails open."""

    def __init__(self, request):
        self.sleutel = _limiet_sleutel(request)
        self.maximum = settings.JENS_TERMIJNEN["KLACHT_RATE_LIMIT_PER_UUR"]
        self.plek: str | None = None

    def reserveer(self) -> bool:
        """True when this submission may go ahead (also when the cache cannot be reached)."""
        try:
            client = _redis()
            return self._redis(client) if client is not None else self._cache()
        except Exception as exc:  # cache (Redis) down: never refuse a complaint because of it
            logger.warning("Limiet klachtformulier niet te controleren (cache): %s", exc)
            self.plek = None
            return True

    def _redis(self, client) -> bool:
        nu = _tijdstip()
        plek = uuid.uuid4().hex
        pijp = client.pipeline(transaction=True)
        pijp.zremrangebyscore(self.sleutel, "-inf", nu - LIMIET_VENSTER_SECONDEN)
        pijp.zadd(self.sleutel, {plek: nu})
        pijp.zcard(self.sleutel)
        pijp.expire(self.sleutel, LIMIET_VENSTER_SECONDEN)
        aantal = pijp.execute()[2]
        if aantal > self.maximum:
            client.zrem(self.sleutel, plek)
            return False
        self.plek = plek
        return True

    def _cache(self) -> bool:
        for i in range(self.maximum):
            sleutel = f"{self.sleutel}:{i}"
            if cache.add(sleutel, _tijdstip(), timeout=LIMIET_VENSTER_SECONDEN):
                self.plek = sleutel
                return True
        return False

    def geef_terug(self) -> None:
        """The complaint was not stored: free the place again."""
        if self.plek is None:
            return
        try:
            client = _redis()
            if client is not None:
                client.zrem(self.sleutel, self.plek)
            else:
                cache.delete(self.plek)
        except Exception as exc:
            logger.warning("Limiet klachtformulier niet bij te werken (cache): %s", exc)
        self.plek = None


@functools.cache
def _redis_pool(url: str):
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(
        url,
        socket_connect_timeout=LIMIET_REDIS_TIMEOUT_SECONDEN,
        socket_timeout=LIMIET_REDIS_TIMEOUT_SECONDEN,
        retry=Retry(NoBackoff(), 0),
    )


def _redis():
    """A Redis client for the limit when the cache is Redis, else None."""
    if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        return None
    return _redis_pool(settings.CACHES["default"]["LOCATION"])


def _bewaar(data: dict):
    return services.maak_klacht(
        kanaal=Kanaal.WEBSITE,
        soort=data["soort"],
        aard=data["aard"],
        gemeente=data["gemeente"],
        betreft=data["betreft"],
        omschrijving=data["omschrijving"],
        gewenste_uitkomst=data["gewenste_uitkomst"],
        indiener_naam=data["indiener_naam"],
        indiener_rol=data["indiener_rol"],
        indiener_email=data["indiener_email"],
        indiener_telefoon=data["indiener_telefoon"],
    )


def klacht_indienen(request):
    context = {
        "max_tekens": 5000,
        "bewaartermijn_jaren": settings.JENS_TERMIJNEN["KLACHT_ANONIMISEREN_NA_JAREN"],
    }
    if request.method != "POST":
        return render(request, "complaints/indienen.html", {**context, "form": KlachtIndienenForm()})
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_VERZOEK_BYTES:
        form = KlachtIndienenForm()
        context["fout"] = "Uw bericht is te groot. Maak de tekst korter en probeer het opnieuw."
        return render(request, "complaints/indienen.html", {**context, "form": form}, status=413)
    form = KlachtIndienenForm(request.POST)
    if request.POST.get("website"):
        context["fout"] = "Uw melding kon niet worden verwerkt."
        return render(request, "complaints/indienen.html", {**context, "form": KlachtIndienenForm()}, status=400)
    if not form.is_valid():
        return render(request, "complaints/indienen.html", {**context, "form": form}, status=400)
    limiet = _Limiet(request)
    if not limiet.reserveer():
        context["fout"] = (
            "Vanaf dit adres zijn het afgelopen uur al veel meldingen verstuurd. Probeer het later opnieuw of bel ons."
        )
        return render(request, "complaints/indienen.html", {**context, "form": form}, status=429)
    data = form.cleaned_data
    try:
        klacht = _bewaar(data)
    except BaseException:
        limiet.geef_terug()
        raise
    request.session[SESSIE_SLEUTEL] = {
        "referentie": klacht.referentie,
        "oppakken_uiterlijk": klacht.oppakken_uiterlijk.isoformat(),
        "email": bool(klacht.indiener_email),
        "soort": klacht.get_soort_display(),
    }
    return redirect("klachten-bevestiging")


def klacht_bevestiging(request):
    gegevens = request.session.get(SESSIE_SLEUTEL)
    if not gegevens:
        return redirect("klachten-indienen")
    gegevens = {**gegevens, "oppakken_uiterlijk": date.fromisoformat(gegevens["oppakken_uiterlijk"])}
    return render(request, "complaints/bevestiging.html", {"bevestiging": gegevens})


# --- intake by the klachtenfunctionaris (phone, e-mail, letter, in person) ----------------------------
@login_required
@permission_required("complaints.add_klacht", raise_exception=True)
def klacht_registreren(request):
    """A complaint received outside the website, with the moment and channel of receipt. Calls
    ``services.maak_klacht``; its messages appear beside the field and nothing is stored."""
    if request.method == "POST":
        form = KlachtRegistrerenForm(request.POST)
    else:
        nu = timezone.localtime()
        form = KlachtRegistrerenForm(initial={"ontvangen_op": nu.date(), "ontvangen_tijd": nu.strftime("%H:%M")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        moment = timezone.make_aware(datetime.combine(data.pop("ontvangen_op"), data.pop("ontvangen_tijd")))
        try:
            klacht = services.maak_klacht(ontvangen_op=moment, door=request.user, **data)
        except DjangoValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            log_toegang(
                request,
                actie="aanmaken",
                object_type="klacht",
                object_id=klacht.pk,
                omschrijving=f"{klacht.referentie}: geregistreerd ({klacht.get_kanaal_display()})",
            )
            messages.success(
                request,
                f"{klacht.get_soort_display().capitalize()} {klacht.referentie} is geregistreerd; "
                f"oppakken uiterlijk {klacht.oppakken_uiterlijk:%d-%m-%Y}.",
            )
            return redirect("klachten-detail", pk=klacht.pk)
    form.markeer_fouten()
    return render(request, "complaints/registreren.html", {"form": form}, status=400 if form.errors else 200)


# --- worklist and detail ---------------------------------------------------------------------------
@login_required
@permission_required("complaints.view_klacht", raise_exception=True)
def klachten_lijst(request):
    vandaag = timezone.localdate()
    filters = WerklijstFilterForm(request.GET or None)
    f = filters.cleaned_data if filters.is_valid() else {}
    qs = selectors.werklijst(request.user, vandaag=vandaag, status=f.get("status") or None)
    if f:
        if f["aard"]:
            qs = qs.filter(aard=f["aard"])
        if f["soort"]:
            qs = qs.filter(soort=f["soort"])
        if f["gemeente"]:
            qs = qs.filter(gemeente=f["gemeente"])
        if f["te_laat"]:
            qs = qs.filter(eerstvolgende_termijn__lt=vandaag)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    werkdagen = working_days_from(vandaag, [k.eerstvolgende_termijn for k in pagina])
    rijen = [(k, werkdagen.get(k.eerstvolgende_termijn)) for k in pagina]
    log_toegang(request, actie="zoeken", object_type="klacht", omschrijving=request.GET.urlencode()[:300])
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "complaints/lijst.html",
        {"filters": filters, "pagina": pagina, "rijen": rijen, "vandaag": vandaag, "query": query.urlencode()},
    )


def _klacht_of_404(request, pk: int):
    klacht = selectors.klachten_voor(request.user).filter(pk=pk).first()
    if klacht is None:
        raise Http404("Klacht niet gevonden.")
    return klacht


def _detail(request, klacht, *, fout_actie=None, fout_form=None, melding="", status=200):
    mag_wijzigen = request.user.has_perm("complaints.change_klacht")
    acties = []
    if mag_wijzigen:
        for actie, label in services.toegestane_acties(klacht):
            if actie == fout_actie:
                form = fout_form
            else:
                form = ActieForm(initial={"versie": klacht.versie}, auto_id=f"id_{actie}_%s")
            velden = [form[v] for v in ACTIE_VELDEN.get(actie, [])]
            acties.append({"actie": actie, "label": label, "form": form, "velden": velden})
    vandaag = timezone.localdate()
    termijn = klacht.eerstvolgende_termijn
    stappen = list(klacht.stappen.all())
    for stap in stappen:  # the timeline names each step in words, not by its code
        stap.actie_label = STAP_LABELS.get(stap.actie) or services.TRANSITIES.get(stap.actie, (stap.actie,))[0]
    return render(
        request,
        "complaints/detail.html",
        {
            "klacht": klacht,
            "stappen": stappen,
            "acties": acties,
            "melding": melding,
            "toon_contact": heeft_rol(request.user, *CONTACT_ROLLEN),
            "te_laat": termijn is not None and termijn < vandaag,
            "werkdagen_over": working_days_from(vandaag, [termijn]).get(termijn),
        },
        status=status,
    )


@login_required
@permission_required("complaints.view_klacht", raise_exception=True)
def klacht_detail(request, pk: int):
    klacht = _klacht_of_404(request, pk)
    log_toegang(request, actie="inzien", object_type="klacht", object_id=klacht.pk, omschrijving=klacht.referentie)
    return _detail(request, klacht)


@require_POST
@login_required
@permission_required("complaints.change_klacht", raise_exception=True)
def klacht_actie(request, pk: int, actie: str):
    klacht = _klacht_of_404(request, pk)
    if actie not in services.TRANSITIES:
        raise Http404("Onbekende actie.")
    form = ActieForm(request.POST, auto_id=f"id_{actie}_%s")
    if not form.is_valid():
        return _detail(request, klacht, fout_actie=actie, fout_form=form, status=400)
    gegevens = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    versie, notitie = gegevens.pop("versie"), gegevens.pop("notitie", "")
    try:
        services.voer_actie(klacht=klacht, actie=actie, door=request.user, versie=versie, notitie=notitie, **gegevens)
    except services.VersieConflict as exc:
        klacht = _klacht_of_404(request, pk)
        return _detail(request, klacht, melding=str(exc), status=409)
    except DjangoValidationError as exc:
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
        return _detail(request, klacht, fout_actie=actie, fout_form=form, status=400)
    log_toegang(
        request,
        actie="wijzigen",
        object_type="klacht",
        object_id=klacht.pk,
        omschrijving=f"{klacht.referentie}: {actie}",
    )
    messages.success(request, f"{services.TRANSITIES[actie][0]}: gelukt.")
    return redirect("klachten-detail", pk=klacht.pk)


# --- report ------------------------------------------------------------------------------------------
def _standaard_periode() -> str:
    vandaag = timezone.localdate()
    return f"{vandaag.year}H{1 if vandaag.month <= 6 else 2}"


def _rapport_gemeente(request) -> tuple[Gemeente | None, str]:
    code = request.GET.get("gemeente") or ""
    if code:
        gemeente = gemeenten_voor(request.user).filter(code=code).first()
        if gemeente is None:
            return None, f"Onbekende gemeente ‘{code}’ of geen toegang tot deze gemeente."
        return gemeente, ""
    if not onbeperkt(request.user):
        gemeente = gemeenten_voor(request.user).order_by("naam").first()
        if gemeente is None:
            raise PermissionDenied("U bent niet aan een gemeente gekoppeld.")
        return gemeente, ""
    return None, ""


@login_required
def klachten_rapportage(request):
    if not heeft_rol(request.user, *RAPPORT_ROLLEN):
        raise PermissionDenied("Geen toegang tot de klachtenrapportage.")
    tekst = request.GET.get("periode") or _standaard_periode()
    fouten = {}
    try:
        periode = rapportperiode(tekst)
    except ValueError as exc:
        fouten["periode"] = str(exc)
        periode = Periode.parse(_standaard_periode())
    gemeente, fout = _rapport_gemeente(request)
    if fout:
        fouten["gemeente"] = fout
    rapport = selectors.klachten_rapport(periode, gemeente=gemeente)
    jaarverslag = (
        jaarverslag_voor(request.user, selectors.klachten_jaarverslag(int(periode.label), gemeente=gemeente))
        if periode.label.isdigit()
        else None
    )
    maskeren = not onbeperkt(request.user)  # a municipality: the small-count rule (jens.privacy)
    if maskeren:
        rapport = selectors.maskeer_rapport(rapport)
        jaarverslag = selectors.maskeer_jaarverslag(jaarverslag) if jaarverslag else None
    if request.GET.get("formaat") == "xlsx" and not fouten:
        log_toegang(request, actie="exporteren", object_type="klachtenrapportage", omschrijving=periode.label)
        return _xlsx(rapport, jaarverslag)
    return render(
        request,
        "complaints/rapportage.html",
        {
            "rapport": rapport,
            "jaarverslag": jaarverslag,
            "periode_tekst": tekst,
            "fouten": fouten,
            "gemeenten": gemeenten_voor(request.user),
            "gekozen_gemeente": gemeente,
            "maskeren": maskeren,
        },
        status=400 if fouten else 200,
    )


def _xlsx(rapport: dict, jaarverslag: dict | None) -> HttpResponse:
    wb = Workbook()
    vet = Font(bold=True)
    blad = wb.active
    blad.title = "Per aard"
    p, v = rapport["periode"], rapport["vergelijkingsperiode"]
    blad.append(["Aard", p, v])
    for rij in rapport["per_aard"]:
        blad.append([rij["naam"], rij["aantal"], rij["aantal_vergelijking"]])
    blad.append(["Totaal", rapport["totaal"], rapport["totaal_vergelijking"]])
    blad.column_dimensions["A"].width = 70
    soort = wb.create_sheet("Per soort")
    soort.append(["Soort", p, v])
    for rij in rapport["per_soort"]:
        soort.append([rij["naam"], rij["aantal"], rij["aantal_vergelijking"]])
    overig = wb.create_sheet("Kengetallen")
    overig.append(["Kengetal", p])
    overig.append(["Naar de klachtencommissie", rapport["naar_commissie"]])
    tijdig = rapport["aandeel_tijdig_opgepakt"]
    overig.append(["Binnen de termijn opgepakt (%)", float(tijdig) if tijdig is not None else None])
    mediaan = rapport["mediaan_werkdagen_tot_oppakken"]
    overig.append(["Mediaan werkdagen tot oppakken", float(mediaan) if mediaan is not None else None])
    for rij in rapport["uitkomsten"]:
        overig.append([f"Uitkomst: {rij['naam']}", rij["aantal"]])
    overig.column_dimensions["A"].width = 40
    if jaarverslag and "uitspraken" in jaarverslag:
        uitspraken = wb.create_sheet("Uitspraken")
        uitspraken.append(
            [
                "Referentie",
                "Datum uitspraak",
                "Uitkomst",
                "Strekking",
                "Aanbevelingen",
                "Besluit maatregelen",
                "Maatregelen",
            ]
        )
        for u in jaarverslag["uitspraken"]:
            uitspraken.append(
                [
                    u["referentie"],
                    u["uitspraak_op"],
                    u["uitkomst"],
                    u["uitspraak"],
                    u["aanbevelingen"],
                    u["maatregelen_besloten_op"],
                    u["maatregelen"],
                ]
            )
    for ws in wb.worksheets:
        for cel in ws[1]:
            cel.font = vet
    antwoord = HttpResponse(
        als_bytes(wb), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    antwoord["Content-Disposition"] = f'attachment; filename="klachten-{p}.xlsx"'
    return antwoord
