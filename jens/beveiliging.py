"""Sign-in security: who needs a second factor (TOTP, django-otp), the session that ends after inactivity, and the
middleware that sends a signed-in user without a verified second factor to enrolment or verification.

The roles that see client data or the admin (``JENS_ROLLEN_MET_TWEEDE_FACTOR``, and every superuser) need both.
The API refuses such a user without a verified second factor in ``jens.permissions.RolRechten``."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from jens.roles import heeft_rol

LAATST_ACTIEF = "jens_laatst_actief"
# The moment of the last request is written to the session at most once a minute (not on every request).
SCHRIJF_INTERVAL_SECONDEN = 60

# Paths a signed-in user without a verified second factor may still open.
VRIJE_PADEN = ("/tweede-factor/", "/inloggen/", "/uitloggen/", "/wachtwoord-herstel/", "/static/", "/oidc/")


def vereist_tweede_factor(user) -> bool:
    """Does this user's role need a second factor (and an inactivity timeout)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return heeft_rol(user, *settings.JENS_ROLLEN_MET_TWEEDE_FACTOR)


def is_geverifieerd(user) -> bool:
    """Has this user verified a second factor in this session (django-otp's ``is_verified``)?"""
    controle = getattr(user, "is_verified", None)
    return bool(controle and controle())


def tweede_factor_in_orde(request) -> bool:
    """For the API: a user who needs a second factor verified it in this session, or signed in with an API token
    (which is only issued to a user with a confirmed second factor, see ``jens.tweede_factor``)."""
    user = request.user
    if not vereist_tweede_factor(user) or is_geverifieerd(user):
        return True
    if getattr(request, "auth", None) is not None:
        return user_has_device(user, confirmed=True)
    return False


@receiver(user_logged_in, dispatch_uid="jens.beveiliging.begin_sessie")
def _begin_sessie(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LAATST_ACTIEF] = int(time.time())


class SessieVerloopMiddleware:
    """Ends the session of a user whose role sees client data after ``JENS_SESSIE_INACTIEF_MINUTEN`` without a
    request; the login page then says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False):
            nu = int(time.time())
            laatst = request.session.get(LAATST_ACTIEF)
            grens = settings.JENS_SESSIE_INACTIEF_MINUTEN * 60
            if laatst is not None and nu - int(laatst) > grens and vereist_tweede_factor(user):
                logout(request)
                messages.warning(
                    request,
                    f"U bent uitgelogd omdat u {settings.JENS_SESSIE_INACTIEF_MINUTEN} minuten niets heeft gedaan. "
                    "Log opnieuw in.",
                )
                if request.path.startswith("/api/"):
                    return self.get_response(request)  # the API answers 401/403 for the anonymous request
                return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
            if laatst is None or nu - int(laatst) >= SCHRIJF_INTERVAL_SECONDEN:
                request.session[LAATST_ACTIEF] = nu
        return self.get_response(request)


class TweedeFactorMiddleware:
    """A signed-in user whose role needs a second factor and who has not verified one in this session only reaches
    the enrolment and verification pages (and logout); every other page redirects there. The API is guarded by
    the permission class (it also sees token sign-ins, which this middleware cannot)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        pad = request.path
        if (
            getattr(user, "is_authenticated", False)
            and not pad.startswith("/api/")
            and not pad.startswith(VRIJE_PADEN)
            and not is_geverifieerd(user)
            and vereist_tweede_factor(user)
        ):
            return redirect(f"{reverse('tweede-factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
