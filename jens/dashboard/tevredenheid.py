"""Dashboard part and half-year report table of the satisfaction surveys (issue 12 part B): a separate module so
that it merges beside the other parts of ``jens.dashboard.selectors``."""

from jens.dashboard.selectors import Filter, Kolom, Onderdeel, Tabel, Tegel
from jens.tevredenheid import tevredenheid_cijfers


def onderdeel_tevredenheid(f: Filter) -> Onderdeel:
    """The client, employee and stakeholder scores of the period's year and the year before, against their norms.
    Cooperation-wide (also for a municipality); a score of fewer than 5 respondents is hidden for it."""
    jaar = f.periode.tot.year
    titel = "Tevredenheid"
    rijen_data = tevredenheid_cijfers(jaar)
    rijen = [
        [
            r["soort_label"],
            r["jaar"],
            r["periode_label"],
            (r["score"], "getal", r["respondenten"]),
            (r["norm"], "getal"),
            r["respondenten"],
            (r["boven_norm"], "janee", r["respondenten"]),
        ]
        for r in rijen_data
    ]
    tabel = Tabel(
        "tevredenheid",
        f"Tevredenheidsmetingen {jaar - 1} en {jaar}",
        [
            Kolom("Meting"),
            Kolom("Jaar", "tekst"),
            Kolom("Periode"),
            Kolom("Score", "gemengd"),
            Kolom("Norm", "gemengd"),
            Kolom("Respondenten", "aantal"),
            Kolom("Norm gehaald", "gemengd"),
        ],
        rijen,
        toelichting="Rapportcijfer (1-10) per meting; heel JENS, geen uitsplitsing per gemeente.",
        blad="Tevredenheid",
    )
    laatste = {}
    for r in rijen_data:  # ordered by kind, newest year first: the first row per kind is the latest
        laatste.setdefault(r["soort"], r)
    tegels = [
        Tegel(
            f"tevredenheid_{soort}",
            f"{r['soort_label'].capitalize()} {r['jaar']}",
            r["score"],
            soort="getal",
            norm=r["norm"],
            richting="min",
            toelichting=f"{r['respondenten']} respondenten; heel JENS.",
            detail="tevredenheid",
            basis=r["respondenten"],
        )
        for soort, r in laatste.items()
    ]
    return Onderdeel("tevredenheid", titel, tegels=tegels, tabellen=[tabel], bron="jens")
