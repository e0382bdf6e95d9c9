import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from jens.roles import Rol, gewenste_rechten, heeft_rol, sync_rolrechten

BASIS = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_alle_rollen_bestaan_als_groep():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Rol}


@pytest.mark.django_db
def test_groepen_krijgen_precies_de_gedeclareerde_rechten():
    beheer = Group.objects.get(name="functioneel_beheerder")
    assert beheer.permissions.filter(codename="change_sluitingsdag").exists()
    gemeente = Group.objects.get(name="gemeente")
    assert not gemeente.permissions.filter(codename="change_sluitingsdag").exists()
    # A permission added by hand is taken away again: the code is the single source.
    from django.contrib.auth.models import Permission

    gemeente.permissions.add(Permission.objects.get(codename="delete_sluitingsdag"))
    sync_rolrechten()
    assert not gemeente.permissions.filter(codename="delete_sluitingsdag").exists()
    for rol, rechten in gewenste_rechten().items():
        groep = Group.objects.get(name=rol)
        assert {(p.content_type.app_label, p.codename) for p in groep.permissions.all()} == rechten


def test_heeft_rol(maak_gebruiker):
    user = maak_gebruiker("gemeente", gemeenten=["heerlen"])
    assert heeft_rol(user, "gemeente")
    assert not heeft_rol(user, "management", "inkoper")
    assert heeft_rol(maak_gebruiker(superuser=True), "management")


def test_seed_demo_maakt_een_gebruiker_per_rol_en_is_herhaalbaar(db, monkeypatch, capsys):
    monkeypatch.setenv("JENS_DEMO_WACHTWOORD", "Demo-wachtwoord-123")
    call_command("seed_demo")
    from django.contrib.auth import get_user_model

    User = get_user_model()
    aantal = User.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == aantal
    for rol in Rol:
        assert User.objects.filter(groups__name=rol.value).exists(), rol
    assert User.objects.get(username="gebiedsmanager").gebieden.get().code == "landgraaf"
    assert User.objects.get(username="management").check_password("Demo-wachtwoord-123")
    uit = capsys.readouterr().out
    assert "Demo-wachtwoord-123" in uit
    # the scan ran at the end of the seed: the home pages are filled at once, the backlog is not e-mailed
    from jens.models import Signalering
    from jens.signaleringen import open_signaleringen_voor

    open_ = Signalering.objects.open()
    assert f"Signaleringen: {open_.count()} open" in uit
    assert not open_.filter(genotificeerd_op__isnull=True).exists()
    for naam in ("klachten", "gedragswetenschapper"):
        assert open_signaleringen_voor(User.objects.get(username=naam)).exists(), naam


def test_productieprofiel_eist_geheime_sleutel_en_hosts():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_PROFILE"] = "production"
    fout = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"], cwd=BASIS, env=env, capture_output=True, text=True, check=False
    )
    assert fout.returncode != 0
    assert "DJANGO_SECRET_KEY" in fout.stderr
    env.update(DJANGO_SECRET_KEY="x" * 60 + "-abcdefghijklmnop", DJANGO_ALLOWED_HOSTS="werkplaats.jens.example")
    goed = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASIS,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert goed.returncode == 0, goed.stdout + goed.stderr
