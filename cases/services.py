"""Every write with a rule in casework. Deadlines are computed here, once, and stored."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, LPad
from django.urls import reverse
from django.utils import timezone

from cases import signaleringen as soorten
from cases.conf import termijn
from cases.models import (
    Evaluatie,
    Hulpvraag,
    Jeugdige,
    MeldcodeAfwijking,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
)
from cases.validators import controleer_bsn
from jens.models import Gebied, Gemeente
from jens.periode import controleer_datums
from jens.signaleringen import SyncResultaat, sync_signaleringen, ververs_na_commit
from jens.werkdagen import add_working_days

CLIENTNUMMER_EXPRESSIE = Concat(Value("C"), LPad(Cast("pk", CharField()), 7, Value("0")))


def vandaag() -> date:
    return timezone.localdate()


def ververs_signaleringen() -> None:
    """After a write that changes a deadline or meets one: the same scan as the hourly run."""
    signaleer_te_laat()


def _ververs(obj) -> None:
    """Rescan the signaleringen of ``obj`` (a request, Meldcode file or Veilig Thuis report) on commit."""
    ververs_na_commit(ververs_signaleringen, obj)


# --- Jeugdige -----------------------------------------------------------------------------------


def _valideer_jeugdige(
    *,
    jeugdige_id: int | None,
    bsn: str | None,
    reden_geen_bsn: str,
    gemeente,
    gebied,
    postcode: str = "",
    huisnummer: str = "",
) -> None:
    fouten: dict[str, str] = {}
    if bsn:
        try:
            controleer_bsn(bsn)
        except ValidationError as exc:
            fouten.update({k: v[0] for k, v in exc.message_dict.items()})
        else:
            if Jeugdige.objects.filter(bsn=bsn).exclude(pk=jeugdige_id).exists():
                fouten["bsn"] = "Er is al een jeugdige met dit BSN."
        if reden_geen_bsn:
            fouten["reden_geen_bsn"] = "Geef geen reden zonder BSN als er wel een BSN is."
    else:
        # Without a BSN the person is identified by name, date of birth and address (an anonymous
        # client gives no address).
        if not reden_geen_bsn:
            fouten["reden_geen_bsn"] = "Geef de reden waarom er geen BSN is."
        elif reden_geen_bsn != Jeugdige.RedenGeenBsn.ANONIEM:
            if not (postcode or "").strip():
                fouten["postcode"] = "Zonder BSN is de postcode verplicht."
            if not (huisnummer or "").strip():
                fouten["huisnummer"] = "Zonder BSN is het huisnummer verplicht."
    if gebied is not None and gemeente is not None and gebied.gemeente_id != gemeente.pk:
        fouten["gebied"] = f"Het gebied {gebied} ligt niet in de gemeente {gemeente}."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def maak_jeugdige(
    *,
    achternaam: str,
    voornamen: str,
    geboortedatum: date,
    gemeente: Gemeente,
    gebied: Gebied,
    bsn: str | None = None,
    reden_geen_bsn: str = "",
    postcode: str = "",
    huisnummer: str = "",
) -> Jeugdige:
    """Register a young person; the client number is generated from the row id."""
    controleer_datums(geboortedatum=geboortedatum)
    bsn = (bsn or "").strip() or None
    _valideer_jeugdige(
        jeugdige_id=None,
        bsn=bsn,
        reden_geen_bsn=reden_geen_bsn,
        gemeente=gemeente,
        gebied=gebied,
        postcode=postcode,
        huisnummer=huisnummer,
    )
    if geboortedatum > vandaag():
        raise ValidationError({"geboortedatum": "De geboortedatum ligt in de toekomst."})
    try:
        with transaction.atomic():
            jeugdige = Jeugdige.objects.create(
                bsn=bsn,
                reden_geen_bsn=reden_geen_bsn,
                achternaam=achternaam,
                voornamen=voornamen,
                geboortedatum=geboortedatum,
                postcode=postcode,
                huisnummer=huisnummer,
                gemeente=gemeente,
                gebied=gebied,
            )
    except IntegrityError as exc:  # two people registering the same BSN at the same moment
        raise ValidationError({"bsn": "Er is al een jeugdige met dit BSN."}) from exc
    genereer_clientnummers(Jeugdige.objects.filter(pk=jeugdige.pk))
    jeugdige.refresh_from_db(fields=["clientnummer"])
    return jeugdige


def genereer_clientnummers(qs) -> int:
    """Give rows without a client number one (``C`` + row id), in one UPDATE."""
    return qs.filter(clientnummer__isnull=True).update(clientnummer=CLIENTNUMMER_EXPRESSIE)


@transaction.atomic
def wijzig_jeugdige(*, jeugdige: Jeugdige, **velden) -> Jeugdige:
    toegestaan = {
        "bsn",
        "reden_geen_bsn",
        "achternaam",
        "voornamen",
        "geboortedatum",
        "postcode",
        "huisnummer",
        "gemeente",
        "gebied",
    }
    onbekend = set(velden) - toegestaan
    if onbekend:
        raise ValidationError(dict.fromkeys(onbekend, "Dit veld kan niet gewijzigd worden."))
    if "geboortedatum" in velden:
        controleer_datums(geboortedatum=velden["geboortedatum"])
        if velden["geboortedatum"] > vandaag():
            raise ValidationError({"geboortedatum": "De geboortedatum ligt in de toekomst."})
    jeugdige = Jeugdige.objects.select_for_update().get(pk=jeugdige.pk)
    if "bsn" in velden:
        velden["bsn"] = (velden["bsn"] or "").strip() or None
    nieuw = {veld: velden.get(veld, getattr(jeugdige, veld)) for veld in toegestaan}
    _valideer_jeugdige(
        jeugdige_id=jeugdige.pk,
        bsn=nieuw["bsn"],
        reden_geen_bsn=nieuw["reden_geen_bsn"],
        gemeente=nieuw["gemeente"],
        gebied=nieuw["gebied"],
        postcode=nieuw["postcode"],
        huisnummer=nieuw["huisnummer"],
    )
    if nieuw["geboortedatum"] and nieuw["geboortedatum"] > vandaag():
        raise ValidationError({"geboortedatum": "De geboortedatum ligt in de toekomst."})
    for veld, waarde in velden.items():
        setattr(jeugdige, veld, waarde)
    jeugdige.save()
    return jeugdige


# --- Hulpvraag ------------------------------------------------------------------------------------


@transaction.atomic
def registreer_hulpvraag(
    *, jeugdige: Jeugdige, ontvangen_op: date, verwijzer: str, soort: str, regisseur=None
) -> Hulpvraag:
    controleer_datums(ontvangen_op=ontvangen_op)
    if ontvangen_op > vandaag():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    hulpvraag = Hulpvraag.objects.create(
        jeugdige=jeugdige,
        ontvangen_op=ontvangen_op,
        verwijzer=verwijzer,
        soort=soort,
        regisseur=regisseur,
        dossier_uiterlijk=add_working_days(ontvangen_op, termijn("CASES_DOSSIER_WERKDAGEN")),
    )
    _ververs(hulpvraag)
    return hulpvraag


def _lock(hulpvraag: Hulpvraag) -> Hulpvraag:
    hulpvraag = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
    if hulpvraag.status == Hulpvraag.Status.AFGESLOTEN:
        raise ValidationError({"status": "Deze hulpvraag is afgesloten."})
    return hulpvraag


def _niet_voor(veld: str, datum: date, grens: date, omschrijving: str) -> None:
    controleer_datums(**{veld: datum})
    if datum < grens:
        raise ValidationError({veld: f"Deze datum ligt voor {omschrijving} ({grens:%d-%m-%Y})."})
    if datum > vandaag():
        raise ValidationError({veld: "Deze datum ligt in de toekomst."})


@transaction.atomic
def maak_dossier(*, hulpvraag: Hulpvraag, op: date) -> Hulpvraag:
    """The file is created: the core team is due within the configured working days of it."""
    hulpvraag = _lock(hulpvraag)
    if hulpvraag.dossier_aangemaakt_op:
        raise ValidationError({"dossier_aangemaakt_op": "Het dossier is al aangemaakt."})
    _niet_voor("dossier_aangemaakt_op", op, hulpvraag.ontvangen_op, "de ontvangst")
    hulpvraag.dossier_aangemaakt_op = op
    hulpvraag.kernteam_uiterlijk = add_working_days(op, termijn("CASES_KERNTEAM_WERKDAGEN"))
    hulpvraag.save(update_fields=["dossier_aangemaakt_op", "kernteam_uiterlijk"])
    _ververs(hulpvraag)
    return hulpvraag


@transaction.atomic
def houd_kernteam(*, hulpvraag: Hulpvraag, op: date, triage: str, regie: str = "", regisseur=None) -> Hulpvraag:
    """The core team sets the triage and who directs (complex: the gemeente, unless stated otherwise);
    care runs from here: the first goal evaluation and, for ``meervoudig``, the family plan are due."""
    hulpvraag = _lock(hulpvraag)
    controleer_stap_volgorde(hulpvraag, "kernteam")
    if hulpvraag.kernteam_op:
        raise ValidationError({"kernteam_op": "Het kernteam is al gehouden."})
    if triage not in Hulpvraag.Triage.values:
        raise ValidationError({"triage": "Kies enkelvoudig, meervoudig of complex."})
    _niet_voor("kernteam_op", op, hulpvraag.dossier_aangemaakt_op, "het aanmaken van het dossier")
    hulpvraag.kernteam_op = op
    hulpvraag.triage = triage
    hulpvraag.regie = regie or (
        Hulpvraag.Regie.GEMEENTE if triage == Hulpvraag.Triage.COMPLEX else Hulpvraag.Regie.JENS
    )
    if regisseur is not None:
        hulpvraag.regisseur = regisseur
    hulpvraag.status = Hulpvraag.Status.LOPEND
    hulpvraag.evaluatie_uiterlijk = op + relativedelta(months=termijn("CASES_EVALUATIE_MAANDEN"))
    if triage == Hulpvraag.Triage.MEERVOUDIG and not hulpvraag.gezinsplan_op:
        hulpvraag.gezinsplan_uiterlijk = op + timedelta(weeks=termijn("CASES_GEZINSPLAN_WEKEN"))
    hulpvraag.save()
    _ververs(hulpvraag)
    return hulpvraag


def controleer_stap_volgorde(hulpvraag: Hulpvraag, stap: str) -> None:
    """The steps of a request go in order: file, then core team (with triage), then family plan.
    One rule for the API, the pages and the admin; the database holds the same order (constraints)."""
    if stap in ("kernteam", "gezinsplan") and not hulpvraag.dossier_aangemaakt_op:
        veld = "kernteam_op" if stap == "kernteam" else "gezinsplan_op"
        raise ValidationError({veld: "Maak eerst het dossier aan."})
    if stap == "gezinsplan" and not (hulpvraag.kernteam_op and hulpvraag.triage):
        raise ValidationError(
            {"gezinsplan_op": "Het kernteam is nog niet gehouden: leg eerst het kernteam met de triage vast."}
        )


@transaction.atomic
def stel_gezinsplan_vast(*, hulpvraag: Hulpvraag, op: date) -> Hulpvraag:
    """The family plan, only after the file and the core team with its triage (in that order)."""
    hulpvraag = _lock(hulpvraag)
    controleer_stap_volgorde(hulpvraag, "gezinsplan")
    if hulpvraag.gezinsplan_op:
        raise ValidationError(
            {"gezinsplan_op": f"Het gezinsplan is al vastgesteld op {hulpvraag.gezinsplan_op:%d-%m-%Y}."}
        )
    _niet_voor("gezinsplan_op", op, hulpvraag.kernteam_op, "het kernteam")
    hulpvraag.gezinsplan_op = op
    hulpvraag.save(update_fields=["gezinsplan_op"])
    _ververs(hulpvraag)
    return hulpvraag


@transaction.atomic
def wijs_regisseur_toe(*, hulpvraag: Hulpvraag, regisseur) -> Hulpvraag:
    hulpvraag = _lock(hulpvraag)
    hulpvraag.regisseur = regisseur
    hulpvraag.save(update_fields=["regisseur"])
    return hulpvraag


@transaction.atomic
def registreer_evaluatie(*, hulpvraag: Hulpvraag, datum: date, uitkomst: str, toelichting: str = "") -> Evaluatie:
    """A goal evaluation; the next one is due the configured number of months later."""
    hulpvraag = _lock(hulpvraag)
    if not hulpvraag.kernteam_op:
        raise ValidationError({"datum": "Er loopt nog geen zorg: het kernteam is nog niet gehouden."})
    _niet_voor("datum", datum, hulpvraag.kernteam_op, "het kernteam")
    evaluatie = Evaluatie.objects.create(hulpvraag=hulpvraag, datum=datum, uitkomst=uitkomst, toelichting=toelichting)
    volgende = datum + relativedelta(months=termijn("CASES_EVALUATIE_MAANDEN"))
    if hulpvraag.evaluatie_uiterlijk is None or volgende > hulpvraag.evaluatie_uiterlijk:
        hulpvraag.evaluatie_uiterlijk = volgende
        hulpvraag.save(update_fields=["evaluatie_uiterlijk"])
    _ververs(hulpvraag)
    return evaluatie


@transaction.atomic
def sluit_hulpvraag(*, hulpvraag: Hulpvraag, op: date, einde_reden: str) -> Hulpvraag:
    hulpvraag = _lock(hulpvraag)
    if einde_reden not in Hulpvraag.EindeReden.values:
        raise ValidationError({"einde_reden": "Kies de reden van het einde."})
    _niet_voor("afgesloten_op", op, hulpvraag.ontvangen_op, "de ontvangst")
    hulpvraag.afgesloten_op = op
    hulpvraag.einde_reden = einde_reden
    hulpvraag.status = Hulpvraag.Status.AFGESLOTEN
    hulpvraag.save(update_fields=["afgesloten_op", "einde_reden", "status"])
    _ververs(hulpvraag)
    return hulpvraag


# --- Meldcode -------------------------------------------------------------------------------------

MELDEN = {MeldcodeTraject.Besluit.MELDEN, MeldcodeTraject.Besluit.MELDEN_EN_HULP}
VRAGEN = (
    "vermoeden",
    "acute_of_structurele_onveiligheid",
    "effectieve_hulp_mogelijk",
    "hulp_geaccepteerd",
    "resultaat_binnen_termijn",
)


def besluit_tegenstrijdig(stap4: MeldcodeStap, besluit: str) -> str | None:
    """Why ``besluit`` contradicts the afwegingskader answers of step 4, or None when it does not.

    Not reporting is refused while there is acute or structural unsafety, or while effective help
    by ourselves is impossible or the help is refused."""
    if besluit in MELDEN:
        return None
    if stap4.acute_of_structurele_onveiligheid:
        return "Er is acute of structurele onveiligheid: het besluit moet een melding bij Veilig Thuis bevatten."
    if stap4.effectieve_hulp_mogelijk is False:
        return "Effectieve hulp is niet mogelijk: het besluit moet een melding bij Veilig Thuis bevatten."
    if stap4.hulp_geaccepteerd is False:
        return "De hulp wordt niet geaccepteerd: het besluit moet een melding bij Veilig Thuis bevatten."
    return None


@transaction.atomic
def start_meldcode(*, jeugdige: Jeugdige, gestart_op: date, signalen: str) -> MeldcodeTraject:
    controleer_datums(gestart_op=gestart_op)
    if gestart_op > vandaag():
        raise ValidationError({"gestart_op": "Deze datum ligt in de toekomst."})
    if not signalen.strip():
        raise ValidationError({"signalen": "Beschrijf de signalen."})
    return MeldcodeTraject.objects.create(jeugdige=jeugdige, gestart_op=gestart_op, signalen=signalen)


@transaction.atomic
def registreer_meldcode_stap(
    *,
    traject: MeldcodeTraject,
    stap: int,
    datum: date,
    professional,
    notitie: str = "",
    veilig_thuis_geraadpleegd: bool | None = None,
    antwoorden: dict[str, bool] | None = None,
    besluit: str = "",
    gemeld_op: date | None = None,
) -> MeldcodeStap:
    """Record one step. Steps follow in order; step 4 answers all five questions; step 5's decision
    must not contradict them. A decision to report sets the date reported and the feedback term."""
    controleer_datums(datum=datum, gemeld_op=gemeld_op)
    traject = MeldcodeTraject.objects.select_for_update().get(pk=traject.pk)
    bestaand = dict(traject.stappen.values_list("stap", "datum"))
    if stap not in MeldcodeStap.Stap.values:
        raise ValidationError({"stap": "Kies een stap van 1 tot en met 5."})
    if stap in bestaand:
        raise ValidationError({"stap": f"Stap {stap} is al vastgelegd."})
    if stap > 1 and stap - 1 not in bestaand:
        raise ValidationError({"stap": f"Leg eerst stap {stap - 1} vast."})
    grens = bestaand.get(stap - 1, traject.gestart_op)
    _niet_voor("datum", datum, grens, "de vorige stap" if stap > 1 else "de start van het traject")
    velden: dict = {}
    if stap == 2:
        if veilig_thuis_geraadpleegd is None:
            raise ValidationError({"veilig_thuis_geraadpleegd": "Geef aan of Veilig Thuis is geraadpleegd."})
        velden["veilig_thuis_geraadpleegd"] = veilig_thuis_geraadpleegd
    if stap == 4:
        antwoorden = antwoorden or {}
        ontbrekend = {v: "Beantwoord deze vraag van het afwegingskader." for v in VRAGEN if antwoorden.get(v) is None}
        if ontbrekend:
            raise ValidationError(ontbrekend)
        velden.update({v: bool(antwoorden[v]) for v in VRAGEN})
    if stap == 5:
        if besluit not in MeldcodeTraject.Besluit.values:
            raise ValidationError({"besluit": "Kies een besluit."})
        reden = besluit_tegenstrijdig(traject.stappen.get(stap=4), besluit)
        if reden:
            raise ValidationError({"besluit": reden})
        velden["besluit"] = besluit
        traject.besluit = besluit
        if besluit in MELDEN:
            gemeld_op = gemeld_op or datum
            _niet_voor("gemeld_op", gemeld_op, datum, "het besluit")
            traject.gemeld_op = gemeld_op
            traject.terugkoppeling_uiterlijk = add_working_days(gemeld_op, termijn("CASES_VT_TERUGKOPPELING_WERKDAGEN"))
        traject.save()
    _ververs(traject)
    return MeldcodeStap.objects.create(
        traject=traject, stap=stap, datum=datum, professional=professional, notitie=notitie, **velden
    )


@transaction.atomic
def registreer_terugkoppeling(
    *, traject: MeldcodeTraject, op: date, terugkoppeling: str, herbeoordeling_op: date | None = None
) -> MeldcodeTraject:
    """Veilig Thuis's feedback after a report, and the date to re-check question five."""
    controleer_datums(terugkoppeling_op=op, herbeoordeling_op=herbeoordeling_op)
    traject = MeldcodeTraject.objects.select_for_update().get(pk=traject.pk)
    if not traject.gemeld_op:
        raise ValidationError({"terugkoppeling_op": "Er is (nog) niet gemeld bij Veilig Thuis."})
    _niet_voor("terugkoppeling_op", op, traject.gemeld_op, "de melding")
    if herbeoordeling_op is not None and herbeoordeling_op < op:
        raise ValidationError({"herbeoordeling_op": "De herbeoordeling ligt voor de terugkoppeling."})
    traject.terugkoppeling_op = op
    traject.terugkoppeling = terugkoppeling
    traject.herbeoordeling_op = herbeoordeling_op
    traject.save(update_fields=["terugkoppeling_op", "terugkoppeling", "herbeoordeling_op"])
    _ververs(traject)
    return traject


