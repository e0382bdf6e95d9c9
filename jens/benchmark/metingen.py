"""The measurements of the benchmark. Each one runs a hot path several times in this process (or, for
the public form, against a gunicorn on loopback) and gives: rows, p50 and p95 in ms, the number of
queries, the time of the same SQL run alone (replayed on the same connection, then rolled back) and
the ratio p50 / SQL alone. Nothing here reaches the user's cache, broker or mail server: the in-process
runs use a local-memory cache, eager Celery and the local-memory mail backend."""

from __future__ import annotations

import http.client
import io
import logging
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

# Goals of issue 11 (p95 in ms, largest ratio to the SQL alone); the list goal is the one of
# /api/v1/jeugdigen/ and holds for every list.
DOEL_RAPPORT_MS = 1000
DOEL_LIJST_MS, DOEL_LIJST_VERHOUDING = 50, 3.0
DOEL_SIGNALERING_MS = 200
DOEL_IMPORT_MS_PER_RIJ = 1.0  # 10,000 rows in 10 s
DOEL_FORMULIER_PER_S, DOEL_FORMULIER_P95_MS = 200, 100


@dataclass
class Meting:
    naam: str
    omschrijving: str
    rijen: int
    p50_ms: float | None
    p95_ms: float | None
    queries: int | None
    sql_alleen_ms: float | None
    verhouding: float | None
    herhalingen: int
    doel: str
    gehaald: bool | None
    extra: dict = field(default_factory=dict)

    def als_dict(self) -> dict:
        return asdict(self)


def percentiel(waarden: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0…100) of a non-empty list."""
    geordend = sorted(waarden)
    k = max(0, min(len(geordend) - 1, math.ceil(p / 100 * len(geordend)) - 1))
    return geordend[k]


OVERSLAAN = re.compile(r"^\s*(SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|START TRANSACTION|SET )\b", re.I)


def sql_alleen(statements: list[str]) -> float:
    """Run the captured statements again on the same connection, each in a savepoint, everything
    rolled back at the end; returns the time spent in the database in ms."""
    totaal = 0.0
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in statements:
                if OVERSLAAN.match(sql):
                    continue
                sid = transaction.savepoint()
                start = time.perf_counter()
                try:
                    cursor.execute(sql)
                    if cursor.description is not None:
                        cursor.fetchall()
                except Exception:  # e.g. a unique key hit again by a replayed insert
                    transaction.savepoint_rollback(sid)
                else:
                    transaction.savepoint_commit(sid)
                totaal += time.perf_counter() - start
        transaction.set_rollback(True)
    return totaal * 1000


def _herhalingen(eerste_ms: float, gevraagd: int) -> int:
    """Fewer repetitions for a path that takes long (the 'before' figures take tens of seconds)."""
    if eerste_ms > 20_000:
        return min(gevraagd, 2)
    if eerste_ms > 5_000:
        return min(gevraagd, 3)
    return gevraagd


def meet(
    naam: str,
    omschrijving: str,
    functie: Callable[[], object],
    *,
    rijen: int,
    herhalingen: int,
    doel_ms: float | None = None,
    doel_verhouding: float | None = None,
    doel_tekst: str = "",
    extra: dict | None = None,
) -> Meting:
    """One run with the queries captured (not timed with the others), then ``herhalingen`` timed runs."""
    with CaptureQueriesContext(connection) as vastgelegd:
        start = time.perf_counter()
        functie()
        eerste_ms = (time.perf_counter() - start) * 1000
    statements = [q["sql"] for q in vastgelegd.captured_queries]
    n = _herhalingen(eerste_ms, herhalingen)
    tijden = []
    for _ in range(n):
        start = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - start) * 1000)
    alleen = statistics.median(sql_alleen(statements) for _ in range(1 if eerste_ms > 5_000 else 3))
    p50, p95 = statistics.median(tijden), percentiel(tijden, 95)
    verhouding = round(p50 / alleen, 2) if alleen > 0 else None
    gehaald = None
    if doel_ms is not None:
        gehaald = p95 <= doel_ms and (doel_verhouding is None or (verhouding or 0) <= doel_verhouding)
    aantal = sum(1 for s in statements if not OVERSLAAN.match(s))
    return Meting(
        naam=naam,
        omschrijving=omschrijving,
        rijen=rijen,
        p50_ms=round(p50, 2),
        p95_ms=round(p95, 2),
        queries=aantal,
        sql_alleen_ms=round(alleen, 2),
        verhouding=verhouding,
        herhalingen=n,
        doel=doel_tekst or _doel_tekst(doel_ms, doel_verhouding),
        gehaald=gehaald,
        extra=extra or {},
    )


def _doel_tekst(doel_ms, doel_verhouding) -> str:
    if doel_ms is None:
        return ""
    tekst = f"p95 ≤ {doel_ms:g} ms"
    if doel_verhouding is not None:
        tekst += f", ≤ {doel_verhouding:g}× SQL"
    return tekst


@contextmanager
def afgeschermd():
    """Local-memory cache and mail, eager Celery tasks: the benchmark touches nothing outside its database."""
    from jens.celery import app

    oud = app.conf.task_always_eager
    app.conf.task_always_eager = True
    logniveaus = {naam: logging.getLogger(naam).level for naam in ("celery", "kombu")}
    for naam in logniveaus:
        logging.getLogger(naam).setLevel(logging.WARNING)
    try:
        with override_settings(
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "benchmark"}},
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            CELERY_TASK_ALWAYS_EAGER=True,
            DEBUG=False,
        ):
            yield
    finally:
        app.conf.task_always_eager = oud
        for naam, niveau in logniveaus.items():
            logging.getLogger(naam).setLevel(niveau)


def gebruikers() -> dict[str, object]:
    """One user per role the measurements need (management sees every area; the functioneel beheerder
    the access log)."""
    User = get_user_model()
    uit = {}
    for naam, rol in [("bench-management", "management"), ("bench-beheerder", "functioneel_beheerder")]:
        user, _ = User.objects.get_or_create(username=naam, defaults={"email": f"{naam}@bench.example"})
        user.groups.set([Group.objects.get(name=rol)])
        uit[rol] = user
    return uit


def _client(user) -> Client:
    """A signed-in client whose session also verified a second factor (the roles measured here need one)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    c = Client()
    c.force_login(user)
    toestel, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", defaults={"confirmed": True})
    sessie = c.session
    sessie[DEVICE_ID_SESSION_KEY] = toestel.persistent_id
    sessie.save()
    return c


