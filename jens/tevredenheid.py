"""Satisfaction surveys (``Tevredenheidsmeting``): the one write with its rules, and the report selector.

Who: the functioneel beheerder enters and corrects the scores (in beheer, with history); management reads them;
the gemeente sees the cooperation-wide scores on the dashboard and in the half-year report (the surveys are
held for JENS as a whole, there is no score per municipality), but a score from fewer than five respondents is
not shown to it (jens.privacy)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from jens.models import Tevredenheidsmeting

VELDEN = ("soort", "jaar", "periode", "score", "norm", "respondenten", "bron")


def _decimaal(waarde, veld: str, fouten: dict) -> Decimal | None:
    if waarde in (None, ""):
        fouten[veld] = "Vul dit veld in."
        return None
    try:
        getal = Decimal(str(waarde).replace(",", "."))
    except InvalidOperation:
        fouten[veld] = "Vul een getal in, bijvoorbeeld 7,5."
        return None
    if not Decimal(1) <= getal <= Decimal(10):
        fouten[veld] = f"De {veld} ligt tussen 1 en 10."
    elif getal != getal.quantize(Decimal("0.1")):
        fouten[veld] = f"De {veld} heeft hoogstens één decimaal."
    return getal


def controleer_meting(meting: Tevredenheidsmeting) -> None:
    """Every rule of a survey score with a Dutch message per field; raises before anything is written."""
    fouten: dict[str, str] = {}
    if meting.soort not in Tevredenheidsmeting.Soort.values:
        fouten["soort"] = "Kies cliënt, medewerker of stakeholder."
    if meting.periode not in Tevredenheidsmeting.Periode.values:
        fouten["periode"] = "Kies heel jaar, eerste of tweede halfjaar."
    if not isinstance(meting.jaar, int) or not 2000 <= meting.jaar <= 2100:
        fouten["jaar"] = "Kies een jaar tussen 2000 en 2100."
    meting.score = _decimaal(meting.score, "score", fouten)
    meting.norm = _decimaal(meting.norm, "norm", fouten)
    if not isinstance(meting.respondenten, int) or isinstance(meting.respondenten, bool) or meting.respondenten < 1:
        fouten["respondenten"] = "Een meting heeft ten minste één respondent."
    if not fouten:
        dubbel = Tevredenheidsmeting.objects.filter(soort=meting.soort, jaar=meting.jaar, periode=meting.periode)
        if meting.pk:
            dubbel = dubbel.exclude(pk=meting.pk)
        if dubbel.exists():
            fouten["periode"] = "Voor deze soort en periode is al een meting vastgelegd."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def sla_meting_op(*, meting: Tevredenheidsmeting | None = None, **velden) -> Tevredenheidsmeting:
    """Record (``meting=None``) or correct a survey score; the history keeps the earlier values."""
    onbekend = set(velden) - set(VELDEN)
    if onbekend:
        raise ValidationError(dict.fromkeys(sorted(onbekend), "Dit veld kan niet worden gewijzigd."))
    if meting is not None:
        meting = Tevredenheidsmeting.objects.select_for_update().get(pk=meting.pk)
    else:
        meting = Tevredenheidsmeting()
    for veld, waarde in velden.items():
        setattr(meting, veld, waarde.strip() if isinstance(waarde, str) and veld == "bron" else waarde)
    controleer_meting(meting)
    meting.save()
    return meting


def tevredenheid_cijfers(jaar: int) -> list[dict]:
    """The scores of ``jaar`` and the year before, per kind and period, against the norm. One query."""
    rijen = (
        Tevredenheidsmeting.objects.filter(jaar__in=(jaar - 1, jaar))
        .order_by("soort", "-jaar", "periode")
        .values("soort", "jaar", "periode", "score", "norm", "respondenten")
    )
    return [
        {
            **r,
            "soort_label": str(Tevredenheidsmeting.Soort(r["soort"]).label),
            "periode_label": str(Tevredenheidsmeting.Periode(r["periode"]).label),
            "boven_norm": r["score"] >= r["norm"],
        }
        for r in rijen
    ]
