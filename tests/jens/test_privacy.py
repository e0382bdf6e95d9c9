from decimal import Decimal

import pytest

from jens.privacy import KLEIN_TEKST, is_klein_aantal


@pytest.mark.parametrize(
    ("aantal", "klein"), [(0, False), (1, True), (4, True), (5, False), (None, False), (True, False)]
)
def test_klein_aantal(aantal, klein):
    assert is_klein_aantal(aantal) is klein
    assert KLEIN_TEKST == "<5"


from jens.privacy import VERBORGEN, maskeer_deel, maskeer_groep  # noqa: E402


@pytest.mark.parametrize(
    ("aantallen", "getoond"),
    [
        ([5, 1], ["—", "<5"]),  # Klacht 5, melding 1, total 6: 6 - 5 would give the 1 away
        ([12, 7, 2], [12, "—", "<5"]),  # the smallest other count goes with it
        ([12, 3, 2], [12, "<5", "<5"]),  # two hidden: neither can be derived
        ([12, 0, 3], [12, "—", "<5"]),
        ([12, 7, 0], [12, 7, 0]),  # nothing hidden
        ([3], ["<5"]),
    ],
)
def test_een_totaal_verraadt_geen_verborgen_aantal(aantallen, getoond):
    assert maskeer_groep(aantallen) == getoond
    assert VERBORGEN == "—"


def test_een_aandeel_van_minder_dan_5_personen_wordt_niet_getoond():
    assert maskeer_deel(Decimal("100.0"), 3) is None
    assert maskeer_deel(Decimal("100.0"), 5) == Decimal("100.0")
    assert maskeer_deel(None, 0) is None


from jens.privacy import verborgen_in_stelsel  # noqa: E402


def _afleidbaar_met_de_hand(waarden, relaties, verborgen):
    """Brute force: a hidden count is derivable when every assignment of nearby values (the true one +-3, not
    below 0) to the hidden cells that satisfies the relations gives it its true value."""
    from itertools import product

    cellen = list(verborgen)
    assert len(cellen) <= 7
    bereik = [range(max(0, waarden[k] - 3), waarden[k] + 4) for k in cellen]
    anders = set()
    for toewijzing in product(*bereik):
        nieuw = waarden | dict(zip(cellen, toewijzing, strict=True))
        if all(sum(c * nieuw[k] for k, c in r.items()) == 0 for r in relaties):
            anders |= {k for k in cellen if nieuw[k] != waarden[k]}
    return set(cellen) - anders


def _maanden(beginstand: int, maanden: list[tuple[int, int]]):
    """Cells (start, (month, in), (month, out), (month, in care)) and the month-to-month relations."""
    waarden, relaties, vorige, stand = {"begin": beginstand}, [], "begin", beginstand
    for i, (instroom, uitstroom) in enumerate(maanden):
        stand += instroom - uitstroom
        waarden |= {(i, "in"): instroom, (i, "uit"): uitstroom, (i, "zorg"): stand}
        relaties.append({vorige: 1, (i, "in"): 1, (i, "uit"): -1, (i, "zorg"): -1})
        vorige = (i, "zorg")
    return waarden, relaties


def test_een_verborgen_aantal_is_niet_af_te_leiden_over_de_maanden():
    # In care 14 at the start; in February 2 in (small), 10 out, 7 in care at the end. Per row (as before) the
    # smallest other, the 7 in care, went too, but March gives it away (8 - 7 + 6), and with it the 2 (7 - 15 + 10).
    waarden, relaties = _maanden(14, [(6, 5), (2, 10), (7, 6)])
    per_rij = [{(1, "in"): 1, (1, "uit"): 1, (1, "zorg"): 1}]
    assert verborgen_in_stelsel(waarden, per_rij) == {(1, "in"): "<5", (1, "zorg"): VERBORGEN}
    assert (1, "in") in _afleidbaar_met_de_hand(waarden, relaties, {(1, "in"), (1, "zorg")})
    verborgen = verborgen_in_stelsel(waarden, relaties)
    assert verborgen[(1, "in")] == "<5" and (1, "zorg") not in verborgen  # the in-care counts can stay
    assert _afleidbaar_met_de_hand(waarden, relaties, verborgen) == set()


@pytest.mark.parametrize(
    "maanden",
    [
        [(1, 0), (0, 3), (6, 6), (2, 9)],  # small counts in several months, zeros
        [(4, 4), (4, 4), (4, 4)],  # every flow small
        [(9, 1), (8, 7), (5, 5), (6, 2)],
    ],
)
def test_geen_verborgen_aantal_volgt_uit_de_getoonde(maanden):
    waarden, relaties = _maanden(12, maanden)
    verborgen = verborgen_in_stelsel(waarden, relaties)
    assert all(verborgen[k] == "<5" for k, a in waarden.items() if 0 < a < 5)
    assert _afleidbaar_met_de_hand(waarden, relaties, verborgen) == set()


def test_een_cel_die_elders_staat_wordt_niet_extra_verborgen():
    waarden = {"a": 8, "i": 6, "u": 3, "e": 11}
    relaties = [{"a": 1, "i": 1, "u": -1, "e": -1}]
    assert verborgen_in_stelsel(waarden, relaties) == {"u": "<5", "i": VERBORGEN}  # the smallest other
    assert verborgen_in_stelsel(waarden, relaties, vast={"i"}) == {"u": "<5", "a": VERBORGEN}
    # a cell hidden by an earlier step counts as hidden
    assert verborgen_in_stelsel(waarden, relaties, al_verborgen={"e": VERBORGEN}) == {"u": "<5", "e": VERBORGEN}


def test_een_tabel_met_rij_en_kolomtotalen_verraadt_geen_verborgen_aantal():
    """Months by kind, each month's total and each kind's total shown. Per group apart (as before) February's 2
    took January's 9 with it, but the kind's total (17 - 8) gave the 9 back, and with it the 2 (21 - 9 - 10)."""
    from jens.privacy import verborgen_in_tabel

    maanden = [[2, 9, 10], [7, 8, 12]]
    verborgen = verborgen_in_tabel(maanden, kolomgroepen=[[0, 1, 2]], rijgroepen=[[0, 1]])
    assert verborgen[(0, 0)] == "<5"
    waarden = {(r, c): a for r, rij in enumerate(maanden) for c, a in enumerate(rij)}
    relaties = [{(r, c): 1 for c in range(3)} for r in range(2)] + [{(r, c): 1 for r in range(2)} for c in range(3)]
    # the totals are constants: subtract them so that each relation sums to 0
    totalen = {i: -sum(waarden[k] for k in r) for i, r in enumerate(relaties)}
    waarden |= {("totaal", i): 1 for i in totalen}
    relaties = [r | {("totaal", i): totalen[i]} for i, r in enumerate(relaties)]
    assert _afleidbaar_met_de_hand(waarden, relaties, verborgen) == set()
    # a total column shown in another table too is never the extra count
    met_totaal = [[*rij, sum(rij)] for rij in maanden]
    verborgen = verborgen_in_tabel(met_totaal, kolomgroepen=[[0, 1, 2]], rijgroepen=[[0, 1]], vaste_kolommen=[3])
    assert not any(c == 3 for _, c in verborgen)
