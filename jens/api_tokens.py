"""The API token check: django-rest-knox tokens (only a SHA-512 digest is stored; each token expires after
``JENS_API_TOKEN_UREN`` hours), sent as ``Authorization: Token <token>``, with Dutch messages. A module of its own
because DRF imports it while its own views are still loading (no views imported here)."""

from knox.auth import TokenAuthentication
from rest_framework import exceptions

ONGELDIG = "Dit API-token is ongeldig, verlopen of ingetrokken. Vraag een nieuw aan via /api/v1/token/."


class ApiTokenAuthenticatie(TokenAuthentication):
    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed as fout:
            raise exceptions.AuthenticationFailed(ONGELDIG) from fout

    def validate_user(self, auth_token):
        if not auth_token.user.is_active:
            raise exceptions.AuthenticationFailed(ONGELDIG)
        return (auth_token.user, auth_token)
