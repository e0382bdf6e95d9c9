from celery import shared_task

from . import services
from .signaleringen import signaleer_klachten


@shared_task
def signaleer_klachttermijnen() -> dict[str, list[int]]:
    """Hourly: raise and resolve the complaint signaleringen."""
    return {soort: [r.nieuw, r.opgelost] for soort, r in signaleer_klachten().items()}


@shared_task
def anonimiseer_oude_klachten() -> int:
    """Daily: remove personal data from complaint files closed more than N years ago."""
    return services.anonimiseer_gesloten_klachten()
