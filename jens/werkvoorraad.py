"""The home page as a work queue: the open signaleringen a user is responsible for, counted per kind
(one GROUP BY query), filtered, the late and due items first, one page at a time."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.db.models import Count, F, Q, QuerySet

from jens.models import Gebied, Signalering
from jens.scope import gebieden_voor
from jens.signaleringen import open_signaleringen_voor, soort_label

TERMIJNEN = [("", "alle"), ("te_laat", "te laat"), ("op_tijd", "nog op tijd")]


@dataclass(frozen=True)
class Telling:
    soort: str
    label: str
    aantal: int
    te_laat: int
    mijn: int


def tellingen(user, *, vandaag: date) -> list[Telling]:
    """Per kind: how many open, how many late, how many assigned to the user personally (one query)."""
    rijen = (
        open_signaleringen_voor(user)
        .order_by()
        .values("soort")
        .annotate(
            aantal=Count("pk"),
            te_laat=Count("pk", filter=Q(deadline__lt=vandaag)),
            mijn=Count("pk", filter=Q(verantwoordelijke=user)),
        )
    )
    return sorted(
        (Telling(r["soort"], soort_label(r["soort"]), r["aantal"], r["te_laat"], r["mijn"]) for r in rijen),
        key=lambda t: t.label,
    )


class WerkvoorraadFilter(forms.Form):
    soort = forms.ChoiceField(label="Soort", required=False)
    termijn = forms.ChoiceField(label="Termijn", required=False, choices=TERMIJNEN)
    gebied = forms.ModelChoiceField(
        label="Gebied", required=False, queryset=Gebied.objects.none(), to_field_name="code", empty_label="alle"
    )
    mijn = forms.BooleanField(label="Alleen mijn taken", required=False)

    def __init__(self, *args, user, soorten: list[Telling], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "alle"), *((t.soort, t.label) for t in soorten)]
        self.fields["gebied"].queryset = (
            gebieden_voor(user).select_related("gemeente").order_by("gemeente__naam", "naam")
        )


def items(
    user, *, vandaag: date, soort: str = "", termijn: str = "", gebied: Gebied | None = None, mijn: bool = False
) -> QuerySet[Signalering]:
    """The filtered open signaleringen, the earliest deadline (the latest item) first, items without a
    deadline last."""
    qs = open_signaleringen_voor(user)
    if soort:
        qs = qs.filter(soort=soort)
    if termijn == "te_laat":
        qs = qs.filter(deadline__lt=vandaag)
    elif termijn == "op_tijd":
        qs = qs.filter(Q(deadline__gte=vandaag) | Q(deadline__isnull=True))
    if gebied is not None:
        qs = qs.filter(gebied=gebied)
    if mijn:
        qs = qs.filter(verantwoordelijke=user)
    return qs.select_related("verantwoordelijke").order_by(F("deadline").asc(nulls_last=True), "sinds", "pk")
