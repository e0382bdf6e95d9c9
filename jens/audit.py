"""Helpers for the NEN 7513 access log (``Toegangslog``)."""

from django.db.models import Q, QuerySet

from jens.models import Toegangslog
from jens.netwerk import client_ip
from jens.roles import hoofdrol


def _regel(request, **velden) -> Toegangslog:
    user = getattr(request, "user", None)
    ingelogd = bool(getattr(user, "is_authenticated", False))
    return Toegangslog(
        gebruiker=user if ingelogd else None,
        gebruikersnaam=user.get_username() if ingelogd else "anoniem",
        rol=hoofdrol(user) if ingelogd else "",
        ip_adres=client_ip(request),
        werkplek=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "").replace("\x00", "")[:300],
        **{k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in velden.items()},
    )


def log_toegang_lijst(request, *, actie: str, object_type: str, regels: list[tuple[object, str, str]]) -> int:
    """One access-log row per (object_id, client, omschrijving) of a list that shows client data; one query."""
    if not regels:
        return 0
    Toegangslog.objects.bulk_create(
        [
            _regel(
                request,
                actie=actie,
                object_type=object_type,
                object_id=str(object_id),
                client=str(client),
                omschrijving=omschrijving[:300],
                uitkomst=Toegangslog.Uitkomst.TOEGESTAAN,
            )
            for object_id, client, omschrijving in regels
        ]
    )
    return len(regels)


def _lijst(waarden) -> str:
    """' a b c ': unique, in the order shown, with a space at both ends."""
    gezien = list(dict.fromkeys(str(w) for w in waarden if w not in (None, "")))
    return f" {' '.join(gezien)} " if gezien else ""


def log_lijst_inzage(
    request, *, object_type: str, rijen: list[tuple[object, str]], omschrijving: str = "Inzien in lijst"
) -> Toegangslog | None:
    """A list page read: ONE access-log row (not one per row shown) with the ids and the clients of
    every row in ``object_ids`` and ``clienten``: who saw which clients, when, from where (NEN 7513).
    With one client on the whole page, ``client`` holds it as for a detail read."""
    if not rijen:
        return None
    clienten = list(dict.fromkeys(str(c) for _, c in rijen if c))
    regel = _regel(
        request,
        actie=Toegangslog.Actie.INZIEN,
        object_type=object_type,
        object_id="",
        client=clienten[0] if len(clienten) == 1 else "",
        object_ids=_lijst(object_id for object_id, _ in rijen),
        clienten=_lijst(clienten),
        omschrijving=f"{omschrijving} ({len(rijen)} {'rij' if len(rijen) == 1 else 'rijen'})"[:300],
        uitkomst=Toegangslog.Uitkomst.TOEGESTAAN,
    )
    regel.save()
    return regel


def regels_van_client(client: str) -> QuerySet[Toegangslog]:
    """Every access-log row about one client: its own reads and the list reads that showed it."""
    client = (client or "").strip()
    return Toegangslog.objects.filter(Q(client=client) | Q(clienten__contains=f" {client} ")).order_by(
        "-tijdstip", "-pk"
    )


def log_toegang(
    request,
    *,
    actie: str,
    object_type: str,
    object_id: object = "",
    client: str = "",
    omschrijving: str = "",
    toegestaan: bool = True,
) -> Toegangslog:
    """Write one access-log row for the user of ``request``."""
    regel = _regel(
        request,
        actie=actie,
        object_type=object_type,
        object_id=str(object_id or ""),
        client=str(client or ""),
        omschrijving=omschrijving[:300],
        uitkomst=Toegangslog.Uitkomst.TOEGESTAAN if toegestaan else Toegangslog.Uitkomst.GEWEIGERD,
    )
    regel.save()
    return regel
