from datetime import date

import pytest

from complaints.models import Klacht, Status
from jens.models import Toegangslog

from .factories import KlachtFactory, door_workflow, moment

pytestmark = pytest.mark.django_db


def test_werklijst_op_termijn_met_te_laat_en_werkdagen(web_als, django_assert_max_num_queries):
    client = web_als("klachtenfunctionaris")
    oud = KlachtFactory(ontvangen_op=moment(date(2023, 3, 1)))
    nieuw = KlachtFactory()
    afgesloten = door_workflow(
        KlachtFactory(),
        ["oppakken", "in_behandeling", "afhandelen", "afsluiten"],
        client.user,
        afhandelen={"uitkomst": "opgelost"},
    )
    r = client.get("/klachten/")
    assert r.status_code == 200
    rijen = r.context["rijen"]
    assert [k.referentie for k, _ in rijen] == [oud.referentie, nieuw.referentie]
    assert rijen[0][0].te_laat and rijen[0][1] < 0
    assert not rijen[1][0].te_laat and rijen[1][1] >= 0
    html = r.content.decode()
    assert "(te laat)" in html and afgesloten.referentie not in html
    with django_assert_max_num_queries(20) as weinig:
        client.get("/klachten/")
    for _ in range(20):
        KlachtFactory()
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        r = client.get("/klachten/")
    assert len(r.context["rijen"]) == 22


def test_werklijst_filters(web_als, gemeente):
    client = web_als("klachtenfunctionaris")
    a = KlachtFactory(aard="privacy", gemeente=gemeente("voerendaal"))
    b = KlachtFactory(soort="melding_van_ongenoegen")
    door_workflow(b, ["oppakken"], client.user)

    def refs(**params):
        return [k.referentie for k, _ in client.get("/klachten/", params).context["rijen"]]

    assert refs(aard="privacy") == [a.referentie]
    assert refs(gemeente="voerendaal") == [a.referentie]
    assert refs(soort="melding_van_ongenoegen") == [b.referentie]
    assert refs(status="opgepakt") == [b.referentie]
    assert refs(te_laat="on") == []


