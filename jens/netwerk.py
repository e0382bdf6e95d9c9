"""The visitor's IP address, also behind reverse proxies we trust (for the access log and rate limits)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind ``JENS_VERTROUWDE_PROXIES`` (n) reverse proxies the n-th address from the right in
    X-Forwarded-For: each trusted proxy appends the address it received from, so that one cannot be forged."""
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    aantal = settings.JENS_VERTROUWDE_PROXIES
    if aantal <= 0:
        return remote
    doorgestuurd = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(doorgestuurd) < aantal:
        return remote
    kandidaat = doorgestuurd[-aantal]
    try:
        return str(ipaddress.ip_address(kandidaat))
    except ValueError:
        return remote
