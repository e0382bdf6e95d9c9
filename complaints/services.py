"""Every write on complaints: intake (with reference and terms), the one transition table with its
service, edits, and the anonymisation of old closed files."""

import re
from datetime import date, datetime, timedelta
from functools import reduce
from operator import or_

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from jens.mail import queue_email
from jens.models import EmailBericht, Gebied, Gemeente
from jens.periode import controleer_datums
from jens.signaleringen import ververs_na_commit
from jens.werkdagen import add_working_days, working_days_between

from .models import (
    GESLOTEN_STATUSSEN,
    VOOR_BESLISSING,
    Aard,
    Kanaal,
    Klacht,
    KlachtStap,
    ReferentieTeller,
    Status,
    Uitkomst,
)
from .signaleringen import kan_gesignaleerd_zijn, ververs_klachtsignaleringen


class VersieConflict(Exception):
    """Somebody else changed the complaint since the client read it (HTTP 409)."""

    def __init__(self, klacht: Klacht):
        self.klacht = klacht
        super().__init__(
            f"Klacht {klacht.referentie} is intussen door iemand anders gewijzigd (nu versie {klacht.versie}). "
            "Laad de klacht opnieuw en probeer het nog eens."
        )


# The longest description and desired outcome, on the web form and in the API alike.
MAX_OMSCHRIJVING = 5000
MAX_KORT = 2000


def controleer_teksten(**teksten: str) -> None:
    """The description at most 5,000 characters, the desired outcome at most 2,000 (as the public form)."""
    grenzen = {"omschrijving": MAX_OMSCHRIJVING, "gewenste_uitkomst": MAX_KORT}
    fouten = {
        veld: f"Ten hoogste {grenzen[veld]:,} tekens (nu {len(tekst):,}).".replace(",", ".")
        for veld, tekst in teksten.items()
        if tekst and len(tekst) > grenzen[veld]
    }
    if fouten:
        raise ValidationError(fouten)


def _termijn(naam: str) -> int:
    return int(settings.JENS_TERMIJNEN[naam])


def bereken_termijnen(ontvangen_datum: date) -> tuple[date, date]:
    """(oppakken_uiterlijk, afhandelen_uiterlijk) for a complaint received on ``ontvangen_datum``."""
    oppakken = add_working_days(ontvangen_datum, _termijn("KLACHT_OPPAKKEN_WERKDAGEN"))
    afhandelen = ontvangen_datum + timedelta(weeks=_termijn("KLACHT_AFHANDELEN_WEKEN"))
    return oppakken, afhandelen


