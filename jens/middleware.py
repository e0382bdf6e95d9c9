"""Request hygiene for every page and endpoint."""

from django.http import QueryDict
from django.utils.cache import patch_cache_control


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


class GeenOpslagInCache:
    """Pages and API answers carry personal data (case files, complaints, staff) for the signed-in user only:
    no browser or proxy may keep them (``Cache-Control: no-store``), also not after signing out on a shared
    computer. Static files (served by WhiteNoise before this middleware) keep their long cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response
