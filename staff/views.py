"""Pages: the FTE report (table, chart per municipality, XLSX download) and the gebiedsmanager's
team page. Both are scoped: a gemeente or gebied outside the user's scope is 404."""

from datetime import date

import tablib
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jens.audit import log_toegang
from jens.grafieken import Grafiek, Reeks
from jens.models import Toegangslog
from jens.roles import heeft_rol
from jens.scope import gebieden_voor, gemeenten_voor
from staff import selectors
from staff.api import RAPPORT_ROLLEN, rapport_scope

TEAM_ROLLEN = ("gebiedsmanager", "management", "functioneel_beheerder")


def _vereist(request, rollen) -> None:
    if not heeft_rol(request.user, *rollen):
        raise PermissionDenied


class FteFilterForm(forms.Form):
    van = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    gemeente = forms.ChoiceField(label="Gemeente", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle")] + list(gemeenten_voor(user).values_list("code", "naam"))

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
        for veld in ("van", "tot"):
            if data.get(veld) and (fout := selectors.peildata_fout([data[veld]])):
                self.add_error(veld, fout)
        return data


def _fte_grafiek(id_: str, titel: str, punten: list[tuple[str, object]]):
    """A line of FTE per reference date, drawn by the project's one chart module (the numbers also in its tooltips)."""
    return Grafiek(
        id=id_,
        titel=titel,
        omschrijving=f"{titel}: lijngrafiek met de fte op elke peildatum.",
        categorieen=[label for label, _ in punten],
        reeksen=[Reeks(naam="Fte", waarden=[waarde for _, waarde in punten])],
        as_x="Peildatum",
        as_y="Fte",
        decimalen=1,
    ).svg()


def _grafieken(rapport: list[dict]) -> list[dict]:
    gemeenten = [r["gemeente"] for r in rapport[0]["per_gemeente"]] if rapport else []
    return [
        {
            "gemeente": naam,
            "svg": _fte_grafiek(
                f"grafiek-fte-{naam.lower()}",
                f"Fte {naam} per peildatum",
                [
                    (f"{r['peildatum']:%m-%y}", next(g["fte"] for g in r["per_gemeente"] if g["gemeente"] == naam))
                    for r in rapport
                ],
            ),
        }
        for naam in gemeenten
    ]


def _xlsx(rapport: list[dict]) -> bytes:
    gemeenten = [r["gemeente"] for r in rapport[0]["per_gemeente"]] if rapport else []
    per_gemeente = tablib.Dataset(
        headers=["Peildatum", *gemeenten, "Totaal", "Verschil vorige peildatum (%)", "Verschil jaar eerder (%)"],
        title="Per gemeente",
    )
    per_gebied = tablib.Dataset(headers=["Peildatum", "Gemeente", "Gebied", "Fte"], title="Per gebied")
    per_domein = tablib.Dataset(headers=["Peildatum", "Domein", "Fte"], title="Per domein")
    per_functie = tablib.Dataset(headers=["Peildatum", "Functie", "Fte"], title="Per functie")
    for r in rapport:
        per_gemeente.append(
            [
                r["peildatum"],
                *[g["fte"] for g in r["per_gemeente"]],
                r["totaal"],
                r["verschil_vorige_pct"],
                r["verschil_jaar_pct"],
            ]
        )
        for g in r["per_gebied"]:
            per_gebied.append([r["peildatum"], g["gemeente"], g["gebied"], g["fte"]])
        for d in r["per_domein"]:
            per_domein.append([r["peildatum"], d["label"], d["fte"]])
        for f in r["per_functie"]:
            per_functie.append([r["peildatum"], f["label"], f["fte"]])
    return tablib.Databook([per_gemeente, per_gebied, per_domein, per_functie]).export("xlsx")


@login_required
def fte_rapport(request: HttpRequest) -> HttpResponse:
    _vereist(request, RAPPORT_ROLLEN)
    form = FteFilterForm(request.GET or None, user=request.user)
    rapport: list[dict] = []
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        kwargs = rapport_scope(request.user, gemeente=data.get("gemeente") or None, gebied=request.GET.get("gebied"))
        peildata = []
        for waarde in request.GET.getlist("peildatum"):
            try:
                peildata.append(date.fromisoformat(waarde))
            except ValueError:
                form.add_error(None, f"Ongeldige peildatum '{waarde}'.")
        if not peildata and (data.get("van") or data.get("tot")):
            peildata = selectors.standaard_peildata(van=data.get("van"), tot=data.get("tot"))
        if not form.errors and (fout := selectors.peildata_fout(peildata)):
            form.add_error(None, fout)
        if not form.errors:
            rapport = selectors.fte_rapport(peildata or None, **kwargs)
    if request.GET.get("formaat") == "xlsx" and rapport:
        log_toegang(request, actie=Toegangslog.Actie.EXPORTEREN, object_type="fte-rapportage", omschrijving="xlsx")
        response = HttpResponse(
            _xlsx(rapport), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="fte-rapportage.xlsx"'
        return response
    query = request.GET.copy()
    query["formaat"] = "xlsx"
    return render(
        request,
        "staff/fte_rapport.html",
        {
            "form": form,
            "rapport": rapport,
            "gemeenten": [g["gemeente"] for g in rapport[0]["per_gemeente"]] if rapport else [],
            "grafieken": _grafieken(rapport),
            "xlsx_query": query.urlencode(),
        },
    )


@login_required
def team(request: HttpRequest) -> HttpResponse:
    """The gebiedsmanager's page: for the areas in scope (or one of them with ?gebied=code)."""
    _vereist(request, TEAM_ROLLEN)
    vandaag = date.today()
    scope = gebieden_voor(request.user)
    code = request.GET.get("gebied")
    kwargs = rapport_scope(request.user, gemeente=None, gebied=code)  # 404 outside the scope
    gebieden = kwargs.get("gebieden", scope)
    log_toegang(request, actie=Toegangslog.Actie.INZIEN, object_type="team", omschrijving=code or "alle gebieden")
    trend = selectors.fte_rapport(selectors.standaard_peildata(tot=vandaag)[-8:], gebieden=gebieden)
    return render(
        request,
        "staff/team.html",
        {
            "gebieden_keuze": selectors.team_gebieden(request.user),
            "gekozen": code,
            "vandaag": vandaag,
            "huidig": selectors.huidige_fte(gebieden=gebieden, op=vandaag),
            "eindigend": selectors.eindigende_plaatsingen(gebieden=gebieden, op=vandaag),
            "formatie": selectors.formatie_met_bezetting(
                selectors.formatie_voor(request.user).filter(gebied__in=gebieden.values("pk")), op=vandaag
            ),
            "tekort": selectors.meldcode_tekort(gebieden=gebieden, op=vandaag),
            "cijfers": selectors.meldcode_scholing_cijfers(op=vandaag, gebieden=gebieden),
            "trend": _fte_grafiek(
                "grafiek-team-fte",
                "Fte van het team per peildatum",
                [(f"{r['peildatum']:%m-%y}", r["totaal"]) for r in trend],
            ),
            "eindigt_dagen": selectors.termijn("STAFF_PLAATSING_EINDIGT_DAGEN"),
        },
    )
