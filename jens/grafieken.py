"""Server-rendered, accessible SVG charts (line and bar) without JavaScript or CDN.

Every chart has a ``<title>`` and ``<desc>`` (referenced by ``aria-labelledby``/``aria-describedby``), labelled
axes with Dutch number notation, a legend that does not rely on colour alone (line patterns), and the same numbers
as a table (``Grafiek.tabel``) that the templates render next to it.
A value of ``None`` is not drawn (for example a count under 5 that a municipality may not see); its label
(``"<5"``) still appears in the table and in the point's tooltip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from jens.getallen import getal

KLEUREN = ("#154273", "#b45f06", "#2e7d32", "#6a1b9a", "#00838f", "#b00020")
STREEPJES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")

BREEDTE, HOOGTE = 720, 380
LINKS, RECHTS, BOVEN = 70, 20, 40
PLOT_HOOGTE = HOOGTE - BOVEN - 60
TEKEN_BREEDTE = 7  # about the width of one character at font-size 12
REGEL_HOOGTE = 14
MAX_REGELS = 5  # a category label wraps onto at most this many lines; otherwise the labels are slanted
SCHUIN_REGEL = 20  # slanted labels wrap at this many characters (never cut off)


def _regels(tekst: str, breedte: int) -> list[str]:
    """The words of ``tekst`` on lines of at most ``breedte`` characters (a longer word gets a line of its own)."""
    regels: list[str] = []
    for woord in tekst.split():
        if regels and len(regels[-1]) + 1 + len(woord) <= breedte:
            regels[-1] += " " + woord
        else:
            regels.append(woord)
    return regels or [""]


def _fmt(waarde, decimalen: int) -> str:
    if waarde is None:
        return "—"
    return getal(waarde, decimalen)


@dataclass
class Reeks:
    naam: str
    waarden: list  # numbers or None (not drawn)
    labels: list[str] | None = None  # how each value is shown (for example "<5"); default the formatted number


@dataclass
class Grafiek:
    id: str
    titel: str
    omschrijving: str
    categorieen: list[str]
    reeksen: list[Reeks]
    soort: str = "lijn"  # "lijn" or "staaf"
    as_x: str = ""
    as_y: str = ""
    decimalen: int = 0
    norm: float | None = None
    norm_label: str = ""
    extra: dict = field(default_factory=dict)

    def label(self, reeks: Reeks, i: int) -> str:
        if reeks.labels is not None and reeks.labels[i] not in (None, ""):
            return reeks.labels[i]
        return _fmt(reeks.waarden[i], self.decimalen)

    @property
    def tabel(self) -> dict:
        """The chart's numbers as a table: ``{"kolommen": [...], "rijen": [[...], ...]}``."""
        kolommen = [self.as_x or "Categorie", *[r.naam for r in self.reeksen]]
        rijen = [[c, *[self.label(r, i) for r in self.reeksen]] for i, c in enumerate(self.categorieen)]
        return {"kolommen": kolommen, "rijen": rijen}

    @property
    def heeft_gegevens(self) -> bool:
        return any(w is not None for r in self.reeksen for w in r.waarden)

    def svg(self) -> SafeString:
        return mark_safe(_teken(self))  # noqa: S308 - every text in it is escaped in _teken


def _nette_stap(maximum: float, stappen: int = 5) -> float:
    if maximum <= 0:
        return 1.0
    ruw = maximum / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if ruw <= factor * macht:
            return factor * macht
    return 10 * macht


def _as_maximum(g: Grafiek) -> tuple[float, float]:
    waarden = [float(w) for r in g.reeksen for w in r.waarden if w is not None]
    if g.norm is not None:
        waarden.append(float(g.norm))
    hoogste = max(waarden, default=0.0)
    if hoogste <= 0:
        return 5.0, 1.0
    stap = _nette_stap(hoogste)
    if all(w.is_integer() for w in waarden):  # counts: no fractional ticks
        stap = max(stap, 1.0)
    return stap * max(1, math.ceil(hoogste / stap)), stap


