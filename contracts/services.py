"""Every write with a rule in the contracts app. Keyword-only, typed, atomic; errors are
``ValidationError({"veld": "Nederlandse melding"})`` and nothing is written when one is raised."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from contracts.models import (
    Actiepunt,
    AndereNaam,
    Contract,
    ContractRegel,
    Gesprek,
    JaarrekeningBeoordeling,
    Opdracht,
    Personeelsomvang,
    Relatie,
    TransformatieAfspraak,
    Uitgave,
    Zorgaanbieder,
)
from jens.invoer import STUURTEKENS_MELDING, heeft_stuurtekens

# --- Providers --------------------------------------------------------------------------------


def _valideer(obj, exclude: Iterable[str] = ()) -> None:
    """Model validation (field validators, unique and check constraints) with Dutch messages."""
    obj.full_clean(exclude=list(exclude))


def naam_bezet(naam: str, *, behalve_aanbieder_id: int | None = None) -> bool:
    """True when ``naam`` is already the name or another name of a (different) provider."""
    naam = naam.strip()
    hoofd = Zorgaanbieder.objects.filter(naam__iexact=naam)
    ander = AndereNaam.objects.filter(naam__iexact=naam)
    if behalve_aanbieder_id:
        hoofd = hoofd.exclude(pk=behalve_aanbieder_id)
        ander = ander.exclude(zorgaanbieder_id=behalve_aanbieder_id)
    return hoofd.exists() or ander.exists()


@transaction.atomic
def sla_zorgaanbieder_op(
    *, zorgaanbieder: Zorgaanbieder | None = None, andere_namen: Iterable[str] | None = None, **velden
) -> Zorgaanbieder:
    """Create (``zorgaanbieder=None``) or change a provider; ``andere_namen`` replaces its other names."""
    aanbieder = zorgaanbieder or Zorgaanbieder()
    if heeft_stuurtekens(velden.get("naam")):
        raise ValidationError({"naam": STUURTEKENS_MELDING})
    if any(heeft_stuurtekens(n) for n in andere_namen or []):
        raise ValidationError({"andere_namen": STUURTEKENS_MELDING})
    for veld, waarde in velden.items():
        setattr(aanbieder, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    if aanbieder.naam and naam_bezet(aanbieder.naam, behalve_aanbieder_id=aanbieder.pk):
        raise ValidationError({"naam": "Deze naam is al in gebruik bij een andere zorgaanbieder."})
    _valideer(aanbieder)
    aanbieder.save()
    if andere_namen is not None:
        # one name per spelling that differs only in capitals (the first one given is kept)
        uniek: dict[str, str] = {}
        for n in andere_namen:
            if n and n.strip() and n.strip().lower() != aanbieder.naam.lower():
                uniek.setdefault(n.strip().lower(), n.strip())
        namen = set(uniek.values())
        for naam in namen:
            if naam_bezet(naam, behalve_aanbieder_id=aanbieder.pk):
                raise ValidationError({"andere_namen": f"De naam ‘{naam}’ is al in gebruik bij een andere aanbieder."})
        bestaand = {a.naam.lower(): a for a in aanbieder.andere_namen.all()}
        AndereNaam.objects.filter(
            pk__in=[a.pk for k, a in bestaand.items() if k not in {n.lower() for n in namen}]
        ).delete()
        AndereNaam.objects.bulk_create(
            [AndereNaam(zorgaanbieder=aanbieder, naam=n) for n in namen if n.lower() not in bestaand]
        )
    return aanbieder


# --- Relation periods -------------------------------------------------------------------------


def zoek_overlap(perioden: Iterable[tuple[date, date | None]]) -> tuple[tuple, tuple] | None:
    """The first pair of overlapping periods [van, tot) (tot None = ongoing), or None."""
    gesorteerd = sorted(perioden, key=lambda p: p[0])
    for vorige, volgende in zip(gesorteerd, gesorteerd[1:], strict=False):
        if vorige[1] is None or vorige[1] > volgende[0]:
            return vorige, volgende
    return None


def _periode_tekst(van: date, tot: date | None) -> str:
    return f"{van:%d-%m-%Y} – {tot:%d-%m-%Y}" if tot else f"{van:%d-%m-%Y} – heden"


def controleer_relatie(*, relatie: Relatie) -> None:
    """The rules for one relation period: valid fields, end after start, no overlap with the provider's others."""
    if relatie.geldig_tot and relatie.geldig_van and relatie.geldig_tot <= relatie.geldig_van:
        raise ValidationError({"geldig_tot": "De einddatum moet na de begindatum liggen."})
    _valideer(relatie, exclude=["zorgaanbieder"])
    overlappend = Relatie.objects.filter(zorgaanbieder_id=relatie.zorgaanbieder_id).filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=relatie.geldig_van)
    )
    if relatie.geldig_tot:
        overlappend = overlappend.filter(geldig_van__lt=relatie.geldig_tot)
    if relatie.pk:
        overlappend = overlappend.exclude(pk=relatie.pk)
    ander = overlappend.order_by("geldig_van").first()
    if ander:
        raise ValidationError(
            {
                "geldig_van": "Deze periode overlapt met de relatie "
                f"‘{ander.get_soort_display()}’ van {_periode_tekst(ander.geldig_van, ander.geldig_tot)}."
            }
        )


