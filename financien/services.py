"""Every write with a rule in the finances. Keyword-only, atomic; errors are
``ValidationError({"veld": "Nederlandse melding"})`` and nothing is written when one is raised."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from financien.models import Begrotingsregel, Kostenpost, Kostenregel

UITBESTEED_UIT_UITGAVEN = (
    "Uitbestede (specialistische) zorg komt uit de uitgaven per zorgaanbieder (Contracten › Uitgaven), "
    "niet uit de boekhouding: boek deze kosten daar."
)


def _bedrag_fout(bedrag) -> str | None:
    if bedrag is None or bedrag == "":
        return "Vul het bedrag in."
    try:
        waarde = Decimal(str(bedrag))
    except InvalidOperation:
        return "Vul een bedrag in, bijvoorbeeld 1234,56."
    if waarde < 0:
        return "Het bedrag mag niet negatief zijn."
    return None


def _jaar_fout(jaar) -> str | None:
    if jaar is None or jaar == "":
        return "Vul het jaar in."
    if not 2000 <= int(jaar) <= 2100:
        return "Vul een jaar tussen 2000 en 2100 in."
    return None


def controleer_kostenregel(*, regel: Kostenregel) -> None:
    """The rules of one booked cost row, each message on its own field."""
    fouten: dict[str, str] = {}
    if not regel.gemeente_id:
        fouten["gemeente"] = "Kies de gemeente."
    if fout := _jaar_fout(regel.jaar):
        fouten["jaar"] = fout
    if regel.maand is None or regel.maand == "":
        fouten["maand"] = "Vul de maand in (1 tot en met 12)."
    elif not 1 <= int(regel.maand) <= 12:
        fouten["maand"] = "De maand ligt tussen 1 en 12."
    if not regel.post:
        fouten["post"] = "Kies de kostenpost."
    elif regel.post == Kostenpost.SPECIALISTISCHE_ZORG:
        fouten["post"] = UITBESTEED_UIT_UITGAVEN
    elif regel.post not in Kostenpost.values:
        fouten["post"] = f"Onbekende kostenpost ‘{regel.post}’."
    if fout := _bedrag_fout(regel.bedrag):
        fouten["bedrag"] = fout
    if not fouten and (
        Kostenregel.objects.filter(gemeente_id=regel.gemeente_id, jaar=regel.jaar, maand=regel.maand, post=regel.post)
        .exclude(pk=regel.pk)
        .exists()
    ):
        fouten["maand"] = "Voor deze gemeente, deze maand en deze post zijn al kosten geboekt."
    if fouten:
        raise ValidationError(fouten)


def controleer_begrotingsregel(*, regel: Begrotingsregel) -> None:
    fouten: dict[str, str] = {}
    if not regel.gemeente_id:
        fouten["gemeente"] = "Kies de gemeente."
    if fout := _jaar_fout(regel.jaar):
        fouten["jaar"] = fout
    if not regel.post:
        fouten["post"] = "Kies de kostenpost."
    elif regel.post not in Kostenpost.values:
        fouten["post"] = f"Onbekende kostenpost ‘{regel.post}’."
    if fout := _bedrag_fout(regel.bedrag):
        fouten["bedrag"] = fout
    if not fouten and (
        Begrotingsregel.objects.filter(gemeente_id=regel.gemeente_id, jaar=regel.jaar, post=regel.post)
        .exclude(pk=regel.pk)
        .exists()
    ):
        fouten["post"] = "Voor deze gemeente, dit jaar en deze post bestaat al een begroting."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def boek_kosten(*, kostenregel: Kostenregel | None = None, **velden) -> Kostenregel:
    """Book (or correct) the costs of one line, month and gemeente."""
    regel = Kostenregel.objects.select_for_update().get(pk=kostenregel.pk) if kostenregel else Kostenregel()
    for veld, waarde in velden.items():
        setattr(regel, veld, waarde)
    controleer_kostenregel(regel=regel)
    regel.full_clean()
    regel.save()
    return regel


@transaction.atomic
def begroot(*, begrotingsregel: Begrotingsregel | None = None, **velden) -> Begrotingsregel:
    """Record (or change) the budget of one line for one gemeente and year."""
    regel = (
        Begrotingsregel.objects.select_for_update().get(pk=begrotingsregel.pk) if begrotingsregel else Begrotingsregel()
    )
    for veld, waarde in velden.items():
        setattr(regel, veld, waarde)
    controleer_begrotingsregel(regel=regel)
    regel.full_clean()
    regel.save()
    return regel
