"""API permissions by role and the pagination every list endpoint uses (DRF settings point here)."""

from rest_framework import permissions
from rest_framework.pagination import PageNumberPagination

from jens.beveiliging import tweede_factor_in_orde
from jens.roles import heeft_rol

GEEN_TWEEDE_FACTOR = (
    "Uw rol vereist een tweede factor (authenticator-app). Stel die in of bevestig die via /tweede-factor/ "
    "en probeer het opnieuw."
)


class Paginering(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


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
