"""A cost line more than the margin above its budget pro rata is flagged once, per gemeente; set-based."""

from datetime import date

import pytest

from financien import selectors
from financien.signaleringen import KOSTEN_BOVEN_BEGROTING, signaleer_financien
from jens.models import Signalering

pytestmark = pytest.mark.django_db

HALF_JULI = date(2023, 7, 15)  # the last whole month is June: half of the 2023 budget


def _open() -> set[tuple[str, str]]:
    return {
        (s.gemeente.code, s.omschrijving.split(" ")[0].lower())
        for s in Signalering.objects.open().filter(soort=KOSTEN_BOVEN_BEGROTING).select_related("gemeente")
    }


def test_voorliggend_veld_boven_de_begroting_naar_rato(financien_demo, settings):
    # 2023H1: voorliggend veld € 337k against € 630k / 2 = € 315k (+7%); outsourced care € 9.140k against
    # € 8.818k (+3,7%); gebiedsteams € 7.739k against € 7.720k (+0,2%); the rest under the budget
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "FINANCIEN_MARGE_BOVEN_BEGROTING_PCT": "5"}
    assert signaleer_financien(HALF_JULI)[KOSTEN_BOVEN_BEGROTING].nieuw == 3
    assert _open() == {(g, "voorliggend") for g in ("heerlen", "landgraaf", "voerendaal")}
    assert signaleer_financien(HALF_JULI)[KOSTEN_BOVEN_BEGROTING].nieuw == 0  # once, not on every run
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "FINANCIEN_MARGE_BOVEN_BEGROTING_PCT": "2"}
    signaleer_financien(HALF_JULI)
    assert {post for _, post in _open()} == {"voorliggend", "specialistische"}
    settings.JENS_TERMIJNEN = {**settings.JENS_TERMIJNEN, "FINANCIEN_MARGE_BOVEN_BEGROTING_PCT": "10"}
    assert signaleer_financien(HALF_JULI)[KOSTEN_BOVEN_BEGROTING].opgelost == 6
    assert _open() == set()


def test_een_query_voor_de_soort(financien_demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        rijen = list(selectors.kosten_boven_begroting(HALF_JULI, marge_pct=5))
    assert len(rijen) == 3 and all(r.gerealiseerd > r.grens for r in rijen)


def test_zonder_begroting_of_in_januari_over_het_vorige_jaar(financien_demo):
    assert not selectors.kosten_boven_begroting(date(2022, 7, 15), marge_pct=0).exists()  # no 2022 budget
    # on 10 January 2024 the last whole month is December 2023: the whole year's costs against the whole budget
    assert selectors.peilmaand(date(2024, 1, 10)) == date(2023, 12, 31)
    boven = {(r.gemeente.code, r.post) for r in selectors.kosten_boven_begroting(date(2024, 1, 10), marge_pct=0)}
    assert ("heerlen", "specialistische_zorg") in boven  # € 18.447k against € 17.636k
    assert ("heerlen", "gebiedsteams") not in boven  # only the first half year is booked
