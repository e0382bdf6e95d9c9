"""Every write on employees, placements, budgets and training that carries a rule."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from contracts.models import Zorgaanbieder
from contracts.selectors import WERKGEVER_SOORTEN, mag_werkgever_zijn_op
from jens.models import Gebied
from jens.periode import DATUM_BUITEN_BEREIK, controleer_datums, datum_in_bereik
from staff.models import Domein, Formatie, Medewerker, Plaatsing, Scholing

MELDCODE_SOORTEN = (Scholing.Soort.MELDCODE_BASIS, Scholing.Soort.MELDCODE_OPFRIS)


def _ververs_signaleringen(medewerker: Medewerker | None = None) -> None:
    """Placements and training change who lacks Meldcode training: rescan ``medewerker`` (everybody when not
    given) when the write commits."""
    from jens.signaleringen import ververs_na_commit
    from staff.signaleringen import ververs_meldcode_signaleringen

    ververs_na_commit(ververs_meldcode_signaleringen, medewerker)


def termijn(sleutel: str):
    return settings.JENS_TERMIJNEN[sleutel]


def max_fte() -> Decimal:
    return Decimal(str(termijn("STAFF_MAX_FTE_PER_MEDEWERKER")))


def _getal(waarde: Decimal) -> str:
    return f"{waarde:.2f}".replace(".", ",")


# --- Meldcode deadlines (computed here, stored on the employee) ---------------------------------


def basis_uiterlijk(in_dienst_van: date) -> date:
    return in_dienst_van + timedelta(weeks=termijn("STAFF_MELDCODE_BASIS_WEKEN"))


def opfris_uiterlijk(laatste_meldcode: date | None) -> date | None:
    if laatste_meldcode is None:
        return None
    return laatste_meldcode + relativedelta(months=termijn("STAFF_MELDCODE_OPFRIS_MAANDEN"))


@dataclass
class Voorraad:
    """What the rules below read from the database, loaded once for a whole file (the HR import) instead
    of once per row: the relation periods of the providers that may employ staff (members and strategic
    subcontractors), and per employee the placements and the latest Meldcode trainings. The import adds
    each accepted placement, so rows of one file see each other."""

    werkgever_perioden: dict[int, list[tuple[date, date | None]]] = field(default_factory=dict)
    plaatsingen: dict[int, list[tuple[int | None, date, date | None, Decimal]]] = field(default_factory=dict)
    scholing: dict[int, dict] = field(default_factory=dict)

    @classmethod
    def laad(cls, *, medewerker_ids: Iterable[int] = ()) -> "Voorraad":
        """Three queries whatever the size of the file."""
        from contracts.models import Relatie

        voorraad = cls()
        for zorgaanbieder_id, van, tot in Relatie.objects.filter(soort__in=WERKGEVER_SOORTEN).values_list(
            "zorgaanbieder_id", "geldig_van", "geldig_tot"
        ):
            voorraad.werkgever_perioden.setdefault(zorgaanbieder_id, []).append((van, tot))
        ids = list(medewerker_ids)
        if ids:
            for pk, medewerker_id, van, tot, fte in Plaatsing.objects.filter(medewerker_id__in=ids).values_list(
                "pk", "medewerker_id", "van", "tot", "fte"
            ):
                voorraad.plaatsingen.setdefault(medewerker_id, []).append((pk, van, tot, fte))
            for rij in (
                Scholing.objects.filter(medewerker_id__in=ids, soort__in=MELDCODE_SOORTEN)
                .values("medewerker_id")
                .annotate(laatste=Max("datum"), basis=Max("datum", filter=Q(soort=Scholing.Soort.MELDCODE_BASIS)))
            ):
                voorraad.scholing[rij["medewerker_id"]] = rij
        return voorraad

    def mag_werkgever_zijn_op(self, zorgaanbieder_id: int, datum: date) -> bool:
        """Member or strategic subcontractor on ``datum`` (the periods of one provider do not overlap)."""
        return any(
            van <= datum and (tot is None or tot > datum)
            for van, tot in self.werkgever_perioden.get(zorgaanbieder_id, [])
        )

    def voeg_toe(self, plaatsing: Plaatsing) -> None:
        lijst = self.plaatsingen.setdefault(plaatsing.medewerker_id, [])
        lijst[:] = [p for p in lijst if p[0] is None or p[0] != plaatsing.pk]
        lijst.append((plaatsing.pk, plaatsing.van, plaatsing.tot, plaatsing.fte))


def herbereken_meldcode_termijnen(medewerker: Medewerker, *, voorraad: Voorraad | None = None) -> None:
    """Store the deadline for basic training (8 weeks after start, none once trained) and for the next
    refresher (12 months after the latest Meldcode training)."""
    if voorraad is not None:
        laatste = voorraad.scholing.get(medewerker.pk, {"laatste": None, "basis": None})
    else:
        laatste = medewerker.scholingen.filter(soort__in=MELDCODE_SOORTEN).aggregate(
            laatste=Max("datum"), basis=Max("datum", filter=Q(soort=Scholing.Soort.MELDCODE_BASIS))
        )
    medewerker.meldcode_basis_uiterlijk = None if laatste["basis"] else basis_uiterlijk(medewerker.in_dienst_van)
    medewerker.meldcode_opfris_uiterlijk = opfris_uiterlijk(laatste["laatste"])


# --- Employees -------------------------------------------------------------------------------------


def werkgever_melding(werkgever: Zorgaanbieder, datum: date) -> str:
    return (
        f"{werkgever} is op {datum:%d-%m-%Y} geen lid en geen strategische onderaannemer van JENS; "
        "alleen leden en strategische onderaannemers kunnen werkgever zijn."
    )


def _werkgever_toegestaan(werkgever: Zorgaanbieder, datum: date, voorraad: "Voorraad | None") -> bool:
    if voorraad is not None:
        return voorraad.mag_werkgever_zijn_op(werkgever.pk, datum)
    return mag_werkgever_zijn_op(werkgever, datum)


def valideer_medewerker(medewerker: Medewerker, *, voorraad: Voorraad | None = None) -> None:
    """The rules on an employee: field and database constraints, and the employer is a member (lid) or a
    strategic subcontractor of JENS on the start date. With ``voorraad`` (the import) the same rules read the preloaded data, and
    the unique personnel number is the import's to check (it matches rows on it)."""
    fouten: dict[str, list[str]] = {
        veld: [DATUM_BUITEN_BEREIK]
        for veld in ("in_dienst_van", "in_dienst_tot")
        if not datum_in_bereik(getattr(medewerker, veld))
    }
    if fouten:  # 9999-12-31 + 8 weeks does not exist: nothing below may compute with such a date
        raise ValidationError(fouten)
    if medewerker.in_dienst_van and medewerker.in_dienst_tot and medewerker.in_dienst_tot <= medewerker.in_dienst_van:
        fouten["in_dienst_tot"] = ["De datum uit dienst moet na de datum in dienst liggen."]
    try:
        # With ``voorraad`` the employer came from the preloaded providers (it exists) and the one check
        # constraint is the rule on the dates above: no query per row for either.
        medewerker.full_clean(
            validate_unique=voorraad is None,
            validate_constraints=voorraad is None,
            exclude=["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"]
            + (["werkgever", "gebruiker"] if voorraad is not None else []),
        )
    except ValidationError as exc:
        for veld, meldingen in exc.message_dict.items():
            if not (veld == "__all__" and "in_dienst_tot" in fouten):
                fouten.setdefault(veld, []).extend(meldingen)
    if (
        medewerker.werkgever_id
        and medewerker.in_dienst_van
        and "werkgever" not in fouten
        and not _werkgever_toegestaan(medewerker.werkgever, medewerker.in_dienst_van, voorraad)
    ):
        fouten["werkgever"] = [werkgever_melding(medewerker.werkgever, medewerker.in_dienst_van)]
    if medewerker.pk and medewerker.in_dienst_van:
        if voorraad is not None:
            van_, tot_ = medewerker.in_dienst_van, medewerker.in_dienst_tot
            buiten_dienst = any(
                van < van_ or (tot_ is not None and (tot is None or tot > tot_))
                for _, van, tot, _ in voorraad.plaatsingen.get(medewerker.pk, [])
            )
        else:
            buiten_dienst = (
                Plaatsing.objects.filter(medewerker=medewerker)
                .filter(
                    Q(van__lt=medewerker.in_dienst_van)
                    | (
                        Q(tot__isnull=True) | Q(tot__gt=medewerker.in_dienst_tot)
                        if medewerker.in_dienst_tot
                        else Q(pk__in=[])
                    )
                )
                .exists()
            )
        if buiten_dienst:
            fouten.setdefault("in_dienst_tot" if medewerker.in_dienst_tot else "in_dienst_van", []).append(
                "Er zijn plaatsingen buiten deze diensttijd; beëindig of wijzig die eerst."
            )
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def maak_medewerker(
    *,
    personeelsnummer: str,
    naam: str,
    werkgever: Zorgaanbieder,
    functie: str,
    in_dienst_van: date,
    in_dienst_tot: date | None = None,
    email: str = "",
    gebruiker=None,
) -> Medewerker:
    medewerker = Medewerker(
        personeelsnummer=personeelsnummer,
        naam=naam,
        email=email,
        werkgever=werkgever,
        functie=functie,
        in_dienst_van=in_dienst_van,
        in_dienst_tot=in_dienst_tot,
        gebruiker=gebruiker,
    )
    valideer_medewerker(medewerker)
    medewerker.meldcode_basis_uiterlijk = basis_uiterlijk(in_dienst_van)
    medewerker.save()
    return medewerker


