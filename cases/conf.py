"""Terms and norms of casework: ``settings.JENS_TERMIJNEN`` keys with these defaults."""

from django.conf import settings

STANDAARD = {
    "CASES_DOSSIER_WERKDAGEN": 5,
    "CASES_KERNTEAM_WERKDAGEN": 5,
    "CASES_EVALUATIE_MAANDEN": 3,
    "CASES_GEZINSPLAN_WEKEN": 6,
    "CASES_VT_OPVOLGEN_WERKDAGEN": 5,
    "CASES_VT_TERUGKOPPELING_WERKDAGEN": 5,
    "CASES_KLANTREIS_AANSLUITING_DAGEN": 30,
    "CASES_NORM_GEZINSPLAN_PCT": 85,
    "CASES_NORM_VAST_AANSPREEKPUNT_PCT": 95,
    "CASES_NORM_VT_OPGEVOLGD_PCT": 100,
    "CASES_NORM_ONDERZOCHT_PCT": 100,
    "CASES_NORM_KLANTREIS_DAGEN": 315,
}


def termijn(sleutel: str) -> int:
    return int(getattr(settings, "JENS_TERMIJNEN", {}).get(sleutel, STANDAARD[sleutel]))
