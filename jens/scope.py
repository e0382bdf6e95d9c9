"""User scope: which municipalities and areas a user works for.

``Gemeente.gebruikers`` and ``Gebied.gebruikers`` hold the links. Every app scopes its querysets
with ``filter_op_scope``; roles in ``ROLLEN_ZONDER_GEBIEDSBEPERKING`` (and superusers) see all.
"""

from django.db.models import Q, QuerySet

from jens.models import Gebied, Gemeente
from jens.roles import ROLLEN_ZONDER_GEBIEDSBEPERKING, rollen_van


def onbeperkt(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or bool(rollen_van(user) & ROLLEN_ZONDER_GEBIEDSBEPERKING)


def gebieden_voor(user) -> QuerySet[Gebied]:
    """The areas a user works in: linked directly, or through a linked municipality."""
    if onbeperkt(user):
        return Gebied.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Gebied.objects.none()
    return Gebied.objects.filter(Q(gebruikers=user) | Q(gemeente__gebruikers=user)).distinct()


def gemeenten_voor(user) -> QuerySet[Gemeente]:
    """The municipalities a user works for: linked directly, or through a linked area."""
    if onbeperkt(user):
        return Gemeente.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(Q(gebruikers=user) | Q(gebieden__gebruikers=user)).distinct()


def filter_op_scope(qs: QuerySet, user, *, gemeente: str | None = "gemeente", gebied: str | None = None) -> QuerySet:
    """Keep the rows of ``qs`` that fall in the user's scope.

    ``gemeente`` and ``gebied`` are the lookup paths from the model to ``Gemeente`` and ``Gebied``.
    A row with an area is visible when that area is in scope; a row without an area (or a model
    without one) is visible when its municipality is in scope. Uses subqueries, so no duplicates.
    """
    if onbeperkt(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    conditie = Q(pk__in=[])
    if gebied:
        gebied_ids = Gebied.objects.filter(Q(gebruikers=user) | Q(gemeente__gebruikers=user)).values("pk")
        conditie |= Q(**{f"{gebied}__in": gebied_ids})
    if gemeente:
        gemeente_ids = Gemeente.objects.filter(Q(gebruikers=user) | Q(gebieden__gebruikers=user)).values("pk")
        zonder_gebied = Q(**{f"{gebied}__isnull": True}) if gebied else Q()
        conditie |= Q(**{f"{gemeente}__in": gemeente_ids}) & zonder_gebied
    return qs.filter(conditie)