WIJZIGBARE_MEDEWERKERVELDEN = ("naam", "email", "werkgever", "functie", "in_dienst_van", "in_dienst_tot", "gebruiker")


@transaction.atomic
def wijzig_medewerker(*, medewerker: Medewerker, **velden) -> Medewerker:
    onbekend = set(velden) - set(WIJZIGBARE_MEDEWERKERVELDEN)
    if onbekend:
        raise ValidationError(dict.fromkeys(onbekend, "Dit veld kan niet worden gewijzigd."))
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    for veld, waarde in velden.items():
        setattr(medewerker, veld, waarde)
    valideer_medewerker(medewerker)
    herbereken_meldcode_termijnen(medewerker)
    medewerker.save()
    _ververs_signaleringen(medewerker)
    return medewerker


# --- Placements ------------------------------------------------------------------------------------


def _overlapt(van: date, tot: date | None) -> Q:
    """Placements whose [van, tot) overlaps [van, tot)."""
    conditie = Q(tot__isnull=True) | Q(tot__gt=van)
    if tot is not None:
        conditie &= Q(van__lt=tot)
    return conditie


def valideer_plaatsing(plaatsing: Plaatsing, *, voorraad: Voorraad | None = None) -> None:
    """Field rules, the placement within the employee's service, and the sum of the employee's
    overlapping placements at most the configured maximum at every moment. Call it while holding the
    row lock on the employee (the services do)."""
    fouten: dict[str, list[str]] = {
        veld: [DATUM_BUITEN_BEREIK] for veld in ("van", "tot") if not datum_in_bereik(getattr(plaatsing, veld))
    }
    if plaatsing.fte is not None and not (0 < plaatsing.fte <= 1):
        fouten["fte"] = ["De fte moet groter dan 0 en hoogstens 1,00 zijn."]
    if plaatsing.van and plaatsing.tot and plaatsing.tot <= plaatsing.van:
        fouten["tot"] = ["De einddatum moet na de begindatum liggen."]
    if not fouten:
        try:
            # with ``voorraad`` the employee and the area came from the preloaded rows, and the check
            # constraints (fte, dates) are the rules just above: no query per row
            plaatsing.full_clean(
                validate_unique=False,
                validate_constraints=voorraad is None,
                exclude=["medewerker", "gebied"] if voorraad is not None else None,
            )
        except ValidationError as exc:
            fouten.update(exc.message_dict)
    if fouten:
        raise ValidationError(fouten)
    medewerker = plaatsing.medewerker
    if plaatsing.van < medewerker.in_dienst_van:
        fouten["van"] = [f"De plaatsing begint voor de indiensttreding ({medewerker.in_dienst_van:%d-%m-%Y})."]
    if medewerker.in_dienst_tot and (plaatsing.tot is None or plaatsing.tot > medewerker.in_dienst_tot):
        fouten["tot"] = [
            f"De plaatsing loopt door na de uitdiensttreding ({medewerker.in_dienst_tot:%d-%m-%Y}); vul een einddatum in."
        ]
    if fouten:
        raise ValidationError(fouten)
    if voorraad is not None:
        andere = [
            (van, tot, fte)
            for pk, van, tot, fte in voorraad.plaatsingen.get(medewerker.pk, [])
            if (pk is None or pk != plaatsing.pk)
            and (tot is None or tot > plaatsing.van)
            and (plaatsing.tot is None or van < plaatsing.tot)
        ]
    else:
        andere = list(
            Plaatsing.objects.filter(medewerker_id=medewerker.pk)
            .exclude(pk=plaatsing.pk)
            .filter(_overlapt(plaatsing.van, plaatsing.tot))
            .values_list("van", "tot", "fte")
        )
    # The sum can only rise where a placement starts: check it at every start inside this placement.
    momenten = {plaatsing.van} | {van for van, _, _ in andere if van > plaatsing.van}
    limiet = max_fte()
    for moment in sorted(momenten):
        som = plaatsing.fte + sum(
            (fte for van, tot, fte in andere if van <= moment and (tot is None or tot > moment)), Decimal(0)
        )
        if som > limiet:
            raise ValidationError(
                {
                    "fte": (
                        f"Samen met de andere plaatsingen van {medewerker.naam} komt de fte op {moment:%d-%m-%Y} "
                        f"op {_getal(som)}; het maximum is {_getal(limiet)}."
                    )
                }
            )


