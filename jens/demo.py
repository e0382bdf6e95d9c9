"""Demo users: one per role, with scope. Used by ``manage.py seed_demo`` and by the tests."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
        resultaat.append((username, rol, pw))
    return resultaat
