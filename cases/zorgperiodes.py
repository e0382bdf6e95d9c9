"""The care periods (``Zorgperiode``) that the client counts read, kept in step with the requests.

A young person is in care on a day when one of their requests was received before that day and is not
closed before it (see ``cases.selectors``). Their requests, taken as the closed ranges [received, closed],
are merged where they overlap or touch on one day; the merged ranges are the care periods, and the
rules above hold for them unchanged:

- in care on day d            ⇔ one period with begin < d ≤ eind (eind empty: still open);
- had care in [van, tot]      ⇔ one period with begin ≤ tot and eind ≥ van;
- counted once in [van, tot]  ⇔ that period, and the young person's previous period ended before van
  (``vorige_eind`` < van), so a count over the periods is a count of young people without DISTINCT.

The same rebuild also places every request in its young person's client journey (``Klantreisdeel``, read by
``klantreis_cijfers``): a second statement of window functions over the same rows, with the journey's gap of
``CASES_KLANTREIS_AANSLUITING_DAGEN`` (a change of that setting takes effect with ``herbouw_zorgperiodes``).

The same rebuild sets the copies on the care rows (``Zorginzet.jeugdige``, ``gemeente`` and
``hulpvraag_afgesloten_op``) that the waiting lists and the care shares read, where they differ from the request.

The rebuild is one set-based statement per table (window functions, PostgreSQL and SQLite alike): for a few young
people after a write, or for everybody after a bulk load (``seed_demo``, the benchmark's fill) and in the
nightly task. The signals below call it on every save and delete of a request whose young person or dates
changed, and update the gemeente when a young person moves; a bulk write that bypasses them
(``bulk_create``, ``QuerySet.update``) must call ``herbouw`` itself.
"""

from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.dispatch import receiver

from cases.conf import termijn
from cases.models import Hulpvraag, Jeugdige, Klantreisdeel, Zorginzet, Zorgperiode

# Stands in for "still open" inside the statement (MAX over the ends), NULL again in the table.
OPEN = date(9999, 12, 31)
# Young people per statement in a targeted rebuild (keeps the IN list well under SQLite's limit).
_PER_KEER = 500


def _statement(filter_sql: str) -> str:
    q = connection.ops.quote_name
    zp, hv, jg = (q(m._meta.db_table) for m in (Zorgperiode, Hulpvraag, Jeugdige))
    return f"""
        WITH r AS (
            SELECT h.jeugdige_id AS jid, j.gemeente_id AS gid, h.ontvangen_op AS o,
                   COALESCE(h.afgesloten_op, %s) AS a
            FROM {hv} h JOIN {jg} j ON j.id = h.jeugdige_id
            {filter_sql}
        ), s AS (
            SELECT jid, gid, o, a,
                   MAX(a) OVER (PARTITION BY jid ORDER BY o, a ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m
            FROM r
        ), t AS (
            SELECT jid, gid, o, a,
                   SUM(CASE WHEN m IS NULL OR o > m THEN 1 ELSE 0 END)
                       OVER (PARTITION BY jid ORDER BY o, a ROWS UNBOUNDED PRECEDING) AS e
            FROM s
        ), u AS (
            SELECT jid, gid, MIN(o) AS b, MAX(a) AS a FROM t GROUP BY jid, gid, e
        )
        INSERT INTO {zp} (jeugdige_id, gemeente_id, begin, eind, vorige_eind)
        SELECT jid, gid, b, NULLIF(a, %s), LAG(a) OVER (PARTITION BY jid ORDER BY b) FROM u
    """  # noqa: S608 (table names from the models, values as parameters)


def _plus_dagen(kolom: str) -> str:
    """SQL for the date ``kolom`` plus a number of days given as the next parameter."""
    if connection.vendor == "postgresql":
        return f"({kolom} + CAST(%s AS integer))"
    return f"date({kolom}, '+' || %s || ' days')"


def _dagen_tussen(eind: str, begin: str) -> str:
    if connection.vendor == "postgresql":
        return f"({eind} - {begin})"
    return f"CAST(julianday({eind}) - julianday({begin}) AS integer)"


