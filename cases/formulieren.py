"""Web forms of casework. They only collect and type the input: every rule lives in cases.services,
whose ValidationError the views put beside the field it names (cases.views_formulieren)."""

from django import forms

from cases.models import Evaluatie, Hulpvraag, Jeugdige, MeldcodeTraject, Zorginzet
from jens.formulieren import FoutenBijVeldMixin
from jens.models import Gebied
from jens.scope import gebieden_voor

JA_NEE = [("", "— kies —"), ("ja", "Ja"), ("nee", "Nee")]


def _ja_nee(waarde: str) -> bool | None:
    return {"ja": True, "nee": False}.get(waarde)


def datumveld(label: str, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="dd-mm-jjjj",
    )


def ja_nee_veld(label: str) -> forms.TypedChoiceField:
    """Yes / no / not answered: whether an answer is needed is the service's rule."""
    return forms.TypedChoiceField(label=label, choices=JA_NEE, coerce=_ja_nee, empty_value=None, required=False)


def medewerkers():
    from staff.models import Medewerker

    return Medewerker.objects.order_by("naam")


class Formulier(FoutenBijVeldMixin, forms.Form):
    fout_achtervoegsel = "_fouten"  # templates/cases/formulier.html


class JeugdigeForm(Formulier):
    bsn = forms.CharField(label="BSN", required=False, max_length=20, help_text="9 cijfers; leeg als er geen BSN is.")
    reden_geen_bsn = forms.ChoiceField(
        label="Reden geen BSN",
        required=False,
        choices=[("", "— er is een BSN —"), *Jeugdige.RedenGeenBsn.choices],
    )
    achternaam = forms.CharField(label="Achternaam", max_length=150)
    voornamen = forms.CharField(label="Voornamen", max_length=200)
    geboortedatum = datumveld("Geboortedatum")
    postcode = forms.CharField(label="Postcode", required=False, max_length=7)
    huisnummer = forms.CharField(label="Huisnummer", required=False, max_length=10)
    gebied = forms.ModelChoiceField(label="Gebied", queryset=Gebied.objects.none(), empty_label="— kies —")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = gebieden_voor(user).select_related("gemeente").order_by("gemeente", "naam")
        self.fields["gebied"].help_text = "Alleen de gebieden waarin u werkt; de gemeente volgt uit het gebied."


class HulpvraagForm(Formulier):
    ontvangen_op = datumveld("Ontvangen op")
    verwijzer = forms.ChoiceField(label="Verwijzer", choices=Hulpvraag.Verwijzer.choices)
    soort = forms.ChoiceField(label="Soort hulpvraag", choices=Hulpvraag.Soort.choices)
    regisseur = forms.ModelChoiceField(
        label="Regisseur / vast aanspreekpunt", queryset=None, required=False, empty_label="— nog niet —"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = medewerkers()


class DatumForm(Formulier):
    """One date (``op``); the label is set by the view."""

    op = datumveld("Datum")

    def __init__(self, *args, label: str = "Datum", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["op"].label = label


class AfsluitenForm(Formulier):
    op = datumveld("Afgesloten op")
    einde_reden = forms.ChoiceField(label="Reden einde", choices=Hulpvraag.EindeReden.choices)


class KernteamForm(Formulier):
    op = datumveld("Kernteam gehouden op")
    triage = forms.ChoiceField(label="Triage", choices=Hulpvraag.Triage.choices)
    regie = forms.ChoiceField(
        label="Regie",
        required=False,
        choices=[("", "— standaard (complex: gemeente, anders JENS) —"), *Hulpvraag.Regie.choices],
    )
    regisseur = forms.ModelChoiceField(
        label="Regisseur / vast aanspreekpunt", queryset=None, required=False, empty_label="— ongewijzigd —"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = medewerkers()


class EvaluatieForm(Formulier):
    datum = datumveld("Datum")
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=Evaluatie.Uitkomst.choices)
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ZorginzetForm(Formulier):
    vorm = forms.ChoiceField(label="Vorm", choices=Zorginzet.Vorm.choices)
    aangemeld_op = datumveld("Aangemeld op (wacht vanaf)")
    gebied = forms.ModelChoiceField(
        label="Gebiedsteam", queryset=None, required=False, empty_label="— geen (zorgaanbieder) —"
    )
    zorgaanbieder = forms.ModelChoiceField(
        label="Zorgaanbieder", queryset=None, required=False, empty_label="— geen (gebiedsteam) —"
    )
    contract = forms.ModelChoiceField(
        label="Contract",
        queryset=None,
        required=False,
        empty_label="— het lopende contract —",
        help_text="Zonder relatie of contract op de aanmelddatum: kies een incidentele overeenkomst.",
    )
    overbrugging = forms.BooleanField(label="Overbruggingszorg (tijdens het wachten op andere zorg)", required=False)

    def __init__(self, *args, **kwargs):
        from contracts.models import Contract, Zorgaanbieder

        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.select_related("gemeente").order_by("gemeente", "naam")
        self.fields["zorgaanbieder"].queryset = Zorgaanbieder.objects.order_by("naam")
        self.fields["contract"].queryset = Contract.objects.select_related("zorgaanbieder").order_by(
            "zorgaanbieder__naam", "pk"
        )


class MeldcodeStartForm(Formulier):
    gestart_op = datumveld("Gestart op")
    signalen = forms.CharField(
        label="Signalen", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MeldcodeStapForm(Formulier):
    """Date and note for every step; step 2, 4 and 5 add their own fields."""

    datum = datumveld("Datum")
    notitie = forms.CharField(
        label="Notitie", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, stap: int, **kwargs):
        from cases.models import MeldcodeStap

        super().__init__(*args, **kwargs)
        self.stap = stap
        if stap == 2:
            self.fields["veilig_thuis_geraadpleegd"] = ja_nee_veld("Is Veilig Thuis geraadpleegd?")
        if stap == 4:
            for veld in (
                "vermoeden",
                "acute_of_structurele_onveiligheid",
                "effectieve_hulp_mogelijk",
                "hulp_geaccepteerd",
                "resultaat_binnen_termijn",
            ):
                self.fields[veld] = ja_nee_veld(str(MeldcodeStap._meta.get_field(veld).verbose_name))
        if stap == 5:
            self.fields["besluit"] = forms.ChoiceField(
                label="Besluit", required=False, choices=[("", "— kies —"), *MeldcodeTraject.Besluit.choices]
            )
            self.fields["gemeld_op"] = datumveld("Gemeld bij Veilig Thuis op (bij een melding)", required=False)
            self.fields["gemeld_op"].help_text = "dd-mm-jjjj; leeg = de datum van het besluit."


class TerugkoppelingForm(Formulier):
    op = datumveld("Terugkoppeling ontvangen op")
    terugkoppeling = forms.CharField(
        label="Terugkoppeling van Veilig Thuis", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    herbeoordeling_op = datumveld("Herbeoordeling vraag 5 op", required=False)
