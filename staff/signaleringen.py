"""Meldcode signaleringen: a new employee in a care function without basic training after the term
(8 weeks), and a Meldcode refresher older than 12 months. Both deadlines are stored on the employee
by the services, so each scan is one indexed query."""

from datetime import date

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse

from jens.models import Gebied
from jens.signaleringen import SyncResultaat, sync_signaleringen
from staff.models import ZORGFUNCTIES, Medewerker, Plaatsing
from staff.selectors import actief_op, in_dienst_op

BASIS_ONTBREEKT = "staff_meldcode_basis_ontbreekt"
OPFRIS_VERLOPEN = "staff_meldcode_opfris_verlopen"
SOORTEN = {
    BASIS_ONTBREEKT: "Meldcode-basistraining ontbreekt",
    OPFRIS_VERLOPEN: "Meldcode-opfriscursus verlopen",
}
GROEPEN = ["gebiedsmanager"]


def _huidig_in_zorg(op: date):
    """Current care employees with a current placement, annotated with the area of their largest one
    (for the responsible gebiedsmanager)."""
    geplaatst = Plaatsing.objects.filter(actief_op(op), medewerker=OuterRef("pk"))
    return (
        Medewerker.objects.filter(in_dienst_op(op), functie__in=ZORGFUNCTIES)
        .filter(Exists(geplaatst))
        .annotate(hoofdgebied_id=Subquery(geplaatst.order_by("-fte", "pk").values("gebied")[:1]))
    )


def basis_ontbreekt(op: date):
    return _huidig_in_zorg(op).filter(meldcode_basis_uiterlijk__lt=op)


def opfris_verlopen(op: date):
    return _huidig_in_zorg(op).filter(meldcode_opfris_uiterlijk__lt=op)


def sync_meldcode_signaleringen(*, op: date | None = None) -> dict[str, SyncResultaat]:
    op = op or date.today()
    gebieden = Gebied.objects.select_related("gemeente").in_bulk()

    def gebied(m):
        return gebieden.get(m.hoofdgebied_id)

    url = reverse("staff-team")
    return {
        BASIS_ONTBREEKT: sync_signaleringen(
            soort=BASIS_ONTBREEKT,
            te_laat=basis_ontbreekt(op),
            omschrijving=lambda m: f"{m.naam} ({m.personeelsnummer})",
            groepen=GROEPEN,
            gebied=gebied,
            gemeente=lambda m: g.gemeente if (g := gebied(m)) else None,
            deadline=lambda m: m.meldcode_basis_uiterlijk,
            url=lambda m: url,
        ),
        OPFRIS_VERLOPEN: sync_signaleringen(
            soort=OPFRIS_VERLOPEN,
            te_laat=opfris_verlopen(op),
            omschrijving=lambda m: f"{m.naam} ({m.personeelsnummer})",
            groepen=GROEPEN,
            gebied=gebied,
            gemeente=lambda m: g.gemeente if (g := gebied(m)) else None,
            deadline=lambda m: m.meldcode_opfris_uiterlijk,
            url=lambda m: url,
        ),
    }


def ververs_meldcode_signaleringen() -> None:
    """After a write (staff.services): the same scan as the daily run."""
    sync_meldcode_signaleringen()