def test_detail_met_tijdlijn_knoppen_en_logregel(web_als):
    client = web_als("klachtenfunctionaris")
    klacht = KlachtFactory(indiener_naam="Petra Ouder")
    r = client.get(f"/klachten/{klacht.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Petra Ouder" in html and "indiener" in html
    assert f'action="/klachten/{klacht.pk}/actie/oppakken/"' in html
    assert f'action="/klachten/{klacht.pk}/actie/intrekken/"' in html
    assert "/actie/afsluiten/" not in html
    assert Toegangslog.objects.filter(actie="inzien", object_id=str(klacht.pk), gebruiker=client.user).exists()


def test_actieknop_werkt_zonder_javascript(web_als):
    client = web_als("klachtenfunctionaris")
    klacht = KlachtFactory()
    r = client.post(f"/klachten/{klacht.pk}/actie/oppakken/", {"versie": 1, "notitie": "Gebeld"})
    assert r.status_code == 302
    klacht.refresh_from_db()
    assert klacht.status == Status.OPGEPAKT and klacht.opgepakt_door == client.user
    r = client.get(r["Location"])
    assert "Oppakken: gelukt." in r.content.decode() and "Gebeld" in r.content.decode()


def test_actieknop_met_oude_versie_geeft_409(web_als):
    client = web_als("klachtenfunctionaris")
    klacht = KlachtFactory()
    assert client.post(f"/klachten/{klacht.pk}/actie/oppakken/", {"versie": 1}).status_code == 302
    r = client.post(f"/klachten/{klacht.pk}/actie/intrekken/", {"versie": 1, "notitie": "Weg"})
    assert r.status_code == 409 and "intussen door iemand anders gewijzigd" in r.content.decode()
    assert Klacht.objects.get(pk=klacht.pk).status == Status.OPGEPAKT


def test_actieknop_fout_staat_bij_het_veld(web_als):
    client = web_als("klachtenfunctionaris")
    klacht = door_workflow(KlachtFactory(), ["oppakken", "in_behandeling"], client.user)
    r = client.post(f"/klachten/{klacht.pk}/actie/afhandelen/", {"versie": klacht.versie, "uitkomst": ""})
    assert r.status_code == 400
    assert 'id="id_afhandelen_uitkomst_fout"' in r.content.decode()
    assert Klacht.objects.get(pk=klacht.pk).status == Status.IN_BEHANDELING


def test_management_ziet_contact_maar_geen_knoppen(web_als):
    client = web_als("management")
    klacht = KlachtFactory(indiener_naam="Petra Ouder")
    html = client.get(f"/klachten/{klacht.pk}/").content.decode()
    assert "Petra Ouder" in html and "/actie/" not in html
    assert client.post(f"/klachten/{klacht.pk}/actie/oppakken/", {"versie": 1}).status_code == 403


@pytest.mark.parametrize(
    "rol", ["gemeente", "gebiedsmanager", "gedragswetenschapper", "inkoper", "functioneel_beheerder"]
)
def test_andere_rollen_geen_werklijst_of_detail(web_als, rol):
    klacht = KlachtFactory(indiener_naam="Petra Ouder")
    client = web_als(rol, gemeenten=["heerlen"])
    assert client.get("/klachten/").status_code == 403
    r = client.get(f"/klachten/{klacht.pk}/")
    assert r.status_code == 403 and "Petra Ouder" not in r.content.decode()


def test_onbekende_klacht_404(web_als):
    assert web_als("klachtenfunctionaris").get("/klachten/999999/").status_code == 404


def test_admin_voor_klachtenfunctionaris(web_als):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("kf-admin", password="x", is_staff=True)
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="klachtenfunctionaris"))
    client = web_als(user)
    klacht = KlachtFactory()
    assert client.get("/admin/complaints/klacht/").status_code == 200
    assert client.get(f"/admin/complaints/klacht/{klacht.pk}/change/").status_code == 200
    assert client.get(f"/admin/complaints/klacht/{klacht.pk}/history/").status_code == 200
    r = client.post(
        "/admin/complaints/klacht/add/",
        {
            "soort": "klacht",
            "kanaal": "telefoon",
            "ontvangen_op_0": "02-01-2023",
            "ontvangen_op_1": "10:00",
            "aard": klacht.aard.pk,
            "omschrijving": "Telefonisch ontvangen.",
            "stappen-TOTAL_FORMS": 0,
            "stappen-INITIAL_FORMS": 0,
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    nieuw = Klacht.objects.get(ontvangen_datum=date(2023, 1, 2))
    assert nieuw.referentie == "K-2023-0001" and nieuw.oppakken_uiterlijk == date(2023, 1, 9)


def test_admin_toont_regel_van_de_service_bij_het_veld(web_als, gemeente, gebied):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("kf-admin2", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="klachtenfunctionaris"))
    klacht = KlachtFactory()
    r = web_als(user).post(
        f"/admin/complaints/klacht/{klacht.pk}/change/",
        {
            "soort": "klacht",
            "aard": klacht.aard.pk,
            "omschrijving": klacht.omschrijving,
            "gemeente": gemeente("voerendaal").pk,
            "gebied": gebied("landgraaf").pk,
            "gezien_versie": 1,
            "stappen-TOTAL_FORMS": 1,
            "stappen-INITIAL_FORMS": 1,
            "stappen-0-id": klacht.stappen.get().pk,
            "stappen-0-klacht": klacht.pk,
        },
    )
    assert r.status_code == 200
    assert "hoort niet bij gemeente Voerendaal" in " ".join(r.context["adminform"].form.errors["gebied"])
    klacht.refresh_from_db()
    assert (klacht.gemeente, klacht.gebied, klacht.versie) == (None, None, 1)


def _admin_klachtenfunctionaris(web_als, naam: str):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(naam, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="klachtenfunctionaris"))
    return web_als(user)


def test_admin_ontvangst_in_de_toekomst_is_een_fout_bij_het_veld(web_als):
    from datetime import timedelta

    from django.utils import timezone

    client = _admin_klachtenfunctionaris(web_als, "kf-admin3")
    aard = KlachtFactory().aard
    later = timezone.localdate() + timedelta(days=3)
    r = client.post(
        "/admin/complaints/klacht/add/",
        {
            "soort": "klacht",
            "kanaal": "brief",
            "ontvangen_op_0": f"{later:%d-%m-%Y}",
            "ontvangen_op_1": "10:00",
            "aard": aard.pk,
            "omschrijving": "Per brief ontvangen.",
            "stappen-TOTAL_FORMS": 0,
            "stappen-INITIAL_FORMS": 0,
        },
    )
    assert r.status_code == 200
    assert "toekomst" in " ".join(r.context["adminform"].form.errors["ontvangen_op"])
    assert Klacht.objects.count() == 1


