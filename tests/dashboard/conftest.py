import io

import pytest


@pytest.fixture
def staff_demo(db):
    """The staff app's demo: synthetic employees whose placements reproduce the published FTE table."""
    from staff.demo import seed

    seed(stdout=io.StringIO())
