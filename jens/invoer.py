"""Checks on typed text that every app shares."""

import re

# C0 and C1 control characters (tab and newline included): they do not belong in a name, they break exports and
# lists, and a NUL is refused by PostgreSQL.
_STUURTEKENS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
STUURTEKENS_MELDING = "Een naam mag geen stuurtekens (zoals tab, regeleinde of NUL) bevatten."


def heeft_stuurtekens(tekst: str | None) -> bool:
    return bool(tekst) and _STUURTEKENS.search(tekst) is not None