def controleer_werkgever_plaatsing(plaatsing: Plaatsing, *, voorraad: Voorraad | None = None) -> None:
    """A new placement (in an area team or the preventive field) needs an employer that is a member or a
    strategic subcontractor of JENS on the placement's start date; staff of a plain supplier are not placed.
    Ending or re-hour-ing a running placement is not refused when the employer has left since."""
    medewerker = plaatsing.medewerker
    if not (medewerker.werkgever_id and plaatsing.van):
        return
    if voorraad is not None:
        toegestaan = voorraad.mag_werkgever_zijn_op(medewerker.werkgever_id, plaatsing.van)
    else:
        toegestaan = mag_werkgever_zijn_op(medewerker.werkgever, plaatsing.van)
    if not toegestaan:
        raise ValidationError({"van": werkgever_melding(medewerker.werkgever, plaatsing.van)})


def _vergrendel(medewerker: Medewerker) -> Medewerker:
    return Medewerker.objects.select_for_update().get(pk=medewerker.pk)


@transaction.atomic
def start_plaatsing(
    *, medewerker: Medewerker, gebied: Gebied, domein: str, fte: Decimal, van: date, tot: date | None = None
) -> Plaatsing:
    medewerker = _vergrendel(medewerker)
    plaatsing = Plaatsing(medewerker=medewerker, gebied=gebied, domein=domein, fte=fte, van=van, tot=tot)
    valideer_plaatsing(plaatsing)
    controleer_werkgever_plaatsing(plaatsing)
    plaatsing.save()
    _ververs_signaleringen(plaatsing.medewerker)
    return plaatsing


