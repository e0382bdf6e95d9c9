from celery import shared_task

from staff.signaleringen import sync_meldcode_signaleringen


@shared_task
def meldcode_signaleringen() -> dict[str, int]:
    """Daily: flag employees without Meldcode basic training after 8 weeks and overdue refreshers."""
    resultaat = sync_meldcode_signaleringen()
    return {soort: r.nieuw for soort, r in resultaat.items()}
