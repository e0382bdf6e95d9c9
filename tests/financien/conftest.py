import io

import pytest


@pytest.fixture
def financien_demo(db):
    """The contracts demo (assignment and the spending per provider) and the finance demo (budget, booked costs)."""
    from contracts.demo import seed as contracts_seed
    from financien.demo import seed as financien_seed

    contracts_seed(stdout=io.StringIO())
    financien_seed(stdout=io.StringIO())


@pytest.fixture
def cases_demo(financien_demo):
    """Casework demo on top of the finance demo (its providers come from the contracts demo)."""
    from cases.demo import seed
    from tests.staff.factories import MedewerkerFactory

    MedewerkerFactory.create_batch(5)
    seed(stdout=io.StringIO())
