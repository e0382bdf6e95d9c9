"""Signaleringen of the finances (daily): cost lines that run more than the margin above the budget pro rata.
One query for the kind, handed to ``sync_signaleringen``."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from financien import conf, selectors
from jens.signaleringen import SyncResultaat, sync_signaleringen

KOSTEN_BOVEN_BEGROTING = "kosten_boven_begroting"
SOORTEN = {KOSTEN_BOVEN_BEGROTING: "Kosten boven de begroting"}
GROEPEN = ("inkoper", "management")


def _euro(bedrag) -> str:
    return f"€ {bedrag:,.0f}".replace(",", ".")


def signaleer_financien(vandaag: date | None = None) -> dict[str, SyncResultaat]:
    vandaag = vandaag or timezone.localdate()
    peil = selectors.peilmaand(vandaag)
    marge = conf.marge_boven_begroting_pct()
    return {
        KOSTEN_BOVEN_BEGROTING: sync_signaleringen(
            soort=KOSTEN_BOVEN_BEGROTING,
            te_laat=selectors.kosten_boven_begroting(vandaag),
            omschrijving=lambda b: (
                f"{b.get_post_display().capitalize()} {b.gemeente} t/m {peil:%m-%Y}: {_euro(b.gerealiseerd)} "
                f"gerealiseerd tegen {_euro(b.bedrag * peil.month / 12)} begroot naar rato "
                f"(meer dan {marge}% erboven)"
            ),
            groepen=GROEPEN,
            gemeente=lambda b: b.gemeente,
            url=lambda b: reverse("admin:financien_begrotingsregel_change", args=[b.pk]),
        )
    }
