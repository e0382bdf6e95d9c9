import pytest

from jens.privacy import KLEIN_TEKST, is_klein_aantal


@pytest.mark.parametrize(
    ("aantal", "klein"), [(0, False), (1, True), (4, True), (5, False), (None, False), (True, False)]
)
def test_klein_aantal(aantal, klein):
    assert is_klein_aantal(aantal) is klein
    assert KLEIN_TEKST == "<5"