@transaction.atomic
def sla_relatie_op(
    *,
    zorgaanbieder: Zorgaanbieder,
    soort: str,
    geldig_van: date,
    geldig_tot: date | None = None,
    relatie: Relatie | None = None,
) -> Relatie:
    """Add or change a relation period. The provider row is locked so two people cannot add overlapping periods."""
    Zorgaanbieder.objects.select_for_update().filter(pk=zorgaanbieder.pk).first()
    relatie = relatie or Relatie(zorgaanbieder=zorgaanbieder)
    relatie.zorgaanbieder = zorgaanbieder
    relatie.soort, relatie.geldig_van, relatie.geldig_tot = soort, geldig_van, geldig_tot
    controleer_relatie(relatie=relatie)
    relatie.save()
    return relatie


@transaction.atomic
def wissel_relatie(*, zorgaanbieder: Zorgaanbieder, nieuwe_soort: str | None, per: date) -> Relatie | None:
    """End the relation in force on ``per`` at ``per`` and, when ``nieuwe_soort`` is given, start that kind from
    ``per`` (Welsun: lid until 1 May 2021, onderaannemer from then)."""
    Zorgaanbieder.objects.select_for_update().filter(pk=zorgaanbieder.pk).first()
    huidige = (
        Relatie.objects.filter(zorgaanbieder=zorgaanbieder, geldig_van__lt=per)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=per))
        .first()
    )
    if huidige is None and nieuwe_soort is None:
        raise ValidationError({"per": "Op deze datum heeft de aanbieder geen relatie die beëindigd kan worden."})
    if huidige is not None:
        volgende_tot = huidige.geldig_tot
        huidige.geldig_tot = per
        huidige.save(update_fields=["geldig_tot"])
    else:
        volgende_tot = None
    if nieuwe_soort is None:
        return None
    return sla_relatie_op(zorgaanbieder=zorgaanbieder, soort=nieuwe_soort, geldig_van=per, geldig_tot=volgende_tot)


# --- Personeelsomvang ---------------------------------------------------------------------------


@transaction.atomic
def leg_personeelsomvang_vast(
    *,
    zorgaanbieder: Zorgaanbieder,
    jaar: int,
    aantal_medewerkers: int | None = None,
    minder_dan: int | None = None,
    bron: str = "",
) -> Personeelsomvang:
    """Record the number of employees on 1 January of ``jaar`` (or, when only that is known, an upper bound)."""
    if aantal_medewerkers is not None and aantal_medewerkers < 0:
        raise ValidationError({"aantal_medewerkers": "Het aantal medewerkers mag niet negatief zijn."})
    omvang = Personeelsomvang.objects.select_for_update().filter(zorgaanbieder=zorgaanbieder, jaar=jaar).first()
    omvang = omvang or Personeelsomvang(zorgaanbieder=zorgaanbieder, jaar=jaar)
    omvang.aantal_medewerkers, omvang.minder_dan, omvang.bron = aantal_medewerkers, minder_dan, bron
    _valideer(omvang, exclude=["zorgaanbieder"])
    omvang.save()
    return omvang


