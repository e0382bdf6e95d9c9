from celery import shared_task

from financien.signaleringen import signaleer_financien


@shared_task
def signaleer() -> dict[str, list[int]]:
    """Daily: raise and resolve the finance signaleringen."""
    return {soort: [r.nieuw, r.opgelost] for soort, r in signaleer_financien().items()}
