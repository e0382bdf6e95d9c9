"""A small server-rendered SVG line chart (no JavaScript, no external library)."""

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from jens.templatetags.jens import getal

BREEDTE, HOOGTE = 420, 180
LINKS, RECHTS, BOVEN, ONDER = 48, 12, 14, 34


def lijngrafiek(punten: list[tuple[str, Decimal]], *, titel: str) -> SafeString:
    """A line through ``punten`` (label, value) with the values on the points, as an accessible SVG."""
    if not punten:
        return SafeString("")
    waarden = [Decimal(w) for _, w in punten]
    hoogste = max(max(waarden), Decimal(1))
    breedte = BREEDTE - LINKS - RECHTS
    hoogte = HOOGTE - BOVEN - ONDER
    stap = breedte / max(len(punten) - 1, 1)

    def xy(i: int, w: Decimal) -> tuple[float, float]:
        return LINKS + i * stap, BOVEN + hoogte - float(w / hoogste) * hoogte

    coordinaten = [xy(i, w) for i, w in enumerate(waarden)]
    lijn = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinaten)
    stippen = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3"><title>{}: {} fte</title></circle>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="9">{}</text>',
        (
            (f"{x:.1f}", f"{y:.1f}", label, getal(w), f"{x:.1f}", f"{y - 6:.1f}", getal(w))
            for (x, y), (label, w) in zip(coordinaten, punten, strict=True)
        ),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="9">{}</text>',
        ((f"{x:.1f}", HOOGTE - ONDER + 14, label) for (x, _), (label, _) in zip(coordinaten, punten, strict=True)),
    )
    return format_html(
        '<svg class="grafiek" role="img" aria-label="{titel}" viewBox="0 0 {b} {h}" width="{b}" height="{h}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{titel}</title>'
        '<line x1="{l}" y1="{onder}" x2="{r}" y2="{onder}" stroke="#888"/>'
        '<line x1="{l}" y1="{boven}" x2="{l}" y2="{onder}" stroke="#888"/>'
        '<text x="{tl}" y="{boven_tekst}" text-anchor="end" font-size="9">{max}</text>'
        '<text x="{tl}" y="{onder}" text-anchor="end" font-size="9">0</text>'
        '<polyline fill="none" stroke="#1f5f8b" stroke-width="2" points="{lijn}"/>{stippen}{labels}</svg>',
        titel=titel,
        b=BREEDTE,
        h=HOOGTE,
        l=LINKS,
        r=BREEDTE - RECHTS,
        onder=BOVEN + hoogte,
        boven=BOVEN,
        tl=LINKS - 4,
        boven_tekst=BOVEN + 3,
        max=getal(hoogste),
        lijn=lijn,
        stippen=stippen,
        labels=labels,
    )