def test_admin_gesloten_klacht_wijzigen_geeft_melding_geen_fout_500(web_als):
    from complaints import services

    client = _admin_klachtenfunctionaris(web_als, "kf-admin4")
    klacht = KlachtFactory()
    klacht = services.voer_actie(
        klacht=klacht, actie="intrekken", door=client.user, versie=klacht.versie, notitie="Indiener trekt in."
    )
    stappen = list(klacht.stappen.all())
    r = client.post(
        f"/admin/complaints/klacht/{klacht.pk}/change/",
        {
            "soort": "klacht",
            "aard": klacht.aard.pk,
            "omschrijving": "Andere tekst",
            "gezien_versie": klacht.versie,
            "stappen-TOTAL_FORMS": len(stappen),
            "stappen-INITIAL_FORMS": len(stappen),
            **{f"stappen-{i}-id": s.pk for i, s in enumerate(stappen)},
            **{f"stappen-{i}-klacht": klacht.pk for i in range(len(stappen))},
        },
    )
    assert r.status_code == 200
    assert "kan niet meer worden gewijzigd" in " ".join(r.context["adminform"].form.non_field_errors())
    klacht.refresh_from_db()
    assert klacht.omschrijving != "Andere tekst" and klacht.versie == 2


def test_admin_overschrijft_geen_wijziging_van_een_ander(web_als):
    from complaints import services

    client = _admin_klachtenfunctionaris(web_als, "kf-admin5")
    klacht = KlachtFactory()
    formulier = client.get(f"/admin/complaints/klacht/{klacht.pk}/change/").content.decode()
    assert 'name="gezien_versie"' in formulier and 'value="1"' in formulier
    services.wijzig_klacht(klacht=klacht, door=client.user, versie=1, betreft="Team Heerlen-Noord")
    stappen = list(klacht.stappen.all())
    r = client.post(
        f"/admin/complaints/klacht/{klacht.pk}/change/",
        {
            "soort": "klacht",
            "aard": klacht.aard.pk,
            "omschrijving": klacht.omschrijving,
            "betreft": "",
            "gezien_versie": 1,
            "stappen-TOTAL_FORMS": 2,
            "stappen-INITIAL_FORMS": 2,
            **{f"stappen-{i}-id": s.pk for i, s in enumerate(stappen)},
            **{f"stappen-{i}-klacht": klacht.pk for i in range(len(stappen))},
        },
    )
    assert r.status_code == 200
    assert "door iemand anders gewijzigd" in " ".join(r.context["adminform"].form.non_field_errors())
    klacht.refresh_from_db()
    assert (klacht.betreft, klacht.versie) == ("Team Heerlen-Noord", 2)


def test_admin_biedt_geen_inactieve_aard_aan(web_als):
    from complaints.models import Aard

    client = _admin_klachtenfunctionaris(web_als, "kf-admin6")
    oud = Aard.objects.create(code="oud", naam="Oude categorie", actief=False)
    r = client.post(
        "/admin/complaints/klacht/add/",
        {
            "soort": "klacht",
            "kanaal": "telefoon",
            "ontvangen_op_0": "02-01-2023",
            "ontvangen_op_1": "10:00",
            "aard": oud.pk,
            "omschrijving": "Telefonisch ontvangen.",
            "stappen-TOTAL_FORMS": 0,
            "stappen-INITIAL_FORMS": 0,
        },
    )
    assert r.status_code == 200 and "aard" in r.context["adminform"].form.errors
    assert not Klacht.objects.exists()


def test_tijdlijn_noemt_de_stappen_in_woorden(web_als):
    client = web_als("klachtenfunctionaris")
    klacht = door_workflow(KlachtFactory(), ["oppakken", "in_behandeling"], client.user)
    html = client.get(f"/klachten/{klacht.pk}/").content.decode()
    assert "<td>Ontvangen</td>" in html and "<td>In behandeling nemen</td>" in html
    assert "<td>in_behandeling</td>" not in html
