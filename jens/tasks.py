from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from jens import mail, toegangslog

HARTSLAG_SLEUTEL = "jens:hartslag"


@shared_task
def hartslag() -> str:
    """Proof of life of worker and beat: the health page shows when it last ran."""
    nu = timezone.now().isoformat()
    cache.set(HARTSLAG_SLEUTEL, nu, timeout=None)
    return nu


@shared_task
def verstuur_email(bericht_id: int) -> bool:
    return mail.verstuur(bericht_id)


@shared_task
def verstuur_openstaande_emails() -> int:
    return mail.verstuur_openstaande()


@shared_task
def verzegel_toegangslog() -> int:
    return toegangslog.verzegel()


@shared_task
def controleer_toegangslog() -> str:
    return toegangslog.controleer_en_signaleer().melding


@shared_task
def schoon_toegangslog_op() -> int:
    return toegangslog.opschonen()
