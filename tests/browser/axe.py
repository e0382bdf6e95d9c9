"""axe-core in the browser tests, from the vendored npm package (tests/browser/vendor/axe-core, MPL-2.0): no network.

The pages keep their real Content-Security-Policy (``script-src 'self'``, no inline script): the browser asks for
axe-core at a path of the site itself, which Playwright answers from the vendored file (``pagina.route``), so the
policy allows it as any other script of the site. Every browser context records the policy violations the page
reports (``CSP_VASTLEGGEN``, an init script: a ``securitypolicyviolation`` listener), and ``controleer`` fails on
any, before and after axe-core ran.
"""

from pathlib import Path
from urllib.parse import urlsplit

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSIE = "4.10.2"
AXE_PAD = "/__test__/axe-core/axe.min.js"  # no route of the site: only the test's route answers it
ERNSTIG = ("serious", "critical")

CSP_VASTLEGGEN = """
window.__cspSchendingen = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspSchendingen.push({richtlijn: e.violatedDirective, bron: e.blockedURI, regel: e.lineNumber});
});
"""


def nieuwe_context(browser, **opties):
    """A browser context with the site's real Content-Security-Policy, recording its violations."""
    context = browser.new_context(locale="nl-NL", **opties)
    context.add_init_script(CSP_VASTLEGGEN)
    return context


def csp_schendingen(pagina) -> list[dict]:
    """The Content-Security-Policy violations the current page reported since it loaded."""
    return pagina.evaluate("() => window.__cspSchendingen || []")


def _laad_axe(pagina) -> None:
    oorsprong = "{0.scheme}://{0.netloc}".format(urlsplit(pagina.url))
    pagina.route(
        f"{oorsprong}{AXE_PAD}",
        lambda route: route.fulfill(path=AXE, content_type="application/javascript; charset=utf-8"),
    )
    pagina.add_script_tag(url=f"{oorsprong}{AXE_PAD}")


def controleer(pagina) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; return the serious and critical violations
    as ``{"id", "impact", "nodes": [target, ...]}``. Fails when the page reported a Content-Security-Policy
    violation (before or during the check)."""
    assert csp_schendingen(pagina) == [], f"CSP-schending op {pagina.url}"
    if not pagina.evaluate("() => typeof window.axe !== 'undefined'"):
        _laad_axe(pagina)
    assert pagina.evaluate("() => window.axe.version") == AXE_VERSIE
    uitkomst = pagina.evaluate(
        """async () => {
            const r = await window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
        }"""
    )
    assert csp_schendingen(pagina) == [], f"CSP-schending op {pagina.url} tijdens de toegankelijkheidscontrole"
    return [v for v in uitkomst if v["impact"] in ERNSTIG]
