from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from contracts.models import Zorgaanbieder
from jens.formulieren import FoutenBijVeldMixin
from jens.models import Gebied, Gemeente

from .models import Aard, IndienerRol, Kanaal, Soort, Status, Uitkomst
from .services import MAX_KORT, MAX_OMSCHRIJVING


class KlachtIndienenForm(forms.Form):
    """The public form. ``website`` is the honeypot: hidden from people, filled in by robots."""

    soort = forms.ChoiceField(
        label=_("Wat wilt u melden?"),
        choices=Soort.choices,
        initial=Soort.KLACHT,
        widget=forms.RadioSelect,
        help_text=_("Een melding van ongenoegen is minder formeel dan een klacht; beide nemen wij serieus."),
    )
    aard = forms.ModelChoiceField(
        label=_("Waar gaat het over?"), queryset=Aard.objects.filter(actief=True), empty_label=_("— kies —")
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.all(),
        required=False,
        empty_label=_("— weet ik niet —"),
        help_text=_("De gemeente waar de jeugdige woont."),
    )
    betreft = forms.CharField(label=_("Over welk team of welke medewerker gaat het?"), max_length=300, required=False)
    omschrijving = forms.CharField(
        label=_("Uw klacht"),
        max_length=MAX_OMSCHRIJVING,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Wat is er gebeurd, wanneer, en wie waren erbij? Maximaal 5000 tekens."),
    )
    gewenste_uitkomst = forms.CharField(
        label=_("Wat zou u graag willen dat er gebeurt?"),
        max_length=MAX_KORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    indiener_naam = forms.CharField(label=_("Uw naam"), max_length=150)
    indiener_rol = forms.ChoiceField(label=_("U bent"), choices=[("", _("— kies —")), *IndienerRol.choices])
    indiener_email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Dan sturen wij u een ontvangstbevestiging."),
    )
    indiener_telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    privacy = forms.BooleanField(
        label=_(
            "Ik heb de privacyverklaring gelezen en ga akkoord met het gebruik van mijn gegevens voor de behandeling van deze klacht."
        ),
        error_messages={"required": _("U moet akkoord gaan met de privacyverklaring om uw klacht in te dienen.")},
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False, max_length=200)

    def full_clean(self):
        """Point each field with an error to its message and help text (``aria-describedby``)."""
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                ids = [f"{self[naam].auto_id}_fout"]
                if self.fields[naam].help_text:
                    ids.append(f"{self[naam].auto_id}_helptext")
                self.fields[naam].widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_indiener_telefoon(self):
        from complaints.services import valideer_telefoon

        try:
            return valideer_telefoon(self.cleaned_data.get("indiener_telefoon", ""))
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["indiener_telefoon"]) from None

    def clean(self):
        data = super().clean()
        if not data.get("indiener_email") and not data.get("indiener_telefoon"):
            self.add_error(
                "indiener_email", _("Vul een e-mailadres of telefoonnummer in, zodat wij contact kunnen opnemen.")
            )
        return data


class ActieForm(forms.Form):
    """The data any action may carry; the service decides what each action needs."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    notitie = forms.CharField(
        label=_("Notitie"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    datum = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), required=False, choices=[("", "—"), *Uitkomst.choices])
    uitspraak = forms.CharField(
        label=_("Strekking uitspraak"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 3})
    )
    aanbevelingen = forms.CharField(
        label=_("Aanbevelingen"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 2})
    )
    maatregelen = forms.CharField(
        label=_("Besluit over maatregelen"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 3})
    )
    weken = forms.IntegerField(label=_("Aantal weken"), required=False, min_value=1)
    reden = forms.CharField(label=_("Reden"), required=False, max_length=2000)


# Which fields each action's form shows (besides versie and notitie).
ACTIE_VELDEN = {
    "afhandelen": ["uitkomst"],
    "naar_commissie": ["datum"],
    "uitspraak": ["datum", "uitspraak", "aanbevelingen", "uitkomst"],
    "maatregelen": ["datum", "maatregelen"],
    "verlengen": ["weken", "reden"],
}


class WerklijstFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("alle open")), *Status.choices])
    aard = forms.ModelChoiceField(
        label=_("Aard"), required=False, queryset=Aard.objects.all(), to_field_name="code", empty_label=_("alle")
    )
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("alle")), *Soort.choices])
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        required=False,
        queryset=Gemeente.objects.all(),
        to_field_name="code",
        empty_label=_("alle"),
    )
    te_laat = forms.BooleanField(label=_("Alleen te laat"), required=False)


NIET_WEB_KANALEN = [(k.value, k.label) for k in Kanaal if k != Kanaal.WEBSITE]


class KlachtRegistrerenForm(FoutenBijVeldMixin, forms.Form):
    """The klachtenfunctionaris registers a complaint received by phone, e-mail, letter or in person.
    The form only types the input; the rules (moment not in the future, area within the gemeente, a
    description) are those of ``services.maak_klacht``, whose messages appear beside the field."""

    kanaal = forms.ChoiceField(label=_("Ontvangen via"), choices=NIET_WEB_KANALEN, widget=forms.RadioSelect)
    ontvangen_op = forms.DateField(
        label=_("Datum van ontvangst"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "De dag waarop de klacht binnenkwam (telefoontje, e-mail of poststempel); de termijnen tellen vanaf deze dag."
        ),
    )
    ontvangen_tijd = forms.TimeField(
        label=_("Tijdstip van ontvangst"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("uu:mm"),
    )
    soort = forms.ChoiceField(label=_("Soort"), choices=Soort.choices, initial=Soort.KLACHT, widget=forms.RadioSelect)
    aard = forms.ModelChoiceField(
        label=_("Aard"), queryset=Aard.objects.filter(actief=True), to_field_name="code", empty_label=_("— kies —")
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Gemeente.objects.all(), required=False, empty_label=_("— onbekend —")
    )
    gebied = forms.ModelChoiceField(
        label=_("Gebied"),
        queryset=Gebied.objects.select_related("gemeente").order_by("gemeente__naam", "naam"),
        required=False,
        empty_label=_("— onbekend —"),
        help_text=_("Met een gebied volgt de gemeente uit het gebied."),
    )
    zorgaanbieder = forms.ModelChoiceField(
        label=_("Zorgaanbieder"),
        queryset=Zorgaanbieder.objects.order_by("naam"),
        required=False,
        empty_label=_("— geen —"),
    )
    betreft = forms.CharField(label=_("Over welk team of welke medewerker gaat het?"), max_length=300, required=False)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=MAX_OMSCHRIJVING, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    gewenste_uitkomst = forms.CharField(
        label=_("Gewenste uitkomst"), max_length=MAX_KORT, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    indiener_naam = forms.CharField(label=_("Naam indiener"), max_length=150, required=False)
    indiener_rol = forms.ChoiceField(
        label=_("Rol indiener"), choices=[("", _("— onbekend —")), *IndienerRol.choices], required=False
    )
    indiener_email = forms.EmailField(
        label=_("E-mailadres indiener"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")},
    )
    indiener_telefoon = forms.CharField(label=_("Telefoonnummer indiener"), max_length=30, required=False)
    notitie = forms.CharField(
        label=_("Notitie bij de ontvangst"),
        max_length=MAX_KORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Komt in de tijdlijn, bijvoorbeeld wie de telefoon opnam."),
    )

    def clean_indiener_telefoon(self):
        """The service's phone rule (services.valideer_telefoon), checked with the other fields."""
        from complaints.services import valideer_telefoon

        try:
            return valideer_telefoon(self.cleaned_data.get("indiener_telefoon", ""))
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["indiener_telefoon"]) from None
