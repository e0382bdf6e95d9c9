"""The working-day calendar: the one place in the project that adds days to dates for terms.

A working day is Monday to Friday, not a public holiday of the Algemene termijnenwet and not an
office closing day (``Sluitingsdag``, edited in the admin). ``holidays.NL`` with the categories
public and optional gives exactly the holidays of that law: New Year's Day, Good Friday, Easter
Monday, King's Day (26 April when the 27th is a Sunday), 5 May every year, Ascension Day, Whit
Monday, Christmas Day and Boxing Day (plus Easter and Whit Sunday, which are Sundays anyway).
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> dict[date, str]:
    return dict(holidays.NL(years=jaar, categories=("public", "optional"), language="nl"))


def feestdag(d: date) -> str | None:
    """The name of the public holiday on ``d``, or None."""
    return _feestdagen(d.year).get(d)


def _sluitingsdagen(van: date, tot: date) -> set[date]:
    from jens.models import Sluitingsdag

    return set(Sluitingsdag.objects.filter(datum__gte=van, datum__lte=tot).values_list("datum", flat=True))


def _is_werkdag(d: date, gesloten: set[date]) -> bool:
    return d.weekday() < 5 and d not in _feestdagen(d.year) and d not in gesloten


def is_werkdag(d: date) -> bool:
    return _is_werkdag(d, _sluitingsdagen(d, d))


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start``; ``start`` itself never counts (n=0 gives ``start``)."""
    if n < 0:
        raise ValueError("n moet 0 of groter zijn")
    if n == 0:
        return start
    # Enough room for weekends, holidays and a generous number of closing days.
    gesloten = _sluitingsdagen(start, start + timedelta(days=n * 2 + 40))
    d, geteld = start, 0
    while geteld < n:
        d += timedelta(days=1)
        if _is_werkdag(d, gesloten):
            geteld += 1
    return d


def working_days_between(a: date, b: date) -> int:
    """The number of working days after ``a`` up to and including ``b``; negative when b < a.

    The inverse of ``add_working_days``: ``working_days_between(a, add_working_days(a, n)) == n``.
    """
    if b < a:
        return -working_days_between(b, a)
    gesloten = _sluitingsdagen(a, b)
    return sum(1 for i in range(1, (b - a).days + 1) if _is_werkdag(a + timedelta(days=i), gesloten))


def working_days_from(a: date, datums) -> dict[date, int]:
    """``working_days_between(a, d)`` for many dates ``d`` at once, with one query for the closing days
    (for lists that show the working days left per row)."""
    datums = {d for d in datums if d is not None}
    if not datums:
        return {}
    gesloten = _sluitingsdagen(min([a, *datums]), max([a, *datums]))

    def tussen(x: date, y: date) -> int:
        if y < x:
            return -tussen(y, x)
        return sum(1 for i in range(1, (y - x).days + 1) if _is_werkdag(x + timedelta(days=i), gesloten))

    return {d: tussen(a, d) for d in datums}
