"""Dutch error pages in the site layout, the CSRF failure page, and the login page for anonymous visitors."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

NAVIGATIE = 'aria-label="Hoofdnavigatie"'


def test_403_toont_de_nederlandse_reden_met_navigatie(web_als):
    web = web_als("gedragswetenschapper")
    r = web.get("/dashboard/")
    assert r.status_code == 403
    tekst = r.content.decode()
    assert "U heeft geen toegang tot het dashboard." in tekst
    assert "<h1>Geen toegang</h1>" in tekst and NAVIGATIE in tekst
    assert "Forbidden" not in tekst
    assert r.templates[0].name == "403.html"


def test_403_zonder_eigen_reden_geeft_een_algemene_nederlandse_reden(web_als):
    r = web_als("klachtenfunctionaris").get("/team/")
    assert r.status_code == 403
    assert "U heeft geen toegang tot deze pagina." in r.content.decode()


def test_404_in_de_opmaak_van_de_site(web_als):
    web = web_als("management")
    r = web.get("/bestaat-niet/")
    assert r.status_code == 404
    tekst = r.content.decode()
    assert "<h1>Niet gevonden</h1>" in tekst and NAVIGATIE in tekst
    assert "Deze pagina bestaat niet" in tekst
    assert "Not Found" not in tekst


def test_404_toont_de_eigen_reden_maar_niet_djangos_engelse_tekst(web_als):
    web = web_als("klachtenfunctionaris")
    r = web.get("/klachten/999999/")
    assert r.status_code == 404
    assert "Klacht niet gevonden." in r.content.decode()
    web = web_als("inkoper")
    r = web.get("/contracten/999999/document/")  # get_object_or_404: "No Contract matches the given query."
    assert r.status_code == 404
    tekst = r.content.decode()
    assert "matches the given query" not in tekst and "Deze pagina bestaat niet" in tekst


def test_api_fouten_blijven_json(web_als):
    r = web_als("management").get("/api/v1/bestaat-niet/")
    assert r.status_code == 404
    assert r["Content-Type"] == "application/json"
    assert r.json() == {"detail": "Deze pagina bestaat niet, of u heeft er geen toegang toe."}


def test_500_pagina_met_navigatie_en_in_de_api_json(client, web_als, settings):
    settings.ROOT_URLCONF = "tests.jens.urls_fout"
    client.raise_request_exception = False
    web_als("management")  # signed in with a verified second factor
    r = client.get("/kapot/")
    assert r.status_code == 500
    tekst = r.content.decode()
    assert "<h1>Er ging iets mis</h1>" in tekst and NAVIGATIE in tekst
    assert "kapot voor de test" not in tekst  # no technical detail for the visitor
    r = client.get("/api/kapot/")
    assert r.status_code == 500 and r.json()["detail"].startswith("Er ging iets mis")


def test_500_pagina_zonder_werkende_database_nog_steeds_nederlands(rf, monkeypatch):
    from jens import context_processors, foutpaginas

    def _kapot(request):
        raise RuntimeError("database weg")

    monkeypatch.setattr(context_processors, "navigatie", _kapot)
    monkeypatch.setattr(
        "django.template.context_processors.request", _kapot
    )  # the first context processor fails: the page falls back to no request
    r = foutpaginas.serverfout(rf.get("/ergens/"))
    assert r.status_code == 500
    assert "Er ging iets mis" in r.content.decode()


def test_400_pagina(rf):
    from django.contrib.auth.models import AnonymousUser

    from jens import foutpaginas

    verzoek = rf.get("/")
    verzoek.user = AnonymousUser()
    r = foutpaginas.ongeldig_verzoek(verzoek)
    assert r.status_code == 400
    assert "<h1>Ongeldig verzoek</h1>" in r.content.decode()


def test_csrf_fout_geeft_een_nederlandse_pagina_en_slaat_niets_op(maak_gebruiker):
    from complaints.models import Klacht

    client = Client(enforce_csrf_checks=True)
    r = client.post("/klacht-indienen/", {"naam": "A"})
    assert r.status_code == 403
    tekst = r.content.decode()
    assert "<h1>Formulier verlopen</h1>" in tekst
    assert "Uw gegevens zijn niet opgeslagen." in tekst
    assert "CSRF verification failed" not in tekst
    assert not Klacht.objects.exists()


def test_anoniem_naar_api_docs_krijgt_de_inlogpagina(client):
    r = client.get("/api/docs/")
    assert r.status_code == 302
    assert r["Location"] == "/inloggen/?next=/api/docs/"


def test_anoniem_krijgt_bij_een_geweigerde_pagina_de_inlogpagina(client, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    from jens import foutpaginas

    verzoek = rf.get("/ergens/?a=1")
    verzoek.user = AnonymousUser()
    r = foutpaginas.geen_toegang(verzoek, PermissionDenied("nee"))
    assert r.status_code == 302 and r["Location"] == "/inloggen/?next=/ergens/%3Fa%3D1"
    verzoek = rf.get("/api/v1/klachten/")
    verzoek.user = AnonymousUser()
    assert foutpaginas.geen_toegang(verzoek, PermissionDenied("nee")).status_code == 403  # the API answers


OPENBAAR = {
    "/inloggen/",
    "/uitloggen/",
    "/klacht-indienen/",
    "/klacht-indienen/ontvangen/",
    # password reset: for who cannot sign in
    "/wachtwoord-herstel/",
    "/wachtwoord-herstel/verstuurd/",
    "/wachtwoord-herstel/1/1/",
    "/wachtwoord-herstel/klaar/",
}


def _paginas(resolver=None, prefix=""):
    """Every page of the site (not the API, not the admin), with 1 for each path parameter."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if route.startswith(("admin/", "api/")):
                continue
            yield from _paginas(p, route)
        elif isinstance(p, URLPattern):
            if route.startswith(("admin/", "api/")) and route != "api/docs/":
                continue
            yield "/" + re.sub(r"<(?:\w+:)?\w+>", "1", route.lstrip("^").rstrip("$"))


