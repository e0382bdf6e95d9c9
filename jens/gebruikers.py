"""User management by the functioneel beheerder: roles and scope of other users, nothing more.

The stock UserAdmin lets anyone with ``auth.change_user`` tick ``is_superuser`` or hand out any group, also on their
own account. Here the rules are one service: a superuser may change everything; a functioneel beheerder may change
the roles (groups other than functioneel beheerder) and the scope (gemeenten, gebieden) of other users who are
neither superuser nor functioneel beheerder, and never their own rights, never ``is_superuser`` and never single
model permissions. Every refusal is a Dutch message and changes nothing."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from jens.models import Gebied, Gemeente
from jens.roles import Rol, heeft_rol, rollen_van

# Roles only a superuser hands out: whoever holds them manages users.
ALLEEN_DOOR_SUPERUSER = frozenset({Rol.FUNCTIONEEL_BEHEERDER.value})


def mag_beheren(door) -> bool:
    """May ``door`` open the user management at all (superuser or functioneel beheerder)?"""
    return bool(getattr(door, "is_active", False)) and heeft_rol(door, Rol.FUNCTIONEEL_BEHEERDER)


def weigering(door, gebruiker) -> str:
    """Why ``door`` may not change ``gebruiker``'s account ('' when allowed)."""
    if not mag_beheren(door):
        return "U beheert geen gebruikers."
    if door.is_superuser:
        return ""
    if gebruiker is None:
        return ""
    if gebruiker.pk == door.pk:
        return "U kunt uw eigen rechten niet wijzigen; vraag een andere beheerder."
    if gebruiker.is_superuser:
        return "Alleen een superuser wijzigt het account van een superuser."
    if rollen_van(gebruiker) & ALLEEN_DOOR_SUPERUSER:
        return "Alleen een superuser wijzigt het account van een functioneel beheerder."
    return ""


def mag_wijzigen(door, gebruiker) -> bool:
    return weigering(door, gebruiker) == ""


def toe_te_kennen_rollen(door):
    """The groups ``door`` may hand out."""
    if getattr(door, "is_superuser", False):
        return Group.objects.order_by("name")
    return Group.objects.exclude(name__in=ALLEEN_DOOR_SUPERUSER).order_by("name")


def controleer_rechten(*, door, gebruiker, rollen) -> None:
    """Raise a ValidationError per field when ``door`` may not give ``gebruiker`` these roles."""
    if door.is_superuser:
        return
    verboden = sorted({g.name for g in rollen} & ALLEEN_DOOR_SUPERUSER)
    if verboden:
        raise ValidationError({"groups": "Alleen een superuser kent de rol functioneel beheerder toe."})


@transaction.atomic
def wijzig_rechten(
    *,
    door,
    gebruiker,
    rollen,
    gemeenten,
    gebieden,
) -> None:
    """Set the roles and scope of ``gebruiker`` (an account that already exists), as ``door``."""
    if not mag_beheren(door):
        raise PermissionDenied("U beheert geen gebruikers.")
    # The new account of an add form has no rights yet; every existing account goes through the check.
    reden = weigering(door, gebruiker)
    if reden:
        raise PermissionDenied(reden)
    rollen = list(rollen)
    controleer_rechten(door=door, gebruiker=gebruiker, rollen=rollen)
    gebruiker.groups.set(rollen)
    gebruiker.gemeenten.set(list(gemeenten))
    gebruiker.gebieden.set(list(gebieden))
    if hasattr(gebruiker, "_jens_rollen"):
        del gebruiker._jens_rollen


def scope_van(gebruiker) -> tuple[list[Gemeente], list[Gebied]]:
    if gebruiker is None or gebruiker.pk is None:
        return [], []
    return list(gebruiker.gemeenten.all()), list(gebruiker.gebieden.all())
