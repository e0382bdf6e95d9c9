import pytest


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """The test users' passwords need no strong hashing; keeps the suite fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
