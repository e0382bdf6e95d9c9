import pytest
from django.test import RequestFactory

from jens.netwerk import client_ip


@pytest.mark.parametrize(
    ("proxies", "xff", "verwacht"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no trusted proxy: a forged header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the client forged the first entry
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: fall back
        (1, "geen-adres", "10.0.0.1"),
    ],
)
def test_client_ip_achter_vertrouwde_proxies(settings, proxies, xff, verwacht):
    settings.JENS_VERTROUWDE_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=xff)
    assert client_ip(request) == verwacht