def _get(client: Client, url: str, status: int = 200) -> Callable[[], object]:
    def doe():
        r = client.get(url)
        if r.status_code != status:
            raise RuntimeError(f"{url}: HTTP {r.status_code} (verwacht {status})")
        return r

    return doe


# --- the measurements -------------------------------------------------------------------------------------------


def rapport_en_dashboard(*, herhalingen: int, rijen: dict[str, int], users) -> list[Meting]:
    uitvoer = Path(tempfile.mkdtemp(prefix="jens-bench-")) / "rapport.xlsx"
    rapport = meet(
        "rapportage_2023H1",
        "manage.py rapportage 2023H1 (XLSX)",
        lambda: call_command("rapportage", "2023H1", uitvoer=str(uitvoer), stdout=io.StringIO(), stderr=io.StringIO()),
        rijen=rijen["cases.Hulpvraag"],
        herhalingen=herhalingen,
        doel_ms=DOEL_RAPPORT_MS,
    )
    dashboard = meet(
        "dashboard_2023H1",
        "GET /dashboard/?periode=2023H1 (management)",
        _get(_client(users["management"]), "/dashboard/?periode=2023H1"),
        rijen=rijen["cases.Hulpvraag"],
        herhalingen=herhalingen,
        doel_ms=DOEL_RAPPORT_MS,
    )
    return [rapport, dashboard]


def clienttellingen(*, herhalingen: int, rijen: dict[str, int]) -> list[Meting]:
    """The client counts alone (the selectors the report and the dashboard share)."""
    from cases import selectors
    from jens.periode import Periode

    periode = Periode.parse("2023H1")
    return [
        meet(
            "clienten_2023H1",
            "cases.selectors.clienten_rapport + clienten_per_maand, 2023H1",
            lambda: (selectors.clienten_rapport(periode), selectors.clienten_per_maand(periode)),
            rijen=rijen["cases.Hulpvraag"],
            herhalingen=herhalingen,
            doel_ms=DOEL_RAPPORT_MS,
        )
    ]