# --- Veilig Thuis and investigations --------------------------------------------------------------


@transaction.atomic
def registreer_vt_melding(*, jeugdige: Jeugdige, ontvangen_op: date, omschrijving: str) -> VeiligThuisMelding:
    controleer_datums(ontvangen_op=ontvangen_op)
    if ontvangen_op > vandaag():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    melding = VeiligThuisMelding.objects.create(
        jeugdige=jeugdige,
        ontvangen_op=ontvangen_op,
        omschrijving=omschrijving,
        opvolgen_uiterlijk=add_working_days(ontvangen_op, termijn("CASES_VT_OPVOLGEN_WERKDAGEN")),
    )
    _ververs(melding)
    return melding


@transaction.atomic
def volg_vt_melding_op(
    *,
    melding: VeiligThuisMelding,
    op: date,
    door,
    wijze: str,
    overgedragen_aan: str = "",
    notitie: str = "",
) -> VeiligThuisMelding:
    controleer_datums(opgevolgd_op=op)
    melding = VeiligThuisMelding.objects.select_for_update().get(pk=melding.pk)
    if melding.opgevolgd_op:
        raise ValidationError({"opgevolgd_op": f"Deze melding is al opgevolgd op {melding.opgevolgd_op:%d-%m-%Y}."})
    if door is None:
        raise ValidationError({"opgevolgd_door": "Geef aan wie de melding heeft opgevolgd."})
    if wijze not in VeiligThuisMelding.Wijze.values:
        raise ValidationError({"wijze": "Kies hoe de melding is opgevolgd."})
    if wijze == VeiligThuisMelding.Wijze.OVERGEDRAGEN and not overgedragen_aan.strip():
        raise ValidationError({"overgedragen_aan": "Geef aan aan wie de melding is overgedragen."})
    _niet_voor("opgevolgd_op", op, melding.ontvangen_op, "de ontvangst")
    melding.opgevolgd_op = op
    melding.opgevolgd_door = door
    melding.wijze = wijze
    melding.overgedragen_aan = overgedragen_aan
    melding.notitie = notitie
    melding.save()
    _ververs(melding)
    return melding


