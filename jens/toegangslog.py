"""The tamper-evident access log (NEN 7513).

- Rows are written as before (``jens.audit``, bulk inserts in the list views) and sealed shortly after by
  ``verzegel`` (Celery beat, every minute, and before every check): in the order of sealing each row gets the next
  number and an HMAC-SHA256 over its fields and the previous row's hash. The key (``JENS_TOEGANGSLOG_SLEUTEL``)
  is not in the database, so whoever can change the table cannot compute a matching hash.
- ``controleer`` recomputes the chain; a changed, removed or inserted sealed row breaks it, and the daily task
  raises a signalering for the functioneel beheerder.
- Version 2 of the chain (``ketenversie``, migration ``jens.0008``) also seals ``object_ids`` and ``clienten``;
  rows sealed before keep version 1 and verify under the old field list (re-sealing them would put a new seal on
  whatever they hold now, so they are not re-sealed; the trigger protects their lists from then on).
- On PostgreSQL a trigger (migrations ``jens.0004`` and ``jens.0008``) refuses every UPDATE of a row's content and every DELETE; only
  ``opschonen`` (the retention job, a separate command and task) may delete rows older than the term
  (``JENS_TOEGANGSLOG_BEWAAR_JAREN``, default 5): it announces the cut-off in a transaction-local setting the
  trigger checks, and records where the chain now begins.
"""

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jens.models import Toegangslog, ToegangslogKetting

logger = logging.getLogger(__name__)

# The fields each version of the chain seals. Version 1 (the rows sealed before the list reads' columns were
# covered) is kept so those rows verify as they were sealed; every row written since gets version 2, whose hash
# also covers the lists of ids and clients of a list read, and the version number itself.
VELDEN_V1 = (
    "tijdstip",
    "gebruikersnaam",
    "rol",
    "actie",
    "object_type",
    "object_id",
    "client",
    "omschrijving",
    "ip_adres",
    "werkplek",
    "uitkomst",
)
VELDEN = (*VELDEN_V1, "object_ids", "clienten")
VERSIE = 2
VELDEN_PER_VERSIE = {1: VELDEN_V1, 2: VELDEN}
SIGNALERING_SOORT = "toegangslog_keten_gebroken"
OPSCHONEN_INSTELLING = "jens.toegangslog_opschonen_tot"
PER_KEER = 2000


def _sleutel() -> bytes:
    return settings.JENS_TOEGANGSLOG_SLEUTEL.encode("utf-8")


