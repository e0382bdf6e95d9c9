from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ALLES = [
    f"{actie}_{model}"
    for model in ("medewerker", "plaatsing", "formatie", "scholing")
    for actie in ("view", "add", "change", "delete")
]


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Personeel")
    default_auto_field = "django.db.models.BigAutoField"

    # Employees' personal data only for the gebiedsmanager (own areas, scoped in the querysets),
    # management and the functioneel beheerder (all areas). The gemeente role gets the FTE report
    # figures only, through the report views (role check there), never a person.
    rolrechten = {
        "gebiedsmanager": [
            "view_medewerker",
            "change_medewerker",
            "view_plaatsing",
            "add_plaatsing",
            "change_plaatsing",
            "view_formatie",
            "view_scholing",
            "add_scholing",
            "change_scholing",
            "delete_scholing",
        ],
        "management": ALLES,
        "functioneel_beheerder": ALLES,
    }
    navigatie = [
        ("Mijn team", "staff-team", ("gebiedsmanager", "management", "functioneel_beheerder")),
        ("Fte-rapportage", "staff-fte-rapport", ("gebiedsmanager", "management", "functioneel_beheerder", "gemeente")),
    ]

    def ready(self) -> None:
        from jens.signaleringen import registreer_soorten

        from .signaleringen import SOORTEN

        registreer_soorten(SOORTEN)