@transaction.atomic
def registreer_meldcode_afwijking(
    *,
    jeugdige: Jeugdige,
    soort: str,
    vastgesteld_op: date,
    traject: MeldcodeTraject | None = None,
    stap: int | None = None,
    toelichting: str = "",
) -> MeldcodeAfwijking:
    """Record that the Meldcode should have been followed and was not (fully): every such case counts in the
    share investigated, whether an investigation has started or not."""
    if soort not in (MeldcodeAfwijking.Soort.NIET_GESTART, MeldcodeAfwijking.Soort.STAP_OVERGESLAGEN):
        raise ValidationError({"soort": "Kies: Meldcode niet gestart of stap overgeslagen."})
    controleer_datums(vastgesteld_op=vastgesteld_op)
    if vastgesteld_op > vandaag():
        raise ValidationError({"vastgesteld_op": "Deze datum ligt in de toekomst."})
    if traject is not None and traject.jeugdige_id != jeugdige.pk:
        raise ValidationError({"traject": "Dit traject hoort bij een andere jeugdige."})
    if soort == MeldcodeAfwijking.Soort.STAP_OVERGESLAGEN:
        if traject is None:
            raise ValidationError({"traject": "Kies het Meldcodetraject waarin de stap is overgeslagen."})
        if stap not in MeldcodeStap.Stap.values:
            raise ValidationError({"stap": "Kies de overgeslagen stap (1 tot en met 5)."})
        traject = MeldcodeTraject.objects.select_for_update().get(pk=traject.pk)
        if MeldcodeAfwijking.objects.filter(traject=traject, stap=stap).exists():
            raise ValidationError({"stap": f"Stap {stap} is al als overgeslagen vastgelegd."})
        _niet_voor("vastgesteld_op", vastgesteld_op, traject.gestart_op, "de start van het traject")
    elif stap is not None:
        raise ValidationError({"stap": "Een stap hoort alleen bij een overgeslagen stap."})
    if not toelichting.strip():
        raise ValidationError({"toelichting": "Beschrijf wat er niet volgens de Meldcode is gegaan."})
    return MeldcodeAfwijking.objects.create(
        jeugdige=jeugdige,
        soort=soort,
        traject=traject,
        stap=stap,
        vastgesteld_op=vastgesteld_op,
        toelichting=toelichting.strip(),
    )


