"""Shared fixtures: users per role with scope, API clients, and a clean cache per test."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from jens.models import Gebied, Gemeente


@pytest.fixture(autouse=True)
def _schone_cache_en_eager_celery(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # The "longer than two seconds goes to Celery" rule depends on the machine's speed; tests that check either
    # path set the threshold themselves, every other test gets the synchronous report whatever the load.
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "DASHBOARD_RAPPORT_SYNC_SECONDEN": 60}
    from jens.celery import app

    app.conf.task_always_eager = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def maak_gebruiker(db):
    """maak_gebruiker("gebiedsmanager", gebieden=["landgraaf"], gemeenten=["heerlen"]) -> User."""
    teller = {"n": 0}

    def _maak(
        rol: str | None = None,
        *,
        gemeenten=(),
        gebieden=(),
        username=None,
        superuser=False,
        tweede_factor=True,
        **extra,
    ):
        teller["n"] += 1
        User = get_user_model()
        user = User.objects.create_user(
            username=username or f"{rol or 'gebruiker'}{teller['n']}",
            password="Geheim-wachtwoord-1",
            email=f"{username or (rol or 'gebruiker') + str(teller['n'])}@jens.example",
            is_superuser=superuser,
            is_staff=superuser or extra.pop("is_staff", False),
            **extra,
        )
        if rol:
            user.groups.add(Group.objects.get(name=rol))
        if gemeenten:
            user.gemeenten.set(Gemeente.objects.filter(code__in=gemeenten))
        if gebieden:
            user.gebieden.set(Gebied.objects.filter(code__in=gebieden))
        if tweede_factor:
            # Every test user has a confirmed authenticator app (TOTP); tweede_factor=False makes one without.
            TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=True)
        return user

    return _maak


def _geverifieerd_toestel(user, *, aanmaken: bool = False):
    toestel = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if toestel is None and aanmaken:
        toestel = TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=True)
    return toestel


def markeer_geverifieerd(client, user, *, aanmaken: bool = False) -> None:
    """Mark the client's session as verified with the user's second factor, the way django_otp.login does
    (its session key holds the device's persistent id); nothing happens for a user without a device.
    ``aanmaken``: first give a user made outside ``maak_gebruiker`` a confirmed device."""
    toestel = _geverifieerd_toestel(user, aanmaken=aanmaken)
    if toestel is None:
        return
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = toestel.persistent_id
    sessie.save()


@pytest.fixture
def api_als(maak_gebruiker):
    """api_als("inkoper") or api_als(user) -> an APIClient signed in as that user."""

    def _client(rol_of_user=None, **kwargs):
        eigen = hasattr(rol_of_user, "pk")
        user = rol_of_user if eigen else maak_gebruiker(rol_of_user, **kwargs)
        # What django-otp's middleware puts on a user who verified a device in this session (force_authenticate
        # bypasses the middleware); a user without a device stays unverified and is refused where a role needs one.
        user.otp_device = _geverifieerd_toestel(user, aanmaken=eigen)
        user.is_verified = lambda: user.otp_device is not None
        client = APIClient()
        client.force_authenticate(user)
        client.user = user
        return client

    return _client


@pytest.fixture
def web_als(client, maak_gebruiker):
    """web_als("klachtenfunctionaris") -> Django test client logged in as a new user with that role."""

    def _web(rol_of_user=None, **kwargs):
        eigen = hasattr(rol_of_user, "pk")
        user = rol_of_user if eigen else maak_gebruiker(rol_of_user, **kwargs)
        client.force_login(user)
        markeer_geverifieerd(client, user, aanmaken=eigen)
        client.user = user
        return client

    return _web


@pytest.fixture
def gemeente(db):
    return lambda code: Gemeente.objects.get(code=code)


@pytest.fixture
def gebied(db):
    return lambda code: Gebied.objects.get(code=code)
