"""Helpers for the NEN 7513 access log (``Toegangslog``)."""

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
        werkplek=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:300],
        **velden,
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
