"""The Celery app. The beat schedule is declared here in code; every task is a thin wrapper
around a service. ``celery -A jens worker -B`` runs worker and beat together."""

import os
from datetime import timedelta

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jens.settings")

app = Celery("jens")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["jens.dashboard"])

UUR = crontab(minute=7)
DAGELIJKS = crontab(hour=6, minute=15)

# Every periodic task of every app, by name. A test checks that each name is a registered task.
app.conf.beat_schedule = {
    "hartslag": {
        "task": "jens.tasks.hartslag",
        "schedule": timedelta(seconds=int(os.environ.get("JENS_HARTSLAG_SECONDEN", "60"))),
    },
    # Every minute: one indexed query for the messages that are due (their waits grow after each failure).
    "verstuur-openstaande-emails": {"task": "jens.tasks.verstuur_openstaande_emails", "schedule": timedelta(minutes=1)},
    "toegangslog-verzegelen": {"task": "jens.tasks.verzegel_toegangslog", "schedule": timedelta(minutes=1)},
    "toegangslog-controleren": {"task": "jens.tasks.controleer_toegangslog", "schedule": DAGELIJKS},
    "toegangslog-opschonen": {"task": "jens.tasks.schoon_toegangslog_op", "schedule": crontab(hour=3, minute=40)},
    "contracts-signaleringen": {"task": "contracts.tasks.signaleer", "schedule": DAGELIJKS},
    "klachten-signaleringen": {"task": "complaints.tasks.signaleer_klachttermijnen", "schedule": UUR},
    "klachten-anonimiseren": {"task": "complaints.tasks.anonimiseer_oude_klachten", "schedule": DAGELIJKS},
    "staff-meldcode-signaleringen": {"task": "staff.tasks.meldcode_signaleringen", "schedule": DAGELIJKS},
    "cases-signaleringen": {"task": "cases.tasks.signaleer_te_laat", "schedule": UUR},
    "cases-zorgperiodes": {"task": "cases.tasks.herbouw_zorgperiodes", "schedule": crontab(hour=3, minute=20)},
    "financien-signaleringen": {"task": "financien.tasks.signaleer", "schedule": DAGELIJKS},
}
