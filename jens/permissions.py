"""API permissions by role and the pagination every list endpoint uses (DRF settings point here)."""

from functools import cached_property

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from rest_framework import permissions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from jens.beveiliging import tweede_factor_in_orde
from jens.roles import heeft_rol

GEEN_TWEEDE_FACTOR = (
    "Uw rol vereist een tweede factor (authenticator-app). Stel die in of bevestig die via /tweede-factor/ "
    "en probeer het opnieuw."
)


class _Pagina(Page):
    def __init__(self, object_list, number, paginator, *, meer: bool):
        super().__init__(object_list, number, paginator)
        self.meer = meer

    def has_next(self) -> bool:
        return self.meer


class BegrensdePaginator(Paginator):
    """A paginator that never counts more than ``grens`` rows: ``COUNT(*)`` over ``LIMIT grens + 1``
    of the unordered query (a million-row table costs what ten thousand rows cost). Up to the limit
    everything is as with Django's paginator. Above it the number is "more than the limit": a page is
    read with one row extra to know whether there is a next one, so deep pages still work (on the
    index of the ordering) and a page past the end is a 404 as before."""

    def __init__(self, *args, grens: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.grens = grens

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if hasattr(qs, "order_by"):
            return qs.order_by()[: self.grens + 1].count()
        return len(qs)

    @property
    def exact(self) -> bool:
        return self.count <= self.grens

    def validate_number(self, number):
        if self.exact:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def _rijen(self, bottom: int, top: int) -> list:
        """The rows of one page in one query. The page is chosen by its ids first (``OFFSET`` over the
        index of the ordering, without the joins of ``select_related``), then those rows are read with
        their joins: a deep page does not join 50,000 skipped rows."""
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return list(qs[bottom:top])
        return list(qs.filter(pk__in=qs.values("pk")[bottom:top]))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.exact:
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            return self._get_page(self._rijen(bottom, top), number, self)
        rijen = self._rijen(bottom, bottom + self.per_page + 1)
        if not rijen and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return _Pagina(rijen[: self.per_page], number, self, meer=len(rijen) > self.per_page)


class Paginering(PageNumberPagination):
    """Page numbers (``?page=``, ``?page_size=`` up to 500) with a bounded count: ``count`` is exact up
    to ``JENS_API_TELGRENS`` (10,000) rows and ``count_exact`` says so; above it ``count`` is that limit
    and ``count_exact`` is false, so no request counts a million rows. ``next`` stays correct on every page."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    last_page_strings = ()  # "the last page" is not known without counting everything

    def django_paginator_class(self, queryset, page_size):
        return BegrensdePaginator(queryset, page_size, grens=settings.JENS_API_TELGRENS)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "count": paginator.count if paginator.exact else paginator.grens,
                "count_exact": paginator.exact,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        antwoord = super().get_paginated_response_schema(schema)
        antwoord["required"] = ["count", "count_exact", "results"]
        antwoord["properties"]["count"]["description"] = (
            "Het aantal resultaten; bij meer dan de telgrens (standaard 10.000) de telgrens zelf."
        )
        antwoord["properties"] = {
            "count": antwoord["properties"]["count"],
            "count_exact": {
                "type": "boolean",
                "description": "Of count het exacte aantal is (false: er zijn meer resultaten dan count).",
                "example": True,
            },
            **{k: v for k, v in antwoord["properties"].items() if k != "count"},
        }
        return antwoord


class RolRechten(permissions.DjangoModelPermissions):
    """Signed-in users only. A view with ``rollen`` requires one of those roles (reports); otherwise
    the model permission of the role groups: view for reads, add/change/delete for writes."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if not tweede_factor_in_orde(request):
            self.message = GEEN_TWEEDE_FACTOR
            return False
        rollen = getattr(view, "rollen", None)
        if rollen is not None:
            return heeft_rol(request.user, *rollen)
        return super().has_permission(request, view)
