"""The half-year report as a Celery task, tracked by ``jens.models.RapportageTaak`` (status, progress, file)."""

from celery import shared_task
from django.db import transaction

from jens.models import Gemeente, RapportageTaak
from jens.periode import Periode

SOORT = "halfjaarrapportage"


@shared_task(name="jens.dashboard.tasks.maak_halfjaarrapportage")
def maak_halfjaarrapportage(taak_id: int) -> None:
    """Produce the report of one ``RapportageTaak``. Idempotent: a finished job is left alone."""
    from jens.dashboard.rapport import bestandsnaam, bouw_rapport, exporteer
    from jens.dashboard.selectors import Filter

    with transaction.atomic():
        taak = RapportageTaak.objects.select_for_update().filter(pk=taak_id).first()
        if taak is None or taak.status in (RapportageTaak.Status.KLAAR, RapportageTaak.Status.BEZIG):
            return
        taak.status, taak.voortgang = RapportageTaak.Status.BEZIG, 0
        taak.save(update_fields=["status", "voortgang"])

    def voortgang(pct: int) -> None:
        RapportageTaak.objects.filter(pk=taak_id).update(voortgang=pct)

    p = taak.parameters
    try:
        gemeente = Gemeente.objects.get(code=p["gemeente"]) if p.get("gemeente") else None
        f = Filter(Periode.parse(p["periode"]), gemeente)
        rapport = bouw_rapport(f, maskeren=bool(p.get("maskeren")), voortgang=voortgang)
        inhoud = exporteer(rapport, p.get("formaat", "xlsx"))
    except Exception as exc:
        RapportageTaak.objects.filter(pk=taak_id).update(status=RapportageTaak.Status.MISLUKT, fout=str(exc)[:2000])
        raise
    RapportageTaak.objects.filter(pk=taak_id).update(
        status=RapportageTaak.Status.KLAAR,
        voortgang=100,
        bestand=inhoud,
        bestandsnaam=bestandsnaam(rapport, p.get("formaat", "xlsx")),
    )
