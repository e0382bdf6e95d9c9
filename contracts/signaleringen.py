"""Signaleringen of the contracts app (daily): each kind is one query handed to ``sync_signaleringen``."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from contracts import conf, selectors
from jens.signaleringen import SyncResultaat, sync_signaleringen

CONTRACT_LOOPT_AF = "contract_loopt_af_zonder_opvolger"
MONITORGESPREK_TE_LAAT = "monitorgesprek_te_laat"
GESPREK_NIET_GEHOUDEN = "gesprek_gepland_niet_gehouden"
ACTIEPUNT_TE_LAAT = "actiepunt_te_laat"
AFSPRAAK_TE_LAAT = "transformatieafspraak_te_laat"
JAARREKENING_ONTBREEKT = "jaarrekeningbeoordeling_ontbreekt"

SOORTEN = {
    CONTRACT_LOOPT_AF: "Contract loopt af zonder opvolger",
    MONITORGESPREK_TE_LAAT: "Monitorgesprek te laat",
    GESPREK_NIET_GEHOUDEN: "Gepland gesprek niet gehouden",
    ACTIEPUNT_TE_LAAT: "Actiepunt over de deadline",
    AFSPRAAK_TE_LAAT: "Transformatie-afspraak over de streefdatum",
    JAARREKENING_ONTBREEKT: "Beoordeling jaarrekening ontbreekt",
}

GROEPEN = ("inkoper",)


def _admin(model: str, pk: int) -> str:
    return reverse(f"admin:contracts_{model}_change", args=[pk])


def signaleer_contracten(vandaag: date | None = None) -> dict[str, SyncResultaat]:
    """Raise new and resolve gone signaleringen of every kind (daily)."""
    vandaag = vandaag or timezone.localdate()
    uiterlijk_jaarrekening = conf.jaarrekening_uiterlijk(vandaag.year)
    if vandaag <= uiterlijk_jaarrekening:
        uiterlijk_jaarrekening = conf.jaarrekening_uiterlijk(vandaag.year - 1)
    resultaat = {
        CONTRACT_LOOPT_AF: sync_signaleringen(
            soort=CONTRACT_LOOPT_AF,
            te_laat=selectors.contracten_zonder_opvolger(vandaag),
            omschrijving=lambda c: f"Contract {c.kenmerk} van {c.zorgaanbieder}",
            groepen=GROEPEN,
            deadline=lambda c: c.einddatum,
            url=lambda c: _admin("contract", c.pk),
        ),
        MONITORGESPREK_TE_LAAT: sync_signaleringen(
            soort=MONITORGESPREK_TE_LAAT,
            te_laat=selectors.monitorgesprek_te_laat(vandaag),
            omschrijving=lambda z: f"{z}: lopende afspraak, langer dan {conf.monitorgesprek_maanden()} maanden geleden",
            groepen=GROEPEN,
            url=lambda z: _admin("zorgaanbieder", z.pk),
        ),
        GESPREK_NIET_GEHOUDEN: sync_signaleringen(
            soort=GESPREK_NIET_GEHOUDEN,
            te_laat=selectors.gesprek_gepland_niet_gehouden(vandaag).select_related("zorgaanbieder"),
            omschrijving=lambda g: f"{g.get_soort_display().capitalize()} met {g.zorgaanbieder}",
            groepen=GROEPEN,
            deadline=lambda g: g.gepland_op,
            url=lambda g: _admin("gesprek", g.pk),
        ),
        ACTIEPUNT_TE_LAAT: sync_signaleringen(
            soort=ACTIEPUNT_TE_LAAT,
            te_laat=selectors.actiepunten_te_laat(vandaag),
            omschrijving=lambda a: f"‘{a.omschrijving}’ ({a.gesprek.zorgaanbieder})",
            groepen=GROEPEN,
            verantwoordelijke=lambda a: a.eigenaar,
            deadline=lambda a: a.deadline,
            url=lambda a: _admin("gesprek", a.gesprek_id),
        ),
        AFSPRAAK_TE_LAAT: sync_signaleringen(
            soort=AFSPRAAK_TE_LAAT,
            te_laat=selectors.afspraken_te_laat(vandaag),
            omschrijving=lambda a: f"Met {a.zorgaanbieder}",
            groepen=GROEPEN,
            deadline=lambda a: a.streefdatum,
            url=lambda a: _admin("transformatieafspraak", a.pk),
        ),
        JAARREKENING_ONTBREEKT: sync_signaleringen(
            soort=JAARREKENING_ONTBREEKT,
            te_laat=selectors.jaarrekening_ontbreekt(vandaag),
            omschrijving=lambda z: f"{z}, jaarrekening {uiterlijk_jaarrekening.year - 1}",
            groepen=GROEPEN,
            deadline=lambda z: uiterlijk_jaarrekening,
            url=lambda z: _admin("zorgaanbieder", z.pk),
        ),
    }
    return resultaat
