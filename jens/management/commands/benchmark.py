"""``manage.py benchmark [--schaal N] [--uitvoer F.json]``: the national-scale benchmark (issue 11).

Creates its own PostgreSQL database (``jens_bench`` unless ``--database``), never the configured one,
fills it set-based at scale N (requests for help; default 1,000,000 with the national proportions),
measures the hot paths several times and writes one JSON file; prints a table and, as its last line,
a one-line summary."""

import json
import platform
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlunsplit

import environ
import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils import timezone

from jens.benchmark import metingen, vullen

GROEPEN = ("clienten", "rapport", "lijsten", "signalering", "import", "formulier")
MARKER = "benchmark_vulling"
PG = "django.db.backends.postgresql"


def weiger_eigen_database(server: dict, naam: str, geconfigureerd: dict) -> None:
    """Refuse when the benchmark database would be the configured one (same server, same name): the
    benchmark drops and refills its database."""
    zelfde_server = (geconfigureerd.get("HOST") or "", str(geconfigureerd.get("PORT") or "")) == (
        server.get("HOST") or "",
        str(server.get("PORT") or ""),
    )
    if geconfigureerd.get("ENGINE") == PG and geconfigureerd.get("NAME") == naam and zelfde_server:
        raise CommandError(
            f"Geweigerd: '{naam}' is de geconfigureerde database (DATABASE_URL). De benchmark maakt en wist "
            "zijn eigen database; kies een andere naam met --database."
        )