def lijsten(*, herhalingen: int, rijen: dict[str, int], users) -> list[Meting]:
    management, beheerder = _client(users["management"]), _client(users["functioneel_beheerder"])

    def diep(tabel: str) -> int:
        return max(1, min(1000, rijen[tabel] // 50 // 2))

    lijst = [
        ("api_jeugdigen_p1", "/api/v1/jeugdigen/", management, "cases.Jeugdige"),
        ("api_jeugdigen_diep", f"/api/v1/jeugdigen/?page={diep('cases.Jeugdige')}", management, "cases.Jeugdige"),
        ("api_jeugdigen_zoek", "/api/v1/jeugdigen/?zoek=vries", management, "cases.Jeugdige"),
        ("api_hulpvragen_p1", "/api/v1/hulpvragen/", management, "cases.Hulpvraag"),
        ("api_zorginzet_p1", "/api/v1/zorginzet/", management, "cases.Zorginzet"),
        ("api_zorginzet_diep", f"/api/v1/zorginzet/?page={diep('cases.Zorginzet')}", management, "cases.Zorginzet"),
        ("api_klachten_p1", "/api/v1/klachten/", management, "complaints.Klacht"),
        ("api_uitgaven_p1", "/api/v1/uitgaven/", management, "contracts.Uitgave"),
        ("api_zorgaanbieders_p1", "/api/v1/zorgaanbieders/", management, "contracts.Zorgaanbieder"),
        ("api_medewerkers_p1", "/api/v1/medewerkers/", management, "staff.Medewerker"),
        ("api_toegangslog_p1", "/api/v1/toegangslog/", beheerder, "jens.Toegangslog"),
        ("api_toegangslog_client", "/api/v1/toegangslog/?client=C0000001", beheerder, "jens.Toegangslog"),
    ]
    return [
        meet(
            naam,
            f"GET {url}",
            _get(client, url),
            rijen=rijen[tabel],
            herhalingen=herhalingen,
            doel_ms=DOEL_LIJST_MS,
            doel_verhouding=DOEL_LIJST_VERHOUDING,
        )
        for naam, url, client, tabel in lijst
    ]


SIGNALERING_MODULES = ["cases.services", "complaints.signaleringen", "contracts.signaleringen", "staff.signaleringen"]
SIGNALERING_TAKEN = [
    ("cases", "cases.tasks.signaleer_te_laat", "cases.Hulpvraag"),
    ("complaints", "complaints.tasks.signaleer_klachttermijnen", "complaints.Klacht"),
    ("contracts", "contracts.tasks.signaleer", "contracts.Contract"),
    ("staff", "staff.tasks.meldcode_signaleringen", "staff.Medewerker"),
]


def _taak(pad: str):
    import importlib

    module, _, naam = pad.rpartition(".")
    return getattr(importlib.import_module(module), naam)


def signaleringen(*, herhalingen: int, rijen: dict[str, int]) -> list[Meting]:
    """Every signalering sync of the four apps; per kind (each call of ``sync_signaleringen``, found by
    wrapping it): the first run (raising them all) apart, then the steady runs."""
    import importlib

    from jens import signaleringen as kern

    origineel = kern.sync_signaleringen
    per_soort: dict[str, list[float]] = defaultdict(list)
    statements: dict[str, list[str]] = {}
    eerste: dict[str, float] = {}
    vastleggen = {"aan": False}

    def omhulsel(*args, **kwargs):
        soort = kwargs.get("soort", "?")
        start = time.perf_counter()
        if vastleggen["aan"]:
            with CaptureQueriesContext(connection) as q:
                r = origineel(*args, **kwargs)
            statements[soort] = [x["sql"] for x in q.captured_queries]
        else:
            r = origineel(*args, **kwargs)
        ms = (time.perf_counter() - start) * 1000
        if soort not in eerste:
            eerste[soort] = ms
        elif not vastleggen["aan"]:
            per_soort[soort].append(ms)
        return r

    metingen = []
    with ExitStack() as stack:
        for naam in SIGNALERING_MODULES:
            module = importlib.import_module(naam)
            if hasattr(module, "sync_signaleringen"):
                stack.enter_context(mock.patch.object(module, "sync_signaleringen", omhulsel))
        stack.enter_context(mock.patch.object(kern, "sync_signaleringen", omhulsel))
        soort_app: dict[str, str] = {}
        for app, pad, tabel in SIGNALERING_TAKEN:
            taak = _taak(pad)
            voor = set(eerste)
            start = time.perf_counter()
            taak()  # first run: raises every overdue item
            eerste_totaal = (time.perf_counter() - start) * 1000
            soort_app.update(dict.fromkeys(set(eerste) - voor, app))
            vastleggen["aan"] = True
            taak()
            vastleggen["aan"] = False
            m = meet(
                f"signalering_{app}",
                f"{pad} (alle soorten, stabiel)",
                taak,
                rijen=rijen[tabel],
                herhalingen=herhalingen,
                doel_ms=DOEL_SIGNALERING_MS * max(1, len(set(eerste) - voor)),
                doel_tekst=f"≤ {DOEL_SIGNALERING_MS} ms per soort",
                extra={"eerste_run_ms": round(eerste_totaal, 1)},
            )
            metingen.append(m)
    from jens.models import Signalering

    open_per_soort = dict(Signalering.objects.open().values_list("soort").annotate(n=Count("pk")).order_by())
    for soort in sorted(soort_app):
        tijden = per_soort.get(soort) or [eerste[soort]]
        stmts = statements.get(soort, [])
        alleen = statistics.median(sql_alleen(stmts) for _ in range(3)) if stmts else None
        p50, p95 = statistics.median(tijden), percentiel(tijden, 95)
        metingen.append(
            Meting(
                naam=f"signalering_{soort}",
                omschrijving=f"sync_signaleringen(soort={soort!r}), stabiel",
                rijen=open_per_soort.get(soort, 0),
                p50_ms=round(p50, 1),
                p95_ms=round(p95, 1),
                queries=sum(1 for s in stmts if not OVERSLAAN.match(s)) if stmts else None,
                sql_alleen_ms=round(alleen, 1) if alleen is not None else None,
                verhouding=round(p50 / alleen, 2) if alleen else None,
                herhalingen=len(tijden),
                doel=f"p95 ≤ {DOEL_SIGNALERING_MS} ms",
                gehaald=p95 <= DOEL_SIGNALERING_MS,
                extra={"eerste_run_ms": round(eerste[soort], 1), "open_signaleringen": open_per_soort.get(soort, 0)},
            )
        )
    return metingen


def hr_import(*, herhalingen: int, rijen: dict[str, int], aantal: int) -> list[Meting]:
    """The HR import of ``aantal`` new employees (as confirmed in the admin: not a dry run), rolled back
    after each run so every run imports the same new rows."""
    from staff.models import Medewerker
    from staff.resources import MedewerkerResource

    resource = MedewerkerResource()
    dataset = resource.export(queryset=Medewerker.objects.order_by("pk")[:aantal])
    idx = dataset.headers.index("personeelsnummer")
    nieuw = dataset.__class__(headers=dataset.headers)
    for n, rij in enumerate(dataset):
        rij = list(rij)
        rij[idx] = f"I{n + 1:07d}"
        nieuw.append(rij)

    def importeer():
        with transaction.atomic():
            resultaat = MedewerkerResource().import_data(nieuw, dry_run=False, raise_errors=False)
            if resultaat.has_errors() or resultaat.has_validation_errors():
                raise RuntimeError("HR-import: onverwachte fouten in de benchmarkrijen")
            transaction.set_rollback(True)

    m = meet(
        "hr_import_medewerkers",
        f"MedewerkerResource.import_data, {len(nieuw)} nieuwe rijen",
        importeer,
        rijen=len(nieuw),
        herhalingen=herhalingen,
        doel_ms=DOEL_IMPORT_MS_PER_RIJ * len(nieuw),
        doel_tekst=f"{len(nieuw)} rijen ≤ {DOEL_IMPORT_MS_PER_RIJ * len(nieuw) / 1000:g} s (10.000 in 10 s)",
    )
    m.extra["rijen_per_s"] = round(len(nieuw) / (m.p50_ms / 1000), 1) if m.p50_ms else None
    m.extra["queries_per_rij"] = round(m.queries / len(nieuw), 2) if m.queries else None
    return [m]


def _formulier_velden(aard_id: int, n: int) -> dict[str, str]:
    return {
        "soort": "klacht",
        "aard": str(aard_id),
        "gemeente": "",
        "betreft": "",
        "omschrijving": f"Benchmarkklacht {n}: de afspraak werd twee keer verzet.",
        "gewenste_uitkomst": "",
        "indiener_naam": f"Bench formulier {n}",
        "indiener_rol": "ouder",
        "indiener_email": f"formulier{n}@bench.example",
        "indiener_telefoon": "",
        "privacy": "on",
        "website": "",
    }


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def formulier(
    *, herhalingen: int, rijen: dict[str, int], database_url: str, aantal: int, clients: int = 4, redis_url: str = ""
) -> list[Meting]:
    """The public complaint form: one submission in this process (queries, SQL alone), then
    ``aantal`` submissions by ``clients`` concurrent clients against gunicorn on loopback, each from
    its own address (X-Forwarded-For behind one trusted proxy), so the rate limit is checked as for
    many people. Every accepted submission must be stored."""
    from complaints.models import Aard, Klacht

    aard_id = Aard.objects.filter(actief=True).order_by("pk").values_list("pk", flat=True).first()
    teller = iter(range(1, 10**9))

    def een_in_proces():
        n = next(teller)
        r = Client(REMOTE_ADDR=f"10.9.{n // 250 % 250}.{n % 250 + 1}").post(
            "/klacht-indienen/", _formulier_velden(aard_id, n)
        )
        if r.status_code != 302:
            raise RuntimeError(f"klachtformulier: HTTP {r.status_code}")

    in_proces = meet(
        "klachtformulier_een",
        "POST /klacht-indienen/ in het proces (één indiening)",
        een_in_proces,
        rijen=rijen["complaints.Klacht"],
        herhalingen=herhalingen,
    )

    poort = _vrije_poort()
    data_dir = tempfile.mkdtemp(prefix="jens-bench-web-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "JENS_DATA_DIR": data_dir,
        "DJANGO_DEBUG": "False",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "JENS_VERTROUWDE_PROXIES": "1",
        "EMAIL_URL": "dummymail://",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and fixed arguments)
        [sys.executable, "-m", "gunicorn", "jens.wsgi:application", "--bind", f"127.0.0.1:{poort}"]
        + ["--workers", str(clients), "--log-level", "warning"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        token, cookie = _wacht_op_server(poort, server)
        voor = Klacht.objects.filter(indiener_naam__startswith="Bench http ").count()
        latenties: list[float] = []
        fouten: list[str] = []
        slot = threading.Lock()
        nummers = iter(range(1, aantal + 1))

        def client_lus():
            conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
            while True:
                with slot:
                    n = next(nummers, None)
                if n is None:
                    break
                velden = _formulier_velden(aard_id, n) | {
                    "indiener_naam": f"Bench http {n}",
                    "csrfmiddlewaretoken": token,
                }
                body = urllib.parse.urlencode(velden)
                kop = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "X-Forwarded-For": f"10.{n // 62500 % 250}.{n // 250 % 250}.{n % 250 + 1}",
                }
                start = time.perf_counter()
                try:
                    conn.request("POST", "/klacht-indienen/", body=body, headers=kop)
                    antwoord = conn.getresponse()
                    antwoord.read()
                    status = antwoord.status
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
                    status = f"{type(exc).__name__}"
                ms = (time.perf_counter() - start) * 1000
                with slot:
                    latenties.append(ms)
                    if status != 302:
                        fouten.append(str(status))
            conn.close()

        start = time.perf_counter()
        draden = [threading.Thread(target=client_lus) for _ in range(clients)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        wand_s = time.perf_counter() - start
        opgeslagen = Klacht.objects.filter(indiener_naam__startswith="Bench http ").count() - voor
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    per_s = aantal / wand_s if wand_s else 0.0
    geaccepteerd = aantal - len(fouten)
    p50, p95 = statistics.median(latenties), percentiel(latenties, 95)
    http_meting = Meting(
        naam="klachtformulier_4_clients",
        omschrijving=f"POST /klacht-indienen/, {clients} clients tegelijk, gunicorn op loopback ({clients} workers)",
        rijen=rijen["complaints.Klacht"],
        p50_ms=round(p50, 1),
        p95_ms=round(p95, 1),
        queries=in_proces.queries,
        sql_alleen_ms=in_proces.sql_alleen_ms,
        verhouding=round(p50 / in_proces.sql_alleen_ms, 2) if in_proces.sql_alleen_ms else None,
        herhalingen=aantal,
        doel=f"≥ {DOEL_FORMULIER_PER_S}/s, p95 ≤ {DOEL_FORMULIER_P95_MS} ms, niets verloren",
        gehaald=per_s >= DOEL_FORMULIER_PER_S and p95 <= DOEL_FORMULIER_P95_MS and opgeslagen == geaccepteerd == aantal,
        extra={
            "per_seconde": round(per_s, 1),
            "verstuurd": aantal,
            "geaccepteerd": geaccepteerd,
            "opgeslagen": opgeslagen,
            "fouten": sorted(set(fouten))[:10],
        },
    )
    return [in_proces, http_meting]


def _wacht_op_server(poort: int, server: subprocess.Popen, wachttijd: float = 60) -> tuple[str, str]:
    """Wait until gunicorn answers; returns a CSRF token and its cookie from the form page."""
    einde = time.monotonic() + wachttijd
    while time.monotonic() < einde:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopte: {server.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
            conn.request("GET", "/klacht-indienen/", headers={"X-Forwarded-For": "10.255.0.1"})
            r = conn.getresponse()
            html = r.read().decode()
            cookies = [v for k, v in r.getheaders() if k.lower() == "set-cookie"]
            conn.close()
            if r.status == 200:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
                cookie = "; ".join(c.split(";", 1)[0] for c in cookies)
                return token, cookie
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn antwoordt niet op de klachtpagina")
