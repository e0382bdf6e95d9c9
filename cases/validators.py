"""Validation of the citizen service number (BSN): nine digits and the eleven test."""

from django.core.exceptions import ValidationError

GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_geldig_bsn(bsn: str) -> bool:
    """Nine digits, not 000000000, and the weighted sum (weights 9..2 and -1) divisible by 11."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    return sum(int(c) * w for c, w in zip(bsn, GEWICHTEN, strict=True)) % 11 == 0


def controleer_bsn(bsn: str) -> None:
    if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
        raise ValidationError({"bsn": "Een BSN bestaat uit precies 9 cijfers."})
    if not is_geldig_bsn(bsn):
        raise ValidationError({"bsn": "Dit is geen geldig BSN (de elfproef klopt niet)."})
