from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from jens import mail

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