# --- Contracts ----------------------------------------------------------------------------------

# The only allowed status changes of a contract.
CONTRACT_OVERGANGEN: dict[str, frozenset[str]] = {
    Contract.Status.CONCEPT: frozenset({Contract.Status.ACTIEF, Contract.Status.BEEINDIGD}),
    Contract.Status.ACTIEF: frozenset({Contract.Status.OPGEZEGD, Contract.Status.BEEINDIGD}),
    Contract.Status.OPGEZEGD: frozenset({Contract.Status.BEEINDIGD}),
    Contract.Status.BEEINDIGD: frozenset(),
}


def controleer_contract(*, contract: Contract) -> None:
    """Field rules of a contract, including the incidental reason and client reference."""
    fouten: dict[str, str] = {}
    if contract.einddatum and contract.startdatum and contract.einddatum < contract.startdatum:
        fouten["einddatum"] = "De einddatum mag niet voor de startdatum liggen."
    if contract.plafond is not None and contract.plafond < 0:
        fouten["plafond"] = "Het plafondbedrag mag niet negatief zijn."
    if contract.soort == Contract.Soort.INCIDENTEEL:
        if not contract.incidentele_reden:
            fouten["incidentele_reden"] = "Kies bij een incidentele overeenkomst een van de vier redenen."
        if not contract.client_referentie:
            fouten["client_referentie"] = "Vul bij een incidentele overeenkomst de cliëntreferentie in."
    else:
        if contract.incidentele_reden:
            fouten["incidentele_reden"] = "Een reden hoort alleen bij een incidentele overeenkomst."
        if contract.client_referentie:
            fouten["client_referentie"] = "Een cliëntreferentie hoort alleen bij een incidentele overeenkomst."
    if fouten:
        raise ValidationError(fouten)
    _valideer(contract, exclude=["zorgaanbieder", "status"])


CONTRACT_VELDEN = (
    "soort",
    "kenmerk",
    "startdatum",
    "einddatum",
    "plafond",
    "document",
    "incidentele_reden",
    "client_referentie",
    "opmerkingen",
)


