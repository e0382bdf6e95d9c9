from celery import shared_task

from contracts.signaleringen import signaleer_contracten


@shared_task
def signaleer() -> dict[str, list[int]]:
    """Daily: raise and resolve the contracts signaleringen."""
    return {soort: [r.nieuw, r.opgelost] for soort, r in signaleer_contracten().items()}