def _klantreis_statement(filter_sql: str) -> str:
    """Each request with its journey: ``nieuw`` when it starts one (the young person's first request, or received
    more than the gap after the latest closure of the requests before it while none of them is open), the
    journey's number as the running count of starts, and per journey its begin, the running end and the next
    receipt. Parameters: OPEN, the filter's, OPEN, the gap in days, OPEN, OPEN."""
    q = connection.ops.quote_name
    kd, hv, jg = (q(m._meta.db_table) for m in (Klantreisdeel, Hulpvraag, Jeugdige))
    return f"""
        WITH r AS (
            SELECT h.id AS hid, h.jeugdige_id AS jid, j.gemeente_id AS gid, h.ontvangen_op AS o,
                   h.afgesloten_op AS a0, COALESCE(h.afgesloten_op, %s) AS a
            FROM {hv} h JOIN {jg} j ON j.id = h.jeugdige_id
            {filter_sql}
        ), s AS (
            SELECT hid, jid, gid, o, a0, a,
                   MAX(a) OVER (PARTITION BY jid ORDER BY o, hid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m
            FROM r
        ), t AS (
            SELECT hid, jid, gid, o, a0, a,
                   CASE WHEN m IS NULL OR (m < %s AND o > {_plus_dagen("m")}) THEN 1 ELSE 0 END AS nieuw
            FROM s
        ), u AS (
            SELECT hid, jid, gid, o, a0, a, nieuw,
                   SUM(nieuw) OVER (PARTITION BY jid ORDER BY o, hid ROWS UNBOUNDED PRECEDING) AS nr
            FROM t
        ), v AS (
            SELECT hid, jid, gid, o, a0, nieuw, nr,
                   MIN(o) OVER (PARTITION BY jid, nr) AS rb,
                   MAX(a) OVER (PARTITION BY jid, nr ORDER BY o, hid ROWS UNBOUNDED PRECEDING) AS re,
                   LEAD(o) OVER (PARTITION BY jid, nr ORDER BY o, hid) AS vo
            FROM u
        )
        INSERT INTO {kd} (hulpvraag_id, jeugdige_id, gemeente_id, ontvangen_op, afgesloten_op, duur_dagen, instroom,
                          reis_nummer, reis_begin, reis_einde, reis_duur_dagen, volgende_in_reis)
        SELECT hid, jid, gid, o, a0, {_dagen_tussen("a0", "o")},
               CASE WHEN nieuw = 0 THEN 'voortzetting' WHEN nr = 1 THEN 'eerste_keer' ELSE 'terugkerend' END,
               nr - 1, rb, NULLIF(re, %s), CASE WHEN re < %s THEN {_dagen_tussen("re", "rb")} END, vo
        FROM v
    """  # noqa: S608 (table names from the models, values as parameters)


def _zorginzet_statement(filter_sql: str) -> str:
    """The copies on the care rows (young person, gemeente, the request's closing date) set from their requests,
    only where one differs: a rebuild of rows in step writes nothing. No parameters but the filter's."""
    q = connection.ops.quote_name
    zi, hv, jg = (q(m._meta.db_table) for m in (Zorginzet, Hulpvraag, Jeugdige))
    return f"""
        UPDATE {zi} SET jeugdige_id = b.jid, gemeente_id = b.gid, hulpvraag_afgesloten_op = b.a
        FROM (
            SELECT h.id AS hid, h.jeugdige_id AS jid, j.gemeente_id AS gid, h.afgesloten_op AS a
            FROM {hv} h JOIN {jg} j ON j.id = h.jeugdige_id
            {filter_sql}
        ) AS b
        WHERE {zi}.hulpvraag_id = b.hid
          AND ({zi}.jeugdige_id IS DISTINCT FROM b.jid OR {zi}.gemeente_id IS DISTINCT FROM b.gid
               OR {zi}.hulpvraag_afgesloten_op IS DISTINCT FROM b.a)
    """  # noqa: S608 (table names from the models, values as parameters)


ZORGPERIODES, KLANTREIZEN, ZORGINZET = "zorgperiodes", "klantreizen", "zorginzet"
ALLE_DELEN = (ZORGPERIODES, KLANTREIZEN, ZORGINZET)


