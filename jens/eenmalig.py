"""Within one build of the dashboard or the half-year report, a report selector that several parts need (the
monthly client counts, the care split) runs once: ``with opbouw():`` around the build, and
``@eenmaal_per_opbouw`` on the selector. Outside a build every call runs its queries as before, so a page or API
that calls the selector alone always reads the database. Each caller gets its own copy of the result."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from copy import deepcopy
from functools import wraps
from typing import TypeVar

T = TypeVar("T")

_UITKOMSTEN: ContextVar[dict | None] = ContextVar("jens_opbouw", default=None)


@contextmanager
def opbouw() -> Iterator[None]:
    """One build: results of the decorated selectors are kept until it ends (a nested build shares them)."""
    if _UITKOMSTEN.get() is not None:
        yield
        return
    token = _UITKOMSTEN.set({})
    try:
        yield
    finally:
        _UITKOMSTEN.reset(token)


def eenmaal_per_opbouw(selector: Callable[..., T]) -> Callable[..., T]:
    @wraps(selector)
    def binnen_opbouw(*args, **kwargs) -> T:
        uitkomsten = _UITKOMSTEN.get()
        if uitkomsten is None:
            return selector(*args, **kwargs)
        sleutel = (selector.__module__, selector.__qualname__, args, tuple(sorted(kwargs.items())))
        try:
            hash(sleutel)
        except TypeError:
            return selector(*args, **kwargs)
        if sleutel not in uitkomsten:
            uitkomsten[sleutel] = selector(*args, **kwargs)
        return deepcopy(uitkomsten[sleutel])

    return binnen_opbouw
