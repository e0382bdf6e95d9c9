"""How the dashboard's figures are shown: Dutch notation, and for a municipality counts under 5 as "<5".

A municipality (``maskeren=True``) sees aggregates only. A count of 1 to 4 is shown as "<5" (0 identifies nobody and
is shown); in a table row where a count is hidden, the medians and percentages of that row are hidden too ("—"),
and a tile's percentage is hidden when the count it is based on is under 5.
"""

from __future__ import annotations

from decimal import Decimal

from jens.dashboard.selectors import GrafiekSpec, Onderdeel, Tabel, Tegel
from jens.grafieken import Grafiek, Reeks
from jens.privacy import KLEIN_TEKST, is_klein_aantal
from jens.templatetags.jens import euro, getal

KLEIN = KLEIN_TEKST
VERBORGEN = "—"
GETAL_SOORTEN = {"aantal", "telling", "fte", "pct", "euro", "dagen", "getal"}
KLEUR_TEKST = {"groen": "norm gehaald", "oranje": "bijna aan de norm", "rood": "norm niet gehaald", "": "geen norm"}


def is_klein(waarde, soort: str) -> bool:
    return soort == "aantal" and isinstance(waarde, int | Decimal) and is_klein_aantal(waarde)


def formatteer(waarde, soort: str, maskeren: bool = False) -> str:
    """One value as text: 1.234 (count), 169,4 (fte), 7,2% (pct), € 1.234,56, 12 (days), ja/nee."""
    basis = None
    if isinstance(waarde, tuple):  # a mixed column: (value, kind[, the count a percentage is based on])
        waarde, soort, basis = (*waarde, None)[:3]
    if waarde is None or waarde == "":
        return VERBORGEN
    if maskeren and is_klein(waarde, soort):
        return KLEIN
    if maskeren and is_klein_aantal(basis):
        return VERBORGEN
    if soort in ("aantal", "telling"):
        return getal(waarde, 0)
    if soort == "fte":
        return getal(waarde, 1)
    if soort == "pct":
        return getal(waarde, 1) + "%"
    if soort == "euro":
        return euro(waarde, 0)
    if soort in ("dagen", "getal"):
        return getal(waarde, 0 if Decimal(str(waarde)) == int(Decimal(str(waarde))) else 1)
    if soort == "janee":
        return "ja" if waarde else "nee"
    return str(waarde)


def _soort_van(kolom_soort: str, cel) -> str:
    return cel[1] if isinstance(cel, tuple) else kolom_soort


def tabel_weergave(tabel: Tabel, maskeren: bool) -> dict:
    kolommen = [{"titel": k.titel, "getal": k.soort in GETAL_SOORTEN or k.soort == "gemengd"} for k in tabel.kolommen]
    rijen = []
    for rij in tabel.rijen:
        soorten = [_soort_van(k.soort, c) for k, c in zip(tabel.kolommen, rij, strict=True)]
        waarden = [c[0] if isinstance(c, tuple) else c for c in rij]
        rij_klein = maskeren and any(is_klein(w, s) for w, s in zip(waarden, soorten, strict=True))
        cellen = []
        for c, s, k in zip(rij, soorten, kolommen, strict=True):
            tekst = VERBORGEN if rij_klein and s in ("dagen", "pct") else formatteer(c, s, maskeren)
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
    rijen = [r for r in tabel.rijen if str(r[spec.categorie_kolom]) not in spec.uitsluiten]
    categorieen = [str(r[spec.categorie_kolom]) for r in rijen]
    reeksen = []
    for k in spec.waarde_kolommen:
        soort = tabel.kolommen[k].soort
        waarden, labels = [], []
        for r in rijen:
            w = r[k]
            if maskeren and is_klein(w, soort):
                waarden.append(None)
                labels.append(KLEIN)
            else:
                waarden.append(None if w is None else float(w))
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
    verborgen = maskeren and tegel.soort == "pct" and is_klein_aantal(tegel.basis)
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


def onderdeel_weergave(o: Onderdeel, maskeren: bool) -> dict:
    tabellen = [t for t in o.tabellen if not (maskeren and t.alleen_onbeperkt)]
    grafieken = []
    for spec in o.grafieken:
        tabel = o.tabel(spec.tabel)
        if tabel is not None and tabel.rijen:
            grafieken.append(grafiek(spec, tabel, maskeren))
    return {
        "sleutel": o.sleutel,
        "anker": o.sleutel.replace("_", "-"),
        "titel": o.titel,
        "beschikbaar": o.beschikbaar,
        "ontbreekt": o.ontbreekt,
        "toelichting": o.toelichting,
        "tegels": [tegel_weergave(t, maskeren) for t in o.tegels],
        "tabellen": [tabel_weergave(t, maskeren) for t in tabellen],
        "grafieken": grafieken,
    }
