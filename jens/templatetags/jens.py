"""Template filters for numbers; they all go through jens.getallen (one formatter, one traffic-light rule)."""

from django import template

from jens import getallen

register = template.Library()


@register.filter
def euro(bedrag, decimalen: int = 2) -> str:
    """€ 1.234,56 (Dutch notation); empty for None."""
    return getallen.euro(bedrag, decimalen)


@register.filter
def getal(waarde, decimalen: int = 1) -> str:
    """A number with a decimal comma: 169,4."""
    return getallen.getal(waarde, decimalen)


@register.filter
def als(waarde, soort: str) -> str:
    """``{{ x|als:"pct" }}``: the value as the kind of figure it is (7,2%; 1.234; 19,5), "—" without a value."""
    return getallen.formatteer(waarde, soort)


@register.simple_tag
def verkeerslicht(waarde, norm, richting: str = "min") -> str:
    """The traffic-light colour (groen, oranje, rood or '') of ``waarde`` against ``norm``."""
    return getallen.verkeerslicht(waarde, norm, richting)


@register.filter
def kleur_tekst(kleur: str) -> str:
    return getallen.KLEUR_TEKST.get(kleur or "", "")