def volgende_referentie(jaar: int) -> str:
    """The next ``K-<jaar>-NNNN``; the per-year counter row is locked until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("volgende_referentie moet binnen een transactie worden aangeroepen")
    try:
        with transaction.atomic():
            ReferentieTeller.objects.create(jaar=jaar, laatste=0)
    except IntegrityError:  # the row exists (or another transaction just created it)
        pass
    teller = ReferentieTeller.objects.select_for_update().get(jaar=jaar)
    teller.laatste += 1
    teller.save(update_fields=["laatste"])
    return f"K-{jaar}-{teller.laatste:04d}"


def _door_naam(door) -> str:
    if door is None:
        return "indiener (website)"
    return door.get_full_name() or door.get_username()


def controleer_wat(*, gemeente: Gemeente | None, gebied: Gebied | None) -> Gemeente | None:
    """The gemeente of the complaint: that of the gebied when one is given (and it must match)."""
    if gebied is not None:
        if gemeente is not None and gebied.gemeente_id != gemeente.pk:
            raise ValidationError({"gebied": f"Gebied {gebied} hoort niet bij gemeente {gemeente}."})
        return gebied.gemeente
    return gemeente


def _aard(aard: Aard | str) -> Aard:
    if isinstance(aard, Aard):
        return aard
    gevonden = Aard.objects.filter(code=aard, actief=True).first()
    if gevonden is None:
        raise ValidationError({"aard": f"Onbekende aard ‘{aard}’."})
    return gevonden


TELEFOON_TEKENS = re.compile(r"[\s().-]")
TELEFOON = re.compile(r"\+?\d{10,15}")
TELEFOON_FOUT = "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 45 123 4567."


def valideer_telefoon(telefoon: str) -> str:
    """A phone number as people type it (spaces, hyphens, brackets, a leading +), 10 to 15 digits; empty is allowed.
    Returns it trimmed; raises a ValidationError with a Dutch message otherwise ("abc" is no phone number)."""
    telefoon = (telefoon or "").strip()
    if telefoon and not TELEFOON.fullmatch(TELEFOON_TEKENS.sub("", telefoon)):
        raise ValidationError({"indiener_telefoon": TELEFOON_FOUT})
    return telefoon


def maak_klacht(
    *,
    kanaal: str,
    soort: str,
    aard: Aard | str,
    omschrijving: str,
    ontvangen_op: datetime | None = None,
    gewenste_uitkomst: str = "",
    indiener_naam: str = "",
    indiener_email: str = "",
    indiener_telefoon: str = "",
    indiener_rol: str = "",
    gemeente: Gemeente | None = None,
    gebied: Gebied | None = None,
    zorgaanbieder=None,
    betreft: str = "",
    door=None,
    notitie: str = "",
) -> Klacht:
    """Register a complaint: reference, terms (computed once here), the first timeline step and,
    for the website, the confirmation e-mail (outbox)."""
    nu = timezone.now()
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies een geldig kanaal."})
    if kanaal == Kanaal.WEBSITE or ontvangen_op is None:
        ontvangen_op = nu
    if ontvangen_op > nu:
        raise ValidationError({"ontvangen_op": "Het moment van ontvangst kan niet in de toekomst liggen."})
    if not (omschrijving or "").strip():
        raise ValidationError({"omschrijving": "Beschrijf de klacht."})
    indiener_telefoon = valideer_telefoon(indiener_telefoon)
    controleer_teksten(omschrijving=omschrijving, gewenste_uitkomst=gewenste_uitkomst)
    controleer_datums(ontvangen_op=timezone.localdate(ontvangen_op))
    aard_obj = _aard(aard)
    gemeente = controleer_wat(gemeente=gemeente, gebied=gebied)
    ontvangen_datum = timezone.localdate(ontvangen_op)
    oppakken, afhandelen = bereken_termijnen(ontvangen_datum)
    with transaction.atomic():
        klacht = Klacht(
            referentie=volgende_referentie(ontvangen_datum.year),
            soort=soort,
            kanaal=kanaal,
            ontvangen_op=ontvangen_op,
            ontvangen_datum=ontvangen_datum,
            indiener_naam=indiener_naam,
            indiener_email=indiener_email,
            indiener_telefoon=indiener_telefoon,
            indiener_rol=indiener_rol,
            gemeente=gemeente,
            gebied=gebied,
            zorgaanbieder=zorgaanbieder,
            betreft=betreft,
            aard=aard_obj,
            omschrijving=omschrijving,
            gewenste_uitkomst=gewenste_uitkomst,
            oppakken_uiterlijk=oppakken,
            afhandelen_uiterlijk=afhandelen,
        )
        # The fields as entered get their Dutch messages; the check constraints concern the terms and the status
        # set above, which the database enforces on the insert (checking them here cost five queries).
        klacht.full_clean(exclude=["referentie"], validate_constraints=False)
        klacht.save()
        KlachtStap.objects.create(
            klacht=klacht,
            actie="ontvangen",
            naar_status=Status.ONTVANGEN,
            door=door,
            door_naam=_door_naam(door),
            tijdstip=ontvangen_op,
            notitie="\n".join(
                t
                for t in (
                    notitie.strip(),
                    f"Ontvangen via {klacht.get_kanaal_display()}; geregistreerd op {timezone.localtime(nu):%d-%m-%Y %H:%M}.",
                )
                if t
            ),
        )
        if kanaal == Kanaal.WEBSITE and indiener_email:
            queue_email(
                aan=[indiener_email],
                onderwerp=f"{BEVESTIGING_ONDERWERP}{klacht.get_soort_display()} {klacht.referentie}",
                tekst=(
                    f"Beste {indiener_naam or 'indiener'},\n\n"
                    f"Wij hebben uw {klacht.get_soort_display()} ontvangen op {timezone.localtime(ontvangen_op):%d-%m-%Y}.\n"
                    f"Uw referentie is {klacht.referentie}.\n"
                    f"De klachtenfunctionaris neemt uw melding uiterlijk {oppakken:%d-%m-%Y} in behandeling "
                    "en neemt dan contact met u op.\n\nMet vriendelijke groet,\nJENS"
                ),
            )
        # A new complaint has no signalering yet; only one received late enough to be overdue already (by
        # phone or letter, entered afterwards) needs the rescan. Every complaint from the website skips it.
        if kan_gesignaleerd_zijn(klacht, timezone.localdate(nu)):
            ververs_na_commit(ververs_klachtsignaleringen, klacht)
    return klacht


# --- the transition table ------------------------------------------------------------------------
# action: (label, allowed from, to (None = status unchanged))
OPEN = tuple(s for s in Status if s not in GESLOTEN_STATUSSEN)
TRANSITIES: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "oppakken": ("Oppakken", (Status.ONTVANGEN,), Status.OPGEPAKT),
    "in_behandeling": ("In behandeling nemen", (Status.OPGEPAKT,), Status.IN_BEHANDELING),
    "afhandelen": ("Afhandelen", (Status.IN_BEHANDELING,), Status.AFGEHANDELD),
    "naar_commissie": ("Naar de klachtencommissie", (Status.IN_BEHANDELING,), Status.BIJ_COMMISSIE),
    "uitspraak": ("Uitspraak vastleggen", (Status.BIJ_COMMISSIE,), Status.UITSPRAAK),
    "maatregelen": ("Besluit over maatregelen", (Status.UITSPRAAK,), Status.MAATREGELEN_BESLOTEN),
    "afsluiten": ("Afsluiten", (Status.AFGEHANDELD, Status.MAATREGELEN_BESLOTEN), Status.AFGESLOTEN),
    "intrekken": ("Intrekken", OPEN, Status.INGETROKKEN),
    "verlengen": ("Afhandeltermijn verlengen", VOOR_BESLISSING, None),
}


def toegestane_acties(klacht: Klacht) -> list[tuple[str, str]]:
    """(action, label) of every action the table allows for the complaint's current status."""
    acties = []
    for actie, (label, van, _naar) in TRANSITIES.items():
        if klacht.status not in van:
            continue
        if actie == "verlengen" and klacht.verlengd_met_weken:
            continue
        acties.append((actie, label))
    return acties