@transaction.atomic
def start_onderzoek(
    *,
    jeugdige: Jeugdige,
    reden: str,
    gestart_op: date,
    veilig_thuis_melding: VeiligThuisMelding | None = None,
    afwijking: MeldcodeAfwijking | None = None,
) -> Onderzoek:
    """Start an investigation. One for "Meldcode niet gevolgd" investigates a recorded deviation
    (``afwijking``); without one given, the deviation is recorded with it, so it counts in the share."""
    if reden not in Onderzoek.Reden.values:
        raise ValidationError({"reden": "Kies de reden van het onderzoek."})
    if reden == Onderzoek.Reden.VT_NIET_TIJDIG_OPGEVOLGD and veilig_thuis_melding is None:
        raise ValidationError({"veilig_thuis_melding": "Kies de Veilig Thuis-melding die niet tijdig is opgevolgd."})
    if veilig_thuis_melding is not None and veilig_thuis_melding.jeugdige_id != jeugdige.pk:
        raise ValidationError({"veilig_thuis_melding": "Deze melding hoort bij een andere jeugdige."})
    if afwijking is not None:
        if reden != Onderzoek.Reden.MELDCODE_NIET_GEVOLGD:
            raise ValidationError(
                {"afwijking": "Een afwijking van de Meldcode hoort bij de reden Meldcode niet gevolgd."}
            )
        afwijking = MeldcodeAfwijking.objects.select_for_update().get(pk=afwijking.pk)
        if afwijking.jeugdige_id != jeugdige.pk:
            raise ValidationError({"afwijking": "Deze afwijking hoort bij een andere jeugdige."})
        if afwijking.onderzoek_id:
            raise ValidationError({"afwijking": "Deze afwijking wordt al onderzocht."})
    controleer_datums(gestart_op=gestart_op)
    if gestart_op > vandaag():
        raise ValidationError({"gestart_op": "Deze datum ligt in de toekomst."})
    if afwijking is not None:
        _niet_voor("gestart_op", gestart_op, afwijking.vastgesteld_op, "het vaststellen van de afwijking")
    onderzoek = Onderzoek.objects.create(
        jeugdige=jeugdige, reden=reden, gestart_op=gestart_op, veilig_thuis_melding=veilig_thuis_melding
    )
    if reden == Onderzoek.Reden.MELDCODE_NIET_GEVOLGD:
        if afwijking is None:
            afwijking = MeldcodeAfwijking(
                jeugdige=jeugdige, soort=MeldcodeAfwijking.Soort.BIJ_ONDERZOEK, vastgesteld_op=gestart_op
            )
        afwijking.onderzoek = onderzoek
        afwijking.save()
    return onderzoek


