"""The e-mail outbox. ``queue_email`` stores the message and sends it after the transaction commits;
when the broker or the mail server is down the message stays in the outbox and
``verstuur_openstaande_emails`` (Celery beat, every few minutes) retries it."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from jens.models import EmailBericht

logger = logging.getLogger(__name__)

MAX_POGINGEN = 20


def queue_email(*, aan: list[str], onderwerp: str, tekst: str) -> EmailBericht | None:
    ontvangers = sorted({a for a in aan if a})
    if not ontvangers:
        return None
    bericht = EmailBericht.objects.create(aan=ontvangers, onderwerp=onderwerp[:250], tekst=tekst)
    transaction.on_commit(lambda: _plan_verzending(bericht.pk))
    return bericht


def _plan_verzending(bericht_id: int) -> None:
    from jens.tasks import verstuur_email

    try:
        verstuur_email.apply_async(args=[bericht_id], retry=False)
    except Exception as exc:  # broker unreachable: the periodic retry sends it later
        logger.warning(
            "E-mail %s niet ingepland (broker onbereikbaar: %s); wordt later opnieuw geprobeerd", bericht_id, exc
        )


def verstuur(bericht_id: int) -> bool:
    """Send one stored message; True when it is (or already was) sent."""
    with transaction.atomic():
        bericht = EmailBericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.verzonden_op is not None:
            return bericht is not None
        try:
            send_mail(bericht.onderwerp, bericht.tekst, settings.DEFAULT_FROM_EMAIL, bericht.aan, fail_silently=False)
        except Exception as exc:
            bericht.pogingen += 1
            bericht.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
            bericht.save(update_fields=["pogingen", "laatste_fout"])
            logger.warning("E-mail %s niet verzonden: %s", bericht_id, bericht.laatste_fout)
            return False
        bericht.pogingen += 1
        bericht.verzonden_op = timezone.now()
        bericht.laatste_fout = ""
        bericht.save(update_fields=["pogingen", "verzonden_op", "laatste_fout"])
        return True


def verstuur_openstaande() -> int:
    """Retry every unsent message (one query to find them); returns the number sent."""
    ids = list(
        EmailBericht.objects.filter(verzonden_op__isnull=True, pogingen__lt=MAX_POGINGEN).values_list("pk", flat=True)
    )
    return sum(1 for pk in ids if verstuur(pk))
