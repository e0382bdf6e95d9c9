from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


def _groepeer(geheel: str) -> str:
    delen = []
    while len(geheel) > 3:
        delen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    delen.insert(0, geheel)
    return ".".join(delen)


@register.filter
def euro(bedrag, decimalen: int = 2) -> str:
    """€ 1.234,56 (Dutch notation); empty for None."""
    if bedrag in (None, ""):
        return ""
    waarde = Decimal(str(bedrag)).quantize(Decimal(1).scaleb(-int(decimalen)), rounding=ROUND_HALF_UP)
    teken = "-" if waarde < 0 else ""
    geheel, _, frac = f"{abs(waarde):f}".partition(".")
    tekst = _groepeer(geheel) + ("," + frac if frac else "")
    return f"{teken}€ {tekst}"


@register.filter
def getal(waarde, decimalen: int = 1) -> str:
    """A number with a decimal comma: 169,4."""
    if waarde in (None, ""):
        return ""
    w = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-int(decimalen)), rounding=ROUND_HALF_UP)
    teken = "-" if w < 0 else ""
    geheel, _, frac = f"{abs(w):f}".partition(".")
    return teken + _groepeer(geheel) + ("," + frac if frac else "")
