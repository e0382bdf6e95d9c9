"""axe-core in the browser tests, from the vendored npm package (tests/browser/vendor/axe-core, MPL-2.0): no network."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSIE = "4.10.2"
ERNSTIG = ("serious", "critical")


def controleer(pagina) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; return the serious and critical violations
    as ``{"id", "impact", "nodes": [target, ...]}``."""
    if not pagina.evaluate("() => typeof window.axe !== 'undefined'"):
        pagina.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert pagina.evaluate("() => window.axe.version") == AXE_VERSIE
    uitkomst = pagina.evaluate(
        """async () => {
            const r = await window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
        }"""
    )
    return [v for v in uitkomst if v["impact"] in ERNSTIG]
