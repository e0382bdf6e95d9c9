"""How the dashboard's figures are shown: Dutch notation, and for a municipality counts under 5 as "<5".

A municipality (``maskeren=True``) sees aggregates only. A count of 1 to 4 is shown as "<5" (0 identifies nobody and
is shown); in a table row where a count is hidden, the medians and percentages of that row are hidden too ("—"),
and a tile's percentage is hidden when the count it is based on is under 5.
"""

from __future__ import annotations

from decimal import Decimal

from jens import getallen
from jens.dashboard.selectors import GrafiekSpec, Onderdeel, Tabel, Tegel
from jens.grafieken import Grafiek, Reeks
from jens.privacy import KLEIN_TEKST, VERBORGEN, is_klein_aantal, verborgen_in_tabel

KLEIN = KLEIN_TEKST
GETAL_SOORTEN = {"aantal", "telling", "fte", "pct", "euro", "dagen", "getal"}
KLEUR_TEKST = getallen.KLEUR_TEKST


def is_klein(waarde, soort: str) -> bool:
    return soort == "aantal" and isinstance(waarde, int | Decimal) and is_klein_aantal(waarde)


def _cel(waarde, soort: str) -> tuple:
    """(value, kind, base count) of a cell; a mixed column's cells are (value, kind[, base count]) tuples."""
    if isinstance(waarde, tuple):
        w, s, basis = (*waarde, None)[:3]
        return w, s, basis
    return waarde, soort, None


def formatteer(waarde, soort: str, maskeren: bool = False) -> str:
    """One value as text (jens.getallen): 1.234 (count), 169,4 (fte), 7,2% (pct), € 1.234, 19,5 (days), ja/nee."""
    waarde, soort, basis = _cel(waarde, soort)
    if waarde is None or waarde == "":
        return VERBORGEN
    if maskeren and is_klein(waarde, soort):
        return KLEIN
    if maskeren and is_klein_aantal(basis):
        return VERBORGEN
    return getallen.formatteer(waarde, soort)


def groepen_van(tabel: Tabel) -> list[list[int]]:
    """The groups of rows whose counts add up to a total that is shown: the table's own ``groepen``, and the rows
    above a "Totaal" row."""
    groepen = [list(g) for g in tabel.groepen]
    totaal = [i for i, r in enumerate(tabel.rijen) if r and str(r[0]).lower() == "totaal"]
    if totaal:
        groepen.append([i for i in range(len(tabel.rijen)) if i not in totaal])
    return groepen


def maskeer_cellen(tabel: Tabel, maskeren: bool) -> list[list[tuple]]:
    """Every cell as (value, kind, replacement): the replacement is "<5" or "—" where a municipality may not see the
    value, else None. The page (``tabel_weergave``) and the XLSX (``rapport.naar_xlsx``) both use this, so they hide
    the same cells: a small count, the shares and medians of its row, a share of fewer than 5 people, and in a group
    whose total is shown one more count when only one is small (jens.privacy)."""
    cellen = [[_cel(c, k.soort) for k, c in zip(tabel.kolommen, rij, strict=True)] for rij in tabel.rijen]
    uit: list[list[tuple]] = [[(w, s, None) for w, s, _ in rij] for rij in cellen]
    if not maskeren:
        return uit
    for r, rij in enumerate(cellen):
        rij_klein = any(is_klein(w, s) for w, s, _ in rij)
        for c, (w, s, basis) in enumerate(rij):
            if is_klein(w, s):
                uit[r][c] = (w, s, KLEIN)
            elif w not in (None, "") and (is_klein_aantal(basis) or (rij_klein and s in ("dagen", "pct"))):
                uit[r][c] = (w, s, VERBORGEN)
    # One system of relations for the whole table (jens.privacy.verborgen_in_tabel): the column groups in each row
    # and the row groups in each column, so that a count hidden for one group is not given away by another.
    telwaarden = [
        [w if s == "aantal" and isinstance(w, int) and not isinstance(w, bool) else None for w, s, _ in rij]
        for rij in cellen
    ]
    verborgen = verborgen_in_tabel(
        telwaarden,
        kolomgroepen=tabel.kolomgroepen,
        rijgroepen=groepen_van(tabel),
        al_verborgen=tabel.verborgen,
        vaste_kolommen=tabel.vaste_kolommen,
    )
    for (r, c), tekst in verborgen.items():
        w, s, huidig = uit[r][c]
        uit[r][c] = (w, s, huidig if huidig == KLEIN else tekst)
    return uit


def tabel_weergave(tabel: Tabel, maskeren: bool) -> dict:
    kolommen = [{"titel": k.titel, "getal": k.soort in GETAL_SOORTEN or k.soort == "gemengd"} for k in tabel.kolommen]
    rijen = []
    for rij in maskeer_cellen(tabel, maskeren):
        cellen = []
        for (w, s, vervanging), k in zip(rij, kolommen, strict=True):
            tekst = vervanging if vervanging is not None else formatteer(w, s)
            cellen.append({"tekst": tekst, "getal": k["getal"]})
        rijen.append(cellen)
    return {
        "sleutel": tabel.sleutel,
        "titel": tabel.titel,
        "toelichting": tabel.toelichting,
        "kolommen": kolommen,
        "rijen": rijen,
    }