def _datum(waarde, veld: str, *, standaard: date | None = None) -> date:
    if waarde in (None, ""):
        if standaard is None:
            raise ValidationError({veld: "Vul een datum in."})
        return standaard
    if isinstance(waarde, datetime):
        return timezone.localdate(waarde)
    if isinstance(waarde, date):
        return waarde
    try:
        return date.fromisoformat(str(waarde))
    except ValueError as exc:
        raise ValidationError({veld: "Geef een datum als jjjj-mm-dd."}) from exc


def _tekst(gegevens: dict, veld: str, melding: str) -> str:
    waarde = str(gegevens.get(veld) or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    return waarde


def _niet_na_vandaag(d: date, veld: str, vandaag: date) -> None:
    if d > vandaag:
        raise ValidationError({veld: "Deze datum kan niet in de toekomst liggen."})


def _pas_actie_toe(klacht: Klacht, actie: str, door, gegevens: dict, nu: datetime) -> str:
    """Apply the data of one action to ``klacht`` (validated); returns an extra line for the timeline."""
    vandaag = timezone.localdate(nu)
    if actie == "oppakken":
        klacht.opgepakt_op = nu
        klacht.opgepakt_door = door
        klacht.werkdagen_tot_oppakken = max(working_days_between(klacht.ontvangen_datum, vandaag), 0)
        return ""
    if actie == "in_behandeling":
        return ""
    if actie == "afhandelen":
        uitkomst = gegevens.get("uitkomst") or ""
        if uitkomst not in Uitkomst.values:
            raise ValidationError({"uitkomst": "Kies de uitkomst: opgelost, gegrond, deels gegrond of ongegrond."})
        klacht.uitkomst = uitkomst
        klacht.afgesloten_op = None
        return f"Uitkomst: {klacht.get_uitkomst_display()}."
    if actie == "naar_commissie":
        d = _datum(gegevens.get("datum"), "datum", standaard=vandaag)
        _niet_na_vandaag(d, "datum", vandaag)
        if d < klacht.ontvangen_datum:
            raise ValidationError({"datum": "De klacht kan niet naar de commissie vóór de datum van ontvangst."})
        klacht.naar_commissie_op = d
        return f"Verzonden naar de klachtencommissie op {d:%d-%m-%Y}."
    if actie == "uitspraak":
        d = _datum(gegevens.get("datum"), "datum")
        _niet_na_vandaag(d, "datum", vandaag)
        if klacht.naar_commissie_op and d < klacht.naar_commissie_op:
            raise ValidationError({"datum": "De uitspraak kan niet vóór de verzending naar de commissie liggen."})
        klacht.uitspraak_op = d
        klacht.uitspraak = _tekst(gegevens, "uitspraak", "Geef de strekking van de uitspraak.")
        klacht.aanbevelingen = str(gegevens.get("aanbevelingen") or "").strip()
        uitkomst = gegevens.get("uitkomst") or ""
        if uitkomst:
            if uitkomst not in Uitkomst.values:
                raise ValidationError({"uitkomst": "Kies de uitkomst: opgelost, gegrond, deels gegrond of ongegrond."})
            klacht.uitkomst = uitkomst
        klacht.maatregelen_uiterlijk = d + relativedelta(months=_termijn("KLACHT_MAATREGELEN_MAANDEN"))
        return (
            f"Uitspraak van {d:%d-%m-%Y}; besluit over maatregelen uiterlijk {klacht.maatregelen_uiterlijk:%d-%m-%Y}."
        )
    if actie == "maatregelen":
        d = _datum(gegevens.get("datum"), "datum", standaard=vandaag)
        _niet_na_vandaag(d, "datum", vandaag)
        if klacht.uitspraak_op and d < klacht.uitspraak_op:
            raise ValidationError({"datum": "Het besluit kan niet vóór de uitspraak liggen."})
        klacht.maatregelen_besloten_op = d
        klacht.maatregelen = _tekst(gegevens, "maatregelen", "Beschrijf het besluit over maatregelen.")
        return f"Besluit over maatregelen van {d:%d-%m-%Y}."
    if actie in ("afsluiten", "intrekken"):
        klacht.afgesloten_op = nu
        return ""
    if actie == "verlengen":
        if klacht.verlengd_met_weken:
            raise ValidationError({"weken": "De afhandeltermijn is al eens verlengd; dat kan maar één keer."})
        if vandaag > klacht.afhandelen_uiterlijk:
            raise ValidationError(
                {
                    "weken": f"De afhandeltermijn is al verstreken ({klacht.afhandelen_uiterlijk:%d-%m-%Y}); verlengen kan alleen vooraf."
                }
            )
        maximum = _termijn("KLACHT_VERLENGEN_MAX_WEKEN")
        try:
            weken = int(gegevens.get("weken") or 0)
        except (TypeError, ValueError):
            weken = 0
        if not 1 <= weken <= maximum:
            raise ValidationError({"weken": f"Verleng met 1 tot en met {maximum} weken."})
        reden = _tekst(gegevens, "reden", "Geef de reden van de verlenging.")
        oud = klacht.afhandelen_uiterlijk
        klacht.afhandelen_uiterlijk = oud + timedelta(weeks=weken)
        klacht.verlengd_met_weken = weken
        klacht.verlenging_reden = reden
        return f"Afhandeltermijn verlengd met {weken} weken: {oud:%d-%m-%Y} → {klacht.afhandelen_uiterlijk:%d-%m-%Y}. Reden: {reden}"
    raise AssertionError(actie)  # pragma: no cover - the table and this function list the same actions


def _vergrendel(klacht_id: int, versie: int | None) -> Klacht:
    klacht = Klacht.objects.select_for_update().get(pk=klacht_id)
    if versie is None:
        raise ValidationError({"versie": "Stuur de versie mee die u het laatst hebt gezien."})
    if int(versie) != klacht.versie:
        raise VersieConflict(klacht)
    return klacht


def voer_actie(
    *,
    klacht: Klacht | int,
    actie: str,
    door,
    versie: int | None,
    notitie: str = "",
    nu: datetime | None = None,
    **gegevens,
) -> Klacht:
    """Carry out one workflow action if the transition table allows it. The row is locked and the
    client's ``versie`` must match: of two officers acting at once, one succeeds, the other gets
    ``VersieConflict`` and nothing is overwritten."""
    if actie not in TRANSITIES:
        raise ValidationError({"actie": f"Onbekende actie ‘{actie}’."})
    if door is None:
        raise ValidationError({"door": "Een actie wordt altijd door een medewerker uitgevoerd."})
    nu = nu or timezone.now()
    label, van, naar = TRANSITIES[actie]
    klacht_id = klacht.pk if isinstance(klacht, Klacht) else int(klacht)
    with transaction.atomic():
        klacht = _vergrendel(klacht_id, versie)
        if klacht.status not in van:
            toegestaan = ", ".join(lbl for _a, lbl in toegestane_acties(klacht)) or "geen"
            raise ValidationError(
                {
                    "status": f"‘{label}’ kan niet bij een klacht met status ‘{klacht.get_status_display()}’. "
                    f"Toegestane acties: {toegestaan}."
                }
            )
        if actie == "intrekken" and not notitie.strip():
            raise ValidationError({"notitie": "Noteer waarom de klacht wordt ingetrokken."})
        extra = _pas_actie_toe(klacht, actie, door, gegevens, nu)
        van_status = klacht.status
        if naar is not None:
            klacht.status = naar
        klacht.versie += 1
        klacht.save()
        KlachtStap.objects.create(
            klacht=klacht,
            actie=actie,
            van_status=van_status,
            naar_status=klacht.status,
            door=door,
            door_naam=_door_naam(door),
            tijdstip=nu,
            notitie="\n".join(t for t in (notitie.strip(), extra) if t),
        )
        ververs_na_commit(ververs_klachtsignaleringen, klacht)
    return klacht


WIJZIGBAAR = (
    "soort",
    "indiener_naam",
    "indiener_email",
    "indiener_telefoon",
    "indiener_rol",
    "gemeente",
    "gebied",
    "zorgaanbieder",
    "betreft",
    "aard",
    "omschrijving",
    "gewenste_uitkomst",
)


def wijzig_klacht(*, klacht: Klacht | int, door, versie: int | None, notitie: str = "", **velden) -> Klacht:
    """Change the registration data of an open complaint (not its terms or status)."""
    onbekend = set(velden) - set(WIJZIGBAAR)
    if onbekend:
        raise ValidationError(dict.fromkeys(sorted(onbekend), "Dit veld kan niet worden gewijzigd."))
    if "indiener_telefoon" in velden:
        velden["indiener_telefoon"] = valideer_telefoon(velden["indiener_telefoon"])
    klacht_id = klacht.pk if isinstance(klacht, Klacht) else int(klacht)
    with transaction.atomic():
        klacht = _vergrendel(klacht_id, versie)
        if not klacht.is_open:
            raise ValidationError({"status": "Een afgesloten of ingetrokken klacht kan niet meer worden gewijzigd."})
        controleer_teksten(**{v: velden[v] for v in ("omschrijving", "gewenste_uitkomst") if v in velden})
        if "aard" in velden:
            velden["aard"] = _aard(velden["aard"])
        gemeente = velden.get("gemeente", klacht.gemeente)
        gebied = velden.get("gebied", klacht.gebied)
        velden["gemeente"] = controleer_wat(gemeente=gemeente, gebied=gebied)
        gewijzigd = [v for v, w in velden.items() if getattr(klacht, v) != w]
        if not gewijzigd:
            return klacht
        for veld, waarde in velden.items():
            setattr(klacht, veld, waarde)
        klacht.full_clean()
        klacht.versie += 1
        klacht.save()
        namen = ", ".join(str(Klacht._meta.get_field(v).verbose_name) for v in gewijzigd)
        KlachtStap.objects.create(
            klacht=klacht,
            actie="gewijzigd",
            van_status=klacht.status,
            naar_status=klacht.status,
            door=door,
            door_naam=_door_naam(door),
            notitie="\n".join(t for t in (notitie.strip(), f"Gewijzigd: {namen}.") if t),
        )
    return klacht


ANONIEM = "[geanonimiseerd]"


def anonimiseer_gesloten_klachten(*, vandaag: date | None = None) -> int:
    """Remove personal data from complaint files closed more than N years ago (setting, default 5).

    The rows stay, with soort, aard, kanaal, dates, status and outcome, so every count stays the same;
    the history copies with the old data are deleted. Set-based; returns the number anonymised."""
    vandaag = vandaag or timezone.localdate()
    jaren = _termijn("KLACHT_ANONIMISEREN_NA_JAREN")
    grens = timezone.make_aware(datetime.combine(vandaag - relativedelta(years=jaren), datetime.min.time()))
    with transaction.atomic():
        qs = Klacht.objects.filter(
            status__in=GESLOTEN_STATUSSEN, afgesloten_op__lt=grens, geanonimiseerd_op__isnull=True
        )
        rijen = list(qs.values_list("pk", "referentie"))
        if not rijen:
            return 0
        ids = [pk for pk, _ref in rijen]
        Klacht.objects.filter(pk__in=ids).update(
            indiener_naam="",
            indiener_email="",
            indiener_telefoon="",
            indiener_rol="",
            betreft="",
            omschrijving=ANONIEM,
            gewenste_uitkomst="",
            uitspraak="",
            aanbevelingen="",
            maatregelen="",
            verlenging_reden="",
            geanonimiseerd_op=timezone.now(),
        )
        KlachtStap.objects.filter(klacht_id__in=ids).update(notitie="")
        Klacht.history.filter(id__in=ids).delete()
        KlachtStap.history.filter(klacht_id__in=ids).delete()
        _verwijder_bevestigingen([ref for _pk, ref in rijen])
    return len(ids)


BEVESTIGING_ONDERWERP = "Ontvangstbevestiging "


def _verwijder_bevestigingen(referenties: list[str]) -> None:
    """Delete the confirmation e-mails (name and address of the complainant) kept in the outbox."""
    for i in range(0, len(referenties), 200):
        deel = referenties[i : i + 200]
        EmailBericht.objects.filter(
            reduce(or_, (Q(onderwerp__endswith=f" {ref}") for ref in deel)),
            onderwerp__startswith=BEVESTIGING_ONDERWERP,
        ).delete()