@transaction.atomic
def beeindig_plaatsing(*, plaatsing: Plaatsing, tot: date) -> Plaatsing:
    medewerker = _vergrendel(plaatsing.medewerker)
    plaatsing = Plaatsing.objects.select_related("gebied").get(pk=plaatsing.pk)
    plaatsing.medewerker = medewerker
    if plaatsing.tot is not None and tot > plaatsing.tot:
        raise ValidationError({"tot": "Een beëindigde plaatsing kan niet worden verlengd; start een nieuwe."})
    plaatsing.tot = tot
    valideer_plaatsing(plaatsing)
    plaatsing.save(update_fields=["tot"])
    _ververs_signaleringen(plaatsing.medewerker)
    return plaatsing


@transaction.atomic
def wijzig_uren(*, plaatsing: Plaatsing, fte: Decimal, per: date) -> Plaatsing:
    """Change someone's hours from ``per``: the old placement ends on ``per`` and a new one with the
    new FTE starts on ``per`` (same area, domain and end date), so the history stays."""
    medewerker = _vergrendel(plaatsing.medewerker)
    oud = Plaatsing.objects.get(pk=plaatsing.pk)
    oud.medewerker = medewerker
    controleer_datums(per=per)
    if per is None or per <= oud.van or (oud.tot is not None and per >= oud.tot):
        raise ValidationError({"per": "De ingangsdatum moet binnen de lopende plaatsing liggen (na de begindatum)."})
    oorspronkelijk_tot = oud.tot
    oud.tot = per
    oud.save(update_fields=["tot"])
    nieuw = Plaatsing(
        medewerker=medewerker, gebied_id=oud.gebied_id, domein=oud.domein, fte=fte, van=per, tot=oorspronkelijk_tot
    )
    valideer_plaatsing(nieuw)
    nieuw.save()
    _ververs_signaleringen(nieuw.medewerker)
    return nieuw


