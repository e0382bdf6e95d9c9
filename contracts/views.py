"""Pages: the report page the inkoper opens from the admin, and the private download of a signed contract."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from contracts import selectors
from contracts.apps import NAMEN_IN_RAPPORT_ROLLEN, RAPPORT_ROLLEN
from contracts.models import Contract, Relatie
from jens.audit import log_toegang
from jens.roles import heeft_rol


def _jaar(waarde: str | None, standaard: int) -> tuple[int, str | None]:
    if not waarde:
        return standaard, None
    try:
        jaar = int(waarde)
    except ValueError:
        return standaard, "Vul een jaartal in, bijvoorbeeld 2023."
    if not 2000 <= jaar <= 2100:
        return standaard, "Vul een jaartal tussen 2000 en 2100 in."
    return jaar, None


@login_required
def rapportage(request):
    """Providers per kind, the 4% rule, agreements, meetings and spending for one year (by default the last year
    with figures). The gemeente sees counts and totals, no provider names."""
    if not heeft_rol(request.user, *RAPPORT_ROLLEN):
        raise PermissionDenied("U heeft geen toegang tot de zorgaanbiedersrapportage.")
    vandaag = date.today()
    jaar, fout = _jaar(request.GET.get("jaar"), selectors.laatste_jaar_met_gegevens(vandaag.year))
    peildatum = min(vandaag, date(jaar, 12, 31))
    met_namen = heeft_rol(request.user, *NAMEN_IN_RAPPORT_ROLLEN)
    labels = dict(Relatie.Soort.choices) | {"kleine_aanbieder": "kleine aanbieder"}
    kleine, per_soort, uitgaven = (
        selectors.kleine_aanbieders_rapport(jaar),
        selectors.aanbieders_per_soort_op(peildatum),
        selectors.uitgaven_rapport(jaar),
    )
    if not met_namen:
        beperkt = selectors.zonder_aanbiedernamen(kleine_aanbieders=kleine, per_soort=per_soort, uitgaven=uitgaven)
        kleine, uitgaven = beperkt["kleine_aanbieders"], beperkt["uitgaven"]
        soorten = [{"soort": labels[s], "aantal": n, "namen": None} for s, n in beperkt["per_soort"].items()]
    else:
        soorten = [{"soort": labels[s], "aantal": len(namen), "namen": namen} for s, namen in per_soort.items()]
    context = {
        "jaar": jaar,
        "fout": fout,
        "peildatum": peildatum,
        "met_namen": met_namen,
        "per_soort": soorten,
        "kleine_aanbieders": kleine,
        "transformatie": selectors.transformatie_rapport(peildatum=peildatum),
        "gesprekken": selectors.gesprekken_rapport(jaar),
        "uitgaven": uitgaven,
    }
    return render(request, "contracts/rapportage.html", context)


@login_required
def contract_document(request, pk: int):
    """The signed PDF, only for users who may view contracts; every download (and refusal) is logged."""
    if not request.user.has_perm("contracts.view_contract"):
        log_toegang(request, actie="inzien", object_type="contract", object_id=pk, toegestaan=False)
        raise PermissionDenied
    contract = get_object_or_404(Contract, pk=pk)
    if not contract.document:
        raise Http404("Dit contract heeft geen document.")
    log_toegang(
        request, actie="inzien", object_type="contract", object_id=pk, omschrijving=f"Contract {contract.kenmerk}"
    )
    return FileResponse(
        contract.document.open("rb"),
        as_attachment=True,
        filename=f"contract-{contract.kenmerk}.pdf",
        content_type="application/pdf",
    )
