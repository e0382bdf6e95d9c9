"""The API's JSON parser: DRF's, with a bound on nesting. Deeply nested JSON ran Python's parser out of stack
(RecursionError, a server error); no request body here needs more than a few levels."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DIEPTE = 32
TE_DIEP = f"De JSON is te diep genest (ten hoogste {MAX_DIEPTE} niveaus)."


def te_diep(data, maximum: int = MAX_DIEPTE) -> bool:
    """True when lists/objects in ``data`` nest deeper than ``maximum`` (iterative: no recursion of its own)."""
    stapel = [(data, 1)]
    while stapel:
        waarde, diepte = stapel.pop()
        if isinstance(waarde, dict | list):
            if diepte > maximum:
                return True
            stapel.extend((w, diepte + 1) for w in (waarde.values() if isinstance(waarde, dict) else waarde))
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(TE_DIEP) from exc
        if te_diep(data):
            raise ParseError(TE_DIEP)
        return data