@transaction.atomic
def sla_contract_op(
    *,
    zorgaanbieder: Zorgaanbieder,
    contract: Contract | None = None,
    gemeenten: Iterable | None = None,
    **velden,
) -> Contract:
    """Create a contract (status concept) or change its fields. The status changes only in
    ``wijzig_contractstatus``."""
    onbekend = set(velden) - set(CONTRACT_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    contract = contract or Contract(status=Contract.Status.CONCEPT)
    contract.zorgaanbieder = zorgaanbieder
    for veld, waarde in velden.items():
        setattr(contract, veld, waarde if waarde is not None or veld in ("einddatum", "plafond") else "")
    controleer_contract(contract=contract)
    contract.save()
    if gemeenten is not None:
        contract.gemeenten.set(gemeenten)
    return contract


@transaction.atomic
def wijzig_contractstatus(*, contract: Contract, naar: str) -> Contract:
    """Move a contract to status ``naar`` when the transition table allows it (row locked)."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if naar not in Contract.Status.values:
        raise ValidationError({"status": "Onbekende status."})
    if naar not in CONTRACT_OVERGANGEN[contract.status]:
        van, nieuw = Contract.Status(contract.status).label, Contract.Status(naar).label
        raise ValidationError({"status": f"Een contract met status ‘{van}’ kan niet naar ‘{nieuw}’."})
    contract.status = naar
    contract.save(update_fields=["status"])
    return contract


@transaction.atomic
def voeg_tarief_toe(
    *, contract: Contract, product: str, eenheid: str, tarief: Decimal, geldig_van: date
) -> ContractRegel:
    """A new tariff line. Earlier lines stay (history); a new tariff for a product starts after its latest line."""
    Contract.objects.select_for_update().filter(pk=contract.pk).first()
    fouten: dict[str, str] = {}
    if tarief is not None and Decimal(tarief) < 0:
        fouten["tarief"] = "Het tarief mag niet negatief zijn."
    if contract.einddatum and geldig_van > contract.einddatum:
        fouten["geldig_van"] = "De ingangsdatum ligt na de einddatum van het contract."
    elif geldig_van < contract.startdatum:
        fouten["geldig_van"] = "De ingangsdatum ligt voor de startdatum van het contract."
    laatste = (
        ContractRegel.objects.filter(contract=contract, product=product, eenheid=eenheid)
        .order_by("-geldig_van")
        .first()
    )
    if laatste and geldig_van <= laatste.geldig_van and "geldig_van" not in fouten:
        fouten["geldig_van"] = (
            f"Er is al een tarief vanaf {laatste.geldig_van:%d-%m-%Y}; een nieuw tarief gaat later in."
        )
    if fouten:
        raise ValidationError(fouten)
    regel = ContractRegel(contract=contract, product=product, eenheid=eenheid, tarief=tarief, geldig_van=geldig_van)
    _valideer(regel, exclude=["contract"])
    regel.save()
    return regel


# --- Spending and assignment ------------------------------------------------------------------


@transaction.atomic
def leg_uitgave_vast(
    *,
    zorgaanbieder: Zorgaanbieder,
    jaar: int,
    maand: int,
    gemeente,
    categorie: str,
    bedrag: Decimal,
    uitgave: Uitgave | None = None,
) -> Uitgave:
    """Record (or correct) the spending of one month, gemeente and category at a provider. With ``uitgave``
    that row is corrected (also its month, gemeente or category), never a second row beside it."""
    if bedrag is not None and Decimal(bedrag) < 0:
        raise ValidationError({"bedrag": "Het bedrag mag niet negatief zijn."})
    bestaand = (
        Uitgave.objects.select_for_update()
        .filter(zorgaanbieder=zorgaanbieder, jaar=jaar, maand=maand, gemeente=gemeente, categorie=categorie)
        .first()
    )
    if uitgave is not None:
        if bestaand is not None and bestaand.pk != uitgave.pk:
            raise ValidationError({"maand": "Deze uitgave (aanbieder, maand, gemeente, categorie) bestaat al."})
        uitgave = Uitgave.objects.select_for_update().get(pk=uitgave.pk)
        uitgave.zorgaanbieder, uitgave.jaar, uitgave.maand = zorgaanbieder, jaar, maand
        uitgave.gemeente, uitgave.categorie = gemeente, categorie
    else:
        uitgave = bestaand or Uitgave(
            zorgaanbieder=zorgaanbieder, jaar=jaar, maand=maand, gemeente=gemeente, categorie=categorie
        )
    uitgave.bedrag = bedrag
    _valideer(uitgave, exclude=["zorgaanbieder", "gemeente"])
    uitgave.save()
    return uitgave


@transaction.atomic
def sla_opdracht_op(*, opdracht: Opdracht | None = None, **velden) -> Opdracht:
    """Create or change the municipal assignment of one gemeente and year (amounts not negative)."""
    opdracht = opdracht or Opdracht()
    for veld, waarde in velden.items():
        setattr(opdracht, veld, waarde)
    fouten = {
        veld: "Het bedrag mag niet negatief zijn."
        for veld in ("lumpsum", "verhoging_lumpsum", "aanvullende_taken")
        if getattr(opdracht, veld) is not None and Decimal(getattr(opdracht, veld)) < 0
    }
    if fouten:
        raise ValidationError(fouten)
    if Opdracht.objects.filter(gemeente=opdracht.gemeente, jaar=opdracht.jaar).exclude(pk=opdracht.pk).exists():
        raise ValidationError({"jaar": "Voor deze gemeente en dit jaar bestaat al een opdracht."})
    _valideer(opdracht, exclude=["gemeente"])
    opdracht.save()
    return opdracht


# --- Transformation agreements ----------------------------------------------------------------

AFSPRAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    TransformatieAfspraak.Status.OPEN: frozenset(
        {
            TransformatieAfspraak.Status.LOPEND,
            TransformatieAfspraak.Status.GEREALISEERD,
            TransformatieAfspraak.Status.NIET_GEREALISEERD,
            TransformatieAfspraak.Status.VERVALLEN,
        }
    ),
    TransformatieAfspraak.Status.LOPEND: frozenset(
        {
            TransformatieAfspraak.Status.GEREALISEERD,
            TransformatieAfspraak.Status.NIET_GEREALISEERD,
            TransformatieAfspraak.Status.VERVALLEN,
        }
    ),
    TransformatieAfspraak.Status.GEREALISEERD: frozenset(),
    TransformatieAfspraak.Status.NIET_GEREALISEERD: frozenset(),
    TransformatieAfspraak.Status.VERVALLEN: frozenset(),
}


def controleer_afspraak(*, afspraak: TransformatieAfspraak) -> None:
    if afspraak.streefdatum and afspraak.afgesproken_op and afspraak.streefdatum < afspraak.afgesproken_op:
        raise ValidationError({"streefdatum": "De streefdatum mag niet voor de afspraakdatum liggen."})
    if afspraak.contract_id and afspraak.contract.zorgaanbieder_id != afspraak.zorgaanbieder_id:
        raise ValidationError({"contract": "Dit contract hoort bij een andere zorgaanbieder."})
    _valideer(afspraak, exclude=["zorgaanbieder", "status"])


@transaction.atomic
def sla_afspraak_op(
    *,
    zorgaanbieder: Zorgaanbieder,
    opdracht: str,
    gewenst_resultaat: str,
    afgesproken_op: date,
    streefdatum: date,
    contract: Contract | None = None,
    afspraak: TransformatieAfspraak | None = None,
) -> TransformatieAfspraak:
    afspraak = afspraak or TransformatieAfspraak(status=TransformatieAfspraak.Status.OPEN)
    afspraak.zorgaanbieder, afspraak.contract = zorgaanbieder, contract
    afspraak.opdracht, afspraak.gewenst_resultaat = opdracht, gewenst_resultaat
    afspraak.afgesproken_op, afspraak.streefdatum = afgesproken_op, streefdatum
    controleer_afspraak(afspraak=afspraak)
    afspraak.save()
    return afspraak


def controleer_afspraakovergang(*, van: str, naar: str, realisatie: str) -> None:
    """The transition table of agreements; a realised or not realised agreement needs a realisation note."""
    if naar not in TransformatieAfspraak.Status.values:
        raise ValidationError({"status": "Onbekende status."})
    if naar not in AFSPRAAK_OVERGANGEN[van]:
        oud, nieuw = TransformatieAfspraak.Status(van).label, TransformatieAfspraak.Status(naar).label
        raise ValidationError({"status": f"Een afspraak met status ‘{oud}’ kan niet naar ‘{nieuw}’."})
    afgerond = (TransformatieAfspraak.Status.GEREALISEERD, TransformatieAfspraak.Status.NIET_GEREALISEERD)
    if naar in afgerond and not (realisatie or "").strip():
        raise ValidationError({"realisatie": "Licht toe wat er van de afspraak is gerealiseerd."})


@transaction.atomic
def wijzig_afspraakstatus(
    *, afspraak: TransformatieAfspraak, naar: str, realisatie: str | None = None
) -> TransformatieAfspraak:
    afspraak = TransformatieAfspraak.objects.select_for_update().get(pk=afspraak.pk)
    controleer_afspraakovergang(van=afspraak.status, naar=naar, realisatie=realisatie or afspraak.realisatie)
    afspraak.status = naar
    if realisatie is not None:
        afspraak.realisatie = realisatie
    afspraak.save(update_fields=["status", "realisatie"])
    return afspraak


# --- Meetings -----------------------------------------------------------------------------------


@transaction.atomic
def sla_gesprek_op(
    *,
    zorgaanbieder: Zorgaanbieder,
    soort: str,
    gepland_op: date,
    gehouden_op: date | None = None,
    deelnemers: Iterable | None = None,
    overige_deelnemers: str = "",
    afspraken: Iterable[TransformatieAfspraak] | None = None,
    verslag: str = "",
    knelpunten: str = "",
    gesprek: Gesprek | None = None,
    vandaag: date | None = None,
) -> Gesprek:
    """Plan a meeting or record it as held (a held date is not in the future; discussed agreements belong
    to the same provider)."""
    vandaag = vandaag or date.today()
    if gehouden_op and gehouden_op > vandaag:
        raise ValidationError({"gehouden_op": "Een gesprek kan niet in de toekomst gehouden zijn."})
    afspraken = list(afspraken) if afspraken is not None else None
    if afspraken and any(a.zorgaanbieder_id != zorgaanbieder.pk for a in afspraken):
        raise ValidationError({"afspraken": "Alleen afspraken met deze zorgaanbieder kunnen besproken worden."})
    gesprek = gesprek or Gesprek()
    gesprek.zorgaanbieder, gesprek.soort, gesprek.gepland_op, gesprek.gehouden_op = (
        zorgaanbieder,
        soort,
        gepland_op,
        gehouden_op,
    )
    gesprek.overige_deelnemers, gesprek.verslag, gesprek.knelpunten = overige_deelnemers, verslag, knelpunten
    _valideer(gesprek, exclude=["zorgaanbieder"])
    gesprek.save()
    if deelnemers is not None:
        gesprek.deelnemers.set(deelnemers)
    if afspraken is not None:
        gesprek.afspraken.set(afspraken)
    return gesprek


@transaction.atomic
def voeg_actiepunt_toe(*, gesprek: Gesprek, omschrijving: str, deadline: date, eigenaar=None) -> Actiepunt:
    actiepunt = Actiepunt(gesprek=gesprek, omschrijving=omschrijving, deadline=deadline, eigenaar=eigenaar)
    _valideer(actiepunt, exclude=["gesprek", "eigenaar"])
    actiepunt.save()
    return actiepunt


@transaction.atomic
def rond_actiepunt_af(*, actiepunt: Actiepunt, op: date | None = None) -> Actiepunt:
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    op = op or date.today()
    if op > date.today():
        raise ValidationError({"afgerond_op": "De afronddatum kan niet in de toekomst liggen."})
    actiepunt.afgerond_op = op
    actiepunt.save(update_fields=["afgerond_op"])
    return actiepunt


# --- Annual accounts ----------------------------------------------------------------------------


@transaction.atomic
def registreer_jaarrekening(
    *, zorgaanbieder: Zorgaanbieder, boekjaar: int, ontvangen_op: date | None
) -> JaarrekeningBeoordeling:
    beoordeling, _ = JaarrekeningBeoordeling.objects.select_for_update().get_or_create(
        zorgaanbieder=zorgaanbieder, boekjaar=boekjaar
    )
    beoordeling.ontvangen_op = ontvangen_op
    beoordeling.save(update_fields=["ontvangen_op"])
    return beoordeling


@transaction.atomic
def beoordeel_jaarrekening(
    *,
    zorgaanbieder: Zorgaanbieder,
    boekjaar: int,
    oordeel: str,
    door,
    op: date,
    toelichting: str = "",
    ontvangen_op: date | None = None,
) -> JaarrekeningBeoordeling:
    """Record the review of a provider's annual accounts for ``boekjaar``."""
    fouten: dict[str, str] = {}
    if oordeel not in JaarrekeningBeoordeling.Oordeel.values:
        fouten["oordeel"] = "Kies een oordeel."
    if op > date.today():
        fouten["beoordeeld_op"] = "De beoordelingsdatum kan niet in de toekomst liggen."
    if op.year <= boekjaar:
        fouten["beoordeeld_op"] = "Een jaarrekening wordt beoordeeld na afloop van het boekjaar."
    if oordeel != JaarrekeningBeoordeling.Oordeel.GEEN_BIJZONDERHEDEN and not toelichting.strip():
        fouten["toelichting"] = "Licht een aandachtspunt of twijfel over de continuïteit toe."
    if fouten:
        raise ValidationError(fouten)
    beoordeling, _ = JaarrekeningBeoordeling.objects.select_for_update().get_or_create(
        zorgaanbieder=zorgaanbieder, boekjaar=boekjaar
    )
    if ontvangen_op:
        beoordeling.ontvangen_op = ontvangen_op
    beoordeling.ontvangen_op = beoordeling.ontvangen_op or op
    beoordeling.oordeel, beoordeling.beoordeeld_door, beoordeling.beoordeeld_op = oordeel, door, op
    beoordeling.toelichting = toelichting
    _valideer(beoordeling, exclude=["zorgaanbieder", "beoordeeld_door"])
    beoordeling.save()
    return beoordeling
