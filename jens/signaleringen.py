"""Signaleringen: flags on overdue or at-risk items.

Each app finds the items of one kind with one query and hands that queryset to
``sync_signaleringen``: new items get a signalering, items no longer in the set get theirs
resolved. The database holds at most one open signalering per object and kind, so a flag is raised
once; ``notificeer_nieuwe`` e-mails the responsible people once per new signalering.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connections, models, transaction
from django.urls import reverse
from django.utils import timezone

from jens.mail import queue_email
from jens.models import Gebied, Gemeente, Signalering
from jens.roles import ROLLEN_ZONDER_GEBIEDSBEPERKING

# The objects a rescan after a write is limited to (``ververs_na_commit``): model → primary keys. ``None``: all.
_ALLEEN: ContextVar[dict[type, set] | None] = ContextVar("signalering_alleen", default=None)
# Resolved signaleringen per UPDATE (well under the parameter limits of PostgreSQL and SQLite).
_PER_UPDATE = 5000

# Readable labels per kind; apps add theirs in AppConfig.ready().
SOORTEN: dict[str, str] = {}


def registreer_soorten(soorten: dict[str, str]) -> None:
    SOORTEN.update(soorten)


def soort_label(soort: str) -> str:
    return SOORTEN.get(soort, soort.replace("_", " ").capitalize())


def _verschillen(open_ids: models.QuerySet, te_laat_ids: models.QuerySet) -> tuple[list[int], list[int]]:
    """Both set differences in one statement: the overdue ids without an open signalering (new) and the open
    signaleringen's object ids that are no longer overdue (resolved). Each side is read once (a materialized
    CTE) and each difference is a set operation on those two results, so no plan can re-run a side per row,
    whatever the statistics say."""
    a_sql, a_params = open_ids.query.sql_with_params()
    b_sql, b_params = te_laat_ids.query.sql_with_params()
    # the SQL of two querysets, their values as parameters
    verschil = "SELECT {0}, {1}.* FROM (SELECT * FROM {2} EXCEPT SELECT * FROM {3}) {1}"
    sql = " ".join(
        [
            f"WITH a AS MATERIALIZED ({a_sql}), b AS MATERIALIZED ({b_sql})",  # noqa: S608
            verschil.format(1, "n", "b", "a"),
            "UNION ALL",
            verschil.format(0, "o", "a", "b"),
        ]
    )
    nieuw, opgelost = [], []
    with connections[open_ids.db].cursor() as c:
        c.execute(sql, (*a_params, *b_params))
        for is_nieuw, pk in c.fetchall():
            (nieuw if is_nieuw else opgelost).append(pk)
    return sorted(nieuw), sorted(opgelost)


@dataclass(frozen=True)
class SyncResultaat:
    nieuw: int
    opgelost: int


def _groepen(namen: Iterable[str]) -> list[Group]:
    namen = list(namen)
    groepen = list(Group.objects.filter(name__in=namen))
    if len(groepen) != len(set(namen)):
        bekend = {g.name for g in groepen}
        raise ValueError(f"Onbekende rol(len): {', '.join(sorted(set(namen) - bekend))}")
    return groepen


def raise_signalering(
    *,
    obj: models.Model,
    soort: str,
    omschrijving: str,
    groepen: Iterable[str] = (),
    verantwoordelijke=None,
    gemeente: Gemeente | None = None,
    gebied: Gebied | None = None,
    deadline: date | None = None,
    url: str = "",
) -> tuple[Signalering, bool]:
    """Open a signalering for ``obj`` and ``soort`` unless one is open already (idempotent)."""
    ct = ContentType.objects.get_for_model(obj)
    bestaand = Signalering.objects.open().filter(content_type=ct, object_id=obj.pk, soort=soort).first()
    if bestaand:
        return bestaand, False
    try:
        with transaction.atomic():
            signalering = Signalering.objects.create(
                content_type=ct,
                object_id=obj.pk,
                soort=soort,
                omschrijving=omschrijving[:300],
                verantwoordelijke=verantwoordelijke,
                gemeente=gemeente,
                gebied=gebied,
                deadline=deadline,
                url=url,
            )
            signalering.verantwoordelijke_groepen.set(_groepen(groepen))
    except IntegrityError:  # somebody else opened it at the same moment
        return Signalering.objects.open().get(content_type=ct, object_id=obj.pk, soort=soort), False
    transaction.on_commit(notificeer_nieuwe)
    return signalering, True


def resolve_signalering(*, obj: models.Model, soort: str) -> int:
    """Resolve the open signalering of ``obj`` and ``soort``, if any (idempotent)."""
    ct = ContentType.objects.get_for_model(obj)
    return (
        Signalering.objects.open()
        .filter(content_type=ct, object_id=obj.pk, soort=soort)
        .update(opgelost_op=timezone.now())
    )


def sync_signaleringen(
    *,
    soort: str,
    te_laat: models.QuerySet,
    omschrijving: Callable[[models.Model], str],
    groepen: Iterable[str] = (),
    verantwoordelijke: Callable[[models.Model], object] | None = None,
    gemeente: Callable[[models.Model], Gemeente | None] | None = None,
    gebied: Callable[[models.Model], Gebied | None] | None = None,
    deadline: Callable[[models.Model], date | None] | None = None,
    url: Callable[[models.Model], str] | None = None,
) -> SyncResultaat:
    """Make the open signaleringen of ``soort`` match the queryset ``te_laat`` exactly.

    Set-based, whatever the number of overdue rows: one query (``_verschillen``) reads both differences, the
    ids of ``te_laat`` without an open signalering (new) and the open signaleringen whose object is no longer
    overdue (resolved), as set operations over the two id lists, each read once; items already flagged are
    never loaded, so a steady run reads no rows and writes nothing. When there is something new: one query to
    read those items, one for the roles, one bulk insert and one for their roles; when something is resolved,
    one update per 5,000.
    The callables only run for the new items; ``te_laat`` selects what they read (``select_related``).
    (A correlated NOT EXISTS was quadratic at national scale when the statistics lagged a burst of new
    signaleringen: 33,000 overdue evaluations took 58 s; so was an UPDATE with the set operation as its
    ``IN`` subquery, which the planner re-ran per open signalering while it estimated one: 36 s for 35,818
    expired refresher courses in the run after the first.)
    """
    ct = ContentType.objects.get_for_model(te_laat.model)
    open_qs = Signalering.objects.open().filter(content_type=ct, soort=soort)
    if (alleen := _ALLEEN.get()) is not None:
        # A rescan after a write: only the objects written, and no kind of another model.
        ids = alleen.get(te_laat.model._meta.concrete_model)
        if not ids:
            return SyncResultaat(nieuw=0, opgelost=0)
        te_laat, open_qs = te_laat.filter(pk__in=ids), open_qs.filter(object_id__in=ids)
    groepen = list(groepen)
    with transaction.atomic():
        open_ids = open_qs.order_by().values_list("object_id")
        # the ids alone, without the joins of ``te_laat`` (its select_related): only new items (usually none)
        # are then read with what the callables need
        te_laat_ids = te_laat.select_related(None).order_by().values_list("pk")
        nieuwe_ids, opgeloste_ids = _verschillen(open_ids, te_laat_ids)
        nieuw = [
            Signalering(
                content_type=ct,
                object_id=obj.pk,
                soort=soort,
                omschrijving=omschrijving(obj)[:300],
                verantwoordelijke=verantwoordelijke(obj) if verantwoordelijke else None,
                gemeente=gemeente(obj) if gemeente else None,
                gebied=gebied(obj) if gebied else None,
                deadline=deadline(obj) if deadline else None,
                url=url(obj) if url else "",
            )
            for obj in (te_laat.filter(pk__in=nieuwe_ids).order_by("pk") if nieuwe_ids else [])
        ]
        aangemaakt = Signalering.objects.bulk_create(nieuw) if nieuw else []
        # the roles are read only when something is new (a steady run and most rescans after a write: never)
        if aangemaakt and groepen and (groep_objs := _groepen(groepen)):
            Koppeling = Signalering.verantwoordelijke_groepen.through
            Koppeling.objects.bulk_create(
                [Koppeling(signalering_id=s.pk, group_id=g.pk) for s in aangemaakt for g in groep_objs]
            )
        # What is resolved is updated by id in blocks; a steady run resolves nothing and writes nothing.
        opgelost, nu = 0, timezone.now()
        for k in range(0, len(opgeloste_ids), _PER_UPDATE):
            opgelost += open_qs.filter(object_id__in=opgeloste_ids[k : k + _PER_UPDATE]).update(opgelost_op=nu)
        if aangemaakt:
            transaction.on_commit(notificeer_nieuwe)
    return SyncResultaat(nieuw=len(aangemaakt), opgelost=opgelost)


@dataclass
class _Ontvanger:
    email: str
    onbeperkt: bool
    gebied_ids: set[int]
    gemeente_ids: set[int]

    def ziet(self, signalering: Signalering) -> bool:
        if self.onbeperkt:
            return True
        if signalering.gebied_id:
            return signalering.gebied_id in self.gebied_ids
        if signalering.gemeente_id:
            return signalering.gemeente_id in self.gemeente_ids
        return True


def _leden_per_groep(groep_ids: set[int]) -> dict[int, list[_Ontvanger]]:
    User = get_user_model()
    leden: dict[int, list[_Ontvanger]] = defaultdict(list)
    users = (
        User.objects.filter(is_active=True, groups__in=groep_ids)
        .exclude(email="")
        .prefetch_related("groups", "gemeenten__gebieden", "gebieden__gemeente")
        .distinct()
    )
    for user in users:
        rollen = {g.name for g in user.groups.all()}
        gebied_ids = {g.pk for g in user.gebieden.all()} | {
            g.pk for gm in user.gemeenten.all() for g in gm.gebieden.all()
        }
        gemeente_ids = {gm.pk for gm in user.gemeenten.all()} | {g.gemeente_id for g in user.gebieden.all()}
        ontvanger = _Ontvanger(
            email=user.email,
            onbeperkt=user.is_superuser or bool(rollen & ROLLEN_ZONDER_GEBIEDSBEPERKING),
            gebied_ids=gebied_ids,
            gemeente_ids=gemeente_ids,
        )
        for groep in user.groups.all():
            if groep.pk in groep_ids:
                leden[groep.pk].append(ontvanger)
    return leden


def _samenvatting(lijst: list[Signalering], link: str) -> str:
    """A digest: the number per kind (with the earliest deadline) and a link, never every item. A
    thousand overdue files are one line, and the e-mail carries no client number at all."""
    per_soort: dict[str, list[Signalering]] = defaultdict(list)
    for s in lijst:
        per_soort[s.soort].append(s)
    regels = []
    for soort, items in sorted(per_soort.items(), key=lambda paar: (-len(paar[1]), soort_label(paar[0]))):
        termijnen = [s.deadline for s in items if s.deadline]
        regel = f"- {soort_label(soort)}: {len(items)}"
        if termijnen:
            regel += f" (vroegste termijn {min(termijnen):%d-%m-%Y})"
        regels.append(regel)
    return (
        f"Er zijn {len(lijst)} nieuwe signalering(en) voor u:\n\n"
        + "\n".join(regels)
        + f"\n\nBekijk ze op uw startpagina in de JENS werkplaats: {link}\n"
    )


def notificeer_nieuwe() -> int:
    """E-mail every signalering not yet notified to its responsible people, once. Returns the count."""
    with transaction.atomic():
        signaleringen = list(
            Signalering.objects.open()
            .filter(genotificeerd_op__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("verantwoordelijke")
            .prefetch_related("verantwoordelijke_groepen")
        )
        if not signaleringen:
            return 0
        groep_ids = {g.pk for s in signaleringen for g in s.verantwoordelijke_groepen.all()}
        leden = _leden_per_groep(groep_ids) if groep_ids else {}
        per_adres: dict[str, list[Signalering]] = defaultdict(list)
        for s in signaleringen:
            adressen = {o.email for g in s.verantwoordelijke_groepen.all() for o in leden.get(g.pk, []) if o.ziet(s)}
            if s.verantwoordelijke and s.verantwoordelijke.email:
                adressen.add(s.verantwoordelijke.email)
            for adres in adressen:
                per_adres[adres].append(s)
        link = settings.JENS_BASIS_URL + reverse("home")
        for adres, lijst in per_adres.items():
            queue_email(
                aan=[adres],
                onderwerp=f"JENS werkplaats: {len(lijst)} nieuwe signalering(en)",
                tekst=_samenvatting(lijst, link),
            )
        Signalering.objects.filter(pk__in=[s.pk for s in signaleringen]).update(genotificeerd_op=timezone.now())
    return len(signaleringen)


def open_signaleringen_voor(user) -> models.QuerySet[Signalering]:
    """The open signaleringen a user is responsible for: personally, or through a role within scope."""
    from jens.scope import filter_op_scope, onbeperkt

    Q = models.Q
    ids = Signalering.objects.open().filter(
        Q(verantwoordelijke=user) | Q(verantwoordelijke_groepen__in=user.groups.all())
    )
    qs = Signalering.objects.filter(pk__in=ids.values("pk"))
    if not onbeperkt(user):
        in_scope = filter_op_scope(qs, user, gemeente="gemeente", gebied="gebied")
        qs = qs.filter(
            Q(verantwoordelijke=user) | Q(gemeente__isnull=True, gebied__isnull=True) | Q(pk__in=in_scope.values("pk"))
        )
    return qs.select_related("content_type", "gemeente", "gebied").order_by("deadline", "sinds")


def ververs_na_commit(scan: Callable[[], object], obj: models.Model | None = None, *, using: str | None = None) -> None:
    """Run an app's (set-based) signalering scan once when the current transaction commits, so a write that
    changes a deadline shows on the home pages at once instead of at the next periodic run. Registered at most
    once per transaction, however many writes ask for it (a bulk import is one scan, not one per row).

    ``obj``: the object whose signaleringen the write can change (the complaint, the request, the employee);
    the scan then looks at the objects the transaction named and nothing else, so a write costs the same on a
    national database as on the demo (a new complaint no longer rescans 200,000). Without ``obj`` the whole
    scan runs. The periodic run stays the safety net for what changes with time alone."""
    from django.db import DEFAULT_DB_ALIAS, connections

    verbinding = connections[using or DEFAULT_DB_ALIAS]
    for _sids, functie, _robust in verbinding.run_on_commit:
        if getattr(functie, "jens_scan", None) is scan and not functie.gedaan:
            functie.voeg_toe(obj)
            return

    def uitvoeren() -> None:
        uitvoeren.gedaan = True
        token = _ALLEEN.set(None if uitvoeren.alles else dict(uitvoeren.objecten))
        try:
            scan()
        finally:
            _ALLEEN.reset(token)

    def voeg_toe(o: models.Model | None) -> None:
        if o is None or o.pk is None:
            uitvoeren.alles = True
        else:
            uitvoeren.objecten[type(o)._meta.concrete_model].add(o.pk)

    uitvoeren.jens_scan = scan
    uitvoeren.gedaan = False
    uitvoeren.alles = False
    uitvoeren.objecten = defaultdict(set)
    uitvoeren.voeg_toe = voeg_toe
    voeg_toe(obj)
    transaction.on_commit(uitvoeren, using=using, robust=True)
