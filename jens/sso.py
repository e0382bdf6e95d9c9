"""Optional single sign-on through OpenID Connect (mozilla-django-oidc), off unless ``JENS_OIDC_AAN``.

The identity provider's claim ``JENS_OIDC_ROL_CLAIM`` (default ``groups``) is mapped to the role groups by
``JENS_OIDC_ROLLEN`` (JSON, claim value -> role name); at every sign-in the user's roles become exactly the mapped
ones, so a role removed at the provider is removed here too. A claim value without a mapping gives no role. SSO
never makes a superuser or staff member. The second factor is still asked for the roles that need one."""

from django.conf import settings
from django.contrib.auth.models import Group
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from jens.roles import Rol


def rollen_uit_claims(claims: dict) -> set[str]:
    waarde = claims.get(settings.JENS_OIDC_ROL_CLAIM) or []
    if isinstance(waarde, str):
        waarde = [waarde]
    bekend = {r.value for r in Rol}
    return {settings.JENS_OIDC_ROLLEN[w] for w in waarde if w in settings.JENS_OIDC_ROLLEN} & bekend


class JensOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims) -> bool:
        return bool(claims.get("email"))

    def create_user(self, claims):
        user = super().create_user(claims)
        user.first_name = (claims.get("given_name") or "")[:150]
        user.last_name = (claims.get("family_name") or "")[:150]
        user.set_unusable_password()
        user.save()
        return self._zet_rollen(user, claims)

    def update_user(self, user, claims):
        return self._zet_rollen(user, claims)

    def _zet_rollen(self, user, claims):
        user.groups.set(Group.objects.filter(name__in=rollen_uit_claims(claims)))
        return user