def _teken(g: Grafiek) -> str:
    e = escape
    n = max(len(g.categorieen), 1)
    slot = (BREEDTE - LINKS - RECHTS) / n
    per_regel = max(int(0.95 * slot / TEKEN_BREEDTE), 1)
    gebroken = [_regels(c, per_regel) for c in g.categorieen]
    schuin = n > 8 or any(len(r) > MAX_REGELS or max(len(x) for x in r) > per_regel for r in gebroken)
    links = LINKS
    if schuin:  # slanted at 40 degrees, wrapped, in full: the room below and on the left follows the longest line
        gebroken = [_regels(c, SCHUIN_REGEL) for c in g.categorieen]
        langste = max((len(x) for r in gebroken for x in r), default=0)
        regels = max((len(r) for r in gebroken), default=1)
        onder = int(langste * TEKEN_BREEDTE * 0.65) + REGEL_HOOGTE * regels + 30
        links = max(LINKS, int(langste * TEKEN_BREEDTE * 0.77 - (BREEDTE - LINKS - RECHTS) / n / 2) + 10)
        slot = (BREEDTE - links - RECHTS) / n
    else:
        onder = 24 + REGEL_HOOGTE * max((len(r) for r in gebroken), default=1) + 16
    plot_b, plot_h = BREEDTE - links - RECHTS, PLOT_HOOGTE
    hoogte = BOVEN + plot_h + onder
    maximum, stap = _as_maximum(g)

    def y(w) -> float:
        return BOVEN + plot_h - (float(w) / maximum) * plot_h

    stukken = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'width="{BREEDTE}" height="{hoogte}" role="img" aria-labelledby="{e(g.id)}-titel" '
        f'aria-describedby="{e(g.id)}-desc" id="{e(g.id)}" data-soort="{e(g.soort)}">',
        f'<title id="{e(g.id)}-titel">{e(g.titel)}</title>',
        f'<desc id="{e(g.id)}-desc">{e(g.omschrijving)}</desc>',
        '<rect x="0" y="0" width="100%" height="100%" fill="#fff"/>',
    ]
    # Y axis with gridlines and Dutch numbers.
    stukken.append('<g class="as as-y" font-size="12" fill="#1b1b1b">')
    tik, aantal_tikken = 0.0, int(round(maximum / stap))
    for k in range(aantal_tikken + 1):
        tik = k * stap
        ty = y(tik)
        stukken.append(f'<line x1="{links}" x2="{BREEDTE - RECHTS}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#d0d7de"/>')
        dec = 0 if float(stap).is_integer() else 1
        stukken.append(
            f'<text x="{links - 6}" y="{ty + 4:.1f}" text-anchor="end">{e(getal(Decimal(str(tik)), dec))}</text>'
        )
    stukken.append(
        f'<text x="14" y="{BOVEN + plot_h / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {BOVEN + plot_h / 2:.1f})">{e(g.as_y)}</text>'
    )
    stukken.append("</g>")
    # X axis with category labels.
    stukken.append('<g class="as as-x" font-size="12" fill="#1b1b1b">')
    stukken.append(
        f'<line x1="{links}" x2="{BREEDTE - RECHTS}" y1="{BOVEN + plot_h}" y2="{BOVEN + plot_h}" stroke="#1b1b1b"/>'
    )
    for i in range(len(g.categorieen)):
        cx = links + slot * (i + 0.5)
        ty = BOVEN + plot_h + 16
        if schuin:
            regels = "".join(
                f'<tspan x="{cx:.1f}" dy="{0 if k == 0 else REGEL_HOOGTE}">{e(regel)}</tspan>'
                for k, regel in enumerate(gebroken[i])
            )
            stukken.append(
                f'<text x="{cx:.1f}" y="{ty:.1f}" text-anchor="end" transform="rotate(-40 {cx:.1f} {ty:.1f})">'
                f"{regels}</text>"
            )
        else:
            regels = "".join(
                f'<tspan x="{cx:.1f}" dy="{0 if k == 0 else REGEL_HOOGTE}">{e(regel)}</tspan>'
                for k, regel in enumerate(gebroken[i])
            )
            stukken.append(f'<text x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle">{regels}</text>')
    if g.as_x:
        stukken.append(f'<text x="{links + plot_b / 2:.1f}" y="{hoogte - 4}" text-anchor="middle">{e(g.as_x)}</text>')
    stukken.append("</g>")
    # The data.
    if g.soort == "staaf":
        groep_b = slot * 0.8
        staaf_b = groep_b / max(len(g.reeksen), 1)
        for r_i, reeks in enumerate(g.reeksen):
            kleur = KLEUREN[r_i % len(KLEUREN)]
            stukken.append(f'<g class="reeks" fill="{kleur}">')
            for i, w in enumerate(reeks.waarden):
                if w is None:
                    continue
                x = links + slot * i + (slot - groep_b) / 2 + staaf_b * r_i
                top = y(w)
                stukken.append(
                    f'<rect x="{x:.1f}" y="{top:.1f}" width="{max(staaf_b - 2, 1):.1f}" '
                    f'height="{BOVEN + plot_h - top:.1f}"><title>{e(reeks.naam)}, {e(g.categorieen[i])}: '
                    f"{e(g.label(reeks, i))}</title></rect>"
                )
            stukken.append("</g>")
    else:
        for r_i, reeks in enumerate(g.reeksen):
            kleur = KLEUREN[r_i % len(KLEUREN)]
            streep = STREEPJES[r_i % len(STREEPJES)]
            punten = [(links + slot * (i + 0.5), y(w), i) for i, w in enumerate(reeks.waarden) if w is not None]
            stukken.append(f'<g class="reeks" stroke="{kleur}" fill="{kleur}">')
            if len(punten) > 1:
                pad = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in punten)
                dash = f' stroke-dasharray="{streep}"' if streep else ""
                stukken.append(f'<polyline points="{pad}" fill="none" stroke-width="2.5"{dash}/>')
            for px, py, i in punten:
                stukken.append(
                    f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4"><title>{e(reeks.naam)}, {e(g.categorieen[i])}: '
                    f"{e(g.label(reeks, i))}</title></circle>"
                )
            stukken.append("</g>")
    if g.norm is not None:
        ny = y(g.norm)
        stukken.append(
            f'<g class="norm"><line x1="{links}" x2="{BREEDTE - RECHTS}" y1="{ny:.1f}" y2="{ny:.1f}" '
            f'stroke="#b00020" stroke-width="2" stroke-dasharray="4 4"/>'
            f'<text x="{BREEDTE - RECHTS}" y="{ny - 5:.1f}" text-anchor="end" font-size="12" fill="#b00020">'
            f"{e(g.norm_label or 'norm')}</text></g>"
        )
    # Legend (top), with the line pattern or a square so colour is not the only cue.
    stukken.append('<g class="legenda" font-size="12" fill="#1b1b1b">')
    lx = links
    for r_i, reeks in enumerate(g.reeksen):
        kleur = KLEUREN[r_i % len(KLEUREN)]
        if g.soort == "staaf":
            stukken.append(f'<rect x="{lx}" y="12" width="14" height="14" fill="{kleur}"/>')
        else:
            streep = STREEPJES[r_i % len(STREEPJES)]
            dash = f' stroke-dasharray="{streep}"' if streep else ""
            stukken.append(
                f'<line x1="{lx}" x2="{lx + 22}" y1="19" y2="19" stroke="{kleur}" stroke-width="2.5"{dash}/>'
            )
        stukken.append(f'<text x="{lx + 28}" y="24">{e(reeks.naam)}</text>')
        lx += 40 + 7 * len(reeks.naam)
    stukken.append("</g>")
    stukken.append("</svg>")
    return "".join(stukken)
