"""Demo users: one per role, with scope. Used by ``manage.py seed_demo`` and by the tests."""

import os
import secrets
from base64 import b32decode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from jens.models import Gebied, Gemeente

# username, full name, role, gemeente codes, gebied codes, uses the admin
DEMO_GEBRUIKERS = [
    ("inkoper", "Ingrid Inkoper", "inkoper", [], [], True),
    ("klachten", "Karim Klachtenfunctionaris", "klachtenfunctionaris", [], [], True),
    ("gebiedsmanager", "Gerda Gebiedsmanager (Landgraaf)", "gebiedsmanager", [], ["landgraaf"], False),
    (
        "gedragswetenschapper",
        "Daan Gedragswetenschapper (Heerlen 1 en 2)",
        "gedragswetenschapper",
        [],
        ["heerlen-1", "heerlen-2"],
        False,
    ),
    ("management", "Mila Management", "management", [], [], False),
    ("gemeente", "Gijs Gemeente Heerlen", "gemeente", ["heerlen"], [], False),
    ("beheerder", "Bea Functioneel beheerder", "functioneel_beheerder", [], [], True),
]


# Every demo user shares one documented TOTP secret (base32, for any authenticator app or `oathtool --totp -b`),
# so that `make run` stays usable; JENS_DEMO_TOTP_GEHEIM sets another. Demo data only: never a real account.
DEMO_TOTP_GEHEIM = "JENSDEMOJENSDEMOJENSDEMOJENSDEMO"


def demo_totp_geheim() -> str:
    return (os.environ.get("JENS_DEMO_TOTP_GEHEIM") or DEMO_TOTP_GEHEIM).replace(" ", "").upper()


def demo_totp_code() -> str:
    """The code an authenticator app with the demo secret shows now."""
    return f"{TOTP(b32decode(demo_totp_geheim())).token():06d}"


def maak_demo_gebruikers(wachtwoord: str | None = None) -> list[tuple[str, str, str]]:
    """Create or update the demo users; returns (username, role, password) per user.

    Without ``wachtwoord`` each user gets a new random password (printed by seed_demo)."""
    User = get_user_model()
    resultaat = []
    for username, naam, rol, gemeenten, gebieden, staff in DEMO_GEBRUIKERS:
        voornaam, _, achternaam = naam.partition(" ")
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = voornaam, achternaam
        user.email = f"{username}@jens.example"
        user.is_staff = staff
        user.is_active = True
        pw = wachtwoord or secrets.token_urlsafe(9)
        user.set_password(pw)
        user.save()
        user.groups.set([Group.objects.get(name=rol)])
        user.gemeenten.set(Gemeente.objects.filter(code__in=gemeenten))
        user.gebieden.set(Gebied.objects.filter(code__in=gebieden))
        TOTPDevice.objects.update_or_create(
            user=user,
            name="demo",
            defaults={"key": b32decode(demo_totp_geheim()).hex(), "confirmed": True},
        )
        resultaat.append((username, rol, pw))
    return resultaat


# The satisfaction scores JENS reports each year. The reference data (shared/reference) and the glossary hold no
# survey figures: these scores, norms and respondent counts are DEMO VALUES, chosen plausible (report marks on a
# scale of 1 to 10), not published figures.
TEVREDENHEID_DEMO = [
    # (soort, jaar, score, norm, respondenten)
    ("client", 2021, "7.9", "7.5", 412),
    ("medewerker", 2021, "7.3", "7.0", 138),
    ("stakeholder", 2021, "7.1", "7.0", 46),
    ("client", 2022, "8.0", "7.5", 436),
    ("medewerker", 2022, "7.2", "7.0", 151),
    ("stakeholder", 2022, "6.8", "7.0", 52),
    ("client", 2023, "7.8", "7.5", 398),
    ("medewerker", 2023, "7.4", "7.0", 162),
    ("stakeholder", 2023, "7.2", "7.0", 49),
]


def seed(stdout) -> None:
    """The demo survey scores, through the same service as beheer; idempotent."""
    from decimal import Decimal

    from jens.models import Tevredenheidsmeting
    from jens.tevredenheid import sla_meting_op

    bestaand = set(Tevredenheidsmeting.objects.values_list("soort", "jaar", "periode"))
    nieuw = 0
    for soort, jaar, score, norm, respondenten in TEVREDENHEID_DEMO:
        if (soort, jaar, "jaar") in bestaand:
            continue
        sla_meting_op(
            soort=soort,
            jaar=jaar,
            periode="jaar",
            score=Decimal(score),
            norm=Decimal(norm),
            respondenten=respondenten,
            bron="demo (geen gepubliceerd cijfer)",
        )
        nieuw += 1
    stdout.write(f"jens: {nieuw} tevredenheidsmetingen (demowaarden)")