@transaction.atomic
def rond_onderzoek_af(*, onderzoek: Onderzoek, op: date, bevindingen: str, maatregelen: str) -> Onderzoek:
    onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
    if onderzoek.afgerond_op:
        raise ValidationError({"afgerond_op": "Dit onderzoek is al afgerond."})
    if not bevindingen.strip():
        raise ValidationError({"bevindingen": "Beschrijf de bevindingen."})
    _niet_voor("afgerond_op", op, onderzoek.gestart_op, "de start")
    onderzoek.afgerond_op = op
    onderzoek.bevindingen = bevindingen
    onderzoek.maatregelen = maatregelen
    onderzoek.save(update_fields=["afgerond_op", "bevindingen", "maatregelen"])
    return onderzoek


# --- Overdue scans (one query each) ---------------------------------------------------------------


def _jeugdige_url(obj) -> str:
    jeugdige_id = obj.jeugdige_id
    return reverse("cases-jeugdige", args=[jeugdige_id])


def _hulpvraag_sync(soort: str, te_laat, tekst: str, termijn_veld: str) -> SyncResultaat:
    return sync_signaleringen(
        soort=soort,
        te_laat=te_laat.select_related("jeugdige", "regisseur__gebruiker"),
        omschrijving=lambda h: f"Cliënt {h.jeugdige.clientnummer}, hulpvraag van {h.ontvangen_op:%d-%m-%Y}",
        groepen=["gedragswetenschapper"],
        verantwoordelijke=lambda h: h.regisseur.gebruiker if h.regisseur_id else None,
        gemeente=lambda h: h.jeugdige.gemeente,
        gebied=lambda h: h.jeugdige.gebied,
        deadline=lambda h: getattr(h, termijn_veld),
        url=_jeugdige_url,
    )


