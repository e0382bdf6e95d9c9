"""The small-count rule for aggregates that municipalities see, in one place (pages, API, XLSX and HTML use it).

- A count of 1 to 4 could point to a person: it is shown as "<5" (0 identifies nobody and stays 0).
- A share or a median of fewer than 5 people is not shown ("—"), nor are the medians and shares in a row whose
  count is hidden.
- A total must not give a hidden count away: in a group of counts whose total is shown (the rows above a "Totaal",
  the kinds that make up the number of complaints), one hidden count could be computed as the total minus the
  others. When exactly one count of a group is hidden, the smallest other count is hidden too ("—"), so the total
  stays visible and neither hidden count can be derived.
"""

from __future__ import annotations

from collections.abc import Sequence

KLEIN_AANTAL = 5
KLEIN_TEKST = f"<{KLEIN_AANTAL}"
VERBORGEN = "—"


def is_klein_aantal(aantal) -> bool:
    return aantal is not None and not isinstance(aantal, bool) and 0 < aantal < KLEIN_AANTAL


def maskeer_aantal(aantal):
    """A count as a municipality may see it: the count itself, or "<5"."""
    return KLEIN_TEKST if is_klein_aantal(aantal) else aantal


def maskeer_deel(waarde, basis):
    """A share or median computed over ``basis`` people: None (shown as "—") when that is fewer than 5."""
    return None if is_klein_aantal(basis) else waarde


def verborgen_in_groep(aantallen: Sequence) -> dict[int, str]:
    """The positions in a group of counts (the parts of a total that is shown) that may not be shown, with the
    text that replaces each: "<5" for a small count and, when only one count is small, "—" for the smallest
    other count (so that the total minus the shown counts does not give the small one away)."""
    klein = [i for i, a in enumerate(aantallen) if is_klein_aantal(a)]
    verborgen = dict.fromkeys(klein, KLEIN_TEKST)
    if len(klein) == 1:
        anderen = [
            (a, i)
            for i, a in enumerate(aantallen)
            if i not in verborgen and isinstance(a, int) and not isinstance(a, bool)
        ]
        if anderen:
            verborgen[min(anderen)[1]] = VERBORGEN
    return verborgen


def maskeer_groep(aantallen: Sequence) -> list:
    """The counts of one group as a municipality may see them (see ``verborgen_in_groep``)."""
    verborgen = verborgen_in_groep(aantallen)
    return [verborgen.get(i, a) for i, a in enumerate(aantallen)]
