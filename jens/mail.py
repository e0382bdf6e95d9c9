"""The e-mail outbox. ``queue_email`` stores the message and sends it after the transaction commits;
when the broker or the mail server is down the message stays in the outbox and
``verstuur_openstaande_emails`` (Celery beat, every minute) retries it.

Nothing is given up: a message that fails is tried again after a wait that doubles with every failure (1, 2, 4 …
minutes) up to ``JENS_MAIL_WACHTTIJD_MAX_MINUTEN`` (60), for as long as it takes. The next attempt is stored
(``volgende_poging_op``, indexed for the unsent rows) and the periodic run reads only the messages that are due, in
one query. When a message has failed ``JENS_MAIL_SIGNALERING_NA_POGINGEN`` times, or is unsent
``JENS_MAIL_SIGNALERING_NA_MINUTEN`` after it was queued, the functioneel beheerder gets one signalering; it is
resolved when no unsent message with a failed attempt is left."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone

from jens.models import EmailBericht

logger = logging.getLogger(__name__)

SIGNALERING_SOORT = "email_outbox_vastgelopen"
EERSTE_WACHTTIJD = timedelta(minutes=1)


def wachttijd(pogingen: int) -> timedelta:
    """The wait after the ``pogingen``-th failed attempt: 1 minute, doubled per failure, at most the cap."""
    maximum = timedelta(minutes=settings.JENS_MAIL_WACHTTIJD_MAX_MINUTEN)
    if pogingen <= 1:
        return min(EERSTE_WACHTTIJD, maximum)
    stappen = min(pogingen - 1, 32)  # 2**32 minutes is far past any cap; keeps the number small
    return min(EERSTE_WACHTTIJD * (2**stappen), maximum)


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
    """Send one stored message; True when it is (or already was) sent. A failure schedules the next attempt."""
    with transaction.atomic():
        bericht = EmailBericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.verzonden_op is not None:
            return bericht is not None
        try:
            send_mail(bericht.onderwerp, bericht.tekst, settings.DEFAULT_FROM_EMAIL, bericht.aan, fail_silently=False)
        except Exception as exc:
            bericht.pogingen += 1
            bericht.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
            bericht.volgende_poging_op = timezone.now() + wachttijd(bericht.pogingen)
            bericht.save(update_fields=["pogingen", "laatste_fout", "volgende_poging_op"])
            logger.warning(
                "E-mail %s niet verzonden (poging %s, volgende %s): %s",
                bericht_id,
                bericht.pogingen,
                bericht.volgende_poging_op.isoformat(),
                bericht.laatste_fout,
            )
            return False
        bericht.pogingen += 1
        bericht.verzonden_op = timezone.now()
        bericht.laatste_fout = ""
        bericht.save(update_fields=["pogingen", "verzonden_op", "laatste_fout"])
        return True


def verstuur_openstaande() -> int:
    """Retry the unsent messages that are due (one query to find them, oldest due first); returns the number sent.
    The first failure ends the run: with the mail server down the others would each wait for its timeout, and they
    stay due for the next run. Then the outbox is checked for the functioneel beheerder's signalering."""
    nu = timezone.now()
    ids = list(
        EmailBericht.objects.filter(verzonden_op__isnull=True, volgende_poging_op__lte=nu)
        .order_by("volgende_poging_op", "pk")
        .values_list("pk", flat=True)
    )
    verzonden = 0
    for pk in ids:
        if not verstuur(pk):
            break
        verzonden += 1
    bewaak_outbox(nu=timezone.now())
    return verzonden


def bewaak_outbox(*, nu: datetime) -> bool:
    """Raise or resolve the outbox signalering (one aggregate query over the unsent messages); True when open."""
    from jens.signaleringen import raise_signalering, resolve_signalering

    grens = nu - timedelta(minutes=settings.JENS_MAIL_SIGNALERING_NA_MINUTEN)
    vastgelopen = Q(pogingen__gte=settings.JENS_MAIL_SIGNALERING_NA_POGINGEN) | Q(aangemaakt_op__lte=grens)
    stand = EmailBericht.objects.filter(verzonden_op__isnull=True).aggregate(
        vast=Count("pk", filter=vastgelopen),
        mislukt=Count("pk", filter=Q(pogingen__gt=0)),
        oudste=Min("aangemaakt_op"),
    )
    anker = ContentType.objects.get_for_model(EmailBericht)  # the outbox as a whole, one signalering
    if stand["vast"]:
        oudste = timezone.localtime(stand["oudste"])
        raise_signalering(
            obj=anker,
            soort=SIGNALERING_SOORT,
            omschrijving=(
                f"E-mail wordt niet verzonden: {stand['mislukt']} bericht(en) in de outbox, het oudste sinds "
                f"{oudste:%d-%m-%Y %H:%M}. Controleer de mailserver (EMAIL_URL); de berichten worden bewaard en "
                "blijven opnieuw geprobeerd."
            ),
            groepen=["functioneel_beheerder"],
            url=reverse("admin:jens_emailbericht_changelist") + "?verzonden_op__isempty=1",
        )
        return True
    if not stand["mislukt"]:
        resolve_signalering(obj=anker, soort=SIGNALERING_SOORT)
    return False
