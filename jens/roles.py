"""Roles are Django groups. Each app declares the model permissions of each role on its AppConfig
(``rolrechten``); after every migrate the groups get exactly those permissions."""

from enum import StrEnum

from django.apps import apps
from django.contrib.auth.models import Group, Permission


class Rol(StrEnum):
    INKOPER = "inkoper"
    KLACHTENFUNCTIONARIS = "klachtenfunctionaris"
    GEBIEDSMANAGER = "gebiedsmanager"
    GEDRAGSWETENSCHAPPER = "gedragswetenschapper"
    MANAGEMENT = "management"
    GEMEENTE = "gemeente"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder"


ROL_LABELS = {
    Rol.INKOPER: "Inkoper",
    Rol.KLACHTENFUNCTIONARIS: "Klachtenfunctionaris",
    Rol.GEBIEDSMANAGER: "Gebiedsmanager",
    Rol.GEDRAGSWETENSCHAPPER: "Gedragswetenschapper",
    Rol.MANAGEMENT: "Management",
    Rol.GEMEENTE: "Gemeente",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
}

# Roles whose work is not bound to one municipality or area: they see every gemeente and gebied.
# Everybody else sees only the gemeenten and gebieden they are linked to (and nothing without a link).
ROLLEN_ZONDER_GEBIEDSBEPERKING = frozenset(
    {Rol.MANAGEMENT, Rol.FUNCTIONEEL_BEHEERDER, Rol.INKOPER, Rol.KLACHTENFUNCTIONARIS}
)


def rollen_van(user) -> frozenset[str]:
    """The role names of ``user`` (cached on the user object for the request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_jens_rollen", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._jens_rollen = cached
    return cached


def heeft_rol(user, *rollen: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or bool(rollen_van(user) & set(rollen))


def hoofdrol(user) -> str:
    """A readable role for logs: the user's roles joined, or 'beheerder' for a superuser."""
    rollen = sorted(rollen_van(user))
    if rollen:
        return ", ".join(rollen)
    return "beheerder" if getattr(user, "is_superuser", False) else ""


def gewenste_rechten() -> dict[str, set[tuple[str, str]]]:
    """Per role the (app_label, codename) pairs that the apps declare."""
    gewenst: dict[str, set[tuple[str, str]]] = {rol.value: set() for rol in Rol}
    for config in apps.get_app_configs():
        for rol, rechten in getattr(config, "rolrechten", {}).items():
            for recht in rechten:
                app_label, _, codename = recht.rpartition(".")
                gewenst[rol].add((app_label or config.label, codename))
    return gewenst


def sync_rolrechten(**_kwargs) -> None:
    """Give every role group exactly the permissions the apps declare (post_migrate handler)."""
    gewenst = gewenste_rechten()
    alle = {(p.content_type.app_label, p.codename): p for p in Permission.objects.select_related("content_type")}
    for rol, rechten in gewenst.items():
        groep, _ = Group.objects.get_or_create(name=rol)
        groep.permissions.set([alle[r] for r in rechten if r in alle])
