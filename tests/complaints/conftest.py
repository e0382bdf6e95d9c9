import pytest


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """The test users' passwords need no slow hashing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
