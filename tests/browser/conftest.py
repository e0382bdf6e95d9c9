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
    context = _browser.new_context(locale="nl-NL")
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

    return _inloggen
