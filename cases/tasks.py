from celery import shared_task

from cases import services


@shared_task
def signaleer_te_laat() -> dict[str, int]:
    """Raise and resolve the casework signaleringen (files, core teams, evaluations, family plans,
    Veilig Thuis follow-up and feedback)."""
    return {soort: r.nieuw for soort, r in services.signaleer_te_laat().items()}


@shared_task
def herbouw_zorgperiodes() -> int:
    """The nightly safety net: the care periods and the journey places rebuilt from all requests (one set-based
    statement each), in case a bulk write bypassed the signals that keep them in step, or the journey's gap
    setting changed. Returns the number of periods."""
    from cases.models import Zorgperiode
    from cases.zorgperiodes import herbouw

    herbouw()
    return Zorgperiode.objects.count()
