"""Web forms of the gebiedsmanager (placements and training). They only collect and type the input;
the rules are those of staff.services, whose ValidationError the views put beside the field it names."""

from django import forms

from jens.formulieren import FoutenBijVeldMixin
from jens.scope import gebieden_voor
from staff import selectors
from staff.models import Domein, Scholing


def datumveld(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
    )


def fteveld(label: str = "Fte") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=3,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text="Groter dan 0 en hoogstens 1,00, bijvoorbeeld 0,80.",
        error_messages={
            "invalid": "Vul een getal in, bijvoorbeeld 0,80.",
            "max_digits": "Vul een fte in van hoogstens 1,00.",
            "max_whole_digits": "Vul een fte in van hoogstens 1,00.",
            "max_decimal_places": "Gebruik hoogstens twee cijfers achter de komma.",
        },
    )


class Formulier(FoutenBijVeldMixin, forms.Form):
    pass


class PlaatsingForm(Formulier):
    medewerker = forms.ModelChoiceField(label="Medewerker", queryset=None, empty_label="— kies —")
    gebied = forms.ModelChoiceField(label="Gebied", queryset=None, empty_label="— kies —")
    domein = forms.ChoiceField(label="Domein", choices=Domein.choices, widget=forms.RadioSelect)
    fte = fteveld()
    van = datumveld("Van", help_text="De eerste dag van de plaatsing.")
    tot = datumveld("Tot", required=False, help_text="De dag na de laatste dag; leeg = lopend.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = selectors.plaatsbare_medewerkers(user)
        self.fields["gebied"].queryset = (
            gebieden_voor(user).select_related("gemeente").order_by("gemeente__naam", "naam")
        )
        self.fields["gebied"].help_text = "Alleen de gebieden waarvan u gebiedsmanager bent."


class BeeindigenForm(Formulier):
    tot = datumveld("Tot", help_text="De dag na de laatste werkdag in dit gebied.")


class UrenForm(Formulier):
    fte = fteveld("Nieuwe fte")
    per = datumveld("Per", help_text="Vanaf deze dag geldt de nieuwe fte; de huidige plaatsing eindigt dan.")


class ScholingForm(Formulier):
    medewerker = forms.ModelChoiceField(label="Medewerker", queryset=None, empty_label="— kies —")
    soort = forms.ChoiceField(label="Soort", choices=[("", "— kies —"), *Scholing.Soort.choices])
    datum = datumveld("Datum")
    omschrijving = forms.CharField(label="Omschrijving", max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = selectors.medewerkers_voor(user).order_by("naam", "pk")
