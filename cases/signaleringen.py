"""The kinds of signaleringen casework raises (labels for the home page and the e-mails)."""

DOSSIER_TE_LAAT = "cases_dossier_te_laat"
KERNTEAM_TE_LAAT = "cases_kernteam_te_laat"
EVALUATIE_TE_LAAT = "cases_evaluatie_te_laat"
GEZINSPLAN_ONTBREEKT = "cases_gezinsplan_ontbreekt"
VT_NIET_OPGEVOLGD = "cases_vt_niet_opgevolgd"
VT_TERUGKOPPELING_ONTBREEKT = "cases_vt_terugkoppeling_ontbreekt"

SOORTEN = {
    DOSSIER_TE_LAAT: "Dossier niet tijdig aangemaakt",
    KERNTEAM_TE_LAAT: "Kernteam niet tijdig gehouden",
    EVALUATIE_TE_LAAT: "Doelenevaluatie te laat",
    GEZINSPLAN_ONTBREEKT: "Meervoudige hulpvraag zonder gezinsplan",
    VT_NIET_OPGEVOLGD: "Veilig Thuis-melding niet opgevolgd",
    VT_TERUGKOPPELING_ONTBREEKT: "Terugkoppeling Veilig Thuis ontbreekt",
}
