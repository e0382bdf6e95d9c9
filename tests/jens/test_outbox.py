"""The e-mail outbox with the mail server down: retried for ever with a doubling wait (capped), only due messages
read, a signalering for the functioneel beheerder when it gets stuck, resolved when the outbox drains."""

import socket
from datetime import timedelta

import pytest
from django.core import mail

from jens import mail as outbox
from jens.models import EmailBericht, Signalering
from jens.tasks import verstuur_openstaande_emails
from tests import klok

BEGIN = klok.KERSTAVOND
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(BEGIN, tick=False)]


@pytest.fixture
def smtp_plat(settings):
    """Django's SMTP backend pointed at a real port on loopback that nobody listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", poort
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2
    return settings


def _smtp_weer_op(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _zet_in_outbox(django_capture_on_commit_callbacks, onderwerp="Bevestiging"):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue_email(aan=["a@jens.example"], onderwerp=onderwerp, tekst="Uw klacht is ontvangen.")
    return EmailBericht.objects.get(onderwerp=onderwerp)


def test_wachttijd_verdubbelt_tot_het_maximum(settings):
    minuten = [outbox.wachttijd(n) / timedelta(minutes=1) for n in range(1, 10)]
    assert minuten == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert outbox.wachttijd(10_000) == timedelta(hours=1)
    settings.JENS_MAIL_WACHTTIJD_MAX_MINUTEN = 10
    assert outbox.wachttijd(5) == timedelta(minutes=10)


def test_smtp_plat_opnieuw_met_terugval_en_alleen_wat_aan_de_beurt_is(
    smtp_plat, django_capture_on_commit_callbacks, time_machine
):
    bericht = _zet_in_outbox(django_capture_on_commit_callbacks)  # the first attempt right after commit fails
    assert bericht.pogingen == 1 and bericht.verzonden_op is None
    assert "Connection refused" in bericht.laatste_fout or "ConnectionRefused" in bericht.laatste_fout
    assert bericht.volgende_poging_op == BEGIN + timedelta(minutes=1)
    # Not due yet: the periodic run does not touch it.
    assert verstuur_openstaande_emails.delay().get() == 0
    bericht.refresh_from_db()
    assert bericht.pogingen == 1
    # Each run at the due moment tries once more; the waits double up to an hour.
    nu, wachttijden = BEGIN, []
    for _ in range(8):
        bericht.refresh_from_db()
        wachttijden.append((bericht.volgende_poging_op - nu) / timedelta(minutes=1))
        nu = bericht.volgende_poging_op
        time_machine.move_to(nu)
        assert outbox.verstuur_openstaande() == 0
    assert wachttijden == [1, 2, 4, 8, 16, 32, 60, 60]
    bericht.refresh_from_db()
    assert bericht.pogingen == 9
    # Long past the old limit of 20 attempts it is still kept and tried.
    EmailBericht.objects.filter(pk=bericht.pk).update(pogingen=500, volgende_poging_op=nu)
    assert outbox.verstuur_openstaande() == 0
    bericht.refresh_from_db()
    assert bericht.pogingen == 501 and bericht.volgende_poging_op == nu + timedelta(hours=1)
    _smtp_weer_op(smtp_plat)
    time_machine.move_to(bericht.volgende_poging_op)
    assert outbox.verstuur_openstaande() == 1
    assert [m.subject for m in mail.outbox] == ["Bevestiging"]
    assert outbox.verstuur_openstaande() == 0  # never twice


def test_signalering_na_herhaald_mislukken_en_opgelost_als_de_outbox_leeg_is(
    smtp_plat, django_capture_on_commit_callbacks, time_machine, maak_gebruiker
):
    beheerder = maak_gebruiker("functioneel_beheerder")
    bericht = _zet_in_outbox(django_capture_on_commit_callbacks)
    for _ in range(3):  # attempts 2, 3, 4: below the default of 5
        bericht.refresh_from_db()
        time_machine.move_to(bericht.volgende_poging_op)
        outbox.verstuur_openstaande()
    assert not Signalering.objects.filter(soort=outbox.SIGNALERING_SOORT).exists()
    bericht.refresh_from_db()
    time_machine.move_to(bericht.volgende_poging_op)
    with django_capture_on_commit_callbacks(execute=True):
        outbox.verstuur_openstaande()  # the 5th failure
    signalering = Signalering.objects.get(soort=outbox.SIGNALERING_SOORT)
    assert signalering.opgelost_op is None
    assert [g.name for g in signalering.verantwoordelijke_groepen.all()] == ["functioneel_beheerder"]
    assert "1 bericht(en)" in signalering.omschrijving and "24-12-2027 10:00" in signalering.omschrijving
    assert signalering.url.startswith("/admin/jens/emailbericht/")
    from jens.signaleringen import open_signaleringen_voor

    assert list(open_signaleringen_voor(beheerder)) == [signalering]
    # The notice to the beheerder is itself a message in the (stuck) outbox: kept, not lost.
    assert EmailBericht.objects.filter(aan=[beheerder.email], verzonden_op=None).exists()
    # Further failures raise nothing new.
    bericht.refresh_from_db()
    time_machine.move_to(bericht.volgende_poging_op)
    outbox.verstuur_openstaande()
    assert Signalering.objects.filter(soort=outbox.SIGNALERING_SOORT).count() == 1
    # The mail server is back: every due message goes out and the signalering is resolved.
    _smtp_weer_op(smtp_plat)
    time_machine.move_to(BEGIN + timedelta(days=1))
    assert outbox.verstuur_openstaande() == EmailBericht.objects.count()
    assert not EmailBericht.objects.filter(verzonden_op=None).exists()
    signalering.refresh_from_db()
    assert signalering.opgelost_op is not None


def test_signalering_als_een_bericht_te_lang_wacht(settings, django_capture_on_commit_callbacks, time_machine):
    settings.EMAIL_BACKEND = "tests.jens.kapotte_mail.KapotteBackend"  # Django's backend API, server down
    _zet_in_outbox(django_capture_on_commit_callbacks)
    time_machine.move_to(BEGIN + timedelta(minutes=59))
    outbox.verstuur_openstaande()
    assert not Signalering.objects.filter(soort=outbox.SIGNALERING_SOORT).exists()
    time_machine.move_to(BEGIN + timedelta(minutes=60))
    assert outbox.bewaak_outbox(nu=BEGIN + timedelta(minutes=60)) is True
    assert Signalering.objects.open().filter(soort=outbox.SIGNALERING_SOORT).count() == 1


def test_eerste_mislukking_stopt_de_ronde_de_rest_blijft_aan_de_beurt(
    smtp_plat, django_capture_on_commit_callbacks, time_machine
):
    for i in range(3):
        _zet_in_outbox(django_capture_on_commit_callbacks, onderwerp=f"Bericht {i}")
    time_machine.move_to(BEGIN + timedelta(minutes=1))
    assert outbox.verstuur_openstaande() == 0
    # One attempt in this run (the server is down), the other two still due; nothing lost.
    assert sorted(EmailBericht.objects.values_list("pogingen", flat=True)) == [1, 1, 2]
    assert (
        EmailBericht.objects.filter(verzonden_op=None, volgende_poging_op__lte=BEGIN + timedelta(minutes=1)).count()
        == 2
    )


def test_ronde_zonder_werk_is_een_vast_aantal_queries(django_assert_num_queries, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    EmailBericht.objects.bulk_create(
        [
            EmailBericht(
                aan=["x@jens.example"],
                onderwerp=f"later {i}",
                tekst="x",
                pogingen=1,
                volgende_poging_op=BEGIN + timedelta(minutes=30),
            )
            for i in range(50)
        ]
    )
    # The ids that are due (none) and one aggregate over the outbox; no row is loaded (the content type is cached).
    outbox.verstuur_openstaande()
    with django_assert_num_queries(2):
        assert outbox.verstuur_openstaande() == 0


def test_beheerder_ziet_de_signalering_op_de_startpagina(smtp_plat, django_capture_on_commit_callbacks, web_als):
    smtp_plat.JENS_MAIL_SIGNALERING_NA_POGINGEN = 1
    _zet_in_outbox(django_capture_on_commit_callbacks)
    outbox.bewaak_outbox(nu=BEGIN)
    pagina = web_als("functioneel_beheerder", is_staff=True).get("/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "E-mail wordt niet verzonden" in tekst and "/admin/jens/emailbericht/" in tekst
