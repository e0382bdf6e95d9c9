import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache

from jens import mail as outbox
from jens.celery import app
from jens.models import EmailBericht
from jens.tasks import HARTSLAG_SLEUTEL
from tests import klok

BASIS = Path(__file__).resolve().parents[2]


def test_elke_geplande_taak_bestaat():
    app.loader.import_default_modules()
    geregistreerd = set(app.tasks)
    for naam, regel in app.conf.beat_schedule.items():
        assert regel["task"] in geregistreerd, f"beat-regel {naam} noemt een onbekende taak {regel['task']}"


def test_worker_met_beat_voert_de_hartslag_uit(tmp_path):
    """A real worker with beat on the configured broker (embedded filesystem broker, or Redis when REDIS_URL is
    set) runs the periodic heartbeat task, which writes to the shared cache."""
    cache.delete(HARTSLAG_SLEUTEL)
    env = {**os.environ, "JENS_HARTSLAG_SECONDEN": "1", "CELERY_TASK_ALWAYS_EAGER": "False"}
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "jens",
            "worker",
            "-B",
            "--pool=solo",
            "--loglevel=WARNING",
            "-s",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=BASIS,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        eind = time.monotonic() + 60
        while time.monotonic() < eind and cache.get(HARTSLAG_SLEUTEL) is None:
            assert worker.poll() is None, worker.stdout.read().decode()
            time.sleep(0.5)
        assert cache.get(HARTSLAG_SLEUTEL) is not None
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@pytest.mark.django_db
@pytest.mark.time_machine(klok.KERSTAVOND, tick=False)
def test_email_blijft_bewaard_als_verzenden_mislukt_en_wordt_later_verzonden(
    settings, django_capture_on_commit_callbacks, time_machine
):
    settings.EMAIL_BACKEND = "tests.jens.kapotte_mail.KapotteBackend"
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue_email(aan=["a@jens.example"], onderwerp="Bevestiging", tekst="Uw klacht is ontvangen.")
    bericht = EmailBericht.objects.get()
    assert bericht.verzonden_op is None
    assert bericht.pogingen == 1
    assert "mailserver onbereikbaar" in bericht.laatste_fout
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.verstuur_openstaande() == 0  # not due before its wait (jens.mail.wachttijd) is over
    time_machine.move_to(bericht.volgende_poging_op)
    assert outbox.verstuur_openstaande() == 1
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None
    assert [m.subject for m in mail.outbox] == ["Bevestiging"]
    assert outbox.verstuur_openstaande() == 0  # never twice


def _nieuwe_pool():
    """Drop the app's producer pool so the next message connects to the (changed) broker URL."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db
def test_email_blijft_bewaard_als_de_broker_onbereikbaar_is(settings, django_capture_on_commit_callbacks, caplog):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    oude_url = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    _nieuwe_pool()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            outbox.queue_email(aan=["b@jens.example"], onderwerp="Signalering", tekst="x")
    finally:
        app.conf.broker_url = oude_url
        app.conf.task_always_eager = True
    _nieuwe_pool()
    bericht = EmailBericht.objects.get()
    assert bericht.verzonden_op is None  # stored, not lost
    assert "broker onbereikbaar" in caplog.text
    assert outbox.verstuur_openstaande() == 1
