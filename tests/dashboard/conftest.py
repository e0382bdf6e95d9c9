import io

import pytest


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Hashing a password the production way takes a noticeable part of a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_demo(db):
    """The staff app's demo: synthetic employees whose placements reproduce the published FTE table."""
    from staff.demo import seed

    seed(stdout=io.StringIO())


@pytest.fixture
def klachten_demo(maak_gebruiker):
    """The complaints app's demo: the published counts (2023H1: 18 against 8 in 2022H1) plus a few open ones.
    It records the steps as the demo complaints officer (username ``klachten``)."""
    from complaints.demo import seed

    maak_gebruiker("klachtenfunctionaris", username="klachten")
    seed(stdout=io.StringIO())