class Command(BaseCommand):
    help = (
        "Benchmark op landelijke schaal in een eigen PostgreSQL-database: vullen (set-gewijs), de hete paden "
        "meten, JSON schrijven en een tabel tonen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schaal", type=int, default=vullen.NATIONAAL, help="aantal hulpvragen (standaard 1.000.000)"
        )
        parser.add_argument("--uitvoer", default="", help="pad van het JSON-bestand (standaard benchmark-<N>.json)")
        parser.add_argument("--database", default="jens_bench", help="naam van de eigen benchmarkdatabase")
        parser.add_argument(
            "--server",
            default="",
            help="PostgreSQL-server als URL (standaard JENS_BENCH_DATABASE_URL, anders de server van DATABASE_URL, "
            "anders postgres://postgres@127.0.0.1:5432)",
        )
        parser.add_argument("--herhalingen", type=int, default=5, help="gemeten runs per meting (standaard 5)")
        parser.add_argument(
            "--hergebruik",
            action="store_true",
            help="een eerder gevulde benchmarkdatabase van dezelfde schaal opnieuw gebruiken (alleen migreren)",
        )
        parser.add_argument(
            "--alleen", default="", help=f"komma-lijst van meetgroepen: {', '.join(GROEPEN)} (standaard alle)"
        )
        parser.add_argument(
            "--formulier-aantal", type=int, default=400, help="indieningen van het klachtformulier (standaard 400)"
        )
        parser.add_argument(
            "--redis-url", default="", help="eigen Redis (bv. redis://127.0.0.1:6379/15) voor de webserver-meting"
        )

    # --- the database -------------------------------------------------------------------------------------------

    def _server(self, server: str) -> dict:
        if not server:
            server = environ.Env().str("JENS_BENCH_DATABASE_URL", default="")
        if server:
            cfg = environ.Env.db_url_config(server)
        elif settings.DATABASES["default"]["ENGINE"] == PG:
            cfg = dict(settings.DATABASES["default"])
        else:
            cfg = environ.Env.db_url_config("postgres://postgres@127.0.0.1:5432/postgres")
        if cfg.get("ENGINE") not in (PG, "django.db.backends.postgresql_psycopg2"):
            raise CommandError("De benchmark draait alleen op PostgreSQL: geef --server postgres://…")
        return cfg

    def _psql(self, cfg: dict, dbnaam: str):
        return psycopg.connect(
            dbname=dbnaam,
            host=cfg.get("HOST") or None,
            port=cfg.get("PORT") or None,
            user=cfg.get("USER") or None,
            password=cfg.get("PASSWORD") or None,
            autocommit=True,
            connect_timeout=10,
        )

    def _marker(self, cfg: dict, naam: str) -> dict | None:
        """The fill marker of an existing benchmark database; ``None`` when it is no benchmark database."""
        with self._psql(cfg, naam) as c:
            bestaat = c.execute("SELECT to_regclass(%s)", [MARKER]).fetchone()[0]
            if not bestaat:
                return None
            rij = c.execute(f"SELECT schaal, klaar, gevuld_op FROM {MARKER}").fetchone()  # noqa: S608
            return {"schaal": rij[0], "klaar": rij[1], "gevuld_op": rij[2]} if rij else {"schaal": None}

    def _bereid_voor(self, cfg: dict, naam: str, schaal: int, hergebruik: bool) -> bool:
        """Create (or reuse) the benchmark database; True when it must be filled."""
        with self._psql(cfg, "postgres") as c:
            bestaat = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone()
        if bestaat:
            marker = self._marker(cfg, naam)
            if marker is None:
                raise CommandError(
                    f"Geweigerd: database '{naam}' bestaat al en is geen benchmarkdatabase (de tabel {MARKER} "
                    "ontbreekt). Kies een andere naam met --database."
                )
            if hergebruik and marker.get("klaar") and marker.get("schaal") == schaal:
                self.stdout.write(f"Hergebruik: {naam} (schaal {_nl(schaal)}, gevuld {marker['gevuld_op']:%d-%m-%Y}).")
                return False
            with self._psql(cfg, "postgres") as c:
                c.execute(f'DROP DATABASE "{naam}" WITH (FORCE)')
        with self._psql(cfg, "postgres") as c:
            c.execute(f'CREATE DATABASE "{naam}"')
        return True

    def _schakel(self, cfg: dict, naam: str) -> None:
        """Point the default connection of this process at the benchmark database."""
        for c in connections.all():
            c.close()
        doel = settings.DATABASES["default"]
        doel.update(
            {
                "ENGINE": PG,
                "NAME": naam,
                "HOST": cfg.get("HOST") or "",
                "PORT": cfg.get("PORT") or "",
                "USER": cfg.get("USER") or "",
                "PASSWORD": cfg.get("PASSWORD") or "",
                # The connection options of the configured PostgreSQL database (jit=off, see settings).
                "OPTIONS": dict(doel.get("OPTIONS", {})) if doel["ENGINE"] == PG else {"options": "-c jit=off"},
                "CONN_MAX_AGE": 0,
            }
        )
        if connections["default"].vendor != "postgresql":
            # Configured for SQLite: the wrapper of that engine cannot talk to PostgreSQL; a new one is made.
            del connections["default"]
        connections["default"].settings_dict.update(doel)

    @staticmethod
    def _url(cfg: dict, naam: str) -> str:
        gebruiker = cfg.get("USER") or ""
        if cfg.get("PASSWORD"):
            gebruiker += f":{cfg['PASSWORD']}"
        netloc = f"{gebruiker}@" if gebruiker else ""
        netloc += f"{cfg.get('HOST') or '127.0.0.1'}:{cfg.get('PORT') or 5432}"
        return urlunsplit(("postgres", netloc, f"/{naam}", "", ""))

    # --- the run ------------------------------------------------------------------------------------------------

    def handle(self, *args, **o):
        schaal = o["schaal"]
        if schaal < 100:
            raise CommandError("--schaal is minstens 100.")
        groepen = [g.strip() for g in o["alleen"].split(",") if g.strip()] or list(GROEPEN)
        if onbekend := set(groepen) - set(GROEPEN):
            raise CommandError(f"Onbekende meetgroep(en): {', '.join(sorted(onbekend))}; kies uit {', '.join(GROEPEN)}")
        naam = o["database"]
        cfg = self._server(o["server"])
        weiger_eigen_database(cfg, naam, settings.DATABASES["default"])
        uitvoer = Path(o["uitvoer"] or f"benchmark-{schaal}.json")

        start = time.monotonic()
        vullen_nodig = self._bereid_voor(cfg, naam, schaal, o["hergebruik"])
        self._schakel(cfg, naam)
        call_command("migrate", verbosity=0, interactive=False)
        vandaag = timezone.localdate()
        vul_s = analyse_s = 0.0
        if vullen_nodig:
            with connection.cursor() as c:
                c.execute(f"CREATE TABLE {MARKER} (schaal integer, klaar boolean, gevuld_op date)")
                c.execute(f"INSERT INTO {MARKER} VALUES (%s, false, %s)", [schaal, vandaag])  # noqa: S608
            self.stdout.write(f"Vullen van {naam} op schaal {_nl(schaal)} …")
            vul_start = time.monotonic()
            vullen.vul(schaal, vandaag=vandaag, uit=self.stderr._out)
            vul_s = time.monotonic() - vul_start
            analyse_s = vullen.analyseer(self.stdout.write)
            with connection.cursor() as c:
                c.execute(f"UPDATE {MARKER} SET klaar = true")  # noqa: S608
            self.stdout.write(f"Gevuld in {vul_s:.0f} s (plus {analyse_s:.0f} s VACUUM ANALYZE).")
        else:
            vullen.analyseer()

        rijen = self._rijen()
        users = metingen.gebruikers()
        h = o["herhalingen"]
        resultaten: list[metingen.Meting] = []
        with metingen.afgeschermd():
            for groep in groepen:
                self.stdout.write(f"Meten: {groep} …")
                if groep == "clienten":
                    resultaten += metingen.clienttellingen(herhalingen=h, rijen=rijen)
                elif groep == "rapport":
                    resultaten += metingen.rapport_en_dashboard(herhalingen=h, rijen=rijen, users=users)
                elif groep == "lijsten":
                    resultaten += metingen.lijsten(herhalingen=h, rijen=rijen, users=users)
                elif groep == "signalering":
                    resultaten += metingen.signaleringen(herhalingen=h, rijen=rijen)
                elif groep == "import":
                    resultaten += metingen.hr_import(
                        herhalingen=min(h, 3), rijen=rijen, aantal=vullen.Omvang(schaal).importrijen
                    )
                elif groep == "formulier":
                    resultaten += metingen.formulier(
                        herhalingen=h,
                        rijen=rijen,
                        database_url=self._url(cfg, naam),
                        aantal=o["formulier_aantal"],
                        redis_url=o["redis_url"],
                    )

        gehaald = [m for m in resultaten if m.gehaald]
        met_doel = [m for m in resultaten if m.gehaald is not None]
        traagste = max(resultaten, key=lambda m: m.p95_ms or 0, default=None)
        data = {
            "schaal": schaal,
            "database": naam,
            "datum": date.today().isoformat(),
            "machine": {"python": platform.python_version(), "cpu": _cpus()},
            "rijen": rijen,
            "vullen_s": round(vul_s, 1),
            "analyse_s": round(analyse_s, 1),
            "totaal_s": round(time.monotonic() - start, 1),
            "metingen": [m.als_dict() for m in resultaten],
            "gehaald": len(gehaald),
            "met_doel": len(met_doel),
        }
        uitvoer.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        self._tabel(resultaten)
        self.stdout.write(f"JSON geschreven: {uitvoer}")
        niet = [m.naam for m in met_doel if not m.gehaald]
        samenvatting = (
            f"benchmark schaal {_nl(schaal)}: {len(resultaten)} metingen, {len(gehaald)}/{len(met_doel)} binnen het doel"
            + (f", traagste {traagste.naam} p95 {_nl(round(traagste.p95_ms or 0))} ms" if traagste else "")
            + (f"; niet gehaald: {', '.join(niet)}" if niet else "")
        )
        self.stdout.write(samenvatting)

    def _rijen(self) -> dict[str, int]:
        from django.apps import apps

        tabellen = [
            "cases.Jeugdige",
            "cases.Hulpvraag",
            "cases.Zorginzet",
            "complaints.Klacht",
            "complaints.KlachtStap",
            "contracts.Zorgaanbieder",
            "contracts.Contract",
            "contracts.Uitgave",
            "staff.Medewerker",
            "staff.Plaatsing",
            "jens.Toegangslog",
        ]
        return {t: apps.get_model(t).objects.count() for t in tabellen}

    def _tabel(self, resultaten) -> None:
        kop = f"{'meting':<44} {'rijen':>10} {'p50 ms':>9} {'p95 ms':>9} {'queries':>7} {'SQL ms':>9} {'×SQL':>6}  doel"
        self.stdout.write(kop)
        self.stdout.write("-" * len(kop))

        def getal(w, fmt):
            return "—" if w is None else format(w, fmt)

        for m in resultaten:
            teken = {True: "ja", False: "NEE", None: ""}[m.gehaald]
            self.stdout.write(
                f"{m.naam:<44} {m.rijen:>10,} {getal(m.p50_ms, '9.1f')} {getal(m.p95_ms, '9.1f')} "
                f"{getal(m.queries, '7d')} {getal(m.sql_alleen_ms, '9.1f')} {getal(m.verhouding, '6.2f')}  "
                f"{teken} {m.doel}".replace(",", ".")
                + (f"  ({m.extra['per_seconde']}/s)" if "per_seconde" in m.extra else "")
            )


def _nl(n: int) -> str:
    """1.000.000 (Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _cpus() -> int:
    import os

    return os.cpu_count() or 0