def grafiek(spec: GrafiekSpec, tabel: Tabel, maskeren: bool) -> Grafiek:
    cellen = maskeer_cellen(tabel, maskeren)  # a bar hides exactly what the table hides
    rijen = [i for i, r in enumerate(tabel.rijen) if str(r[spec.categorie_kolom]) not in spec.uitsluiten]
    categorieen = [str(tabel.rijen[i][spec.categorie_kolom]) for i in rijen]
    reeksen = []
    for k in spec.waarde_kolommen:
        waarden, labels = [], []
        for i in rijen:
            w, soort, vervanging = cellen[i][k]
            if vervanging is not None:
                waarden.append(None)
                labels.append(vervanging)
            else:
                waarden.append(None if w in (None, "") else float(w))
                labels.append(formatteer(w, soort))
        reeksen.append(Reeks(tabel.kolommen[k].titel, waarden, labels))
    return Grafiek(
        id=spec.sleutel,
        titel=spec.titel,
        omschrijving=spec.omschrijving,
        categorieen=categorieen,
        reeksen=reeksen,
        soort=spec.soort,
        as_x=spec.as_x,
        as_y=spec.as_y,
        decimalen=spec.decimalen,
        norm=spec.norm,
        norm_label=spec.norm_label,
    )


def _status_tekst(tegel: Tegel, kleur: str, verborgen: bool) -> str:
    if verborgen:
        return "niet getoond: minder dan 5"
    if not kleur and tegel.richting and tegel.norm is not None and tegel.waarde is None:
        return "geen gegevens in deze periode"  # a norm applies, there is just nothing to measure yet
    return KLEUR_TEKST[kleur]


def tegel_weergave(tegel: Tegel, maskeren: bool) -> dict:
    kleur, toelichting = tegel.kleur, tegel.toelichting
    waarde = formatteer(tegel.waarde, tegel.soort, maskeren)
    verborgen = maskeren and tegel.soort in ("pct", "euro", "getal", "dagen") and is_klein_aantal(tegel.basis)
    if verborgen:  # a share of fewer than 5 people: neither the value, its colour nor the figures in the note
        waarde, kleur, toelichting = VERBORGEN, "", ""
    return {
        "sleutel": tegel.sleutel,
        "titel": tegel.titel,
        "waarde": waarde,
        "norm": formatteer(tegel.norm, tegel.soort) if tegel.norm is not None else "",
        "richting": {"min": "minimaal", "max": "maximaal"}.get(tegel.richting or "", ""),
        "kleur": kleur,
        "kleur_tekst": _status_tekst(tegel, kleur, verborgen),
        "toelichting": toelichting,
        "detail": tegel.detail,
        "vergelijking": formatteer(tegel.vergelijking, tegel.soort, maskeren) if tegel.vergelijking is not None else "",
        "vergelijking_label": tegel.vergelijking_label,
    }


def blokken(grafieken: list[tuple[Grafiek, str]], tabellen: list[dict]) -> list[dict]:
    """Each chart with the one table that holds its numbers (folded under it on the dashboard), then the tables
    that no chart draws. A table is shown once, under the first chart that draws it."""
    uit, gebruikt = [], set()
    for g, sleutel in grafieken:
        tabel = next((t for t in tabellen if t["sleutel"] == sleutel and sleutel not in gebruikt), None)
        if tabel is not None:
            gebruikt.add(sleutel)
        uit.append({"grafiek": g, "tabel": tabel})
    uit += [{"grafiek": None, "tabel": t} for t in tabellen if t["sleutel"] not in gebruikt]
    return uit


def onderdeel_weergave(o: Onderdeel, maskeren: bool, *, dashboard: bool = False) -> dict:
    """``dashboard``: for the dashboard page, which leaves out the appendices that are only in the report."""
    tabellen = [
        tabel_weergave(t, maskeren)
        for t in o.tabellen
        if not (maskeren and t.alleen_onbeperkt) and (t.op_dashboard or not dashboard)
    ]
    grafieken = []
    for spec in o.grafieken:
        tabel = o.tabel(spec.tabel)
        if tabel is not None and tabel.rijen:
            grafieken.append((grafiek(spec, tabel, maskeren), spec.tabel))
    return {
        "sleutel": o.sleutel,
        "anker": o.sleutel.replace("_", "-"),
        "titel": o.titel,
        "beschikbaar": o.beschikbaar,
        "ontbreekt": o.ontbreekt,
        "toelichting": o.toelichting,
        "tegels": [tegel_weergave(t, maskeren) for t in o.tegels],
        "tabellen": tabellen,
        "grafieken": [g for g, _ in grafieken],
        "grafiek_tabellen": grafieken,
        "blokken": blokken(grafieken, tabellen),
    }
