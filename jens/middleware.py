"""Request hygiene for every page and endpoint."""

from django.http import QueryDict


class GeenNulInQueryString:
    """No name or value in a query string needs a NUL byte, and PostgreSQL refuses NUL in text (a filter, a search
    or the access-log row that records it would end in a server error). The NUL bytes are taken out of the query
    string's names and values before any view sees them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in k or any("\x00" in v for v in waarden) for k, waarden in request.GET.lists()
        ):
            schoon = QueryDict(mutable=True)
            for naam, waarden in request.GET.lists():
                schoon.setlist(naam.replace("\x00", ""), [w.replace("\x00", "") for w in waarden])
            schoon._mutable = False
            request.GET = schoon
            request.META["QUERY_STRING"] = schoon.urlencode()
        return self.get_response(request)