def herbouw(jeugdige_ids: Iterable[int] | None = None, *, delen: tuple[str, ...] = ALLE_DELEN) -> None:
    """Rebuild the care periods, the journey places and the copies on the care rows of these young people (all
    when ``None``) from their requests (``delen`` limits it, for the migration that creates one of them)."""
    gat = termijn("CASES_KLANTREIS_AANSLUITING_DAGEN")
    # Per part: the derived table emptied first (None: the statement updates in place), the statement, and its
    # parameters before and after the filter's.
    stappen = {
        ZORGPERIODES: (Zorgperiode, _statement, [OPEN], [OPEN]),
        KLANTREIZEN: (Klantreisdeel, _klantreis_statement, [OPEN], [OPEN, gat, OPEN, OPEN]),
        ZORGINZET: (None, _zorginzet_statement, [], []),
    }
    gekozen = [stappen[deel] for deel in ALLE_DELEN if deel in delen]
    with transaction.atomic(), connection.cursor() as c:
        if jeugdige_ids is None:
            for model, statement, voor, na in gekozen:
                if model is not None:
                    model.objects.all().delete()
                c.execute(statement(""), [*voor, *na])
            return
        ids = sorted({int(i) for i in jeugdige_ids if i is not None})
        for k in range(0, len(ids), _PER_KEER):
            deel = ids[k : k + _PER_KEER]
            plaats = ", ".join(["%s"] * len(deel))
            for model, statement, voor, na in gekozen:
                if model is not None:
                    model.objects.filter(jeugdige_id__in=deel).delete()
                c.execute(statement(f"WHERE h.jeugdige_id IN ({plaats})"), [*voor, *deel, *na])


# --- Kept in step -------------------------------------------------------------------------------------------
# What a request or young person looked like when loaded, so that a save that does not change what the
# periods depend on (a step, a deadline, a note) costs no query.


_VELDEN = ("jeugdige_id", "ontvangen_op", "afgesloten_op")


def _stand_hulpvraag(h: Hulpvraag) -> tuple | None:
    # Read from the instance's dict: a deferred field is unknown (so the save rebuilds), never fetched here.
    d = h.__dict__
    return tuple(d[v] for v in _VELDEN) if all(v in d for v in _VELDEN) else None


@receiver(post_init, sender=Hulpvraag)
def _onthoud_hulpvraag(sender, instance: Hulpvraag, **kwargs) -> None:
    instance._zorgperiode_stand = _stand_hulpvraag(instance) if instance.pk else None


@receiver(post_save, sender=Hulpvraag)
def _na_opslaan_hulpvraag(sender, instance: Hulpvraag, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    vorige, nu = getattr(instance, "_zorgperiode_stand", None), _stand_hulpvraag(instance)
    if vorige is not None and vorige == nu and not created:
        return
    herbouw({instance.jeugdige_id, vorige[0] if vorige else None})
    instance._zorgperiode_stand = nu


@receiver(post_delete, sender=Hulpvraag)
def _na_verwijderen_hulpvraag(sender, instance: Hulpvraag, **kwargs) -> None:
    herbouw({instance.jeugdige_id})


@receiver(post_init, sender=Jeugdige)
def _onthoud_jeugdige(sender, instance: Jeugdige, **kwargs) -> None:
    instance._zorgperiode_gemeente = instance.__dict__.get("gemeente_id") if instance.pk else None


@receiver(post_save, sender=Jeugdige)
def _na_opslaan_jeugdige(sender, instance: Jeugdige, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or created or instance._zorgperiode_gemeente == instance.gemeente_id:
        return
    for model in (Zorgperiode, Klantreisdeel, Zorginzet):
        model.objects.filter(jeugdige_id=instance.pk).update(gemeente_id=instance.gemeente_id)
    instance._zorgperiode_gemeente = instance.gemeente_id


@receiver(pre_save, sender=Zorginzet)
def _kopieer_naar_zorginzet(sender, instance: Zorginzet, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A new care row (or one moved to another request) takes the copies from its request: from the request and
    its young person when both are already loaded on the instance, otherwise in one query."""
    if raw or (update_fields is not None and "hulpvraag" not in update_fields and instance.jeugdige_id):
        return
    h = instance._state.fields_cache.get("hulpvraag")
    if h is not None and h.pk == instance.hulpvraag_id and "jeugdige" in h._state.fields_cache:
        instance.jeugdige_id, instance.gemeente_id = h.jeugdige_id, h.jeugdige.gemeente_id
        instance.hulpvraag_afgesloten_op = h.afgesloten_op
        return
    instance.jeugdige_id, instance.gemeente_id, instance.hulpvraag_afgesloten_op = Hulpvraag.objects.values_list(
        "jeugdige_id", "jeugdige__gemeente_id", "afgesloten_op"
    ).get(pk=instance.hulpvraag_id)
