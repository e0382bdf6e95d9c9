"""Optional single sign-on (OpenID Connect): off by default; a claim is mapped to the role groups."""

import pytest

from jens.sso import JensOIDCBackend


@pytest.fixture
def oidc_instellingen(settings):
    settings.OIDC_RP_CLIENT_ID = "jens"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    settings.JENS_OIDC_ROL_CLAIM = "groups"
    settings.JENS_OIDC_ROLLEN = {"jens-gw": "gedragswetenschapper", "jens-mgmt": "management", "beheer": "superuser"}


def _rollen(user):
    return set(user.groups.values_list("name", flat=True))


def test_claim_wordt_rol_en_volgt_de_provider(db, oidc_instellingen):
    backend = JensOIDCBackend()
    claims = {"email": "anna@jens.example", "given_name": "Anna", "groups": ["jens-gw", "onbekend", "beheer"]}
    assert backend.verify_claims(claims) and not backend.verify_claims({"groups": ["jens-gw"]})
    user = backend.create_user(claims)
    assert _rollen(user) == {"gedragswetenschapper"}
    assert not user.is_superuser and not user.is_staff and not user.has_usable_password()
    backend.update_user(user, {"email": "anna@jens.example", "groups": "jens-mgmt"})
    assert _rollen(user) == {"management"}
    backend.update_user(user, {"email": "anna@jens.example"})
    assert _rollen(user) == set()


def test_sso_staat_standaard_uit(client, db, settings):
    assert settings.JENS_OIDC_AAN is False
    assert "single sign-on" not in client.get("/inloggen/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