def _waarde(veld: str, waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(waarde)


def bereken_hash(velden: dict, volgnummer: int, vorige_hash: str, versie: int = VERSIE) -> str:
    """HMAC-SHA256 over the number, the previous hash and the row's NEN 7513 fields (unit-separated); from version 2
    on also over the version, so a row cannot be passed off as sealed under an older field list."""
    if versie not in VELDEN_PER_VERSIE:
        return ""  # an unknown version never verifies
    kop = [str(volgnummer), vorige_hash] + ([f"v{versie}"] if versie > 1 else [])
    delen = [*kop, *(_waarde(v, velden[v]) for v in VELDEN_PER_VERSIE[versie])]
    return hmac.new(_sleutel(), "\x1f".join(delen).encode("utf-8"), hashlib.sha256).hexdigest()


def _ketting(*, lock: bool) -> ToegangslogKetting:
    ToegangslogKetting.objects.get_or_create(pk=1)
    qs = ToegangslogKetting.objects.filter(pk=1)
    return (qs.select_for_update() if lock else qs).get()


def verzegel(*, max_regels: int = 50_000) -> int:
    """Seal the unsealed rows (oldest first); returns how many. One sealer at a time (row lock on the head)."""
    totaal = 0
    while totaal < max_regels:
        with transaction.atomic():
            ketting = _ketting(lock=True)
            regels = list(
                Toegangslog.objects.filter(hash="").order_by("id").values("id", "ketenversie", *VELDEN)[:PER_KEER]
            )
            if not regels:
                return totaal
            nummer, vorige = ketting.laatste_volgnummer, ketting.laatste_hash
            bijgewerkt = []
            for regel in regels:
                nummer += 1
                h = bereken_hash(regel, nummer, vorige, regel["ketenversie"])
                bijgewerkt.append(Toegangslog(id=regel["id"], volgnummer=nummer, vorige_hash=vorige, hash=h))
                vorige = h
            Toegangslog.objects.bulk_update(bijgewerkt, ["volgnummer", "vorige_hash", "hash"], batch_size=500)
            ketting.laatste_volgnummer, ketting.laatste_hash = nummer, vorige
            ketting.save(update_fields=["laatste_volgnummer", "laatste_hash"])
            totaal += len(regels)
    return totaal


@dataclass(frozen=True)
class Controle:
    in_orde: bool
    gecontroleerd: int
    melding: str
    volgnummer: int | None = None


def controleer() -> Controle:
    """Recompute the whole chain in order. Read-only; streams the rows."""
    ketting = _ketting(lock=False)
    verwacht_nummer, vorige = ketting.begin_volgnummer, ketting.begin_hash
    aantal = 0
    rijen = (
        Toegangslog.objects.exclude(volgnummer=None)
        .order_by("volgnummer")
        .values_list("volgnummer", "vorige_hash", "hash", "ketenversie", *VELDEN)
        .iterator(chunk_size=PER_KEER)
    )
    for volgnummer, vorige_hash, opgeslagen, versie, *waarden in rijen:
        if volgnummer != verwacht_nummer:
            if volgnummer > verwacht_nummer:
                melding = f"regel {verwacht_nummer} t/m {volgnummer - 1} ontbreekt (verwijderd)"
            else:
                melding = f"regel {volgnummer} staat vóór het begin van de keten"
            return Controle(False, aantal, melding, verwacht_nummer)
        if vorige_hash != vorige:
            return Controle(False, aantal, f"regel {volgnummer} verwijst niet naar de vorige regel", volgnummer)
        if bereken_hash(dict(zip(VELDEN, waarden, strict=True)), volgnummer, vorige, versie) != opgeslagen:
            return Controle(False, aantal, f"regel {volgnummer} is gewijzigd", volgnummer)
        vorige = opgeslagen
        verwacht_nummer += 1
        aantal += 1
    if verwacht_nummer - 1 != ketting.laatste_volgnummer or vorige != ketting.laatste_hash:
        return Controle(
            False,
            aantal,
            f"de keten eindigt bij regel {verwacht_nummer - 1}, verwacht t/m {ketting.laatste_volgnummer} "
            "(laatste regels verwijderd)",
            verwacht_nummer,
        )
    return Controle(True, aantal, f"{aantal} regels in orde")


def controleer_en_signaleer() -> Controle:
    """Seal, check, store the outcome on the head and raise a signalering when the chain is broken."""
    from jens.signaleringen import raise_signalering

    verzegel()
    uitkomst = controleer()
    ketting = _ketting(lock=False)
    ToegangslogKetting.objects.filter(pk=ketting.pk).update(
        laatst_gecontroleerd_op=timezone.now(), laatste_uitkomst=uitkomst.melding[:300]
    )
    if not uitkomst.in_orde:
        logger.error("Toegangslog: keten gebroken: %s", uitkomst.melding)
        raise_signalering(
            obj=ketting,
            soort=SIGNALERING_SOORT,
            omschrijving=f"Toegangslog mogelijk gewijzigd: {uitkomst.melding}",
            groepen=["functioneel_beheerder"],
        )
    return uitkomst


def opschonen(*, op: datetime | None = None) -> int:
    """The retention job: remove the sealed rows at the start of the chain that are older than the term."""
    jaren = settings.JENS_TOEGANGSLOG_BEWAAR_JAREN
    grens = (op or timezone.now()) - relativedelta(years=jaren)
    verzegel()
    with transaction.atomic():
        ketting = _ketting(lock=True)
        eerste_jonge = (
            Toegangslog.objects.exclude(volgnummer=None)
            .filter(tijdstip__gte=grens)
            .order_by("volgnummer")
            .values_list("volgnummer", flat=True)
            .first()
        )
        tot = eerste_jonge if eerste_jonge is not None else ketting.laatste_volgnummer + 1
        weg = Toegangslog.objects.filter(volgnummer__lt=tot, tijdstip__lt=grens)
        if tot <= ketting.begin_volgnummer:
            return 0
        nieuw_begin_hash = (
            Toegangslog.objects.filter(volgnummer=tot - 1).values_list("hash", flat=True).first() or ketting.begin_hash
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, %s, true)", [OPSCHONEN_INSTELLING, grens.isoformat()])
        aantal, _ = weg.delete()
        ketting.begin_volgnummer, ketting.begin_hash = tot, nieuw_begin_hash
        ketting.save(update_fields=["begin_volgnummer", "begin_hash"])
    logger.info("Toegangslog: %s regels ouder dan %s jaar verwijderd", aantal, jaren)
    return aantal