# --- Budget and training ---------------------------------------------------------------------------


@transaction.atomic
def leg_formatie_vast(*, gebied: Gebied, domein: str, fte: Decimal, geldig_van: date) -> Formatie:
    """Record (or correct) the budgeted FTE of an area and domain from a date."""
    if domein not in Domein.values:
        raise ValidationError({"domein": "Kies gebiedsteam of voorliggend veld."})
    controleer_datums(geldig_van=geldig_van)
    if fte is None or fte < 0:
        raise ValidationError({"fte": "De begrote fte mag niet negatief zijn."})
    formatie = Formatie.objects.select_for_update().filter(
        gebied=gebied, domein=domein, geldig_van=geldig_van
    ).first() or Formatie(gebied=gebied, domein=domein, geldig_van=geldig_van)
    formatie.fte = fte
    formatie.full_clean(validate_unique=False)
    formatie.save()
    return formatie


@transaction.atomic
def registreer_scholing(*, medewerker: Medewerker, soort: str, datum: date, omschrijving: str = "") -> Scholing:
    controleer_datums(datum=datum)
    medewerker = _vergrendel(medewerker)
    scholing = Scholing(medewerker=medewerker, soort=soort, datum=datum, omschrijving=omschrijving)
    scholing.full_clean()
    scholing.save()
    if soort in MELDCODE_SOORTEN:
        herbereken_meldcode_termijnen(medewerker)
        medewerker.save(update_fields=["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"])
        _ververs_signaleringen(medewerker)
    return scholing


@transaction.atomic
def verwijder_scholing(*, scholing: Scholing) -> None:
    medewerker = _vergrendel(scholing.medewerker)
    scholing.delete()
    herbereken_meldcode_termijnen(medewerker)
    medewerker.save(update_fields=["meldcode_basis_uiterlijk", "meldcode_opfris_uiterlijk"])
    _ververs_signaleringen(medewerker)
