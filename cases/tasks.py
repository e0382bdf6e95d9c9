from celery import shared_task

from cases import services


@shared_task
def signaleer_te_laat() -> dict[str, int]:
    """Raise and resolve the casework signaleringen (files, core teams, evaluations, family plans,
    Veilig Thuis follow-up and feedback)."""
    return {soort: r.nieuw for soort, r in services.signaleer_te_laat().items()}
