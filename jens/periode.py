"""Report periods: a half year (``2023H1``), a year (``2021``) or a date range (``2023-01-01..2023-03-31``)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

# The one bound on dates and report periods: the registrations and reports cover 1900-2100. Outside it a date is
# a typing error (0001 for 2001), and the arithmetic of terms and reports (a day, a month or a year past a date)
# would leave the calendar near 9999.
EERSTE_JAAR = 1900
LAATSTE_JAAR = 2100
DATUM_BUITEN_BEREIK = f"Geef een datum tussen 01-01-{EERSTE_JAAR} en 31-12-{LAATSTE_JAAR}."
PERIODE_BUITEN_BEREIK = f"Geef een periode tussen {EERSTE_JAAR} en {LAATSTE_JAAR}."


def datum_in_bereik(d: date | None) -> bool:
    return d is None or EERSTE_JAAR <= d.year <= LAATSTE_JAAR


def controleer_datums(**datums: date | None) -> None:
    """A ValidationError with a Dutch message on every field whose date lies outside 1900-2100."""
    fouten = {veld: DATUM_BUITEN_BEREIK for veld, d in datums.items() if not datum_in_bereik(d)}
    if fouten:
        raise ValidationError(fouten)


@dataclass(frozen=True)
class Periode:
    van: date  # inclusive
    tot: date  # inclusive
    label: str

    @classmethod
    def parse(cls, tekst: str) -> "Periode":
        tekst = (tekst or "").strip()
        if m := re.fullmatch(r"(\d{4})[Hh]([12])", tekst):
            jaar, helft = int(m[1]), int(m[2])
            if helft == 1:
                return cls(date(jaar, 1, 1), date(jaar, 6, 30), f"{jaar}H1")
            return cls(date(jaar, 7, 1), date(jaar, 12, 31), f"{jaar}H2")
        if re.fullmatch(r"\d{4}", tekst):
            jaar = int(tekst)
            return cls(date(jaar, 1, 1), date(jaar, 12, 31), tekst)
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", tekst):
            try:
                van, tot = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            except ValueError as exc:
                raise ValueError("Ongeldige datum in de periode.") from exc
            if tot < van:
                raise ValueError("Het einde van de periode ligt voor het begin.")
            return cls(van, tot, tekst)
        raise ValueError("Geef een periode als 2023H1, 2023 of 2023-01-01..2023-06-30.")

    def vorig_jaar(self) -> "Periode":
        """The same period one year earlier (as the published tables compare)."""

        def terug(d: date) -> date:
            try:
                return d.replace(year=d.year - 1)
            except ValueError:  # 29 February
                return d.replace(year=d.year - 1, day=28)

        if re.fullmatch(r"\d{4}([Hh][12])?", self.label):
            return Periode.parse(str(int(self.label[:4]) - 1) + self.label[4:])
        van, tot = terug(self.van), terug(self.tot)
        return Periode(van, tot, f"{van.isoformat()}..{tot.isoformat()}")

    @property
    def tot_exclusief(self) -> date:
        return self.tot + timedelta(days=1)

    def maanden(self) -> list[date]:
        """The first day of every month in the period."""
        d, maanden = self.van.replace(day=1), []
        while d <= self.tot:
            maanden.append(d)
            d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        return maanden

    def __str__(self) -> str:
        return self.label


def rapportperiode(tekst: str) -> Periode:
    """``Periode.parse`` for every report and the dashboard, limited to the years 1900-2100."""
    periode = Periode.parse(tekst)
    if periode.van.year < EERSTE_JAAR or periode.tot.year > LAATSTE_JAAR:
        raise ValueError(PERIODE_BUITEN_BEREIK)
    return periode
