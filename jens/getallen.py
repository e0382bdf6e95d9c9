"""How numbers are shown, in one place: the pages, the charts, the XLSX files and the traffic lights use these.

Dutch notation (1.234 and 169,4), a year or an id never grouped (Django's USE_THOUSAND_SEPARATOR is off; only
these helpers group thousands), the same decimals on a page and in its spreadsheet (19,5 stays 19,5; 9 beside
7,0 becomes 9,0 when the column has decimals), and one traffic-light rule.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

LEEG = "—"  # no value, or a value that may not be shown

ORANJE_MARGE = Decimal("0.10")  # within 10% of the norm: orange
KLEUR_TEKST = {"groen": "norm gehaald", "oranje": "bijna aan de norm", "rood": "norm niet gehaald", "": "geen norm"}

# The decimals per kind of figure; None: as many as the value needs (0 or 1).
DECIMALEN = {"aantal": 0, "telling": 0, "fte": 1, "pct": 1, "euro": 0, "dagen": 1, "getal": None}


def _dec(waarde) -> Decimal | None:
    if waarde is None or waarde == "" or isinstance(waarde, bool):
        return None
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        return None


def _groepeer(geheel: str) -> str:
    delen = []
    while len(geheel) > 3:
        delen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    delen.insert(0, geheel)
    return ".".join(delen)


def getal(waarde, decimalen: int = 1) -> str:
    """A number with a decimal comma and a point per thousand: 1.234,5. Empty for None."""
    w = _dec(waarde)
    if w is None:
        return ""
    w = w.quantize(Decimal(1).scaleb(-int(decimalen)), rounding=ROUND_HALF_UP)
    teken = "-" if w < 0 else ""
    geheel, _, frac = f"{abs(w):f}".partition(".")
    return teken + _groepeer(geheel) + ("," + frac if frac else "")


def euro(bedrag, decimalen: int = 2) -> str:
    """€ 1.234,56; empty for None."""
    w = _dec(bedrag)
    if w is None:
        return ""
    tekst = getal(abs(w), decimalen)
    return f"{'-' if w < 0 else ''}€ {tekst}"


def decimalen(waarde, soort: str) -> int:
    """The decimals a value of this kind is shown with (the same on a page and in an XLSX cell)."""
    vast = DECIMALEN.get(soort)
    if vast is not None:
        return vast
    w = _dec(waarde)
    return 0 if w is None or w == w.to_integral_value() else 1


def formatteer(waarde, soort: str) -> str:
    """One value as text: 1.234 (count), 169,4 (fte), 7,2% (pct), € 1.234 (euro), 19,5 (days), ja/nee; "—" for
    no value."""
    if waarde is None or waarde == "":
        return LEEG
    if soort == "janee":
        return "ja" if waarde else "nee"
    if soort not in DECIMALEN:
        return str(waarde)
    if _dec(waarde) is None:  # already a text such as "<5"
        return str(waarde)
    d = decimalen(waarde, soort)
    if soort == "pct":
        return getal(waarde, d) + "%"
    if soort == "euro":
        return euro(waarde, d)
    return getal(waarde, d)


def xlsx_formaat(waarde, soort: str) -> str | None:
    """The Excel number format that shows a value as ``formatteer`` does (Excel applies the Dutch separators)."""
    if soort not in DECIMALEN or _dec(waarde) is None:
        return None
    d = decimalen(waarde, soort)
    basis = "#,##0" + ("." + "0" * d if d else "")
    if soort == "pct":
        return basis + '"%"'
    if soort == "euro":
        return '"€" ' + basis
    return basis


def verkeerslicht(waarde, norm, richting: str | None) -> str:
    """The one traffic-light rule: groen when the norm is met, oranje within 10% of it, rood otherwise;
    '' without a norm or a value. ``richting`` "min": at least the norm; "max": at most the norm."""
    w, n = _dec(waarde), _dec(norm)
    if w is None or n is None or richting is None:
        return ""
    if richting == "min":
        if w >= n:
            return "groen"
        return "oranje" if w >= n * (1 - ORANJE_MARGE) else "rood"
    if w <= n:
        return "groen"
    return "oranje" if w <= n * (1 + ORANJE_MARGE) else "rood"
