"""Signaleringen of the complaints app: each kind is one indexed query handed to ``sync_signaleringen``."""

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from jens.signaleringen import SyncResultaat, sync_signaleringen
from jens.werkdagen import add_working_days

from .models import VOOR_BESLISSING, Klacht, Status

NIET_OPGEPAKT = "klacht_niet_opgepakt"
AFHANDELTERMIJN_NADERT = "klacht_afhandeltermijn_nadert"
AFHANDELTERMIJN_VERSTREKEN = "klacht_afhandeltermijn_verstreken"
MAATREGELEN_TE_LAAT = "klacht_maatregelen_te_laat"

SOORTEN = {
    NIET_OPGEPAKT: "Klacht niet op tijd opgepakt",
    AFHANDELTERMIJN_NADERT: "Afhandeltermijn klacht loopt bijna af",
    AFHANDELTERMIJN_VERSTREKEN: "Afhandeltermijn klacht verstreken",
    MAATREGELEN_TE_LAAT: "Geen besluit over maatregelen binnen de termijn",
}


def niet_opgepakt(vandaag: date):
    return Klacht.objects.filter(status=Status.ONTVANGEN, oppakken_uiterlijk__lt=vandaag)


def afhandeltermijn_nadert(vandaag: date):
    grens = add_working_days(vandaag, settings.JENS_TERMIJNEN["KLACHT_SIGNALEREN_VOORAF_WERKDAGEN"])
    return Klacht.objects.filter(
        status__in=VOOR_BESLISSING, afhandelen_uiterlijk__gte=vandaag, afhandelen_uiterlijk__lte=grens
    )


def afhandeltermijn_verstreken(vandaag: date):
    return Klacht.objects.filter(status__in=VOOR_BESLISSING, afhandelen_uiterlijk__lt=vandaag)


def maatregelen_te_laat(vandaag: date):
    return Klacht.objects.filter(status=Status.UITSPRAAK, maatregelen_uiterlijk__lt=vandaag)


def kan_gesignaleerd_zijn(klacht: Klacht, vandaag: date) -> bool:
    """Whether one of the kinds above holds for this complaint on ``vandaag``: the same conditions as the
    queries, on the instance, so that registering a complaint whose terms all lie ahead (every complaint from
    the website) needs no rescan; ``tests/complaints/test_signaleringen.py`` holds the two to each other."""
    grens = add_working_days(vandaag, settings.JENS_TERMIJNEN["KLACHT_SIGNALEREN_VOORAF_WERKDAGEN"])
    voor_beslissing = klacht.status in VOOR_BESLISSING
    return (
        (klacht.status == Status.ONTVANGEN and klacht.oppakken_uiterlijk < vandaag)
        or (voor_beslissing and vandaag <= klacht.afhandelen_uiterlijk <= grens)
        or (voor_beslissing and klacht.afhandelen_uiterlijk < vandaag)
        or (
            klacht.status == Status.UITSPRAAK
            and klacht.maatregelen_uiterlijk is not None
            and klacht.maatregelen_uiterlijk < vandaag
        )
    )


def _url(klacht: Klacht) -> str:
    return reverse("klachten-detail", args=[klacht.pk])


def signaleer_klachten(vandaag: date | None = None) -> dict[str, SyncResultaat]:
    """Raise and resolve every kind of complaint signalering (hourly)."""
    vandaag = vandaag or timezone.localdate()
    soorten = {
        NIET_OPGEPAKT: (niet_opgepakt, "oppakken_uiterlijk"),
        AFHANDELTERMIJN_NADERT: (afhandeltermijn_nadert, "afhandelen_uiterlijk"),
        AFHANDELTERMIJN_VERSTREKEN: (afhandeltermijn_verstreken, "afhandelen_uiterlijk"),
        MAATREGELEN_TE_LAAT: (maatregelen_te_laat, "maatregelen_uiterlijk"),
    }
    resultaat = {}
    # The description names the complaint, not the kind (the kind is its own column and the e-mail's label).
    for soort, (query, veld) in soorten.items():
        resultaat[soort] = sync_signaleringen(
            soort=soort,
            te_laat=query(vandaag).select_related("opgepakt_door"),
            omschrijving=lambda k: f"{k.referentie}, ontvangen {k.ontvangen_datum:%d-%m-%Y}",
            groepen=["klachtenfunctionaris"],
            verantwoordelijke=lambda k: k.opgepakt_door,
            deadline=lambda k, veld=veld: getattr(k, veld),
            url=_url,
        )
    return resultaat


def ververs_klachtsignaleringen() -> None:
    """After a write (complaints.services): the same scan as the hourly run."""
    signaleer_klachten()