def te_late_dossiers(op: date):
    return Hulpvraag.objects.filter(
        afgesloten_op__isnull=True, dossier_aangemaakt_op__isnull=True, dossier_uiterlijk__lt=op
    )


def te_late_kernteams(op: date):
    return Hulpvraag.objects.filter(afgesloten_op__isnull=True, kernteam_op__isnull=True, kernteam_uiterlijk__lt=op)


def te_late_evaluaties(op: date):
    return Hulpvraag.objects.filter(afgesloten_op__isnull=True, evaluatie_uiterlijk__lt=op)


def ontbrekende_gezinsplannen(op: date):
    return Hulpvraag.objects.filter(afgesloten_op__isnull=True, gezinsplan_op__isnull=True, gezinsplan_uiterlijk__lt=op)


def niet_opgevolgde_vt_meldingen(op: date):
    return VeiligThuisMelding.objects.filter(opgevolgd_op__isnull=True, opvolgen_uiterlijk__lt=op)


def ontbrekende_terugkoppelingen(op: date):
    return MeldcodeTraject.objects.filter(terugkoppeling_op__isnull=True, terugkoppeling_uiterlijk__lt=op)


def signaleer_te_laat(op: date | None = None) -> dict[str, SyncResultaat]:
    """Raise and resolve every casework signalering (run by Celery beat)."""
    op = op or vandaag()
    # The gemeente and gebied callables read the related rows: select them in the one query.
    resultaat = {
        soorten.DOSSIER_TE_LAAT: _hulpvraag_sync(
            soorten.DOSSIER_TE_LAAT,
            te_late_dossiers(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
            "Dossier niet tijdig aangemaakt",
            "dossier_uiterlijk",
        ),
        soorten.KERNTEAM_TE_LAAT: _hulpvraag_sync(
            soorten.KERNTEAM_TE_LAAT,
            te_late_kernteams(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
            "Kernteam niet tijdig gehouden",
            "kernteam_uiterlijk",
        ),
        soorten.EVALUATIE_TE_LAAT: _hulpvraag_sync(
            soorten.EVALUATIE_TE_LAAT,
            te_late_evaluaties(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
            "Doelenevaluatie te laat",
            "evaluatie_uiterlijk",
        ),
        soorten.GEZINSPLAN_ONTBREEKT: _hulpvraag_sync(
            soorten.GEZINSPLAN_ONTBREEKT,
            ontbrekende_gezinsplannen(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
            "Meervoudige hulpvraag zonder gezinsplan",
            "gezinsplan_uiterlijk",
        ),
    }
    resultaat[soorten.VT_NIET_OPGEVOLGD] = sync_signaleringen(
        soort=soorten.VT_NIET_OPGEVOLGD,
        te_laat=niet_opgevolgde_vt_meldingen(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
        omschrijving=lambda m: f"Cliënt {m.jeugdige.clientnummer}, melding van {m.ontvangen_op:%d-%m-%Y}",
        groepen=["gedragswetenschapper", "management"],
        gemeente=lambda m: m.jeugdige.gemeente,
        gebied=lambda m: m.jeugdige.gebied,
        deadline=lambda m: m.opvolgen_uiterlijk,
        url=_jeugdige_url,
    )
    resultaat[soorten.VT_TERUGKOPPELING_ONTBREEKT] = sync_signaleringen(
        soort=soorten.VT_TERUGKOPPELING_ONTBREEKT,
        te_laat=ontbrekende_terugkoppelingen(op).select_related("jeugdige__gemeente", "jeugdige__gebied"),
        omschrijving=lambda t: f"Cliënt {t.jeugdige.clientnummer}, gemeld op {t.gemeld_op:%d-%m-%Y}",
        groepen=["gedragswetenschapper"],
        gemeente=lambda t: t.jeugdige.gemeente,
        gebied=lambda t: t.jeugdige.gebied,
        deadline=lambda t: t.terugkoppeling_uiterlijk,
        url=_jeugdige_url,
    )
    return resultaat


# --- Zorginzet ------------------------------------------------------------------------------------


@transaction.atomic
def registreer_zorginzet(
    *,
    hulpvraag: Hulpvraag,
    vorm: str,
    aangemeld_op: date,
    gebied: Gebied | None = None,
    zorgaanbieder=None,
    contract=None,
    overbrugging: bool = False,
) -> Zorginzet:
    """Care by an area team or by a provider. A provider needs a relation or a contract in force on
    the registration date; without one, an incidental contract (which carries its reason) with
    that provider is required. Without a contract given, the provider's contract in force is used."""
    from contracts.selectors import actief_contract_op

    controleer_datums(aangemeld_op=aangemeld_op)
    hulpvraag = _lock(hulpvraag)
    if (gebied is None) == (zorgaanbieder is None):
        raise ValidationError({"gebied": "Kies een gebiedsteam of een zorgaanbieder, niet allebei."})
    if vorm not in Zorginzet.Vorm.values:
        raise ValidationError({"vorm": "Kies de vorm van de zorg."})
    _niet_voor("aangemeld_op", aangemeld_op, hulpvraag.ontvangen_op, "de ontvangst van de hulpvraag")
    if zorgaanbieder is not None:
        if contract is not None and contract.zorgaanbieder_id != zorgaanbieder.pk:
            raise ValidationError({"contract": "Dit contract hoort bij een andere zorgaanbieder."})
        _controleer_aanbieder(zorgaanbieder=zorgaanbieder, contract=contract, datum=aangemeld_op)
        if contract is None:
            contract = actief_contract_op(zorgaanbieder, aangemeld_op)
    return Zorginzet.objects.create(
        hulpvraag=hulpvraag,
        vorm=vorm,
        aangemeld_op=aangemeld_op,
        gebied=gebied,
        zorgaanbieder=zorgaanbieder,
        contract=contract,
        overbrugging=overbrugging,
    )


def _controleer_aanbieder(*, zorgaanbieder, contract, datum: date) -> None:
    """Without a relation or contract in force on ``datum`` only an incidental contract will do."""
    from contracts.models import Contract
    from contracts.selectors import heeft_actieve_relatie_of_contract_op

    if heeft_actieve_relatie_of_contract_op(zorgaanbieder, datum):
        return
    if contract is None or contract.soort != Contract.Soort.INCIDENTEEL:
        raise ValidationError(
            {
                "contract": f"{zorgaanbieder} heeft op {datum:%d-%m-%Y} geen relatie of contract met JENS: "
                "kies een incidentele overeenkomst (met de reden)."
            }
        )


@transaction.atomic
def start_zorginzet(*, zorginzet: Zorginzet, op: date) -> Zorginzet:
    zorginzet = Zorginzet.objects.select_for_update().get(pk=zorginzet.pk)
    if zorginzet.gestart_op:
        raise ValidationError({"gestart_op": "Deze zorg is al gestart."})
    _niet_voor("gestart_op", op, zorginzet.aangemeld_op, "de aanmelding")
    if zorginzet.zorgaanbieder_id:
        try:
            _controleer_aanbieder(zorgaanbieder=zorginzet.zorgaanbieder, contract=zorginzet.contract, datum=op)
        except ValidationError as exc:
            raise ValidationError({"gestart_op": exc.message_dict["contract"]}) from exc
    zorginzet.gestart_op = op
    zorginzet.save(update_fields=["gestart_op"])
    return zorginzet


@transaction.atomic
def beeindig_zorginzet(*, zorginzet: Zorginzet, op: date) -> Zorginzet:
    zorginzet = Zorginzet.objects.select_for_update().get(pk=zorginzet.pk)
    if not zorginzet.gestart_op:
        raise ValidationError({"beeindigd_op": "Deze zorg is nog niet gestart."})
    if zorginzet.beeindigd_op:
        raise ValidationError({"beeindigd_op": "Deze zorg is al beëindigd."})
    _niet_voor("beeindigd_op", op, zorginzet.gestart_op, "de start")
    zorginzet.beeindigd_op = op
    zorginzet.save(update_fields=["beeindigd_op"])
    return zorginzet
