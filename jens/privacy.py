"""The small-count rule for aggregates that municipalities see, in one place (pages, API, XLSX and HTML use it).

- A count of 1 to 4 could point to a person: it is shown as "<5" (0 identifies nobody and stays 0).
- A share or a median of fewer than 5 people is not shown ("—"), nor are the medians and shares in a row whose
  count is hidden.
- A total must not give a hidden count away: in a group of counts whose total is shown (the rows above a "Totaal",
  the kinds that make up the number of complaints), one hidden count could be computed as the total minus the
  others. When exactly one count of a group is hidden, the smallest other count is hidden too ("—"), so the total
  stays visible and neither hidden count can be derived.
- The same holds across rows and columns and across tables: counts that follow from each other (start + inflow -
  outflow = end, month after month; a mean of shown counts) form a system of linear relations, and no hidden count
  may be computable from the shown ones by combining relations (``verborgen_in_stelsel``); a group is the simplest
  such relation (its parts add up to a shown total).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction

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
    waarden = dict(enumerate(aantallen))
    return verborgen_in_stelsel(waarden, [dict.fromkeys(waarden, 1)])


def _is_telling(a) -> bool:
    return isinstance(a, int) and not isinstance(a, bool)


def _rang(rijen: list[list[Fraction]]) -> int:
    """The rank of a small matrix (exact arithmetic)."""
    m = [r[:] for r in rijen if any(r)]
    rang, kolommen = 0, len(m[0]) if m else 0
    for c in range(kolommen):
        spil = next((i for i in range(rang, len(m)) if m[i][c]), None)
        if spil is None:
            continue
        m[rang], m[spil] = m[spil], m[rang]
        for i in range(len(m)):
            if i != rang and m[i][c]:
                factor = m[i][c] / m[rang][c]
                m[i] = [a - factor * b for a, b in zip(m[i], m[rang], strict=True)]
        rang += 1
    return rang


def _afleidbaar(verborgen: Sequence[Hashable], relaties: Sequence[Mapping], cel: Hashable) -> bool:
    """Whether the hidden ``cel`` follows from the shown cells: the relations, restricted to the hidden cells, fix
    it exactly when its column is not a combination of the other hidden cells' columns."""
    betrokken = [r for r in relaties if r.get(cel)]
    if not betrokken:
        return False
    anderen = [k for k in verborgen if k != cel]
    met = [[Fraction(r.get(k, 0)) for k in [cel, *anderen]] for r in relaties]
    zonder = [rij[1:] for rij in met]
    return _rang(met) > _rang(zonder)


def verborgen_in_stelsel(
    waarden: Mapping[Hashable, object],
    relaties: Sequence[Mapping[Hashable, int]],
    *,
    al_verborgen: Mapping[Hashable, str] | None = None,
    vast: frozenset | set = frozenset(),
) -> dict:
    """The cells of ``waarden`` (counts by any key) that may not be shown, with their replacement text.

    ``relaties`` are the linear relations that hold between the cells, each as {cell: coefficient} with the
    known constant left out (the parts of a shown total: {part: 1, ...}; start + inflow - outflow = end:
    {start: 1, inflow: 1, outflow: -1, end: -1}). A count of 1 to 4 becomes "<5". While some hidden count still
    follows from the shown cells by combining the relations, the smallest shown count in a relation with it
    (the first one that makes it no longer derivable, if any) is hidden too ("—"). Exact arithmetic; the
    tables are small. ``al_verborgen``: cells hidden already (by an earlier step, with their text); ``vast``: cells
    that are shown elsewhere as well (a tile) and so are never the extra cell that is hidden."""
    verborgen: dict = {k: KLEIN_TEKST for k, a in waarden.items() if is_klein_aantal(a)}
    verborgen |= {k: t for k, t in (al_verborgen or {}).items() if k in waarden and k not in verborgen}
    relaties = [{k: c for k, c in r.items() if _is_telling(waarden.get(k)) and c} for r in relaties]
    relaties = [r for r in relaties if r]
    while True:
        lek = next((k for k in verborgen if _afleidbaar(list(verborgen), relaties, k)), None)
        if lek is None:
            return verborgen
        buren = {k for r in relaties if r.get(lek) for k in r} - set(verborgen)
        if not buren - set(vast):  # the relations that fix it run through other hidden cells: look wider
            buren |= {k for r in relaties if set(r) & set(verborgen) for k in r} - set(verborgen)
        kandidaten = sorted(buren - set(vast), key=lambda k: (waarden[k], str(k)))
        if not kandidaten:  # only cells shown elsewhere are left: hide them here all the same
            if not buren:
                return verborgen  # every cell of these relations is hidden
            verborgen |= dict.fromkeys(buren, VERBORGEN)
            continue
        keuze = next(
            (k for k in kandidaten if not _afleidbaar([*verborgen, k], relaties, lek)),
            kandidaten[0],
        )
        verborgen[keuze] = VERBORGEN


def verborgen_in_tabel(
    rijen: Sequence[Sequence],
    *,
    kolomgroepen: Sequence[Sequence[int]] = (),
    rijgroepen: Sequence[Sequence[int]] = (),
    al_verborgen: Mapping[tuple[int, int], str] | None = None,
    vaste_kolommen: Sequence[int] = (),
) -> dict[tuple[int, int], str]:
    """``verborgen_in_stelsel`` for a table of counts (None where a cell is no count), as {(row, column): text}:
    in every row the columns of each of ``kolomgroepen`` are the parts of a total shown elsewhere, and in every
    column the rows of each of ``rijgroepen`` (the rows above a "Totaal" row) are. All relations form one system,
    so a count hidden in a row is not given away by its column (or by the months around it). The cells of
    ``vaste_kolommen`` (a total shown in another table too) are never the extra count hidden."""
    waarden = {(r, c): w for r, rij in enumerate(rijen) for c, w in enumerate(rij) if _is_telling(w)}
    relaties = [{(r, c): 1 for c in groep} for groep in kolomgroepen for r in range(len(rijen))]
    breedte = max((len(rij) for rij in rijen), default=0)
    relaties += [{(r, c): 1 for r in groep} for groep in rijgroepen for c in range(breedte)]
    vast = {k for k in waarden if k[1] in vaste_kolommen}
    return verborgen_in_stelsel(waarden, relaties, al_verborgen=al_verborgen, vast=vast)


def maskeer_groep(aantallen: Sequence) -> list:
    """The counts of one group as a municipality may see them (see ``verborgen_in_groep``)."""
    verborgen = verborgen_in_groep(aantallen)
    return [verborgen.get(i, a) for i, a in enumerate(aantallen)]
