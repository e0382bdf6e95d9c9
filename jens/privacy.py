"""The small-count rule for aggregates that municipalities see: a count of 1 to 4 could point to a person, so it is
shown as "<5" (0 identifies nobody and stays 0)."""

KLEIN_AANTAL = 5
KLEIN_TEKST = f"<{KLEIN_AANTAL}"


def is_klein_aantal(aantal) -> bool:
    return aantal is not None and not isinstance(aantal, bool) and 0 < aantal < KLEIN_AANTAL
