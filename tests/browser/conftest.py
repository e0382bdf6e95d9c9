"""Browser tests: headless Debian Chromium driven by Playwright (never a downloaded browser).

``pagina`` is a fresh Playwright page; ``live_server`` (pytest-django) serves the site;
``inloggen(pagina, live_server, user)`` signs a user in through the real login form.
"""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the test itself talks to the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
WACHTWOORD = "Geheim-wachtwoord-1"  # the password tests/conftest.py's maak_gebruiker gives every user


@pytest.fixture(scope="session")
def _browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def pagina(_browser):
    # The site's real Content-Security-Policy applies; its violations are recorded (tests/browser/axe.py).
    from tests.browser.axe import nieuwe_context

    context = nieuwe_context(_browser)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def inloggen():
    def _inloggen(page, live_server, user, wachtwoord: str = WACHTWOORD):
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        if "/tweede-factor/" in page.url:
            # The second factor: the code the user's authenticator app would show now.
            from django_otp.oath import TOTP
            from django_otp.plugins.otp_totp.models import TOTPDevice

            toestel = TOTPDevice.objects.get(user=user, confirmed=True)
            page.get_by_label("Code uit uw authenticator-app").fill(f"{TOTP(toestel.bin_key).token():06d}")
            page.get_by_role("button", name="Bevestigen").click()
            page.wait_for_load_state()

    return _inloggen


@pytest.fixture
def gemeenten_en_gebieden(db):
    """A transactional test empties the tables after it; municipalities and areas come from a data migration,
    so a browser test that needs them restores them (``pytest.mark.usefixtures("gemeenten_en_gebieden")``)."""
    from importlib import import_module

    from jens.models import Gebied, Gemeente

    migratie = import_module("jens.migrations.0002_gemeenten_gebieden_rollen")
    gemeenten = {
        code: Gemeente.objects.get_or_create(code=code, defaults={"naam": naam})[0] for naam, code in migratie.GEMEENTEN
    }
    for gemeente, naam, code, toelichting in migratie.GEBIEDEN:
        Gebied.objects.get_or_create(
            code=code, defaults={"naam": naam, "gemeente": gemeenten[gemeente], "toelichting": toelichting}
        )
