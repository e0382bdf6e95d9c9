"""Meldcode not followed -> investigated: the share counts every case that should have been investigated
(a recorded deviation from the Meldcode), not only the investigations started."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases import selectors, services
from cases.models import MeldcodeAfwijking, Onderzoek
from jens.periode import Periode

from .factories import JeugdigeFactory, MeldcodeTrajectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(date(2023, 7, 15))]

H1 = Periode(date(2023, 1, 1), date(2023, 6, 30), "2023H1")


def _afwijking(jeugdige=None, op=date(2023, 3, 1), **kw):
    return services.registreer_meldcode_afwijking(
        jeugdige=jeugdige or JeugdigeFactory(),
        soort=kw.pop("soort", MeldcodeAfwijking.Soort.NIET_GESTART),
        vastgesteld_op=op,
        toelichting=kw.pop("toelichting", "Signalen niet opgepakt."),
        **kw,
    )


def test_aandeel_onderzocht_telt_alle_afwijkingen_ook_zonder_onderzoek(django_assert_num_queries):
    eerste, tweede, _derde = _afwijking(), _afwijking(), _afwijking()
    _afwijking(op=date(2023, 7, 1))  # outside the period
    onderzoek = services.start_onderzoek(
        jeugdige=eerste.jeugdige,
        reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD,
        gestart_op=date(2023, 3, 5),
        afwijking=eerste,
    )
    services.rond_onderzoek_af(onderzoek=onderzoek, op=date(2023, 4, 1), bevindingen="Niet gezien.", maatregelen="")
    services.start_onderzoek(
        jeugdige=tweede.jeugdige,
        reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD,
        gestart_op=date(2023, 3, 6),
        afwijking=tweede,
    )
    with django_assert_num_queries(1):
        cijfers = selectors.meldcode_afwijking_cijfers(H1)
    assert (cijfers["aantal"], cijfers["onderzocht"], cijfers["onderzoek_afgerond"]) == (3, 2, 1)
    assert str(cijfers["onderzocht_pct"]) == "66.7" and cijfers["norm"] == 100
    # the old figure (investigations started, of which completed) would have said 2 investigations, 50% done
    assert selectors.meldcode_cijfers(H1)["onderzoeken_niet_gevolgd"] == 2


def test_onderzoek_zonder_afwijking_legt_er_een_vast_en_telt_mee():
    j = JeugdigeFactory()
    onderzoek = services.start_onderzoek(
        jeugdige=j, reden=Onderzoek.Reden.MELDCODE_NIET_GEVOLGD, gestart_op=date(2023, 2, 1)
    )
    afwijking = MeldcodeAfwijking.objects.get()
    assert afwijking.onderzoek == onderzoek and afwijking.soort == "bij_onderzoek"
    assert selectors.meldcode_afwijking_cijfers(H1)["onderzocht_pct"] == 100


def test_gemeente_ziet_alleen_eigen_afwijkingen():
    from jens.models import Gebied

    _afwijking(JeugdigeFactory())
    _afwijking(JeugdigeFactory(gebied=Gebied.objects.get(code="landgraaf")))
    heerlen = Gebied.objects.get(code="heerlen-1").gemeente
    assert selectors.meldcode_afwijking_cijfers(H1, gemeente=heerlen)["aantal"] == 1
    gemaskeerd = selectors.maskeer(selectors.meldcode_afwijking_cijfers(H1, gemeente=heerlen))
    assert gemaskeerd["aantal"] == "<5" and gemaskeerd["onderzocht_pct"] is None


@pytest.mark.parametrize(
    ("kw", "veld"),
    [
        ({"soort": "onzin"}, "soort"),
        ({"soort": "bij_onderzoek"}, "soort"),  # only the investigation records that kind
        ({"toelichting": "  "}, "toelichting"),
        ({"op": date(2023, 8, 1)}, "vastgesteld_op"),
        ({"soort": "stap_overgeslagen", "stap": 2}, "traject"),
        ({"stap": 2}, "stap"),
    ],
)
def test_afwijking_weigert_foute_invoer_en_schrijft_niets(kw, veld):
    with pytest.raises(ValidationError) as fout:
        _afwijking(**kw)
    assert veld in fout.value.message_dict
    assert not MeldcodeAfwijking.objects.exists()


def test_overgeslagen_stap_hoort_bij_het_traject_en_een_keer():
    traject = MeldcodeTrajectFactory()
    kw = {"soort": "stap_overgeslagen", "traject": traject, "jeugdige": traject.jeugdige, "op": date(2023, 3, 10)}
    with pytest.raises(ValidationError) as fout:
        _afwijking(**kw, stap=7)
    assert fout.value.message_dict["stap"] == ["Kies de overgeslagen stap (1 tot en met 5)."]
    with pytest.raises(ValidationError) as fout:
        _afwijking(**{**kw, "jeugdige": JeugdigeFactory()}, stap=2)
    assert "andere jeugdige" in fout.value.message_dict["traject"][0]
    with pytest.raises(ValidationError) as fout:
        _afwijking(**{**kw, "op": date(2023, 2, 1)}, stap=2)
    assert "voor de start van het traject" in fout.value.message_dict["vastgesteld_op"][0]
    assert _afwijking(**kw, stap=2).pk
    with pytest.raises(ValidationError) as fout:
        _afwijking(**kw, stap=2)
    assert fout.value.message_dict["stap"] == ["Stap 2 is al als overgeslagen vastgelegd."]
    assert MeldcodeAfwijking.objects.count() == 1


def test_onderzoek_van_een_afwijking_weigert_dubbel_andere_reden_en_andere_jeugdige():
    afwijking = _afwijking()
    j = afwijking.jeugdige
    niet_gevolgd = Onderzoek.Reden.MELDCODE_NIET_GEVOLGD
    for kw, veld in (
        ({"jeugdige": JeugdigeFactory(), "reden": niet_gevolgd}, "afwijking"),
        ({"jeugdige": j, "reden": Onderzoek.Reden.VT_NIET_TIJDIG_OPGEVOLGD}, "veilig_thuis_melding"),
        ({"jeugdige": j, "reden": niet_gevolgd, "gestart_op": date(2023, 2, 1)}, "gestart_op"),
    ):
        with pytest.raises(ValidationError) as fout:
            services.start_onderzoek(afwijking=afwijking, **{"gestart_op": date(2023, 3, 2), **kw})
        assert veld in fout.value.message_dict
    services.start_onderzoek(jeugdige=j, reden=niet_gevolgd, gestart_op=date(2023, 3, 2), afwijking=afwijking)
    with pytest.raises(ValidationError) as fout:
        services.start_onderzoek(jeugdige=j, reden=niet_gevolgd, gestart_op=date(2023, 3, 3), afwijking=afwijking)
    assert fout.value.message_dict["afwijking"] == ["Deze afwijking wordt al onderzocht."]
    assert Onderzoek.objects.count() == 1 and MeldcodeAfwijking.objects.count() == 1


def test_databaseregels_afwijking():
    traject = MeldcodeTrajectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeldcodeAfwijking.objects.create(
            jeugdige=traject.jeugdige, soort="stap_overgeslagen", vastgesteld_op=date(2023, 3, 1), traject=traject
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        MeldcodeAfwijking.objects.create(
            jeugdige=traject.jeugdige, soort="niet_gestart", vastgesteld_op=date(2023, 3, 1), stap=2
        )
    MeldcodeAfwijking.objects.create(
        jeugdige=traject.jeugdige, soort="stap_overgeslagen", vastgesteld_op=date(2023, 3, 1), traject=traject, stap=3
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        MeldcodeAfwijking.objects.create(
            jeugdige=traject.jeugdige,
            soort="stap_overgeslagen",
            vastgesteld_op=date(2023, 3, 2),
            traject=traject,
            stap=3,
        )


def test_api_gedragswetenschapper_legt_vast_management_leest_zonder_toelichting_anderen_niets(api_als):
    j = JeugdigeFactory()
    gw = api_als("gedragswetenschapper", gebieden=["heerlen-1"])
    r = gw.post(
        "/api/v1/meldcode-afwijkingen/",
        {"jeugdige": j.pk, "soort": "niet_gestart", "vastgesteld_op": "2023-03-01", "toelichting": "Niet opgepakt."},
        format="json",
    )
    assert r.status_code == 201, r.data
    fout = gw.post(
        "/api/v1/meldcode-afwijkingen/",
        {"jeugdige": j.pk, "soort": "niet_gestart", "vastgesteld_op": "2023-03-01", "toelichting": ""},
        format="json",
    )
    assert fout.status_code == 400 and "toelichting" in fout.data
    buiten = api_als("gedragswetenschapper", gebieden=["landgraaf"]).get("/api/v1/meldcode-afwijkingen/")
    assert buiten.status_code == 200 and buiten.data["count"] == 0
    m = api_als("management").get("/api/v1/meldcode-afwijkingen/")
    assert m.status_code == 200 and m.data["results"][0]["soort"] == "niet_gestart"
    assert "toelichting" not in m.data["results"][0]
    assert api_als("management").post("/api/v1/meldcode-afwijkingen/", {}, format="json").status_code == 403
    for rol in ("inkoper", "gemeente"):
        assert api_als(rol).get("/api/v1/meldcode-afwijkingen/").status_code == 403
    rapport = api_als("gemeente", gemeenten=["heerlen"]).get("/api/v1/rapportages/casuistiek/", {"periode": "2023H1"})
    assert rapport.data["meldcode_afwijkingen"]["aantal"] == "<5"
