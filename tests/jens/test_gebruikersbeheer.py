"""The functioneel beheerder manages roles and scope of other users, and nothing that would raise its own rights."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from jens import gebruikers
from jens.models import Gebied, Gemeente

pytestmark = pytest.mark.django_db


def _gegevens(user, **wijzig):
    """The POST data of the restricted change form for ``user`` as it stands, with changes."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "groups": [g.pk for g in user.groups.all()],
        "gemeenten": [g.pk for g in user.gemeenten.all()],
        "gebieden": [g.pk for g in user.gebieden.all()],
    }
    data.update(wijzig)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker("functioneel_beheerder", is_staff=True)


@pytest.fixture
def beheer_web(web_als, beheerder):
    return web_als(beheerder)


def test_beheerder_geeft_een_ander_een_rol_en_scope(beheer_web, maak_gebruiker):
    collega = maak_gebruiker("inkoper")
    gw = Group.objects.get(name="gedragswetenschapper")
    gebied = Gebied.objects.get(code="heerlen-1")
    antwoord = beheer_web.post(
        f"/admin/auth/user/{collega.pk}/change/", _gegevens(collega, groups=[gw.pk], gebieden=[gebied.pk])
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    collega.refresh_from_db()
    assert list(collega.groups.values_list("name", flat=True)) == ["gedragswetenschapper"]
    assert list(collega.gebieden.values_list("code", flat=True)) == ["heerlen-1"]
    assert not collega.is_superuser


def test_beheerder_kan_zichzelf_geen_superuser_maken(beheer_web, beheerder):
    # The stock admin accepted this; now the own account is read-only (403 on POST) and is_superuser is no field.
    antwoord = beheer_web.post(
        f"/admin/auth/user/{beheerder.pk}/change/",
        _gegevens(beheerder, is_superuser="on", user_permissions=[1]),
    )
    assert antwoord.status_code == 403
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser
    assert beheerder.user_permissions.count() == 0


def test_beheerder_ziet_het_eigen_account_alleen_lezen(beheer_web, beheerder):
    antwoord = beheer_web.get(f"/admin/auth/user/{beheerder.pk}/change/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert (
        'name="groups"' not in html
        and 'name="is_superuser"' not in html
        and 'type="submit"' not in html.split("<form", 2)[-1].split("</form>")[0].replace('value="Zoeken"', "")
    )


def test_superuser_veld_wordt_genegeerd_bij_een_ander(beheer_web, maak_gebruiker):
    collega = maak_gebruiker("inkoper")
    antwoord = beheer_web.post(
        f"/admin/auth/user/{collega.pk}/change/",
        _gegevens(collega, is_superuser="on", user_permissions=[1]),
    )
    assert antwoord.status_code == 302
    collega.refresh_from_db()
    assert not collega.is_superuser
    assert collega.user_permissions.count() == 0


def test_de_rol_functioneel_beheerder_kent_alleen_een_superuser_toe(beheer_web, maak_gebruiker):
    collega = maak_gebruiker("inkoper")
    fb = Group.objects.get(name="functioneel_beheerder")
    antwoord = beheer_web.post(f"/admin/auth/user/{collega.pk}/change/", _gegevens(collega, groups=[fb.pk]))
    assert antwoord.status_code == 200  # the form again, with the error
    assert "geen beschikbare keuze" in antwoord.content.decode()  # the role is not offered to a beheerder
    assert list(collega.groups.values_list("name", flat=True)) == ["inkoper"]


@pytest.mark.parametrize("soort", ["superuser", "functioneel_beheerder"])
def test_beheerder_wijzigt_geen_superuser_of_andere_beheerder(beheer_web, maak_gebruiker, soort):
    doel = maak_gebruiker(None, superuser=True) if soort == "superuser" else maak_gebruiker("functioneel_beheerder")
    antwoord = beheer_web.post(f"/admin/auth/user/{doel.pk}/change/", _gegevens(doel, groups=[], is_active=None))
    assert antwoord.status_code == 403
    doel.refresh_from_db()
    assert doel.is_active
    # Nor its password: that would be a way into the account.
    antwoord = beheer_web.post(
        f"/admin/auth/user/{doel.pk}/password/",
        {"password1": "Nieuw-wachtwoord-99", "password2": "Nieuw-wachtwoord-99", "usable_password": "true"},
    )
    assert antwoord.status_code == 403
    doel.refresh_from_db()
    assert doel.check_password("Geheim-wachtwoord-1")


def test_beheerder_wijzigt_zijn_eigen_scope_niet_via_de_gemeentepagina(beheer_web, beheerder):
    heerlen = Gemeente.objects.get(code="heerlen")
    html = beheer_web.get(f"/admin/jens/gemeente/{heerlen.pk}/change/").content.decode()
    assert 'name="gebruikers"' not in html
    beheer_web.post(
        f"/admin/jens/gemeente/{heerlen.pk}/change/",
        {
            "naam": heerlen.naam,
            "code": heerlen.code,
            "gebruikers": [beheerder.pk],
            "gebieden-TOTAL_FORMS": "0",
            "gebieden-INITIAL_FORMS": "0",
        },
    )
    assert not heerlen.gebruikers.filter(pk=beheerder.pk).exists()


def test_andere_rollen_zien_het_gebruikersbeheer_niet(web_als, maak_gebruiker):
    inkoper = maak_gebruiker("inkoper", is_staff=True)
    client = web_als(inkoper)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get(f"/admin/auth/user/{inkoper.pk}/change/").status_code == 403


def test_superuser_houdt_het_volledige_beheer(web_als, maak_gebruiker):
    su = maak_gebruiker(None, superuser=True)
    fb = maak_gebruiker("functioneel_beheerder")
    client = web_als(su)
    html = client.get(f"/admin/auth/user/{fb.pk}/change/").content.decode()
    assert 'name="is_superuser"' in html and 'name="gemeenten"' in html


def test_service_weigert_elke_escalatie(maak_gebruiker):
    beheerder = maak_gebruiker("functioneel_beheerder")
    fb = Group.objects.get(name="functioneel_beheerder")
    collega = maak_gebruiker("inkoper")
    with pytest.raises(PermissionDenied, match="eigen rechten"):
        gebruikers.wijzig_rechten(door=beheerder, gebruiker=beheerder, rollen=[fb], gemeenten=[], gebieden=[])
    with pytest.raises(ValidationError) as fout:
        gebruikers.wijzig_rechten(door=beheerder, gebruiker=collega, rollen=[fb], gemeenten=[], gebieden=[])
    assert "functioneel beheerder" in str(fout.value.message_dict["groups"])
    assert list(collega.groups.values_list("name", flat=True)) == ["inkoper"]
    with pytest.raises(PermissionDenied, match="superuser"):
        gebruikers.wijzig_rechten(
            door=beheerder, gebruiker=maak_gebruiker(None, superuser=True), rollen=[], gemeenten=[], gebieden=[]
        )
    with pytest.raises(PermissionDenied, match="geen gebruikers"):
        gebruikers.wijzig_rechten(
            door=maak_gebruiker("management"), gebruiker=collega, rollen=[], gemeenten=[], gebieden=[]
        )
    assert get_user_model().objects.filter(is_superuser=True, groups__name="functioneel_beheerder").count() == 0