def test_elke_pagina_met_inloggen_stuurt_een_anonieme_bezoeker_naar_de_inlogpagina(client):
    paginas = sorted(set(_paginas()) - OPENBAAR)
    assert len(paginas) > 15 and "/dashboard/" in paginas and "/api/docs/" in paginas
    fout = {}
    for pagina in paginas:
        r = client.get(pagina)
        if r.status_code == 405:  # a form's POST-only action
            r = client.post(pagina)
        if not (r.status_code == 302 and r["Location"].startswith("/inloggen/?next=")):
            fout[pagina] = r.status_code
    assert fout == {}


def test_gezondheid_toont_de_hartslag_in_lokale_tijd_in_leesbaar_nederlands(web_als, settings):
    # A cache of this test's own: the file cache is shared by parallel test workers, which clear it.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gezondheid"}
    }
    from datetime import UTC, datetime

    from django.core.cache import cache

    from jens.tasks import HARTSLAG_SLEUTEL
    from jens.views import hartslag_tekst

    nu = datetime(2027, 12, 31, 23, 30, tzinfo=UTC)  # in Amsterdam already New Year's Day
    assert hartslag_tekst("2027-12-31T23:28:05+00:00", nu=nu) == (
        "laatste hartslag 01-01-2028 om 00:28:05 (1 minuut geleden)"
    )
    assert hartslag_tekst("2027-12-31T23:29:40+00:00", nu=nu).endswith("(minder dan een minuut geleden)")
    assert hartslag_tekst("2027-12-31T23:10:00+00:00", nu=nu).endswith("(20 minuten geleden)")
    assert hartslag_tekst("2027-12-29T23:30:00+00:00", nu=nu).endswith("(2 dagen geleden)")
    assert hartslag_tekst(None) == "geen hartslag ontvangen"
    assert hartslag_tekst("kapot") == "geen geldige hartslag ontvangen"
    cache.set(HARTSLAG_SLEUTEL, "2027-06-01T10:00:00+00:00")
    html = web_als("functioneel_beheerder").get("/gezondheid/").content.decode()
    assert "laatste hartslag 01-06-2027 om 12:00:00" in html and "+00:00" not in html
